//! IORING_OP_SHUTDOWN: shutdown(2) one direction of a socket (SHUT_WR for a
//! stream's end(): the peer reads EOF, we can still read). Never blocks, so on
//! epoll it runs at submit (`try_first`). Result: 0 or -errno.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::buf::syscall_result;
use super::OpAble;
use crate::backend::SharedFd;

pub struct Shutdown {
    pub fd: SharedFd,
    pub how: i32,
}

impl OpAble for Shutdown {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        Some(opcode::Shutdown::new(types::Fd(self.fd.raw()), self.how).build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: no pointers.
        syscall_result(unsafe { libc::shutdown(self.fd.raw(), self.how) } as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Shutdown::CODE)
    }
    fn name(&self) -> &'static str {
        "shutdown"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
    fn readiness(&self) -> Option<i16> {
        Some(libc::POLLOUT)
    }
    fn try_first(&self) -> bool {
        true
    }
}
