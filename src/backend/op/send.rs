//! IORING_OP_SEND / SENDMSG: one socket's queued writes gathered into one op (a
//! single buffer goes as SEND, several as SENDMSG over an iovec). The op owns the
//! JS buffers (their backing stores) until its completion. MSG_NOSIGNAL: a closed
//! peer is EPIPE, never SIGPIPE. A short send is the caller's to resubmit. On
//! epoll: tried at once (`try_first`), then on POLLOUT. Result: bytes sent.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, IoBuf};
use super::read::iovecs;
use super::OpAble;
use crate::backend::SharedFd;

pub struct Send {
    pub fd: SharedFd,
    bufs: Vec<IoBuf>,
    /// Points into `bufs`; heap memory, so it stays put when the op is boxed.
    iov: Vec<libc::iovec>,
    /// Points at `iov`; boxed for the same reason.
    msg: Box<libc::msghdr>,
}

impl Send {
    pub fn new(fd: SharedFd, bufs: Vec<IoBuf>) -> Send {
        let mut iov = iovecs(&bufs);
        // SAFETY: msghdr is plain data; all-zero is a valid empty header.
        let mut msg: Box<libc::msghdr> = Box::new(unsafe { std::mem::zeroed() });
        msg.msg_iov = iov.as_mut_ptr();
        msg.msg_iovlen = iov.len();
        Send { fd, bufs, iov, msg }
    }

    /// The buffers, back from a completed send (a short one's rest is resent).
    pub fn into_bufs(self) -> Vec<IoBuf> {
        self.bufs
    }
}

impl OpAble for Send {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let fd = types::Fd(self.fd.raw());
        Some(if self.iov.len() == 1 {
            let len = self.iov[0].iov_len.min(i32::MAX as usize) as u32;
            opcode::Send::new(fd, self.iov[0].iov_base.cast(), len)
                .flags(libc::MSG_NOSIGNAL)
                .build()
        } else {
            opcode::SendMsg::new(fd, &*self.msg)
                .flags(libc::MSG_NOSIGNAL as u32)
                .build()
        })
    }
    fn run_blocking(&mut self) -> i32 {
        let flags = libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT;
        // SAFETY: msg points at iovecs into buffers this op owns.
        let n = unsafe { libc::sendmsg(self.fd.raw(), &*self.msg, flags) };
        syscall_result(n as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(if self.iov.len() == 1 {
            opcode::Send::CODE
        } else {
            opcode::SendMsg::CODE
        })
    }
    fn name(&self) -> &'static str {
        "send"
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
