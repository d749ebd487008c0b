//! IORING_OP_POLL_ADD: wait until an fd is readable/writable. Multishot by choice:
//! one completion per readiness event until cancelled (the final completion has no
//! F_MORE). The wake-up source and handles that only need readiness use it; it is
//! also the test op for multishot delivery until sockets land. Result: the revents.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::OpAble;
use crate::backend::SharedFd;

pub struct Poll {
    pub fd: SharedFd,
    /// POLLIN, POLLOUT, ...
    pub events: i16,
    pub multishot: bool,
}

impl OpAble for Poll {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::PollAdd::new(types::Fd(self.fd.raw()), self.events as u16 as u32)
            .multi(self.multishot);
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        let mut p = libc::pollfd {
            fd: self.fd.raw(),
            events: self.events,
            revents: 0,
        };
        // SAFETY: one pollfd on the stack; zero timeout (the caller waited for readiness).
        let n = unsafe { libc::poll(&mut p, 1, 0) };
        match n {
            n if n < 0 => super::buf::syscall_result(n as i64),
            0 => -libc::EAGAIN,
            _ => p.revents as i32,
        }
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::PollAdd::CODE)
    }
    fn name(&self) -> &'static str {
        "poll"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
    fn readiness(&self) -> Option<i16> {
        Some(self.events)
    }
    fn multishot(&self) -> bool {
        self.multishot
    }
}
