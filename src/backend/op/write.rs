//! IORING_OP_WRITE / WRITEV: pwrite(2) / pwritev(2), or write at the file position
//! (and at the end for O_APPEND files) when no position is given. The op owns the
//! source buffers until completion, so JS may drop or reuse its own reference at
//! once. Result: bytes written.
use io_uring::{opcode, squeue, types};

use super::buf::{kernel_offset, syscall_result, IoBuf};
use super::read::iovecs;
use super::OpAble;
use crate::backend::SharedFd;
use std::os::fd::RawFd;

const MAX_IO: usize = i32::MAX as usize;

pub struct Write {
    pub fd: SharedFd,
    pub buf: IoBuf,
    pub pos: Option<u64>,
}

impl OpAble for Write {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let len = self.buf.len().min(MAX_IO) as u32;
        let e = opcode::Write::new(types::Fd(self.fd.raw()), self.buf.as_mut_ptr(), len)
            .offset(kernel_offset(self.pos));
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        let (ptr, len) = (self.buf.as_mut_ptr().cast(), self.buf.len().min(MAX_IO));
        // SAFETY: buf owns len readable bytes at ptr for the duration of the call.
        let n = unsafe {
            match self.pos {
                Some(p) => libc::pwrite(self.fd.raw(), ptr, len, p as libc::off_t),
                None => libc::write(self.fd.raw(), ptr, len),
            }
        };
        syscall_result(n as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Write::CODE)
    }
    fn name(&self) -> &'static str {
        "write"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
}

pub struct Writev {
    pub fd: SharedFd,
    _bufs: Vec<IoBuf>,
    /// Points into `_bufs`; heap-allocated, so it stays put when the op is boxed.
    iov: Vec<libc::iovec>,
    pub pos: Option<u64>,
}

impl Writev {
    pub fn new(fd: SharedFd, bufs: Vec<IoBuf>, pos: Option<u64>) -> Writev {
        let iov = iovecs(&bufs);
        Writev {
            fd,
            _bufs: bufs,
            iov,
            pos,
        }
    }
}

impl OpAble for Writev {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::Writev::new(
            types::Fd(self.fd.raw()),
            self.iov.as_ptr(),
            self.iov.len() as u32,
        )
        .offset(kernel_offset(self.pos));
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        let (iov, n) = (self.iov.as_ptr(), self.iov.len() as i32);
        // SAFETY: every iovec points into a buffer owned by self._bufs.
        let r = unsafe {
            match self.pos {
                Some(p) => libc::pwritev(self.fd.raw(), iov, n, p as libc::off_t),
                None => libc::writev(self.fd.raw(), iov, n),
            }
        };
        syscall_result(r as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Writev::CODE)
    }
    fn name(&self) -> &'static str {
        "writev"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
}
