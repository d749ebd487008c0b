//! IORING_OP_RECVMSG with IORING_RECV_MULTISHOT over a provided-buffer group: one
//! submission receives datagrams for as long as it stays armed, one completion per
//! datagram (Linux 6.0), so a burst needs no re-arm per datagram. Each buffer the
//! kernel fills starts with an io_uring_recvmsg_out header, then the sender's
//! address in a field of NAME_SPACE bytes, then the payload (`parse_datagram`
//! reads it). It ends (no IORING_CQE_F_MORE) on an error, when cancelled, or with
//! -ENOBUFS when the group ran dry (the datagrams stay queued for the re-arm).
//! On epoll: a readiness op that stays registered, one recvmsg(MSG_DONTWAIT) per
//! POLLIN into a buffer the driver picks, laid out as the kernel lays it out.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::buf::syscall_result;
use super::{OpAble, Picked};
use crate::backend::sockaddr::SockAddr;
use crate::backend::SharedFd;

/// Room for the sender's address in each buffer: a sockaddr_in6 (an IPv4
/// sender's sockaddr_in is shorter).
const NAME_SPACE: usize = std::mem::size_of::<libc::sockaddr_in6>();
/// struct io_uring_recvmsg_out: namelen, controllen, payloadlen, flags (u32 each).
const HEADER: usize = 16;

/// The part of the buffer before the payload: what a group's buffers need on top
/// of the largest datagram.
pub const RECVMSG_OVERHEAD: usize = HEADER + NAME_SPACE;

/// The msghdr the kernel lays each buffer out by (only the lengths count).
fn layout() -> libc::msghdr {
    // SAFETY: msghdr is plain data; all-zero is a valid empty header.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_namelen = NAME_SPACE as libc::socklen_t;
    msg
}

pub struct RecvMsgMulti {
    pub fd: SharedFd,
    pub group: u16,
    /// The size of the group's buffers.
    len: u32,
    /// The epoll driver's pick for the next datagram: (address, buffer id).
    picked: Option<Picked>,
    /// Boxed: the SQE points at it until the op's last completion.
    msg: Box<libc::msghdr>,
}

impl RecvMsgMulti {
    pub fn new(fd: SharedFd, group: u16, len: u32) -> RecvMsgMulti {
        RecvMsgMulti {
            fd,
            group,
            len,
            picked: None,
            msg: Box::new(layout()),
        }
    }
}

/// One filled buffer: (the sender, the payload, whether the datagram was longer
/// than the buffer held). None if the buffer is not laid out as expected.
pub fn parse_datagram(buf: &[u8]) -> Option<(SockAddr, &[u8], bool)> {
    let out = types::RecvMsgOut::parse(buf, &layout()).ok()?;
    let from = SockAddr::from_bytes(out.name_data())?;
    // The payload follows the fixed header and name fields (no control data).
    let len = out.payload_data().len();
    let payload = buf.get(RECVMSG_OVERHEAD..RECVMSG_OVERHEAD + len)?;
    Some((from, payload, out.is_payload_truncated()))
}

impl OpAble for RecvMsgMulti {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::RecvMsgMulti::new(types::Fd(self.fd.raw()), &*self.msg, self.group);
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        let Some(Picked { ptr, len, .. }) = self.picked else {
            return -libc::ENOBUFS;
        };
        let room = (self.len.min(len) as usize).saturating_sub(RECVMSG_OVERHEAD);
        // SAFETY: the driver picked a free buffer of `len` bytes (> the overhead).
        let (name, payload) = unsafe { (ptr.add(HEADER), ptr.add(RECVMSG_OVERHEAD)) };
        let mut iov = libc::iovec {
            iov_base: payload.cast(),
            iov_len: room,
        };
        let mut msg = layout();
        msg.msg_name = name.cast();
        msg.msg_iov = &raw mut iov;
        msg.msg_iovlen = 1;
        // MSG_TRUNC: the datagram's real length, as the kernel's header gives it.
        let flags = libc::MSG_DONTWAIT | libc::MSG_TRUNC;
        // SAFETY: msg points at the picked buffer's name and payload fields.
        let n = syscall_result(unsafe { libc::recvmsg(self.fd.raw(), &raw mut msg, flags) } as i64);
        if n < 0 {
            return n;
        }
        let header: [u32; 4] = [msg.msg_namelen, 0, n as u32, msg.msg_flags as u32];
        // SAFETY: the buffer starts with HEADER writable bytes; unaligned write.
        unsafe { ptr.cast::<[u32; 4]>().write_unaligned(header) };
        (RECVMSG_OVERHEAD + (n as usize).min(room)) as i32
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::RecvMsgMulti::CODE)
    }
    fn shots_per_event(&self) -> usize {
        32
    }
    fn name(&self) -> &'static str {
        "recvmsg_multi"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
    fn readiness(&self) -> Option<i16> {
        Some(libc::POLLIN)
    }
    fn multishot(&self) -> bool {
        true
    }
    fn buffer_group(&self) -> Option<u16> {
        Some(self.group)
    }
    fn pick(&mut self, picked: Option<Picked>) {
        self.picked = picked;
    }
}
