//! Operations, one file each. An op struct owns its inputs (fd, buffers, paths) for
//! as long as the kernel may use them; `sqe` builds the io_uring entry that points
//! into them, `run_blocking` does the same work as a plain syscall (for work io_uring
//! has no opcode for, for a kernel that lacks an opcode, for sync fs calls, and for a
//! Reactor backend's thread pool). Adding an op: a file here, a line in `ops!`.
use io_uring::squeue;

mod buf;
mod close;
mod fallocate;
mod fsync;
mod inline;
mod link;
mod mkdir;
mod nop;
mod open;
mod read;
mod rename;
mod statx;
mod truncate;
mod unlink;
mod write;

pub use buf::IoBuf;
pub use close::Close;
pub use fallocate::{Fadvise, Fallocate};
pub use fsync::Fsync;
pub use inline::{Inline, InlineOutput};
pub use link::{Link, Symlink};
pub use mkdir::Mkdir;
pub use nop::Nop;
pub use open::Open;
pub use read::{Read, Readv};
pub use rename::Rename;
pub use statx::{Statx, StatxTarget};
pub use truncate::Ftruncate;
pub use unlink::Unlink;
pub use write::{Write, Writev};

pub trait OpAble {
    /// The SQE for this op, or None when io_uring has no opcode for the work. Pointers
    /// in it refer to memory the op owns, which does not move while the op sits
    /// (boxed) in the driver's slab.
    fn sqe(&mut self) -> Option<squeue::Entry>;
    /// The same work done synchronously: >= 0 or -errno.
    fn run_blocking(&mut self) -> i32;
    /// The io_uring opcode, for probing support (None: no opcode).
    fn opcode(&self) -> Option<u8>;
    /// A short name for tracing and statistics.
    fn name(&self) -> &'static str;
}

macro_rules! ops {
    ($($variant:ident),* $(,)?) => {
        /// Every op kind, listed once.
        pub enum Op {
            $($variant($variant),)*
        }

        impl Op {
            pub fn as_opable(&mut self) -> &mut dyn OpAble {
                match self {
                    $(Op::$variant(op) => op,)*
                }
            }

            pub fn name(&self) -> &'static str {
                match self {
                    $(Op::$variant(op) => op.name(),)*
                }
            }
        }

        $(impl From<$variant> for Op {
            fn from(op: $variant) -> Op {
                Op::$variant(op)
            }
        })*
    };
}

ops![
    Nop, Open, Close, Read, Readv, Write, Writev, Statx, Fsync, Fallocate, Fadvise, Ftruncate,
    Rename, Unlink, Mkdir, Symlink, Link, Inline,
];
