//! internalBinding('zlib'): compression engines for lib/zlib.js. The deflate family
//! runs on zlib-rs (deflate.rs, zlib_ffi.rs), brotli on the system's libbrotli
//! (brotli.rs). An engine lives in a per-thread table; JS holds its number.
//!
//! Each write consumes what it can of an input range and fills an output range,
//! and reports what is left of both (zlib's avail_in/avail_out), as Node's handle
//! does. `writeSync` runs on the loop thread; `write` runs on the work pool (as
//! Node's on libuv's threadpool): the engine is moved out of the table into the job
//! and back at its completion, and the job holds the two JS buffers' backing
//! stores, so their memory stays alive and in place whatever JS does meanwhile.
//! A close() during a write frees the engine when the write comes back.
use std::cell::RefCell;

use slab::Slab;

use super::set_methods;
use crate::backend::op::{Inline, InlineOutput};
use crate::backend::{Op, OpBox};
use crate::runtime::{Finish, Runtime};
use crate::v8::{BackingStore, CallbackArgs, ErrorKind, Local, Object, Scope, Value, ValueKind};

mod brotli;
mod deflate;
mod zlib_ffi;

use brotli::Brotli;
use deflate::ZStream;

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "zlibInit" => zlib_init,
            "brotliInit" => brotli_init,
            "writeSync" => write_sync,
            "write" => write_async,
            "params" => params,
            "reset" => reset,
            "close" => close,
            "crc32" => crc32,
        ],
    );
    target.set_str(s, "ZLIB_VERNUM", s.number(f64::from(deflate::vernum())));
}

/// Node's mode numbers (zlib.constants.DEFLATE ...).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    None,
    Deflate,
    Inflate,
    Gzip,
    Gunzip,
    DeflateRaw,
    InflateRaw,
    Unzip,
}

impl Mode {
    fn from_number(n: i64) -> Option<Mode> {
        Some(match n {
            1 => Mode::Deflate,
            2 => Mode::Inflate,
            3 => Mode::Gzip,
            4 => Mode::Gunzip,
            5 => Mode::DeflateRaw,
            6 => Mode::InflateRaw,
            7 => Mode::Unzip,
            _ => return None,
        })
    }
}

/// A write that failed: Node's message, errno and (when not zlib's name for the
/// errno) code.
pub struct StepError {
    message: String,
    errno: i32,
    code: Option<String>,
}

impl StepError {
    fn new(message: &str, errno: i32, code: Option<String>) -> StepError {
        StepError::owned(message.to_string(), errno, code)
    }
    fn owned(message: String, errno: i32, code: Option<String>) -> StepError {
        StepError {
            message,
            errno,
            code,
        }
    }
}

enum Engine {
    Zlib(ZStream),
    Brotli(Brotli),
}

impl Engine {
    /// # Safety
    /// As `ZStream::write`.
    unsafe fn write(&mut self, flush: i32, io: &Io) -> Result<(usize, usize), StepError> {
        // SAFETY: forwarded from the caller.
        unsafe {
            match self {
                Engine::Zlib(z) => z.write(flush, io.input, io.in_len, io.output, io.out_len),
                Engine::Brotli(b) => b.write(flush, io.input, io.in_len, io.output, io.out_len),
            }
        }
    }
}

struct Slot {
    /// None while a pool job has it.
    engine: Option<Box<Engine>>,
    /// close() came while a job had the engine: drop it when the job returns.
    closed: bool,
}

thread_local! {
    static ENGINES: RefCell<Slab<Slot>> = const { RefCell::new(Slab::new()) };
}

fn insert(engine: Engine) -> f64 {
    let slot = Slot {
        engine: Some(Box::new(engine)),
        closed: false,
    };
    ENGINES.with(|t| t.borrow_mut().insert(slot)) as f64
}

fn int(s: &Scope, a: &CallbackArgs, i: usize) -> i64 {
    a.get(i).integer(s).unwrap_or(0)
}

