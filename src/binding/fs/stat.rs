//! A finished statx as the 18 numbers lib/internal/fs/stats.js builds a Stats from:
//! dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, then seconds and
//! nanoseconds of atime, mtime, ctime and birthtime. Sent as an array that JS
//! reads as an array of numbers, or of BigInts for `{ bigint: true }`.
use crate::backend::Op;
use crate::v8::{Local, Scope, Value};

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
