//! IORING_OP_ACCEPT, multishot (IORING_ACCEPT_MULTISHOT): one submission on a
//! listening socket yields one completion per connection, each carrying the new fd
//! (already CLOEXEC and non-blocking), until it is cancelled or fails. The peer's
//! address is not asked for (the multishot address would be shared); the binding
//! reads it with getpeername. On epoll: readiness (POLLIN), then accept4 until
//! EAGAIN, at most ACCEPTS_PER_EVENT times per event (libuv accepts until EAGAIN
//! too): one accept a turn made a burst of 500 connects wait for 500 turns, each
//! serving every connection already open, and their first requests' latency was
//! p99 ~0.5 s. Result: the accepted fd.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::buf::syscall_result;
use super::OpAble;
use crate::backend::SharedFd;

/// The accepted socket's flags: never inherited, never blocking the loop.
const ACCEPT_FLAGS: i32 = libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK;
/// Connections taken per readiness event on epoll; the rest wait one turn.
const ACCEPTS_PER_EVENT: usize = 128;

pub struct Accept {
    pub fd: SharedFd,
    pub multishot: bool,
}

impl OpAble for Accept {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let fd = types::Fd(self.fd.raw());
        Some(if self.multishot {
            opcode::AcceptMulti::new(fd).flags(ACCEPT_FLAGS).build()
        } else {
            opcode::Accept::new(fd, std::ptr::null_mut(), std::ptr::null_mut())
                .flags(ACCEPT_FLAGS)
                .build()
        })
    }
    fn run_blocking(&mut self) -> i32 {
        let (addr, len) = (std::ptr::null_mut(), std::ptr::null_mut());
        // SAFETY: no address is asked for (both pointers null).
        let fd = unsafe { libc::accept4(self.fd.raw(), addr, len, ACCEPT_FLAGS) };
        syscall_result(fd as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Accept::CODE)
    }
    fn name(&self) -> &'static str {
        "accept"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
    fn readiness(&self) -> Option<i16> {
        Some(libc::POLLIN)
    }
    fn multishot(&self) -> bool {
        self.multishot
    }
    fn shots_per_event(&self) -> usize {
        if self.multishot {
            ACCEPTS_PER_EVENT
        } else {
            1
        }
    }
}
