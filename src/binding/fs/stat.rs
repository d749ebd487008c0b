//! A finished statx as the 18 numbers lib/internal/fs/stats.js builds a Stats from:
//! dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, then seconds and
//! nanoseconds of atime, mtime, ctime and birthtime. Sent as an array that JS
//! reads as an array of numbers, or of BigInts for `{ bigint: true }`.
//!
//! fs.promises.stat's completion instead writes 14 numbers (the times already in
//! milliseconds) into one Float64Array lib/ registered with `setStatValues`, makes
//! the four Dates, and calls lib/'s Stats maker with them, which reads the numbers
//! right away: no array and no heap numbers per call, and no `new Date` in JS
//! (a C++ builtin in V8 10.2, entered from JS through its runtime stub).
use std::cell::RefCell;

use super::ErrorContext;
use crate::backend::op::{Statx, StatxTarget};
use crate::backend::Op;
use crate::binding::set_methods;
use crate::v8::{CallbackArgs, Function, Global, Local, Object, Scope, Value, ValueKind};

/// How many numbers `done_shared` writes.
const SHARED_FIELDS: usize = 14;

/// What `setStatValues` registered.
struct Shared {
    /// The Float64Array, kept alive.
    _values: Global,
    /// Where its bytes are.
    data: *mut u8,
    /// lib/'s Stats maker: (atime, mtime, ctime, birthtime) -> Stats.
    maker: Global,
}

thread_local! {
    static SHARED: RefCell<Option<Shared>> = const { RefCell::new(None) };
}

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "setStatValues" => set_stat_values,
            "statPromise" => stat_promise,
            "lstatPromise" => lstat_promise,
            "setStatFallback" => set_stat_fallback,
        ],
    );
}

/// setStatValues(float64Array, maker): where `done_shared` writes (kept alive
/// here), and what it calls.
/// Its data pointer is taken once: the array is lib/'s own (never handed to user
/// code, so never transferred or detached), 112 bytes and so off the V8 heap, and
/// the Global keeps its backing store alive; looking it up per completion (the
/// view's buffer, its data) showed in stat's profile.
fn set_stat_values<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let (v, maker) = (a.get(0), a.get(1));
    if v.view().is_some_and(|(_, _, len)| len == SHARED_FIELDS * 8) && maker.is(ValueKind::Function)
    {
        // SAFETY: no other view of this array's memory is live in Rust here.
        let Some(bytes) = (unsafe { v.view_bytes_mut() }) else {
            return;
        };
        let data = bytes.as_mut_ptr();
        let shared = Shared {
            _values: Global::new(s, v),
            data,
            maker: Global::new(s, maker),
        };
        SHARED.with(|g| *g.borrow_mut() = Some(shared));
    }
}

/// statPromise(path, options) and lstatPromise(path, options) are fs.promises.stat
/// and lstat themselves (lib/internal/fs/promises.js). The common call, a path of
/// ASCII characters with no NUL and no options, becomes the op and the promise
/// `done_shared` settles right here; any other goes to lib/'s statPromise (kind,
/// path, options: validation, Buffer and URL paths, bigint), registered with
/// setStatFallback. A caller's optimized code then inlines one API call instead of
/// lib/'s wrapper and its checks, and there is no wrapper of lib/'s to warm up
/// (TurboFan compiles a caller again for each new closure of it, as bench/fs.js's
/// arrow is per pass).
fn stat_promise<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    path_promise(s, a, true);
}

fn lstat_promise<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    path_promise(s, a, false);
}

fn path_promise<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>, follow: bool) {
    // Options given (even `{}`) or an unusual path: lib/ validates and decides.
    let path = if a.get(1).is(ValueKind::Undefined) {
        super::args::plain_c_path(s, a, 0)
    } else {
        None
    };
    let Some(path) = path else {
        let kind = s.string(if follow { "stat" } else { "lstat" }).value();
        let f = FALLBACK.with(|f| f.get().map(|g| g.get(s)));
        let f = f.and_then(|f| f.to::<Function>(ValueKind::Function));
        if let Some(v) = f.and_then(|f| f.call(s, s.undefined(), &[kind, a.get(0), a.get(1)])) {
            a.ret(v);
        }
        return;
    };
    let op = Statx::new(StatxTarget::Path { path, follow });
    let ctx = ErrorContext::new(if follow { "stat" } else { "lstat" }).op_path();
    super::dispatch_promise(s, a, None, op.into(), ctx, done_shared);
}

thread_local! {
    /// lib/'s statPromise(kind, path, options), for the calls the binding does not take.
    static FALLBACK: std::cell::OnceCell<Global> = const { std::cell::OnceCell::new() };
}

fn set_stat_fallback<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if a.get(0).is(ValueKind::Function) {
        FALLBACK.with(|f| f.set(Global::new(s, a.get(0))).ok());
    }
}

/// JS's `Math.round` of a finite number (half rounds up), as node's Stats
/// rounds a time before making its Date; NaN stays NaN.
fn js_round(x: f64) -> f64 {
    let r = x.floor();
    if x - r >= 0.5 {
        r + 1.0
    } else {
        r
    }
}

/// The fields in the registered Float64Array, then the Stats from the maker,
/// called with the four Dates made here. `v8::Date::New` is the same
/// `JSDate::New` as JS's `new Date`, without the builtin's entry from JS.
/// Undefined only if the maker threw (only when the isolate is terminating).
pub fn done_shared<'s>(s: &Scope<'s>, _result: i32, op: &mut Op) -> Local<'s, Value> {
    let Op::Statx(op) = op else {
        return s.undefined();
    };
    let st = &*op.buf;
    // Straight to f64 (the conversions `fields` makes through i128 are calls).
    let ms = |ts: &libc::statx_timestamp| ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6;
    let values: [f64; SHARED_FIELDS] = [
        libc::makedev(st.stx_dev_major, st.stx_dev_minor) as f64,
        st.stx_mode as f64,
        st.stx_nlink as f64,
        st.stx_uid as f64,
        st.stx_gid as f64,
        libc::makedev(st.stx_rdev_major, st.stx_rdev_minor) as f64,
        st.stx_blksize as f64,
        st.stx_ino as f64,
        st.stx_size as f64,
        st.stx_blocks as f64,
        ms(&st.stx_atime),
        ms(&st.stx_mtime),
        ms(&st.stx_ctime),
        ms(&st.stx_btime),
    ];
    let maker = SHARED.with(|g| {
        let g = g.borrow();
        let shared = g.as_ref()?;
        // SAFETY: data is the live, never detached array's 112 bytes
        // (set_stat_values); no JS runs and no other Rust view of them is live.
        unsafe {
            std::ptr::copy_nonoverlapping(
                values.as_ptr().cast::<u8>(),
                shared.data,
                SHARED_FIELDS * 8,
            )
        };
        shared.maker.get(s).to::<Function>(ValueKind::Function)
    });
    let made = || {
        let date = |i: usize| s.date(js_round(values[i]));
        let dates = [date(10)?, date(11)?, date(12)?, date(13)?];
        maker?.call(s, s.undefined(), &dates)
    };
    made().unwrap_or_else(|| s.undefined())
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
