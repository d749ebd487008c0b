//! IORING_OP_WRITE / WRITEV: pwrite(2) / pwritev(2), or write at the file position
//! (and at the end for O_APPEND files) when no position is given. The op owns the
//! source buffers until completion, so JS may drop or reuse its own reference at
//! once. Result: bytes written.
//!
//! A small write to a plain regular file runs inline on io_uring (`run_inline`):
//! no file system here takes a buffered write without blocking (RWF_NOWAIT gives
//! EOPNOTSUPP on ext4 and tmpfs), so the ring always hands it to an io-wq worker,
//! and that trip costs more than copying a few KiB into the page cache
//! (docs/fs.md, "Small writes").
use io_uring::{opcode, squeue, types};

use super::buf::{kernel_offset, syscall_result, IoBuf};
use super::read::iovecs;
use super::OpAble;
use crate::backend::SharedFd;
use std::os::fd::RawFd;

const MAX_IO: usize = i32::MAX as usize;

/// Writes up to this many bytes may run inline: a stream's flush of buffered small
/// chunks (16 KiB by default) fits, a large write stays on the ring, where a kernel
/// worker copies it (and waits on dirty-page throttling) while the loop runs JS.
const INLINE_MAX: usize = 32 * 1024;

/// Whether a write of `len` bytes to `fd` is a copy into the page cache and
/// nothing more: a regular file opened without O_SYNC, O_DSYNC or O_DIRECT (a
/// pipe, a tty or a device could block; a synchronous write waits for the disk).
fn page_cache_write(fd: RawFd, len: usize) -> bool {
    if len > INLINE_MAX {
        return false;
    }
    // SAFETY: F_GETFL takes no pointer.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || flags & (libc::O_SYNC | libc::O_DSYNC | libc::O_DIRECT) != 0 {
        return false;
    }
    // SAFETY: st is a writable stat owned by this frame.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat writes only into st.
    let r = unsafe { libc::fstat(fd, &mut st) };
    r == 0 && st.st_mode & libc::S_IFMT == libc::S_IFREG
}

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
    fn run_inline(&self) -> bool {
        page_cache_write(self.fd.raw(), self.buf.len())
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
    fn run_inline(&self) -> bool {
        let len = self.iov.iter().map(|v| v.iov_len).sum();
        page_cache_write(self.fd.raw(), len)
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
}