/// zlibInit(mode, level, windowBits, memLevel, strategy, dictionary | undefined)
/// -> id, or zlib's (negative) error code.
fn zlib_init<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(mode) = Mode::from_number(int(s, a, 0)) else {
        return a.ret(s.number(-2.0));
    };
    let [level, bits, mem, strategy] = [1, 2, 3, 4].map(|i| int(s, a, i) as i32);
    let dictionary = a
        .get(5)
        .view_bytes()
        .map(<[u8]>::to_vec)
        .unwrap_or_default();
    let id = match ZStream::new(mode, level, bits, mem, strategy, dictionary) {
        Ok(z) => insert(Engine::Zlib(z)),
        Err(e) => f64::from(e.min(-1)),
    };
    a.ret(s.number(id));
}

/// brotliInit(encoder, params: Uint32Array indexed by parameter, 0xffffffff unset)
/// -> id, or -1 when the library refuses a parameter.
fn brotli_init<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let encoder = a.get(0).boolean(s);
    let raw = a.get(1).view_bytes().unwrap_or_default();
    let params = raw
        .chunks_exact(4)
        .enumerate()
        .filter_map(|(i, b)| {
            let v = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
            (v != u32::MAX).then_some((i as i32, v))
        })
        .collect();
    let id = Brotli::new(encoder, params).map_or(-1.0, |b| insert(Engine::Brotli(b)));
    a.ret(s.number(id));
}

/// The input and output ranges of one write.
struct Io {
    input: *const u8,
    in_len: usize,
    output: *mut u8,
    out_len: usize,
    /// What keeps both ranges allocated and in place.
    _stores: [BackingStore; 2],
}

// SAFETY: the raw ranges are used by one thread at a time (the pool job, while the
// loop thread waits for its completion); the backing stores are only moved by the
// pool thread, never touched: the job hands them back in its output, so they are
// released on the loop thread.
unsafe impl Send for Io {}

/// The range (view at `i`, offset at i+1, length at i+2) with its backing store,
/// or None (after throwing) when it does not fit inside the view.
fn range<'s>(
    s: &Scope<'s>,
    a: &CallbackArgs<'s>,
    i: usize,
) -> Option<(*mut u8, usize, BackingStore)> {
    let Some((ab, off, len)) = a.get(i).view() else {
        s.throw_error(ErrorKind::TypeError, "zlib: expected a typed array");
        return None;
    };
    let (start, n) = (int(s, a, i + 1), int(s, a, i + 2));
    if start < 0 || n < 0 || (start + n) as usize > len {
        s.throw_error(ErrorKind::RangeError, "zlib: range out of bounds");
        return None;
    }
    let store = ab.backing_store();
    let data = store.data();
    let ptr = if data.is_null() || n == 0 {
        std::ptr::NonNull::dangling().as_ptr()
    } else {
        // SAFETY: off + start + n <= the buffer's length, checked above.
        unsafe { data.add(off + start as usize) }
    };
    Some((ptr, n as usize, store))
}

/// (id, flush, the two ranges) from arguments starting at `i`.
fn write_args<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>, i: usize) -> Option<(usize, i32, Io)> {
    let id = int(s, a, i) as usize;
    let flush = int(s, a, i + 1) as i32;
    let (input, in_len, in_store) = range(s, a, i + 2)?;
    let (output, out_len, out_store) = range(s, a, i + 5)?;
    let io = Io {
        input,
        in_len,
        output,
        out_len,
        _stores: [in_store, out_store],
    };
    Some((id, flush, io))
}

/// [input left, output left] or [message, errno, code | undefined].
fn result_value<'s>(s: &Scope<'s>, r: Result<(usize, usize), StepError>) -> Local<'s, Value> {
    match r {
        Ok((inl, outl)) => s
            .array(&[s.number(inl as f64), s.number(outl as f64)])
            .value(),
        Err(e) => {
            let code = e.code.map_or(s.undefined(), |c| s.string(&c).value());
            s.array(&[
                s.string(&e.message).value(),
                s.number(f64::from(e.errno)),
                code,
            ])
            .value()
        }
    }
}

fn take_engine(s: &Scope, id: usize) -> Option<Box<Engine>> {
    let engine = ENGINES.with(|t| {
        t.borrow_mut()
            .get_mut(id)
            .and_then(|slot| slot.engine.take())
    });
    if engine.is_none() {
        s.throw_error(ErrorKind::Error, "zlib: engine closed or busy");
    }
    engine
}

