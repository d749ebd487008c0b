//! IORING_OP_RECV with IORING_RECV_MULTISHOT over a provided-buffer group: one
//! submission reads a socket for as long as it stays armed, one completion per
//! arrival, each naming the buffer the kernel filled (Linux 6.0). The owner copies
//! each buffer out and recycles it. It ends (no IORING_CQE_F_MORE) at EOF (res 0),
//! on an error, when cancelled (a reader applying backpressure), or with -ENOBUFS
//! when the group ran dry — the data then stays in the socket for the re-arm.
//! On epoll: a readiness op that stays registered, one non-blocking recv per
//! POLLIN, into a buffer the driver picks from the same group.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::{OpAble, Picked};
use crate::backend::SharedFd;

pub struct RecvMulti {
    pub fd: SharedFd,
    pub group: u16,
    /// The epoll driver's pick for the next recv: (address, buffer id).
    picked: Option<Picked>,
    len: u32,
}

impl RecvMulti {
    pub fn new(fd: SharedFd, group: u16, len: u32) -> RecvMulti {
        RecvMulti {
            fd,
            group,
            picked: None,
            len,
        }
    }
}

impl OpAble for RecvMulti {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        Some(opcode::RecvMulti::new(types::Fd(self.fd.raw()), self.group).build())
    }
    fn run_blocking(&mut self) -> i32 {
        super::recv::recv_picked(&self.fd, self.picked, self.len)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::RecvMulti::CODE)
    }
    fn name(&self) -> &'static str {
        "recv_multi"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
    fn socket_fd(&self) -> Option<&SharedFd> {
        Some(&self.fd)
    }
    fn readiness(&self) -> Option<i16> {
        Some(libc::POLLIN)
    }
    fn multishot(&self) -> bool {
        true
    }
    fn multishot_ends(&self, result: i32) -> bool {
        result <= 0
    }
    fn buffer_group(&self) -> Option<u16> {
        Some(self.group)
    }
    fn pick(&mut self, picked: Option<Picked>) {
        self.picked = picked;
    }
}
