//! IORING_OP_CONNECT: connect(2) a socket to an address the op owns until its
//! completion. On epoll (a non-blocking socket) the connect is started at submit
//! (`try_first`); EINPROGRESS waits for POLLOUT, and then SO_ERROR says how it
//! ended. Result: 0 or -errno (ECONNREFUSED, ...). An EAGAIN from that first
//! connect(2) is final, not "under way": on a Unix socket it means the listener's
//! backlog is full (unix(7)), and node reports it as an EAGAIN error at once.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::OpAble;
use crate::backend::sockaddr::SockAddr;
use crate::backend::SharedFd;

pub struct Connect {
    pub fd: SharedFd,
    /// Boxed: the SQE points at it, and the op itself may move before it is boxed.
    addr: Box<SockAddr>,
    /// The non-blocking connect(2) was made (epoll): later tries read SO_ERROR.
    started: bool,
    /// The first connect(2) failed with EAGAIN (a full Unix backlog): the result.
    eagain_at_once: bool,
}

impl Connect {
    pub fn new(fd: SharedFd, addr: SockAddr) -> Connect {
        Connect {
            fd,
            addr: Box::new(addr),
            started: false,
            eagain_at_once: false,
        }
    }
}

/// Errors of a non-blocking connect that mean "still under way".
fn in_progress(errno: i32) -> bool {
    errno == libc::EINPROGRESS || errno == libc::EALREADY
}

impl OpAble for Connect {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let (ptr, len) = self.addr.as_ptr();
        Some(opcode::Connect::new(types::Fd(self.fd.raw()), ptr, len).build())
    }
    fn run_blocking(&mut self) -> i32 {
        let fd = self.fd.raw();
        if !self.started {
            self.started = true;
            let (ptr, len) = self.addr.as_ptr();
            // SAFETY: ptr/len describe the sockaddr this op owns.
            if unsafe { libc::connect(fd, ptr, len) } == 0 {
                return 0;
            }
            let errno = super::buf::syscall_result(-1);
            self.eagain_at_once = errno == -libc::EAGAIN;
            return if in_progress(-errno) {
                -libc::EAGAIN
            } else {
                errno
            };
        }
        let mut err: libc::c_int = 0;
        let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: err and len are locals of the sizes given.
        let r = unsafe {
            libc::getsockopt(
                fd,
                libc::SOL_SOCKET,
                libc::SO_ERROR,
                (&raw mut err).cast(),
                &mut len,
            )
        };
        if r < 0 {
            return super::buf::syscall_result(-1);
        }
        if err != 0 {
            return -err;
        }
        // No error yet: connected, or a wake-up before the handshake ended.
        let mut peer = SockAddr::empty();
        match peer.read_peer(fd) {
            Ok(()) => 0,
            Err(libc::ENOTCONN) => -libc::EAGAIN,
            Err(e) => -e,
        }
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Connect::CODE)
    }
    fn name(&self) -> &'static str {
        "connect"
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
    fn must_wait(&self, result: i32) -> bool {
        result == -libc::EAGAIN && !self.eagain_at_once
    }
}