fn put_engine(id: usize, engine: Box<Engine>) {
    ENGINES.with(|t| {
        let mut t = t.borrow_mut();
        match t.get_mut(id) {
            Some(slot) if slot.closed => {
                t.remove(id);
            }
            Some(slot) => slot.engine = Some(engine),
            None => {}
        }
    });
}

/// writeSync(id, flush, in, inOff, inLen, out, outOff, outLen) -> see result_value.
fn write_sync<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((id, flush, io)) = write_args(s, a, 0) else {
        return;
    };
    let Some(mut engine) = take_engine(s, id) else {
        return;
    };
    // SAFETY: the ranges were bounds-checked and are kept by io's stores; no JS
    // runs during the call.
    let r = unsafe { engine.write(flush, &io) };
    put_engine(id, engine);
    a.ret(result_value(s, r));
}

/// write(req, id, flush, in, inOff, inLen, out, outOff, outLen): on the pool, then
/// req.oncomplete(error array | null, [input left, output left]).
fn write_async<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = a.get(0).to::<Object>(ValueKind::Object) else {
        return;
    };
    let Some((id, flush, io)) = write_args(s, a, 1) else {
        return;
    };
    let Some(mut engine) = take_engine(s, id) else {
        return;
    };
    type Done = (Box<Engine>, Result<(usize, usize), StepError>, Io);
    let op = Inline::on_pool("zlib", move || {
        // SAFETY: io's stores keep both ranges alive and unmoved until the job's
        // completion; JS does not write to them meanwhile (lib/zlib.js waits).
        let r = unsafe { engine.write(flush, &io) };
        Ok(Box::new((engine, r, io)) as InlineOutput)
    });
    let finish: Finish = Box::new(move |s, c| {
        let Some(Op::Inline(mut op)) = c.op.map(OpBox::into_op) else {
            return Err(s.error(ErrorKind::Error, "zlib: write lost"));
        };
        let Some(Ok(done)) = op.output.take().map(|o| o.downcast::<Done>()) else {
            // Never ran (cancelled at teardown): the engine went with the op.
            ENGINES.with(|t| t.borrow_mut().try_remove(id));
            return Err(s.error(ErrorKind::Error, "zlib: write cancelled"));
        };
        let (engine, r, io) = *done;
        drop(io);
        put_engine(id, engine);
        match r {
            Ok(_) => Ok(result_value(s, r)),
            Err(_) => Err(result_value(s, r)),
        }
    });
    Runtime::get(s).submit_request(s, req, op.into(), finish);
}

/// params(id, level, strategy) -> zlib's result code.
fn params<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = int(s, a, 0) as usize;
    let (level, strategy) = (int(s, a, 1) as i32, int(s, a, 2) as i32);
    let Some(mut engine) = take_engine(s, id) else {
        return;
    };
    let err = match &mut *engine {
        Engine::Zlib(z) => z.params(level, strategy),
        Engine::Brotli(_) => 0,
    };
    put_engine(id, engine);
    a.ret(s.number(f64::from(err)));
}

/// reset(id) -> 0, or an error code.
fn reset<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = int(s, a, 0) as usize;
    let Some(mut engine) = take_engine(s, id) else {
        return;
    };
    let err = match &mut *engine {
        Engine::Zlib(z) => z.reset(),
        Engine::Brotli(b) => -i32::from(!b.reset()),
    };
    put_engine(id, engine);
    a.ret(s.number(f64::from(err)));
}

/// close(id): frees the engine now, or when its write in flight comes back.
fn close<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = int(s, a, 0) as usize;
    ENGINES.with(|t| {
        let mut t = t.borrow_mut();
        match t.get_mut(id) {
            Some(slot) if slot.engine.is_none() => slot.closed = true,
            Some(_) => {
                t.remove(id);
            }
            None => {}
        }
    });
}

/// crc32(bytes, value) -> the CRC-32 of bytes continuing from value.
fn crc32<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let bytes = a.get(0).view_bytes().unwrap_or_default();
    let value = a.get(1).number(s).unwrap_or(0.0) as u32;
    a.ret(s.number(f64::from(deflate::crc32(value, bytes))));
}
