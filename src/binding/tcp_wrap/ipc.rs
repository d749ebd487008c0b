//! IPC channels (child_process): a channel handle reads with recvmsg so that fds
//! passed with messages (SCM_RIGHTS) are kept, in order, for JS to take; a
//! handle is sent with a send of its own once the channel's queue has drained.
use std::cell::RefCell;
use std::os::fd::{FromRawFd, IntoRawFd, OwnedFd};

use rustc_hash::FxHashSet;

use super::{handle_arg, handle_fd, number_finish, req_arg};
use crate::backend::op::{IoBuf, Send};
use crate::binding::fs::args;
use crate::binding::stream_wrap;
use crate::event_loop::HandleId;
use crate::runtime::Runtime;
use crate::v8::{CallbackArgs, Local, Scope, Value};

thread_local! {
    /// Handles that are IPC channels.
    static CHANNELS: RefCell<FxHashSet<HandleId>> = RefCell::default();
    /// Fds received on channels and not yet taken by JS (takeFds).
    static RECEIVED_FDS: RefCell<Vec<OwnedFd>> = const { RefCell::new(Vec::new()) };
}

pub(super) fn is_channel(h: HandleId) -> bool {
    CHANNELS.with(|c| c.borrow().contains(&h))
}

pub(super) fn received(fds: Vec<OwnedFd>) {
    RECEIVED_FDS.with(|r| r.borrow_mut().extend(fds));
}

/// The handle is closing: it is no channel any more.
pub(super) fn forget(h: HandleId) {
    CHANNELS.with(|c| c.borrow_mut().remove(&h));
}

/// setIpc(h): the handle is an IPC channel; its reads keep the fds passed along.
pub(super) fn set_ipc<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let h = handle_arg(s, a, 0);
    CHANNELS.with(|c| c.borrow_mut().insert(h));
}

/// takeFds() -> the fds received on IPC channels since the last call, in order
/// of arrival; JS owns them from here (it wraps or closes each).
pub(super) fn take_fds<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let fds = RECEIVED_FDS.with(|r| std::mem::take(&mut *r.borrow_mut()));
    let items: Vec<Local<Value>> = fds
        .into_iter()
        .map(|fd| s.number(fd.into_raw_fd() as f64))
        .collect();
    a.ret(s.array(&items).value());
}

/// flush(h, req) -> 0 (nothing queued) or 1 (req.oncomplete(null, 0 | -errno)
/// once every queued write is sent).
pub(super) fn flush<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    a.ret(s.number(stream_wrap::flush(s, h, req) as f64));
}

/// sendHandle(h, req, buffer, fd) -> 0 or -errno: one send of `buffer` passing a
/// duplicate of `fd` (SCM_RIGHTS); req.oncomplete(null, bytes | -errno). The
/// caller has flushed the handle's queue and sends nothing else meanwhile.
pub(super) fn send_handle<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let Some(bytes) = a.get(2).view_bytes() else {
        return a.ret(s.number(-libc::EINVAL as f64));
    };
    let passed = args::int(s, a, 3) as i32;
    // SAFETY: F_DUPFD_CLOEXEC makes a new fd or fails; we own what it returns.
    let dup = unsafe { libc::fcntl(passed, libc::F_DUPFD_CLOEXEC, 0) };
    if dup < 0 {
        return a.ret(s.number(-libc::EBADF as f64));
    }
    // SAFETY: dup is a new fd nobody else owns.
    let dup = unsafe { OwnedFd::from_raw_fd(dup) };
    let Ok(fd) = handle_fd(s, h) else {
        return a.ret(s.number(-libc::EBADF as f64));
    };
    let op = Send::with_fds(fd, vec![IoBuf::from_vec(bytes.to_vec())], vec![dup]);
    Runtime::get(s).submit_handle_request(s, h, req, op.into(), number_finish());
    a.ret(s.number(0.0));
}
