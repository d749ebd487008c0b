//! IORING_OP_RECVMSG: one datagram and the address it came from (a UDP socket's
//! read). The op owns everything the kernel writes through: the msghdr, its one
//! iovec and the sockaddr storage, boxed so they stay put until the CQE. The bytes
//! land in a provided buffer (IOSQE_BUFFER_SELECT: taken only when a datagram
//! arrives, as TCP reads do; docs/net.md) or, when no group could be registered,
//! in a buffer the op owns. On epoll: POLLIN, then recvmsg(MSG_DONTWAIT). Result:
//! the datagram's size (0 is an empty datagram, not an end).
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, IoBuf};
use super::{OpAble, Picked};
use crate::backend::sockaddr::SockAddr;
use crate::backend::SharedFd;

/// Where the datagram's bytes go.
pub enum RecvInto {
    /// A provided-buffer group, and how much of a buffer to use.
    Group(u16, u32),
    Owned(IoBuf),
}

pub struct RecvMsg {
    pub fd: SharedFd,
    pub into: RecvInto,
    /// The epoll driver's pick from the group: (address, buffer id).
    picked: Option<Picked>,
    /// The buffer the datagram is in, known at the completion (group reads).
    pub bid: Option<u16>,
    /// The sender's address, written by the kernel.
    from: Box<SockAddr>,
    iov: Box<libc::iovec>,
    msg: Box<libc::msghdr>,
}

impl RecvMsg {
    pub fn new(fd: SharedFd, into: RecvInto) -> RecvMsg {
        let mut from = Box::new(SockAddr::empty());
        let iov = Box::new(match &into {
            RecvInto::Group(_, len) => libc::iovec {
                iov_base: std::ptr::null_mut(),
                iov_len: *len as usize,
            },
            RecvInto::Owned(buf) => libc::iovec {
                iov_base: buf.as_mut_ptr().cast(),
                iov_len: buf.len(),
            },
        });
        // SAFETY: msghdr is plain data; all-zero is a valid empty header.
        let mut msg: Box<libc::msghdr> = Box::new(unsafe { std::mem::zeroed() });
        let (name, namelen) = from.storage_mut();
        msg.msg_name = name.cast();
        msg.msg_namelen = namelen;
        msg.msg_iov = (&raw const *iov).cast_mut();
        msg.msg_iovlen = 1;
        RecvMsg {
            fd,
            into,
            picked: None,
            bid: None,
            from,
            iov,
            msg,
        }
    }

    /// The sender's address (after a successful completion).
    pub fn source(&self) -> &SockAddr {
        &self.from
    }

    /// The datagram's bytes when they are in the op's own buffer.
    pub fn owned_bytes(&self, len: usize) -> Option<&[u8]> {
        match &self.into {
            RecvInto::Owned(buf) => Some(&buf.as_slice()[..len.min(buf.len())]),
            RecvInto::Group(..) => None,
        }
    }

    pub fn group(&self) -> Option<u16> {
        match self.into {
            RecvInto::Group(group, _) => Some(group),
            RecvInto::Owned(_) => None,
        }
    }
}

impl OpAble for RecvMsg {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::RecvMsg::new(types::Fd(self.fd.raw()), &raw mut *self.msg);
        Some(match self.into {
            RecvInto::Group(group, _) => e
                .buf_group(group)
                .build()
                .flags(squeue::Flags::BUFFER_SELECT),
            RecvInto::Owned(_) => e.build(),
        })
    }
    fn run_blocking(&mut self) -> i32 {
        if let RecvInto::Group(_, len) = self.into {
            let Some(p) = self.picked else {
                return -libc::ENOBUFS;
            };
            self.iov.iov_base = p.ptr.cast();
            self.iov.iov_len = len.min(p.len) as usize;
        }
        let (_, namelen) = self.from.storage_mut();
        self.msg.msg_namelen = namelen;
        // SAFETY: msg points at the iovec (into a buffer this op owns or the
        // driver's pick) and the sockaddr storage, all owned by this op.
        let n = unsafe { libc::recvmsg(self.fd.raw(), &raw mut *self.msg, libc::MSG_DONTWAIT) };
        syscall_result(n as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::RecvMsg::CODE)
    }
    fn name(&self) -> &'static str {
        "recvmsg"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
    fn readiness(&self) -> Option<i16> {
        Some(libc::POLLIN)
    }
    fn buffer_group(&self) -> Option<u16> {
        self.group()
    }
    fn pick(&mut self, picked: Option<Picked>) {
        self.picked = picked;
    }
    fn set_buffer(&mut self, bid: u16) {
        self.bid = Some(bid);
    }
}
