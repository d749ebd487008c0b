//! IORING_OP_RECV into a buffer the op owns: recv(2) on a connected socket.
//! One completion per submission; the binding re-arms it while JS reads. (Multishot
//! recv over a provided-buffer ring is the next step: docs/net.md.) On epoll:
//! readiness (POLLIN), then a non-blocking recv. Result: bytes read, 0 at EOF.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, IoBuf};
use super::OpAble;
use crate::backend::SharedFd;

pub struct Recv {
    pub fd: SharedFd,
    pub buf: IoBuf,
}

impl OpAble for Recv {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let len = self.buf.len().min(i32::MAX as usize) as u32;
        Some(opcode::Recv::new(types::Fd(self.fd.raw()), self.buf.as_mut_ptr(), len).build())
    }
    fn run_blocking(&mut self) -> i32 {
        let (ptr, len) = (self.buf.as_mut_ptr().cast(), self.buf.len());
        // SAFETY: buf owns len writable bytes at ptr for the duration of the call.
        let n = unsafe { libc::recv(self.fd.raw(), ptr, len, libc::MSG_DONTWAIT) };
        syscall_result(n as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Recv::CODE)
    }
    fn name(&self) -> &'static str {
        "recv"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
    fn readiness(&self) -> Option<i16> {
        Some(libc::POLLIN)
    }
}
