//! internalBinding('process_wrap'): child processes for lib/child_process.js. A
//! child is a loop handle (kind Process) owning a pidfd: `wait` arms a poll on it
//! (readable once the child exits) through the backend, on the ring or on epoll
//! alike, and its completion reaps the child with waitpid — no SIGCHLD handler, no
//! thread. Stdio pipes are socketpairs whose parent ends become Pipe handles,
//! which lib/ wraps in net.Socket like any Unix socket. spawnSync (sync.rs) runs
//! a child to its end without the loop, as node's does.
use std::ffi::CString;
use std::os::fd::{AsRawFd, IntoRawFd};

use super::fs::args;
use super::set_methods;
use crate::backend::op::{Inline, InlineOutput, Op, Poll};
use crate::backend::{OpBox, SharedFd};
use crate::event_loop::HandleKind;
use crate::runtime::{Finish, Runtime};
use crate::v8::{Array, CallbackArgs, Local, Object, Scope, Value, ValueKind};

mod fork_exec;
mod spawn;
mod sync;

use spawn::{Command, Stdio};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "spawn" => spawn_async,
            "wait" => wait,
            "kill" => kill,
            "close" => close,
            "ref" => crate::binding::handle_wrap::set_ref,
            "spawnSync" => sync::spawn_sync,
        ],
    );
}

fn strings(s: &Scope, v: Local<Value>) -> Vec<CString> {
    let Some(list) = v.to::<Array>(ValueKind::Array) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.object().get_index(s, i))
        .filter_map(|v| CString::new(v.to_rust_string(s)).ok())
        .collect()
}

/// The command in arguments start.. : file, args, env, cwd (or null), stdio
/// (per fd: -1 a pipe, -2 /dev/null, n >= 0 that fd of ours), detached, uid, gid
/// (each an int32 or null; lib/ validated them).
pub(super) fn command(s: &Scope, a: &CallbackArgs, start: usize) -> Option<Command> {
    let file = CString::new(a.get(start).to_rust_string(s)).ok()?;
    let cwd_v = a.get(start + 3);
    let cwd = if cwd_v.is(ValueKind::String) {
        Some(CString::new(cwd_v.to_rust_string(s)).ok()?)
    } else {
        None
    };
    let stdio = a
        .get(start + 4)
        .to::<Array>(ValueKind::Array)
        .map(|list| {
            (0..list.length())
                .map(|i| {
                    let code = list
                        .object()
                        .get_index(s, i)
                        .and_then(|v| v.integer(s))
                        .unwrap_or(-2);
                    match code {
                        -1 => Stdio::Pipe,
                        n if n >= 0 => Stdio::Fd(n as i32),
                        _ => Stdio::Ignore,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Command {
        file,
        args: strings(s, a.get(start + 1)),
        env: strings(s, a.get(start + 2)),
        cwd,
        stdio,
        detached: a.get(start + 5).boolean(s),
        uid: credential(s, a.get(start + 6)),
        gid: credential(s, a.get(start + 7)),
    })
}

/// An id for setuid/setgid: an int32 as its bit pattern (node passes -1 through,
/// and the kernel answers EINVAL), or None when not given.
fn credential(s: &Scope, v: Local<Value>) -> Option<u32> {
    if !v.is(ValueKind::Number) {
        return None;
    }
    v.integer(s).map(|n| n as i32 as u32)
}

/// Makes our end of a stdio pipe non-blocking (the child's end stays blocking).
pub(super) fn nonblocking(fd: i32) {
    // SAFETY: fcntl on an fd we own.
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        libc::fcntl(fd, libc::F_SETFL, fl | libc::O_NONBLOCK);
    }
}

/// spawn(file, args, env, cwd, stdio, detached, uid, gid) -> [pid, handle, pipe handle or -1
/// per stdio fd], or -errno (the child could not be started: ENOENT, EACCES...).
fn spawn_async<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(cmd) = command(s, a, 0) else {
        return a.ret(s.number(-libc::EINVAL as f64));
    };
    let child = match spawn::spawn(&cmd) {
        Ok(c) => c,
        Err(e) => return a.ret(s.number(-e as f64)),
    };
    let lp = &Runtime::get(s).lp;
    let pidfd = match spawn::pidfd(child.pid) {
        Ok(fd) => Some(SharedFd::owned(fd.into_raw_fd())),
        Err(_) => None,
    };
    let h = lp.handle_open(HandleKind::Process, pidfd);
    lp.handle_set_active(h, true);
    let mut items: Vec<Local<Value>> = vec![s.number(child.pid as f64), s.number(h as f64)];
    for pipe in child.pipes {
        let id = match pipe {
            Some(fd) => {
                nonblocking(fd.as_raw_fd());
                let shared = SharedFd::owned(fd.into_raw_fd());
                lp.handle_open(HandleKind::Pipe, Some(shared)) as f64
            }
            None => -1.0,
        };
        items.push(s.number(id));
    }
    a.ret(s.array(&items).value());
}

/// wait(h, req, pid): req.oncomplete(null, [exitCode, signal]) once the child has
/// exited (and been reaped), or -errno. The handle stops keeping the loop alive.
fn wait<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = a.get(1).to::<Object>(ValueKind::Object) else {
        return;
    };
    let h = crate::binding::handle_wrap::handle_arg(s, a, 0);
    let pid = args::int(s, a, 2) as libc::pid_t;
    let rt = Runtime::get(s);
    let finish: Finish = Box::new(move |s, c| {
        // The pool's blocking waitpid brings the status along; after a poll of the
        // pidfd (or its cancellation, the handle closed) the child is reaped here.
        let status = match c.op.map(OpBox::into_op) {
            Some(Op::Inline(mut op)) => op
                .output
                .take()
                .and_then(|out| out.downcast::<Option<(i32, i32)>>().ok())
                .and_then(|status| *status),
            _ if c.result == -libc::ECANCELED => spawn::reap(pid, false),
            _ => spawn::reap(pid, c.result < 0),
        };
        let Some((code, signal)) = status else {
            return Ok(s.number(-libc::EAGAIN as f64));
        };
        Runtime::get(s).lp.handle_set_active(h, false);
        Ok(s.array(&[s.number(code as f64), s.number(signal as f64)])
            .value())
    });
    let op: Op = match rt.lp.handle_fd(h) {
        Some(fd) => Poll {
            fd,
            events: libc::POLLIN,
            multishot: false,
        }
        .into(),
        // No pidfd (kernels before 5.3, or valgrind, which lacks pidfd_open): a
        // blocking waitpid on the work pool, so the loop goes on serving the
        // child's pipes meanwhile.
        None => Inline::on_pool("waitpid", move || {
            Ok(Box::new(spawn::reap(pid, true)) as InlineOutput)
        })
        .into(),
    };
    rt.submit_handle_request(s, h, req, op, finish);
    a.ret(s.number(0.0));
}

/// kill(pid, signal) -> 0 or -errno.
fn kill<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let pid = args::int(s, a, 0) as libc::pid_t;
    let sig = args::int(s, a, 1) as i32;
    // SAFETY: kill(2) takes plain integers.
    let r = unsafe { libc::kill(pid, sig) };
    let r = if r < 0 {
        -std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EIO)
    } else {
        0
    };
    a.ret(s.number(r as f64));
}

/// close(h, req): the handle goes; req.oncomplete() in the closing phase.
fn close<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(req) = a.get(1).to::<Object>(ValueKind::Object) {
        let h = crate::binding::handle_wrap::handle_arg(s, a, 0);
        Runtime::get(s).close_handle(s, h, req);
    }
}
