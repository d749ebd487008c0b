//! internalBinding('signal_wrap'): a Signal handle on the loop, for
//! process.on('SIGINT') and friends (lib/internal/process/signal_listeners.js).
//!
//! A started handle blocks its signal in the loop thread (every other thread blocks
//! every signal for good: src/signal_mask.rs) and reads it from a signalfd with a
//! plain read op, re-armed by JS after each completion: on io_uring an
//! IORING_OP_READ the kernel completes when a signal is queued, on epoll POLLIN then
//! read(2). There is one signalfd per signal number, not one for the process: JS
//! keeps at most one handle per signal (the first listener starts it, removing the
//! last stops it), so no demultiplexing is needed, and stopping one signal is
//! closing its fd and unblocking it, leaving the others alone.
//!
//! The handle is active and unreferenced, as node's signal handles are: a listener
//! does not keep the process alive.
use super::fs::args;
use super::set_methods;
use crate::backend::op::{IoBuf, Read};
use crate::backend::SharedFd;
use crate::event_loop::HandleKind;
use crate::runtime::{Finish, Runtime};
use crate::signal_mask;
use crate::v8::{CallbackArgs, Local, Object, Scope, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "start" => start,
            "read" => read,
            "stop" => stop,
        ],
    );
}

/// The kernel's struct signalfd_siginfo: a read gives whole records of this size.
const SIGINFO_SIZE: usize = 128;
/// Records taken per read (real-time signals queue; standard ones coalesce).
const SIGINFO_PER_READ: usize = 8;

fn valid_signal(signo: i32) -> bool {
    // SAFETY: SIGRTMAX reads a libc constant.
    let max = libc::SIGRTMAX();
    (1..=max).contains(&signo) && signo != libc::SIGKILL && signo != libc::SIGSTOP
}

/// start(signo) -> handle id, or -errno (EINVAL for SIGKILL, SIGSTOP, a bad number).
fn start<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let signo = args::int(s, a, 0) as i32;
    if !valid_signal(signo) {
        return a.ret(s.number(-libc::EINVAL as f64));
    }
    signal_mask::set_blocked(signo, true);
    // SAFETY: set is plain data, emptied before use.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: set is a valid sigset_t owned by this frame; signalfd copies it.
    let fd = unsafe {
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, signo);
        libc::signalfd(-1, &set, libc::SFD_CLOEXEC | libc::SFD_NONBLOCK)
    };
    if fd < 0 {
        let e = std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EIO);
        signal_mask::set_blocked(signo, false);
        return a.ret(s.number(-e as f64));
    }
    let lp = &Runtime::get(s).lp;
    let h = lp.handle_open(HandleKind::Signal, Some(SharedFd::owned(fd)));
    lp.handle_set_active(h, true);
    lp.handle_set_ref(h, false);
    a.ret(s.number(h as f64));
}

/// read(h, req): waits for the signal; req.oncomplete(null, count | -errno), count
/// being how many times it arrived (JS reads again to keep listening).
fn read<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = a.get(1).to::<Object>(ValueKind::Object) else {
        return;
    };
    let h = crate::binding::handle_wrap::handle_arg(s, a, 0);
    let rt = Runtime::get(s);
    let Some(fd) = rt.lp.handle_fd(h) else {
        return a.ret(s.number(-libc::EBADF as f64));
    };
    let op = Read {
        fd,
        buf: IoBuf::from_vec(vec![0; SIGINFO_SIZE * SIGINFO_PER_READ]),
        pos: None,
        stream: true,
    };
    let finish: Finish = Box::new(|s, c| {
        let count = if c.result < 0 {
            c.result
        } else {
            c.result / SIGINFO_SIZE as i32
        };
        Ok(s.number(count as f64))
    });
    rt.submit_handle_request(s, h, req, op.into(), finish);
    a.ret(s.number(0.0));
}

/// stop(h, signo, req): the signal gets its default action back at once; the
/// handle closes (its read cancelled) and req.oncomplete() runs in the closing phase.
fn stop<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = a.get(2).to::<Object>(ValueKind::Object) else {
        return;
    };
    let h = crate::binding::handle_wrap::handle_arg(s, a, 0);
    let signo = args::int(s, a, 1) as i32;
    if valid_signal(signo) {
        signal_mask::discard_pending(signo);
        signal_mask::set_blocked(signo, false);
    }
    Runtime::get(s).close_handle(s, h, req);
}
