//! IORING_OP_READ with IOSQE_BUFFER_SELECT: a read into a buffer the kernel picks
//! from a registered group (IORING_REGISTER_PBUF_RING). The completion's flags name
//! the buffer (`Completion::buffer_id`); its owner reads the bytes with
//! `Backend::buffer` and gives the buffer back with `Backend::recycle`. The shape
//! multishot recv takes when sockets land. Result: bytes read.
use std::os::fd::RawFd;

use io_uring::{opcode, squeue, types};

use super::{OpAble, Picked};
use crate::backend::SharedFd;

pub struct ReadSelect {
    pub fd: SharedFd,
    pub group: u16,
    pub len: u32,
    /// Filled by the epoll driver, which picks the buffer itself.
    pub picked: Option<Picked>,
}

impl OpAble for ReadSelect {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::Read::new(types::Fd(self.fd.raw()), std::ptr::null_mut(), self.len)
            .buf_group(self.group)
            .offset(u64::MAX);
        Some(e.build().flags(squeue::Flags::BUFFER_SELECT))
    }
    fn run_blocking(&mut self) -> i32 {
        let Some(p) = self.picked else {
            return -libc::ENOBUFS;
        };
        // SAFETY: the driver picked a free buffer with room for p.len bytes.
        let n = unsafe { libc::read(self.fd.raw(), p.ptr.cast(), self.len.min(p.len) as usize) };
        super::buf::syscall_result(n as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::Read::CODE)
    }
    fn name(&self) -> &'static str {
        "read_select"
    }
    fn fd(&self) -> Option<RawFd> {
        Some(self.fd.raw())
    }
    fn readiness(&self) -> Option<i16> {
        Some(libc::POLLIN)
    }
    fn buffer_group(&self) -> Option<u16> {
        Some(self.group)
    }
    fn pick(&mut self, picked: Option<Picked>) {
        self.picked = picked;
    }
}
