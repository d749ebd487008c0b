//! Operations, one file each. An op struct owns its inputs (fd, buffers, paths) for
//! as long as the kernel may use them; `sqe` builds the io_uring entry that points
//! into them, `run_blocking` does the same work as a plain syscall (for work io_uring
//! has no opcode for, for a kernel that lacks an opcode, for sync fs calls, and for a
//! Reactor backend's thread pool). `readiness` marks ops on pollable fds, which the
//! epoll driver runs as monoio's legacy_call: wait for readiness, then try the
//! syscall. Every op has the same life in both drivers: built, moved in with its
//! buffers, kept in the slab, completed by key. Adding an op: a file here, a line
//! in `ops!`.
use std::os::fd::RawFd;

use io_uring::squeue;

use super::SharedFd;

mod accept;
mod buf;
mod close;
mod connect;
mod fallocate;
mod fsync;
mod inline;
mod link;
mod mkdir;
mod nop;
mod open;
mod poll;
mod read;
mod read_file;
mod read_select;
mod recv;
mod recv_fds;
mod recv_multi;
mod recvmsg;
mod recvmsg_multi;
mod rename;
mod send;
mod sendmsg;
mod shutdown;
pub mod socket;
mod statx;
mod truncate;
mod unlink;
mod write;

pub use accept::Accept;
pub use buf::{syscall_result, IoBuf};
pub use close::Close;
pub use connect::Connect;
pub use fallocate::{Fadvise, Fallocate};
pub use fsync::Fsync;
pub use inline::{Inline, InlineOutput};
pub use link::{Link, Symlink};
pub use mkdir::Mkdir;
pub use nop::Nop;
pub use open::Open;
pub use poll::Poll;
pub use read::{Read, Readv};
pub use read_file::{Chain, ChainStep, ReadFile};
pub use read_select::ReadSelect;
pub use recv::{Recv, RecvSelect};
pub use recv_fds::RecvFds;
pub use recv_multi::RecvMulti;
pub use recvmsg::{RecvInto, RecvMsg};
pub use recvmsg_multi::{parse_datagram, RecvMsgMulti, RECVMSG_OVERHEAD};
pub use rename::Rename;
pub use send::Send;
pub use sendmsg::SendMsg;
pub use shutdown::Shutdown;
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
    /// The fd the op works on, so a closing handle can cancel its ops by fd.
    fn fd(&self) -> Option<RawFd> {
        None
    }
    /// A connection's fd a send or a read works on, which the io_uring driver
    /// may name by its slot in the ring's file table (uring/fixed_fds.rs).
    fn socket_fd(&self) -> Option<&SharedFd> {
        None
    }
    /// For a pollable fd: the poll events to wait for before `run_blocking` (which
    /// then does not block). None: a file op, run on the epoll driver's pool.
    fn readiness(&self) -> Option<i16> {
        None
    }
    /// Work with no opcode that may block for long (a DNS lookup; later zlib, key
    /// derivation): both drivers run it on the work pool, never on the loop thread.
    /// Ops without an opcode that say no here run inline on io_uring (one short
    /// syscall: docs/fs.md) and on the pool on epoll.
    fn needs_pool(&self) -> bool {
        false
    }
    /// One submission, many completions (IORING_CQE_F_MORE) until cancelled.
    fn multishot(&self) -> bool {
        false
    }
    /// For a multishot op on epoll: whether this result is its last (an error by
    /// default; a recv's EOF too). io_uring decides that itself (no F_MORE).
    fn multishot_ends(&self, result: i32) -> bool {
        result < 0
    }
    /// For a multishot op on epoll: how many arrivals it may take per readiness
    /// event. One for a stream (one recv takes up to a whole buffer, and more
    /// would let a few sockets take every buffer of the group); more for
    /// datagrams, one per recvmsg, as libuv reads a UDP socket up to 32 times,
    /// and for accept (src/backend/op/accept.rs).
    fn shots_per_event(&self) -> usize {
        1
    }
    /// A readiness op the epoll driver tries at submit, before waiting (a send, a
    /// connect: usually done at once, so no wait and no extra epoll_wait turn).
    fn try_first(&self) -> bool {
        false
    }
    /// Whether a `run_blocking` result means "not ready yet: wait for readiness"
    /// rather than the op's outcome (an op whose EAGAIN is a real error says no).
    fn must_wait(&self, result: i32) -> bool {
        result == -libc::EAGAIN
    }
    /// The provided-buffer group the op reads into (IOSQE_BUFFER_SELECT).
    fn buffer_group(&self) -> Option<u16> {
        None
    }
    /// The epoll driver's pick from the op's group before `run_blocking`, or None
    /// when every buffer is lent (the syscall then gives ENOBUFS).
    fn pick(&mut self, _picked: Option<Picked>) {}
    /// At the op's last completion: the provided buffer it took (from the CQE's
    /// flags), so its owner can read and recycle it once the op is handed back.
    fn set_buffer(&mut self, _bid: u16) {}
    /// What the kernel wrote into memory the op owns, given the completion's
    /// result: told to valgrind by the io_uring driver (backend/valgrind.rs).
    fn written(&self, _result: i32) -> Option<(*const u8, usize)> {
        None
    }
    /// An op made of phases of linked SQEs on a direct descriptor (read_file.rs).
    /// The io_uring driver gives it a slot of its sparse file table; without one
    /// (epoll, an old kernel) the op runs `run_blocking` on the work pool.
    fn chain(&mut self) -> Option<&mut dyn Chain> {
        None
    }
}

/// A provided buffer the epoll driver chose for one read: where it starts, its id,
/// and how many bytes may go there (a lent buffer's room left may be less than
/// the op asks for).
#[derive(Clone, Copy, Debug)]
pub struct Picked {
    pub ptr: *mut u8,
    pub bid: u16,
    pub len: u32,
}

impl Op {
    /// The path a path op was given (for an error's text, made only on error).
    pub fn path(&self) -> Option<&std::ffi::CStr> {
        match self {
            Op::Statx(op) => op.path(),
            Op::ReadFile(op) => Some(op.path()),
            _ => None,
        }
    }
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

            pub fn as_opable_ref(&self) -> &dyn OpAble {
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
    Nop,
    Open,
    Close,
    Read,
    Readv,
    ReadFile,
    Write,
    Writev,
    Statx,
    Fsync,
    Fallocate,
    Fadvise,
    Ftruncate,
    Rename,
    Unlink,
    Mkdir,
    Symlink,
    Link,
    Inline,
    Poll,
    ReadSelect,
    Accept,
    Connect,
    Recv,
    Send,
    Shutdown,
    RecvSelect,
    RecvMulti,
    RecvMsg,
    RecvMsgMulti,
    SendMsg,
    RecvFds,
];
