//! Work io_uring has no opcode for (getdents, chmod, chown, utimes, readlink,
//! realpath, access, copy_file_range, ...). It runs on the loop thread as one short
//! syscall (or a few), and its completion is still delivered asynchronously, in the
//! next poll. docs/fs.md says why this beats a thread hop for these calls. The
//! work is `Send`: the epoll driver runs it on its thread pool instead. Work that
//! may block for long (getaddrinfo) is made with `on_pool`: then both drivers run
//! it on the work pool.
use std::any::Any;

use io_uring::squeue;

use super::OpAble;

/// What inline work produces besides its result code: a string, a list, ...
pub type InlineOutput = Box<dyn Any + Send>;

pub struct Inline {
    name: &'static str,
    work: Option<Box<dyn FnOnce() -> Result<InlineOutput, i32> + Send>>,
    pub output: Option<InlineOutput>,
    /// Made by `on_pool`: never run on the loop thread.
    pool: bool,
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
            pool: false,
        }
    }

    /// Work that may block for long (a name lookup): it goes to the work pool on
    /// both drivers.
    pub fn on_pool(
        name: &'static str,
        work: impl FnOnce() -> Result<InlineOutput, i32> + Send + 'static,
    ) -> Inline {
        Inline {
            pool: true,
            ..Inline::new(name, work)
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
    fn needs_pool(&self) -> bool {
        self.pool
    }
}
