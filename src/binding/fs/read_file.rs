//! readFile(path, flags, mode, req) -> ArrayBuffer of the whole file, or undefined
//! when it passed 2 GiB (lib/ then measures it and throws ERR_FS_FILE_TOO_LARGE).
//! One op (backend/op/read_file.rs): a linked chain on io_uring, open + reads +
//! close on the work pool on epoll. Its error names the syscall that failed, with
//! the path for open's, as Node's chain of calls would.
use super::{args, ErrorContext};
use crate::backend::op::ReadFile;
use crate::backend::Op;
use crate::binding::set_methods;
use crate::runtime::{Finish, Runtime};
use crate::v8::{CallbackArgs, Free, Function, Local, Object, Reclaim, Scope, Value, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(s, target, crate::methods!["readFile" => read_file]);
}

fn read_file<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(path) = args::c_path(s, a, 0) else {
        return;
    };
    let op = ReadFile::new(path, args::int(s, a, 1) as i32, args::int(s, a, 2) as u32);
    // fs.promises.readFile: a promise settled from here, its value passed through
    // the function (lib/ makes the Buffer); past 2 GiB the value is the path, for
    // lib/ to measure the file and refuse it.
    let map = a.get(3).to::<Function>(ValueKind::Function);
    if map.is_some() || a.get(3).is(ValueKind::Symbol) {
        let finish: Finish = Box::new(move |s, c| {
            let mut op = c.op.expect("a finished op is handed back");
            let v = done(s, c.result, &mut op)?;
            Ok(match &*op {
                Op::ReadFile(op) if v.is_undefined() => {
                    s.string(&op.path().to_string_lossy()).value()
                }
                _ => v,
            })
        });
        if let Some(p) = Runtime::get(s).submit_promise(s, map, op.into(), finish) {
            a.ret(p.value());
        }
        return;
    }
    if let Some(req) = a.get(3).to::<Object>(ValueKind::Object) {
        let finish: Finish = Box::new(move |s, c| {
            let mut op = c.op.expect("a finished op is handed back");
            done(s, c.result, &mut op)
        });
        Runtime::get(s).submit_request(s, req, op.into(), finish);
        return;
    }
    let mut op: Op = op.into();
    let result = op.as_opable().run_blocking();
    match done(s, result, &mut op) {
        Ok(v) => a.ret(v),
        Err(e) => s.throw(e),
    }
}

fn done<'s>(s: &Scope<'s>, result: i32, op: &mut Op) -> Result<Local<'s, Value>, Local<'s, Value>> {
    let Op::ReadFile(op) = op else {
        return Ok(s.undefined());
    };
    if result < 0 {
        let mut ctx = ErrorContext::new(op.failed);
        if op.failed == "open" {
            ctx = ctx.path(&op.path().to_string_lossy());
        }
        return Err(ctx.error(s, -result));
    }
    if op.too_large {
        return Ok(s.undefined());
    }
    let first_read = op.first_read_buffer();
    let bytes = op.take_bytes();
    // A buffer the file nearly fills (the first read is sized from recent files;
    // on epoll, from fstat) becomes the Buffer's memory; another is copied from.
    // A first read's buffer is kept for later reads either way.
    if ReadFile::nearly_full(&bytes, bytes.capacity()) {
        let ab = if first_read {
            s.array_buffer_adopt::<ReadFile>(bytes)
        } else {
            s.array_buffer_adopt::<Free>(bytes)
        };
        return Ok(ab.value());
    }
    let ab = s.array_buffer_uninit(bytes.len());
    // SAFETY: the new ArrayBuffer has bytes.len() writable bytes, apart from bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), ab.data(), bytes.len()) };
    if first_read {
        ReadFile::recycle(bytes);
    }
    Ok(ab.value())
}

/// A Buffer that took over a read's buffer gives it back for later reads.
impl Reclaim for ReadFile {
    fn reclaim(bytes: Vec<u8>) {
        ReadFile::recycle(bytes);
    }
}
