//! IORING_OP_OPENAT: open(2) relative to the working directory. Result: the new fd.
use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, OpPath};
use super::OpAble;

pub struct Open {
    pub path: OpPath,
    pub flags: i32,
    pub mode: u32,
}

impl OpAble for Open {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::OpenAt::new(types::Fd(libc::AT_FDCWD), self.path.as_ptr())
            .flags(self.flags | libc::O_CLOEXEC)
            .mode(self.mode);
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: path is a valid NUL-terminated string owned by self.
        let fd = unsafe {
            libc::openat(
                libc::AT_FDCWD,
                self.path.as_ptr(),
                self.flags | libc::O_CLOEXEC,
                self.mode,
            )
        };
        syscall_result(fd as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::OpenAt::CODE)
    }
    fn name(&self) -> &'static str {
        "openat"
    }
}
