//! What the raw echo server and the load generator share: the ring they are built
//! on, the file limit, and submitting an SQE.
use io_uring::{squeue, IoUring};
use std::io;

/// One thread's ring: the kernel runs completions' task work only when this thread
/// asks for events (DEFER_TASKRUN), which is what a single-threaded server wants.
pub fn ring(entries: u32) -> io::Result<IoUring> {
    IoUring::builder()
        .setup_single_issuer()
        .setup_defer_taskrun()
        .setup_cqsize(entries * 4)
        .build(entries)
}

/// 1,000 connections need more than the usual soft limit of 1,024 descriptors.
pub fn raise_nofile() {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: lim is a valid rlimit the call fills in.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } == 0 && lim.rlim_cur < lim.rlim_max
    {
        lim.rlim_cur = lim.rlim_max;
        // SAFETY: lim is a valid rlimit.
        unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) };
    }
}

/// Queues one SQE, submitting what is queued first if the queue is full.
///
/// # Safety
/// Every buffer the SQE points at must stay valid until its CQE arrives.
pub unsafe fn push(ring: &mut IoUring, sqe: &squeue::Entry) {
    // SAFETY: the caller keeps the SQE's buffers alive until its CQE.
    while unsafe { ring.submission().push(sqe) }.is_err() {
        ring.submit().expect("io_uring_enter");
    }
}

pub fn check(ret: libc::c_int, what: &str) -> libc::c_int {
    if ret < 0 {
        eprintln!("{what}: {}", io::Error::last_os_error());
        std::process::exit(1);
    }
    ret
}
