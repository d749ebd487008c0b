//! IORING_OP_SEND / SENDMSG: one socket's queued writes gathered into one op (a
//! single buffer goes as SEND, several as SENDMSG over an iovec). The op owns the
//! JS buffers (their backing stores) until its completion. MSG_NOSIGNAL: a closed
//! peer is EPIPE, never SIGPIPE. A short send is the caller's to resubmit. On
//! epoll: tried at once (`try_first`), then on POLLOUT. Result: bytes sent.
//! A stream that is not a socket (a pipe, a terminal) takes the same op as a
//! plain WRITEV at the current position (`Send::plain`). A send can carry fds to a
//! Unix socket's peer (SCM_RIGHTS: an IPC channel passing a handle); the op owns
//! its duplicates until the CQE, when dropping them closes ours.
use std::os::fd::{AsRawFd, OwnedFd, RawFd};

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
    /// Fds to pass with the first byte, and the control message naming them.
    fds: Vec<OwnedFd>,
    control: Vec<u8>,
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
            fds: Vec::new(),
            control: Vec::new(),
        }
    }

    /// A send that passes `fds` along (SCM_RIGHTS) with its first byte.
    pub fn with_fds(fd: SharedFd, bufs: Vec<IoBuf>, fds: Vec<OwnedFd>) -> Send {
        Send {
            fds,
            ..Send::new(fd, bufs)
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
        if !self.fds.is_empty() {
            let raw: Vec<RawFd> = self.fds.iter().map(AsRawFd::as_raw_fd).collect();
            let data_len = std::mem::size_of_val(&raw[..]) as u32;
            // SAFETY: CMSG_SPACE/CMSG_LEN are pure size computations.
            let space = unsafe { libc::CMSG_SPACE(data_len) } as usize;
            self.control = vec![0; space];
            self.msg.msg_control = self.control.as_mut_ptr().cast();
            self.msg.msg_controllen = space;
            // SAFETY: the control buffer has room for one header and data_len bytes
            // (CMSG_SPACE), so CMSG_FIRSTHDR is non-null and CMSG_DATA in bounds.
            unsafe {
                let cmsg = libc::CMSG_FIRSTHDR(&self.msg);
                (*cmsg).cmsg_level = libc::SOL_SOCKET;
                (*cmsg).cmsg_type = libc::SCM_RIGHTS;
                (*cmsg).cmsg_len = libc::CMSG_LEN(data_len) as usize;
                std::ptr::copy_nonoverlapping(
                    raw.as_ptr().cast::<u8>(),
                    libc::CMSG_DATA(cmsg),
                    data_len as usize,
                );
            }
        }
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
        Some(
            if let ([buf], true) = (&self.bufs[..], self.fds.is_empty()) {
                let len = buf.len().min(i32::MAX as usize) as u32;
                opcode::Send::new(fd, buf.as_mut_ptr(), len)
                    .flags(libc::MSG_NOSIGNAL)
                    .build()
            } else {
                opcode::SendMsg::new(fd, self.msghdr())
                    .flags(libc::MSG_NOSIGNAL as u32)
                    .build()
            },
        )
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
        Some(if self.bufs.len() == 1 && self.fds.is_empty() {
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
