//! Which thread receives a signal. A process-directed signal (kill(pid, sig)) goes
//! to any thread that does not block it; coil reads the signals JS listens for
//! through a signalfd on the loop thread (src/binding/signal_wrap.rs), which works
//! only while every thread blocks them. So every thread but the loop thread blocks
//! every asynchronous signal for its whole life: V8's platform workers (made in
//! `v8::init`, inheriting the mask of the thread that makes them), the epoll
//! driver's pool, the vm watchdog. The loop thread keeps the default mask, so a
//! signal without a listener still has its default action (a SIGTERM kills coil),
//! and blocks one signal only while JS listens for it.

/// The fault signals stay deliverable everywhere: they are sent to the thread that
/// faulted, and blocking them would hide a crash's cause.
const FAULTS: [i32; 6] = [
    libc::SIGSEGV,
    libc::SIGBUS,
    libc::SIGFPE,
    libc::SIGILL,
    libc::SIGTRAP,
    libc::SIGSYS,
];

/// Undoes what the parent process left behind, as node does at start-up: a
/// parent's blocked mask and its ignored signals survive exec, so a shell that
/// runs coil in the background (SIGINT ignored) would otherwise get a coil that
/// Ctrl-C and `kill -INT` cannot stop. SIGPIPE and SIGXFSZ are ignored instead: a
/// write to a closed pipe or past RLIMIT_FSIZE is an error for JS to handle
/// (EPIPE, EFBIG), not the end of the process. Handlers cannot be inherited
/// across exec, so only ignored dispositions need putting back.
pub fn reset_inherited() {
    // SAFETY: set is plain data, emptied before use.
    let mut none: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: none is a valid sigset_t owned by this frame.
    unsafe {
        libc::sigemptyset(&mut none);
        libc::pthread_sigmask(libc::SIG_SETMASK, &none, std::ptr::null_mut());
    }
    for signo in 1..libc::SIGRTMIN() {
        if signo == libc::SIGKILL || signo == libc::SIGSTOP {
            continue;
        }
        let wanted = if signo == libc::SIGPIPE || signo == libc::SIGXFSZ {
            libc::SIG_IGN
        } else {
            libc::SIG_DFL
        };
        // SAFETY: sigaction with a null new action only reads the current one.
        let mut now: libc::sigaction = unsafe { std::mem::zeroed() };
        // SAFETY: now is a valid sigaction owned by this frame.
        if unsafe { libc::sigaction(signo, std::ptr::null(), &mut now) } != 0 {
            continue;
        }
        // Handlers installed in this process (Rust's own for stack overflow) stay.
        if now.sa_sigaction != libc::SIG_IGN && now.sa_sigaction != libc::SIG_DFL {
            continue;
        }
        if now.sa_sigaction != wanted {
            // SAFETY: zeroed sigaction is "no flags, empty mask"; only the handler is set.
            let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
            act.sa_sigaction = wanted;
            // SAFETY: act is a valid sigaction; the old one is not wanted.
            unsafe { libc::sigaction(signo, &act, std::ptr::null_mut()) };
        }
    }
}

/// Blocks every asynchronous signal in the calling thread; returns the mask before.
pub fn block_async_signals() -> libc::sigset_t {
    // SAFETY: sigset_t is plain data, filled by sigfillset before use.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above; the old mask is written by pthread_sigmask.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: set and old are valid sigset_t values owned by this frame.
    unsafe {
        libc::sigfillset(&mut set);
        for sig in FAULTS {
            libc::sigdelset(&mut set, sig);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old);
    }
    old
}

/// Puts back a mask `block_async_signals` returned.
pub fn restore(old: &libc::sigset_t) {
    // SAFETY: old is a valid sigset_t; the previous mask is not wanted.
    unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, old, std::ptr::null_mut()) };
}

/// Blocks (or unblocks) one signal in the calling (loop) thread.
pub fn set_blocked(signo: i32, blocked: bool) {
    // SAFETY: set is plain data, emptied before use.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    let how = if blocked {
        libc::SIG_BLOCK
    } else {
        libc::SIG_UNBLOCK
    };
    // SAFETY: set is a valid sigset_t owned by this frame.
    unsafe {
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, signo);
        libc::pthread_sigmask(how, &set, std::ptr::null_mut());
    }
}

/// Takes a pending `signo` off the process and the calling thread without acting
/// on it (a signal that came in after JS stopped listening but before the signal
/// was unblocked: unblocking would run its default action, which node would not).
pub fn discard_pending(signo: i32) {
    // SAFETY: set is plain data, emptied before use.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    let zero = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: set and zero are valid for the call; no siginfo is asked for.
    unsafe {
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, signo);
        while libc::sigtimedwait(&set, std::ptr::null_mut(), &zero) == signo {}
    }
}
