//! IORING_OP_RENAMEAT: rename(2).
use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, OpPath};
use super::OpAble;

pub struct Rename {
    pub from: OpPath,
    pub to: OpPath,
}

impl OpAble for Rename {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let cwd = types::Fd(libc::AT_FDCWD);
        Some(opcode::RenameAt::new(cwd, self.from.as_ptr(), cwd, self.to.as_ptr()).build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: both paths are NUL-terminated strings owned by self.
        syscall_result(unsafe { libc::rename(self.from.as_ptr(), self.to.as_ptr()) } as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::RenameAt::CODE)
    }
    fn name(&self) -> &'static str {
        "renameat"
    }
}
