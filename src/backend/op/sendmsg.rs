//! IORING_OP_SENDMSG for datagrams: one datagram gathered from several buffers
//! (one iovec), to an address (`to`) or on a connected socket. The op owns the JS
//! buffers' backing stores, the iovec, the destination and the msghdr until its
//! CQE. On epoll: tried at once (`try_first`), POLLOUT on EAGAIN. Result: bytes sent.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, IoBuf};
use super::read::iovecs;
use super::OpAble;
use crate::backend::sockaddr::SockAddr;
use crate::backend::SharedFd;

pub struct SendMsg {
    pub fd: SharedFd,
    _bufs: Vec<IoBuf>,
    /// Heap memory pointing into `_bufs`: stays put when the op is boxed.
    _iov: Vec<libc::iovec>,
    /// Boxed for the same reason; None on a connected socket.
    _to: Option<Box<SockAddr>>,
    msg: Box<libc::msghdr>,
}

impl SendMsg {
    pub fn new(fd: SharedFd, bufs: Vec<IoBuf>, to: Option<SockAddr>) -> SendMsg {
        let mut iov = iovecs(&bufs);
        let to = to.map(Box::new);
        // SAFETY: msghdr is plain data; all-zero is a valid empty header.
        let mut msg: Box<libc::msghdr> = Box::new(unsafe { std::mem::zeroed() });
        msg.msg_iov = iov.as_mut_ptr();
        msg.msg_iovlen = iov.len();
        if let Some(to) = &to {
            let (ptr, len) = to.as_ptr();
            msg.msg_name = ptr.cast_mut().cast();
            msg.msg_namelen = len;
        }
        SendMsg {
            fd,
            _bufs: bufs,
            _iov: iov,
            _to: to,
            msg,
        }
    }
}

impl OpAble for SendMsg {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::SendMsg::new(types::Fd(self.fd.raw()), &*self.msg);
        Some(e.flags(libc::MSG_NOSIGNAL as u32).build())
    }
    fn run_blocking(&mut self) -> i32 {
        let flags = libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT;
        // SAFETY: msg points at iovecs into buffers, and an address, this op owns.
        let n = unsafe { libc::sendmsg(self.fd.raw(), &*self.msg, flags) };
        syscall_result(n as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::SendMsg::CODE)
    }
    fn name(&self) -> &'static str {
        "sendmsg"
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
