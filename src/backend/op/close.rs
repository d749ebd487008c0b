//! IORING_OP_CLOSE: close(2).
use io_uring::{opcode, squeue, types};

use super::buf::syscall_result;
use super::OpAble;

pub struct Close {
    pub fd: i32,
}

impl OpAble for Close {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        Some(opcode::Close::new(types::Fd(self.fd)).build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: closing an integer fd has no memory-safety preconditions.
        syscall_result(unsafe { libc::close(self.fd) } as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Close::CODE)
    }
    fn name(&self) -> &'static str {
        "close"
    }
}
