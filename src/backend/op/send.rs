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
    /// writev(2) instead of sendmsg(2): the fd is a pipe or a terminal.
    plain: bool,
    /// What a gathered write (sendmsg, writev) or a passing of fds needs beside
    /// the buffers; None for a single buffer's SEND, the common case. Boxed: the
    /// op is moved whole at every completion, and this is most of its size.
    parts: Option<Box<MsgParts>>,
}

/// The iovecs, header and control message of a sendmsg (or writev), which the
/// kernel reads through pointers: boxed, they stay put until the CQE.
#[derive(Default)]
struct MsgParts {
    /// Points into `bufs` (heap memory).
    iov: Vec<libc::iovec>,
    /// Points at `iov`; set when the SQE is built.
    msg: Option<libc::msghdr>,
    /// Fds to pass with the first byte, and the control message naming them.
    fds: Vec<OwnedFd>,
    control: Vec<u8>,
}

impl Send {
    pub fn new(fd: SharedFd, bufs: Vec<IoBuf>) -> Send {
        Send {
            fd,
            bufs,
            plain: false,
            parts: None,
        }
    }

    /// A send that passes `fds` along (SCM_RIGHTS) with its first byte.
    pub fn with_fds(fd: SharedFd, bufs: Vec<IoBuf>, fds: Vec<OwnedFd>) -> Send {
        Send {
            parts: Some(Box::new(MsgParts {
                fds,
                ..MsgParts::default()
            })),
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

    /// One buffer and no fds: a plain SEND, with no header.
    fn single(&self) -> Option<&IoBuf> {
        match (&self.bufs[..], &self.parts) {
            ([buf], None) => Some(buf),
            _ => None,
        }
    }

    /// The iovecs over this op's buffers (made once).
    fn iovecs(&mut self) -> &[libc::iovec] {
        let parts = self.parts.get_or_insert_with(Box::default);
        if parts.iov.is_empty() {
            parts.iov = iovecs(&self.bufs);
        }
        &parts.iov
    }

    /// The header for sendmsg, pointing at this op's own iovecs.
    fn msghdr(&mut self) -> &libc::msghdr {
        self.iovecs();
        let parts = self.parts.as_mut().expect("made by iovecs");
        // SAFETY: msghdr is plain data; all-zero is a valid empty header.
        let msg = parts.msg.get_or_insert(unsafe { std::mem::zeroed() });
        msg.msg_iov = parts.iov.as_mut_ptr();
        msg.msg_iovlen = parts.iov.len();
        if !parts.fds.is_empty() {
            let raw: Vec<RawFd> = parts.fds.iter().map(AsRawFd::as_raw_fd).collect();
            let data_len = std::mem::size_of_val(&raw[..]) as u32;
            // SAFETY: CMSG_SPACE/CMSG_LEN are pure size computations.
            let space = unsafe { libc::CMSG_SPACE(data_len) } as usize;
            parts.control = vec![0; space];
            msg.msg_control = parts.control.as_mut_ptr().cast();
            msg.msg_controllen = space;
            // SAFETY: the control buffer has room for one header and data_len bytes
            // (CMSG_SPACE), so CMSG_FIRSTHDR is non-null and CMSG_DATA in bounds.
            unsafe {
                let cmsg = libc::CMSG_FIRSTHDR(msg);
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
        msg
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
            let iov = self.iovecs();
            return Some(
                opcode::Writev::new(fd, iov.as_ptr(), iov.len() as u32)
                    .offset(u64::MAX)
                    .build(),
            );
        }
        Some(match self.single() {
            Some(buf) => {
                let len = buf.len().min(i32::MAX as usize) as u32;
                opcode::Send::new(fd, buf.as_mut_ptr(), len)
                    .flags(libc::MSG_NOSIGNAL)
                    .build()
            }
            None => opcode::SendMsg::new(fd, self.msghdr())
                .flags(libc::MSG_NOSIGNAL as u32)
                .build(),
        })
    }
    fn run_blocking(&mut self) -> i32 {
        let fd = self.fd.raw();
        if self.plain {
            let iov = self.iovecs();
            // SAFETY: every iovec points into a buffer this op owns.
            let r = unsafe { libc::writev(fd, iov.as_ptr(), iov.len() as i32) };
            return syscall_result(r as i64);
        }
        let flags = libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT;
        if let Some(buf) = self.single() {
            // SAFETY: buf is a buffer this op owns, buf.len() bytes long.
            let n = unsafe { libc::send(fd, buf.as_mut_ptr().cast(), buf.len(), flags) };
            return syscall_result(n as i64);
        }
        // SAFETY: msg points at iovecs into buffers this op owns.
        let n = unsafe { libc::sendmsg(fd, self.msghdr(), flags) };
        syscall_result(n as i64)
    }
    fn opcode(&self) -> Option<u8> {
        if self.plain {
            return Some(opcode::Writev::CODE);
        }
        Some(if self.single().is_some() {
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
    fn socket_fd(&self) -> Option<&SharedFd> {
        Some(&self.fd)
    }
    fn readiness(&self) -> Option<i16> {
        Some(libc::POLLOUT)
    }
    fn try_first(&self) -> bool {
        true
    }
}
