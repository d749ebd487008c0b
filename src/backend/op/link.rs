//! IORING_OP_SYMLINKAT and IORING_OP_LINKAT: symlink(2) and link(2).
use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, OpPath};
use super::OpAble;

pub struct Symlink {
    pub target: OpPath,
    pub path: OpPath,
}

impl OpAble for Symlink {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let cwd = types::Fd(libc::AT_FDCWD);
        Some(opcode::SymlinkAt::new(cwd, self.target.as_ptr(), self.path.as_ptr()).build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: both paths are NUL-terminated strings owned by self.
        syscall_result(unsafe { libc::symlink(self.target.as_ptr(), self.path.as_ptr()) } as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::SymlinkAt::CODE)
    }
    fn name(&self) -> &'static str {
        "symlinkat"
    }
}

pub struct Link {
    pub existing: OpPath,
    pub new: OpPath,
}

impl OpAble for Link {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let cwd = types::Fd(libc::AT_FDCWD);
        Some(opcode::LinkAt::new(cwd, self.existing.as_ptr(), cwd, self.new.as_ptr()).build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: both paths are NUL-terminated strings owned by self.
        syscall_result(unsafe { libc::link(self.existing.as_ptr(), self.new.as_ptr()) } as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::LinkAt::CODE)
    }
    fn name(&self) -> &'static str {
        "linkat"
    }
}
