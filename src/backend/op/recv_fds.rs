//! IORING_OP_RECVMSG on a stream socket that may carry fds (SCM_RIGHTS): an IPC
//! channel, whose peer passes servers and sockets with its messages. One recvmsg
//! per completion into a buffer the op owns, with room for a control message; the
//! fds arrive already close-on-exec (MSG_CMSG_CLOEXEC). The owner takes them with
//! `take_fds` — fds in a completion nobody takes are closed when the op drops, so
//! none leaks. On epoll: POLLIN, then recvmsg(MSG_DONTWAIT). Result: bytes read.
use std::os::fd::{FromRawFd, OwnedFd, RawFd};

use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, IoBuf};
use super::OpAble;
use crate::backend::SharedFd;

/// At most this many fds per message (node passes one handle at a time).
const MAX_FDS: usize = 16;
const CONTROL_LEN: usize = 512;

pub struct RecvFds {
    pub fd: SharedFd,
    pub buf: IoBuf,
    /// Where msg points: the one iovec (into buf).
    _iov: Box<libc::iovec>,
    msg: Box<libc::msghdr>,
    control: Box<[u8; CONTROL_LEN]>,
}

impl RecvFds {
    pub fn new(fd: SharedFd, buf: IoBuf) -> RecvFds {
        let mut iov = Box::new(libc::iovec {
            iov_base: buf.as_mut_ptr().cast(),
            iov_len: buf.len(),
        });
        let mut control = Box::new([0u8; CONTROL_LEN]);
        // SAFETY: msghdr is plain data; all-zero is a valid empty header.
        let mut msg: Box<libc::msghdr> = Box::new(unsafe { std::mem::zeroed() });
        msg.msg_iov = &mut *iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.as_mut_ptr().cast();
        // Set when submitted; until the kernel fills it, there is nothing to read.
        msg.msg_controllen = 0;
        RecvFds {
            fd,
            buf,
            _iov: iov,
            msg,
            control,
        }
    }

    /// The fds the completed recvmsg received, now owned by the caller.
    pub fn take_fds(&mut self) -> Vec<OwnedFd> {
        let mut fds = Vec::new();
        // SAFETY: the kernel wrote msg_controllen bytes of well-formed cmsgs into our
        // control buffer; the CMSG_* walk stays inside it.
        unsafe {
            let mut cmsg = libc::CMSG_FIRSTHDR(&*self.msg);
            while !cmsg.is_null() {
                if (*cmsg).cmsg_level == libc::SOL_SOCKET && (*cmsg).cmsg_type == libc::SCM_RIGHTS {
                    let data = libc::CMSG_DATA(cmsg);
                    let len = (*cmsg).cmsg_len - libc::CMSG_LEN(0) as usize;
                    let n = (len / std::mem::size_of::<RawFd>()).min(MAX_FDS);
                    for i in 0..n {
                        let fd = data.add(i * 4).cast::<RawFd>().read_unaligned();
                        fds.push(OwnedFd::from_raw_fd(fd));
                    }
                }
                cmsg = libc::CMSG_NXTHDR(&*self.msg, cmsg);
            }
        }
        self.msg.msg_controllen = 0;
        self.control.fill(0);
        fds
    }
}

impl Drop for RecvFds {
    fn drop(&mut self) {
        // Fds delivered to a completion nobody looked at are closed here.
        drop(self.take_fds());
    }
}

impl OpAble for RecvFds {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        self.control.fill(0);
        self.msg.msg_controllen = CONTROL_LEN;
        let e = opcode::RecvMsg::new(types::Fd(self.fd.raw()), &mut *self.msg)
            .flags(libc::MSG_CMSG_CLOEXEC as u32);
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        self.control.fill(0);
        self.msg.msg_controllen = CONTROL_LEN;
        let flags = libc::MSG_DONTWAIT | libc::MSG_CMSG_CLOEXEC;
        // SAFETY: msg points at our iovec (into buf) and our control buffer.
        let n = unsafe { libc::recvmsg(self.fd.raw(), &mut *self.msg, flags) };
        syscall_result(n as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::RecvMsg::CODE)
    }
    fn name(&self) -> &'static str {
        "recv_fds"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
    fn readiness(&self) -> Option<i16> {
        Some(libc::POLLIN)
    }
}
