//! shutdown(2) of one direction of a socket (SHUT_WR for a stream's end(): the
//! peer reads EOF, we can still read). It never blocks, so it runs at submit on
//! both drivers: on epoll through `try_first`, on io_uring inline (see `opcode`).
//! Result: 0 or -errno.
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
    /// None: io_uring runs shutdown inline on the loop thread. The kernel forces
    /// IORING_OP_SHUTDOWN to an io-wq worker (its prep sets REQ_F_FORCE_ASYNC),
    /// a thread hop per `Connection: close` response for a call that never
    /// waits: the worker took 14% of a core and the loop idled a third of the
    /// time at 18.7k req/s. `sqe` stays for callers that want the opcode.
    fn opcode(&self) -> Option<u8> {
        None
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
