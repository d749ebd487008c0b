//! IORING_OP_READ / READV: pread(2) / preadv(2), or read at the file position when
//! no position is given. The op owns the destination buffers until completion.
//! Result: bytes read.
use io_uring::{opcode, squeue, types};

use super::buf::{kernel_offset, syscall_result, IoBuf};
use super::OpAble;
use crate::backend::SharedFd;
use std::os::fd::RawFd;

/// Reads are capped like Node's (2 GiB - 1): the kernel returns short counts anyway.
const MAX_IO: usize = i32::MAX as usize;

pub struct Read {
    pub fd: SharedFd,
    pub buf: IoBuf,
    pub pos: Option<u64>,
    /// A pollable fd (inotify, pipe, socket): the epoll driver waits for readiness
    /// and then reads, instead of blocking a pool thread.
    pub stream: bool,
}

impl OpAble for Read {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let len = self.buf.len().min(MAX_IO) as u32;
        let e = opcode::Read::new(types::Fd(self.fd.raw()), self.buf.as_mut_ptr(), len)
            .offset(kernel_offset(self.pos));
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        let (ptr, len) = (self.buf.as_mut_ptr().cast(), self.buf.len().min(MAX_IO));
        // SAFETY: buf owns len writable bytes at ptr for the duration of the call.
        let n = unsafe {
            match self.pos {
                Some(p) => libc::pread(self.fd.raw(), ptr, len, p as libc::off_t),
                None => libc::read(self.fd.raw(), ptr, len),
            }
        };
        syscall_result(n as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Read::CODE)
    }
    fn name(&self) -> &'static str {
        "read"
    }
    fn readiness(&self) -> Option<i16> {
        self.stream.then_some(libc::POLLIN)
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
    fn written(&self, result: i32) -> Option<(*const u8, usize)> {
        (result > 0).then(|| (self.buf.as_mut_ptr().cast_const(), result as usize))
    }
}

pub struct Readv {
    pub fd: SharedFd,
    _bufs: Vec<IoBuf>,
    /// Points into `_bufs`; heap-allocated, so it stays put when the op is boxed.
    iov: Vec<libc::iovec>,
    pub pos: Option<u64>,
}

impl Readv {
    pub fn new(fd: SharedFd, bufs: Vec<IoBuf>, pos: Option<u64>) -> Readv {
        let iov = iovecs(&bufs);
        Readv {
            fd,
            _bufs: bufs,
            iov,
            pos,
        }
    }
}

/// The iovec array the kernel reads, one entry per buffer.
pub(super) fn iovecs(bufs: &[IoBuf]) -> Vec<libc::iovec> {
    bufs.iter()
        .map(|b| libc::iovec {
            iov_base: b.as_mut_ptr().cast(),
            iov_len: b.len(),
        })
        .collect()
}

impl OpAble for Readv {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::Readv::new(
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
                Some(p) => libc::preadv(self.fd.raw(), iov, n, p as libc::off_t),
                None => libc::readv(self.fd.raw(), iov, n),
            }
        };
        syscall_result(r as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Readv::CODE)
    }
    fn name(&self) -> &'static str {
        "readv"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
}
