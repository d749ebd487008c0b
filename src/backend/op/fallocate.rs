//! IORING_OP_FALLOCATE and IORING_OP_FADVISE: space and page-cache hints for a range
//! of a file. Neither carries pointers.
use io_uring::{opcode, squeue, types};

use super::buf::syscall_result;
use super::OpAble;
use crate::backend::SharedFd;
use std::os::fd::RawFd;

pub struct Fallocate {
    pub fd: SharedFd,
    pub mode: i32,
    pub offset: u64,
    pub len: u64,
}

impl OpAble for Fallocate {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::Fallocate::new(types::Fd(self.fd.raw()), self.len)
            .offset(self.offset)
            .mode(self.mode);
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: no pointers involved.
        let r = unsafe {
            libc::fallocate(
                self.fd.raw(),
                self.mode,
                self.offset as i64,
                self.len as i64,
            )
        };
        syscall_result(r as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Fallocate::CODE)
    }
    fn name(&self) -> &'static str {
        "fallocate"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
}

pub struct Fadvise {
    pub fd: SharedFd,
    pub advice: i32,
    pub offset: u64,
    pub len: i64,
}

impl OpAble for Fadvise {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::Fadvise::new(types::Fd(self.fd.raw()), self.len, self.advice)
            .offset(self.offset);
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: no pointers involved; posix_fadvise returns the error number itself.
        let r = unsafe {
            libc::posix_fadvise(self.fd.raw(), self.offset as i64, self.len, self.advice)
        };
        -r
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Fadvise::CODE)
    }
    fn name(&self) -> &'static str {
        "fadvise"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
}
