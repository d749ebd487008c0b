//! fs.watch on Linux's inotify, read through the ring: the inotify fd is read
//! with IORING_OP_READ (the kernel arms a poll internally, so no thread waits),
//! and lib/internal/fs/watchers.js issues the next read from each completion.
//! Requests can be cancelled (watcher.close()) and unref'd (watcher.unref()).
use super::{args, ErrorContext};
use crate::backend::op::{IoBuf, Read};
use crate::backend::Op;
use crate::binding::errno::{errno_exception, last_errno};
use crate::binding::set_methods;
use crate::runtime::{Finish, Runtime};
use crate::v8::{CallbackArgs, Local, Object, Scope, Value, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "inotifyInit" => inotify_init,
            "inotifyAddWatch" => inotify_add_watch,
            "inotifyRead" => inotify_read,
            "cancelRequest" => cancel_request,
            "refRequest" => ref_request,
        ],
    );
}

/// Room for a burst of events; each is 16 bytes plus a NUL-padded name.
const EVENT_BUFFER: usize = 16 * 1024;

fn inotify_init<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    // SAFETY: no pointers involved.
    let fd = unsafe { libc::inotify_init1(libc::IN_CLOEXEC) };
    if fd < 0 {
        return s.throw(errno_exception(s, last_errno(), "watch", None, None));
    }
    a.ret(s.number(fd as f64));
}

/// inotifyAddWatch(fd, path, mask) -> watch descriptor; throws `ENOENT ..., watch 'p'`.
fn inotify_add_watch<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 1) else {
        return;
    };
    let (fd, mask) = (args::fd(s, a, 0), args::int(s, a, 2) as u32);
    // SAFETY: path is NUL-terminated.
    let wd = unsafe { libc::inotify_add_watch(fd, path.as_ptr(), mask) };
    if wd < 0 {
        return s.throw(errno_exception(s, last_errno(), "watch", Some(&text), None));
    }
    a.ret(s.number(wd as f64));
}

/// The events in `bytes` as a flat JS array: wd, mask, name, wd, mask, name, ...
fn events<'s>(s: &Scope<'s>, bytes: &[u8]) -> Local<'s, Value> {
    const HEADER: usize = 16;
    let mut out = Vec::new();
    let mut at = 0;
    while at + HEADER <= bytes.len() {
        let word = |i: usize| u32::from_ne_bytes(bytes[at + i..at + i + 4].try_into().unwrap());
        let (wd, mask, len) = (word(0) as i32, word(4), word(12) as usize);
        let name = bytes.get(at + HEADER..at + HEADER + len).unwrap_or(&[]);
        let name = &name[..name.iter().position(|&b| b == 0).unwrap_or(name.len())];
        out.push(s.number(wd as f64));
        out.push(s.number(mask as f64));
        out.push(s.string(&String::from_utf8_lossy(name)).value());
        at += HEADER + len;
    }
    s.array(&out).value()
}

/// inotifyRead(fd, req) -> request id; completes with the parsed events.
fn inotify_read<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = a.get(1).to::<Object>(ValueKind::Object) else {
        return;
    };
    let op = Read {
        fd: args::fd(s, a, 0),
        buf: IoBuf::from_vec(vec![0; EVENT_BUFFER]),
        pos: None,
    };
    let ctx = ErrorContext::new("watch");
    let finish: Finish = Box::new(move |s, result, op| {
        if result < 0 {
            return Err(ctx.error(s, -result));
        }
        let Some(Op::Read(read)) = op else {
            return Ok(s.array(&[]).value());
        };
        Ok(events(s, &read.buf.as_slice()[..result as usize]))
    });
    let id = Runtime::get(s).submit_request(s, req, op.into(), finish);
    a.ret(s.number(id as f64));
}

fn cancel_request<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    Runtime::get(s).cancel_request(args::int(s, a, 0) as u64);
}

fn ref_request<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let referenced = a.get(1).boolean(s);
    Runtime::get(s).ref_request(args::int(s, a, 0) as u64, referenced);
}
