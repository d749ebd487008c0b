//! IORING_OP_RECV into a buffer the op owns: recv(2) on a connected socket.
//! One completion per submission; the binding re-arms it while JS reads. (Multishot
//! recv over a provided-buffer ring is the next step: docs/net.md.) On epoll:
//! readiness (POLLIN), then a non-blocking recv. Result: bytes read, 0 at EOF.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, IoBuf};
use super::{OpAble, Picked};
use crate::backend::SharedFd;

pub struct Recv {
    pub fd: SharedFd,
    pub buf: IoBuf,
}

impl OpAble for Recv {
    fn written(&self, result: i32) -> Option<(*const u8, usize)> {
        (result > 0).then(|| (self.buf.as_mut_ptr().cast_const(), result as usize))
    }
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

/// IORING_OP_RECV with IOSQE_BUFFER_SELECT: the kernel takes a buffer from a
/// registered group only when data arrives, so an idle socket holds no read
/// memory (the epoll driver picks from its own free list at readiness). The
/// completion names the buffer (`bid`); the owner copies it out and recycles it.
/// An empty group gives -ENOBUFS with the data still in the socket: read again.
pub struct RecvSelect {
    pub fd: SharedFd,
    pub group: u16,
    pub len: u32,
    /// The epoll driver's pick: (address, buffer id).
    picked: Option<Picked>,
    /// The buffer the data is in, known at the last completion.
    pub bid: Option<u16>,
}

impl RecvSelect {
    pub fn new(fd: SharedFd, group: u16, len: u32) -> RecvSelect {
        RecvSelect {
            fd,
            group,
            len,
            picked: None,
            bid: None,
        }
    }
}

/// The epoll driver's recv for a buffer-select op: a non-blocking recv into the
/// buffer it picked from the group, or ENOBUFS when every buffer was lent.
pub(super) fn recv_picked(fd: &SharedFd, picked: Option<Picked>, len: u32) -> i32 {
    let Some(p) = picked else {
        return -libc::ENOBUFS;
    };
    // SAFETY: the driver picked a free buffer with room for p.len bytes.
    let n = unsafe {
        libc::recv(
            fd.raw(),
            p.ptr.cast(),
            len.min(p.len) as usize,
            libc::MSG_DONTWAIT,
        )
    };
    syscall_result(n as i64)
}

impl OpAble for RecvSelect {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::Recv::new(types::Fd(self.fd.raw()), std::ptr::null_mut(), self.len)
            .buf_group(self.group);
        Some(e.build().flags(squeue::Flags::BUFFER_SELECT))
    }
    fn run_blocking(&mut self) -> i32 {
        recv_picked(&self.fd, self.picked, self.len)
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
    fn buffer_group(&self) -> Option<u16> {
        Some(self.group)
    }
    fn pick(&mut self, picked: Option<Picked>) {
        self.picked = picked;
    }
    fn set_buffer(&mut self, bid: u16) {
        self.bid = Some(bid);
    }
}
