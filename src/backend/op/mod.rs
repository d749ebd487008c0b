//! Operations, one file each. An op struct owns its inputs (fd, buffers, paths) for
//! as long as the kernel may use them; `sqe` builds the io_uring entry that points
//! into them, `run_blocking` does the same work as a plain syscall (for a Reactor
//! backend's thread pool and for tests).
use io_uring::squeue;

mod nop;

pub use nop::Nop;

pub trait OpAble {
    /// The SQE for this op. Pointers in it refer to memory the op owns, which does not
    /// move while the op sits (boxed) in the driver's slab.
    fn sqe(&mut self) -> squeue::Entry;
    /// The same work done synchronously: >= 0 or -errno.
    fn run_blocking(&mut self) -> i32;
    /// The io_uring opcode, for probing support.
    fn opcode(&self) -> u8;
}

/// Every op kind, listed once.
pub enum Op {
    Nop(Nop),
}

impl Op {
    pub fn as_opable(&mut self) -> &mut dyn OpAble {
        match self {
            Op::Nop(op) => op,
        }
    }
}
