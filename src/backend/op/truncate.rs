//! IORING_OP_FTRUNCATE (Linux 6.9+): ftruncate(2). On older kernels the probe says
//! no and the driver runs the syscall itself.
use io_uring::{opcode, squeue, types};

use super::buf::syscall_result;
use super::OpAble;
use crate::backend::SharedFd;
use std::os::fd::RawFd;

pub struct Ftruncate {
    pub fd: SharedFd,
    pub len: u64,
}

impl OpAble for Ftruncate {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        Some(opcode::Ftruncate::new(types::Fd(self.fd.raw()), self.len).build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: no pointers involved.
        syscall_result(unsafe { libc::ftruncate(self.fd.raw(), self.len as i64) } as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Ftruncate::CODE)
    }
    fn name(&self) -> &'static str {
        "ftruncate"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
}
