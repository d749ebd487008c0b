//! A finished statx as the 18 numbers lib/internal/fs/stats.js builds a Stats from:
//! dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, then seconds and
//! nanoseconds of atime, mtime, ctime and birthtime. Sent as an array that JS
//! reads as an array of numbers, or of BigInts for `{ bigint: true }`.
//!
//! fs.promises.stat's completion instead writes 14 numbers (the times already in
//! milliseconds) into one Float64Array lib/ registered with `setStatValues`, and
//! lib/'s Stats maker reads them right away: no array and no heap numbers per call.
use std::cell::RefCell;

use crate::backend::Op;
use crate::binding::set_methods;
use crate::v8::{CallbackArgs, Global, Local, Object, Scope, Value};

/// How many numbers `done_shared` writes.
const SHARED_FIELDS: usize = 14;

thread_local! {
    static SHARED: RefCell<Option<Global>> = const { RefCell::new(None) };
}

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods!["setStatValues" => set_stat_values],
    );
}

/// setStatValues(float64Array): where `done_shared` writes (kept alive here).
fn set_stat_values<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let v = a.get(0);
    if v.view().is_some_and(|(_, _, len)| len == SHARED_FIELDS * 8) {
        SHARED.with(|g| *g.borrow_mut() = Some(Global::new(s, v)));
    }
}

/// The fields in the registered Float64Array; the value is undefined.
pub fn done_shared<'s>(s: &Scope<'s>, _result: i32, op: &mut Op) -> Local<'s, Value> {
    let f = fields(op);
    let ms = |i: usize| f[i] as f64 * 1e3 + f[i + 1] as f64 / 1e6;
    let mut values = [0f64; SHARED_FIELDS];
    for (v, &x) in values.iter_mut().zip(&f[..10]) {
        *v = x as f64;
    }
    values[10..].copy_from_slice(&[ms(10), ms(12), ms(14), ms(16)]);
    SHARED.with(|g| {
        let Some(array) = g.borrow().as_ref().map(|g| g.get(s)) else {
            return;
        };
        // SAFETY: no other view of this array's memory is live in Rust; no JS runs
        // while the slice is written.
        if let Some(bytes) = unsafe { array.view_bytes_mut() } {
            for (chunk, v) in bytes.chunks_exact_mut(8).zip(values) {
                chunk.copy_from_slice(&v.to_ne_bytes());
            }
        }
    });
    s.undefined()
}

fn fields(op: &Op) -> [i128; 18] {
    let Op::Statx(op) = op else {
        return [0; 18];
    };
    let st = &*op.buf;
    let dev = libc::makedev(st.stx_dev_major, st.stx_dev_minor);
    let rdev = libc::makedev(st.stx_rdev_major, st.stx_rdev_minor);
    let t = |ts: &libc::statx_timestamp| [ts.tv_sec as i128, ts.tv_nsec as i128];
    let [a, an] = t(&st.stx_atime);
    let [m, mn] = t(&st.stx_mtime);
    let [c, cn] = t(&st.stx_ctime);
    let [b, bn] = t(&st.stx_btime);
    [
        dev as i128,
        st.stx_mode as i128,
        st.stx_nlink as i128,
        st.stx_uid as i128,
        st.stx_gid as i128,
        rdev as i128,
        st.stx_blksize as i128,
        st.stx_ino as i128,
        st.stx_size as i128,
        st.stx_blocks as i128,
        a,
        an,
        m,
        mn,
        c,
        cn,
        b,
        bn,
    ]
}

/// The fields as a JS array of numbers: cheaper for V8 than a new ArrayBuffer.
pub fn done_number<'s>(s: &Scope<'s>, _result: i32, op: &mut Op) -> Local<'s, Value> {
    let values: Vec<_> = fields(op).iter().map(|&v| s.number(v as f64)).collect();
    s.array(&values).value()
}

pub fn done_bigint<'s>(s: &Scope<'s>, _result: i32, op: &mut Op) -> Local<'s, Value> {
    let values: Vec<_> = fields(op).iter().map(|&v| s.bigint(v as i64)).collect();
    s.array(&values).value()
}
