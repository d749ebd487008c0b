//! IORING_OP_UNLINKAT: unlink(2), or rmdir(2) with `dir`.
use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, OpPath};
use super::OpAble;

pub struct Unlink {
    pub path: OpPath,
    pub dir: bool,
}

impl Unlink {
    fn flags(&self) -> i32 {
        if self.dir {
            libc::AT_REMOVEDIR
        } else {
            0
        }
    }
}

impl OpAble for Unlink {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let e = opcode::UnlinkAt::new(types::Fd(libc::AT_FDCWD), self.path.as_ptr())
            .flags(self.flags());
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        // SAFETY: path is a NUL-terminated string owned by self.
        let r = unsafe { libc::unlinkat(libc::AT_FDCWD, self.path.as_ptr(), self.flags()) };
        syscall_result(r as i64)
    }
    fn opcode(&self) -> Option<u8> {
        Some(opcode::UnlinkAt::CODE)
    }
    fn name(&self) -> &'static str {
        "unlinkat"
    }
}
