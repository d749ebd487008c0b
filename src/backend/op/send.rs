//! IORING_OP_SEND / SENDMSG: one socket's queued writes gathered into one op (a
//! single buffer goes as SEND, several as SENDMSG over an iovec). The op owns the
//! JS buffers (their backing stores) until its completion. MSG_NOSIGNAL: a closed
//! peer is EPIPE, never SIGPIPE. A short send is the caller's to resubmit. On
//! epoll: tried at once (`try_first`), then on POLLOUT. Result: bytes sent.
//! A stream that is not a socket (a pipe, a terminal) takes the same op as a
//! plain WRITEV at the current position (`Send::plain`).
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, IoBuf};
use super::read::iovecs;
use super::OpAble;
use crate::backend::SharedFd;

pub struct Send {
    pub fd: SharedFd,
    bufs: Vec<IoBuf>,
    /// Points into `bufs` (heap memory); built for sendmsg only.
    iov: Vec<libc::iovec>,
    /// Points at `iov`; set when the SQE is built, once the op sits boxed in the
    /// driver's slab, so its address no longer changes.
    msg: libc::msghdr,
    /// writev(2) instead of sendmsg(2): the fd is a pipe or a terminal.
    plain: bool,
}

impl Send {
    pub fn new(fd: SharedFd, bufs: Vec<IoBuf>) -> Send {
        Send {
            fd,
            bufs,
            iov: Vec::new(),
            // SAFETY: msghdr is plain data; all-zero is a valid empty header.
            msg: unsafe { std::mem::zeroed() },
            plain: false,
        }
    }

    /// The same gathered write to a pipe or a terminal (no sendmsg there).
    pub fn plain(fd: SharedFd, bufs: Vec<IoBuf>) -> Send {
        Send {
            plain: true,
            ..Send::new(fd, bufs)
        }
    }

    /// The header for sendmsg, pointing at this op's own iovecs.
    fn msghdr(&mut self) -> &libc::msghdr {
        if self.iov.is_empty() {
            self.iov = iovecs(&self.bufs);
        }
        self.msg.msg_iov = self.iov.as_mut_ptr();
        self.msg.msg_iovlen = self.iov.len();
        &self.msg
    }

    /// The buffers, back from a completed send (a short one's rest is resent).
    pub fn into_bufs(self) -> Vec<IoBuf> {
        self.bufs
    }
}

impl OpAble for Send {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let fd = types::Fd(self.fd.raw());
        if self.plain {
            self.msghdr();
            let n = self.iov.len() as u32;
            return Some(
                opcode::Writev::new(fd, self.iov.as_ptr(), n)
                    .offset(u64::MAX)
                    .build(),
            );
        }
        Some(if let [buf] = &self.bufs[..] {
            let len = buf.len().min(i32::MAX as usize) as u32;
            opcode::Send::new(fd, buf.as_mut_ptr(), len)
                .flags(libc::MSG_NOSIGNAL)
                .build()
        } else {
            opcode::SendMsg::new(fd, self.msghdr())
                .flags(libc::MSG_NOSIGNAL as u32)
                .build()
        })
    }
    fn run_blocking(&mut self) -> i32 {
        if self.plain {
            self.msghdr();
            let n = self.iov.len() as i32;
            // SAFETY: every iovec points into a buffer this op owns.
            let r = unsafe { libc::writev(self.fd.raw(), self.iov.as_ptr(), n) };
            return syscall_result(r as i64);
        }
        let flags = libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT;
        let fd = self.fd.raw();
        // SAFETY: msg points at iovecs into buffers this op owns.
        let n = unsafe { libc::sendmsg(fd, self.msghdr(), flags) };
        syscall_result(n as i64)
    }
    fn opcode(&self) -> Option<u8> {
        if self.plain {
            return Some(opcode::Writev::CODE);
        }
        Some(if self.bufs.len() == 1 {
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
