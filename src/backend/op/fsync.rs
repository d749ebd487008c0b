//! IORING_OP_FSYNC: fsync(2), or fdatasync(2) with `data_only`.
use io_uring::{opcode, squeue, types};

use super::buf::syscall_result;
use super::OpAble;
use crate::backend::SharedFd;
use std::os::fd::RawFd;

pub struct Fsync {
    pub fd: SharedFd,
    pub data_only: bool,
}

impl OpAble for Fsync {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let mut e = opcode::Fsync::new(types::Fd(self.fd.raw()));
        if self.data_only {
            e = e.flags(types::FsyncFlags::DATASYNC);
        }
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: no pointers involved.
        let r = unsafe {
            if self.data_only {
                libc::fdatasync(self.fd.raw())
            } else {
                libc::fsync(self.fd.raw())
            }
        };
        syscall_result(r as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Fsync::CODE)
    }
    fn name(&self) -> &'static str {
        "fsync"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
}
