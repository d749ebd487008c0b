//! Work io_uring has no opcode for (getdents, chmod, chown, utimes, readlink,
//! realpath, access, copy_file_range, ...). It runs on the loop thread as one short
//! syscall (or a few), and its completion is still delivered asynchronously, in the
//! next poll. docs/fs.md says why this beats a thread hop for these calls. The
//! work is `Send`: the epoll driver runs it on its thread pool instead.
use std::any::Any;

use io_uring::squeue;

use super::OpAble;

/// What inline work produces besides its result code: a string, a list, ...
pub type InlineOutput = Box<dyn Any + Send>;

pub struct Inline {
    name: &'static str,
    work: Option<Box<dyn FnOnce() -> Result<InlineOutput, i32> + Send>>,
    pub output: Option<InlineOutput>,
}

impl Inline {
    pub fn new(
        name: &'static str,
        work: impl FnOnce() -> Result<InlineOutput, i32> + Send + 'static,
    ) -> Inline {
        Inline {
            name,
            work: Some(Box::new(work)),
            output: None,
        }
    }
}

impl OpAble for Inline {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        None
    }
    fn run_blocking(&mut self) -> i32 {
        let Some(work) = self.work.take() else {
            return -libc::EINVAL;
        };
        match work() {
            Ok(out) => {
                self.output = Some(out);
                0
            }
            Err(errno) => -errno,
        }
    }
    fn opcode(&self) -> Option<u8> {
        None
    }
    fn name(&self) -> &'static str {
        self.name
    }
}
