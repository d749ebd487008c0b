//! fs.watch on Linux's inotify. The watcher is a loop handle (kind FsWatcher) that
//! owns the inotify fd; reads of it go through the backend (io_uring: a ring read,
//! the kernel arms a poll internally; epoll: readiness, then read), and
//! lib/internal/fs/watchers.js issues the next read from each completion. Closing
//! the handle cancels the read in flight; the fd is released after its completion.
use super::{args, ErrorContext};
use crate::backend::op::{IoBuf, Read};
use crate::backend::{Op, OpBox, SharedFd};
use crate::binding::errno::{errno_exception, last_errno};
use crate::binding::handle_wrap::handle_arg;
use crate::binding::set_methods;
use crate::event_loop::HandleKind;
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
            "inotifyClose" => inotify_close,
            "refHandle" => ref_handle,
        ],
    );
}

/// Room for a burst of events; each is 16 bytes plus a NUL-padded name.
const EVENT_BUFFER: usize = 16 * 1024;

/// inotifyInit() -> handle id (an active FsWatcher handle owning the inotify fd).
fn inotify_init<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    // SAFETY: no pointers involved.
    let fd = unsafe { libc::inotify_init1(libc::IN_CLOEXEC) };
    if fd < 0 {
        return s.throw(errno_exception(s, last_errno(), "watch", None, None));
    }
    let lp = &Runtime::get(s).lp;
    let handle = lp.handle_open(HandleKind::FsWatcher, Some(SharedFd::owned(fd)));
    lp.handle_set_active(handle, true);
    a.ret(s.number(handle as f64));
}

/// inotifyAddWatch(handle, path, mask) -> watch descriptor; throws `ENOENT ..., watch 'p'`.
fn inotify_add_watch<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 1) else {
        return;
    };
    let mask = args::int(s, a, 2) as u32;
    let fd = Runtime::get(s)
        .lp
        .handle_fd(handle_arg(s, a, 0))
        .map_or(-1, |fd| fd.raw());
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

/// inotifyRead(handle, req): completes with the parsed events (ECANCELED once the
/// watcher closed).
fn inotify_read<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = a.get(1).to::<Object>(ValueKind::Object) else {
        return;
    };
    let rt = Runtime::get(s);
    let handle = handle_arg(s, a, 0);
    let Some(fd) = rt.lp.handle_fd(handle) else {
        return;
    };
    let op = Read {
        fd,
        buf: IoBuf::from_vec(vec![0; EVENT_BUFFER]),
        pos: None,
        stream: true,
    };
    let ctx = ErrorContext::new("watch");
    let finish: Finish = Box::new(move |s, c| {
        if c.result < 0 {
            return Err(ctx.error(s, -c.result));
        }
        let Some(Op::Read(read)) = c.op.map(OpBox::into_op) else {
            return Ok(s.array(&[]).value());
        };
        Ok(events(s, &read.buf.as_slice()[..c.result as usize]))
    });
    rt.submit_handle_request(s, handle, req, op.into(), finish);
}

/// inotifyClose(handle, req): cancels the read in flight and releases the fd after
/// it completed; `req.oncomplete()` runs in the closing phase.
fn inotify_close<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(req) = a.get(1).to::<Object>(ValueKind::Object) {
        Runtime::get(s).close_handle(s, handle_arg(s, a, 0), req);
    }
}

/// refHandle(handle, referenced): watcher.ref() / unref().
fn ref_handle<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let referenced = a.get(1).boolean(s);
    Runtime::get(s)
        .lp
        .handle_set_ref(handle_arg(s, a, 0), referenced);
}
