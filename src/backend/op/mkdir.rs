//! IORING_OP_MKDIRAT: mkdir(2).
use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, OpPath};
use super::OpAble;

pub struct Mkdir {
    pub path: OpPath,
    pub mode: u32,
}

impl OpAble for Mkdir {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::MkDirAt::new(types::Fd(libc::AT_FDCWD), self.path.as_ptr()).mode(self.mode);
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: path is a NUL-terminated string owned by self.
        syscall_result(unsafe { libc::mkdir(self.path.as_ptr(), self.mode) } as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::MkDirAt::CODE)
    }
    fn name(&self) -> &'static str {
        "mkdirat"
    }
}
