//! IORING_OP_STATX: stat/lstat/fstat in one op. fstat is statx on "" with
//! AT_EMPTY_PATH. The kernel writes into a boxed statx buffer the op owns (reused
//! from a per-thread spare list). On
//! io_uring it runs inline (see `opcode`); on epoll on the work pool.
use std::cell::RefCell;
use std::ffi::CStr;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

use io_uring::{opcode, squeue, types};

use super::buf::{syscall_result, OpPath};
use super::OpAble;
use crate::backend::SharedFd;
use std::os::fd::RawFd;

pub enum StatxTarget {
    /// stat (follow symlinks) or lstat (`follow: false`).
    Path {
        path: OpPath,
        follow: bool,
    },
    Fd(SharedFd),
}

pub struct Statx {
    target: StatxTarget,
    pub buf: StatxBuf,
}

/// The empty path of the fd form (static: its pointer outlives any SQE).
const EMPTY: &CStr = c"";
/// Buffers kept for reuse, per thread: a stat allocates none in a steady state.
const SPARE_MAX: usize = 256;

thread_local! {
    // Boxes, as the ops hold them: their heap blocks are what is reused.
    #[allow(clippy::vec_box)]
    static SPARE: RefCell<Vec<Box<libc::statx>>> = const { RefCell::new(Vec::new()) };
}

/// The statx the kernel writes: boxed, so it stays put while the op moves, and
/// given back to this thread's spares when the op is dropped.
pub struct StatxBuf(ManuallyDrop<Box<libc::statx>>);

impl StatxBuf {
    fn new() -> StatxBuf {
        let reused = SPARE.with(|s| s.borrow_mut().pop());
        // SAFETY: statx is plain old data; all-zero is a valid value.
        StatxBuf(ManuallyDrop::new(
            reused.unwrap_or_else(|| Box::new(unsafe { std::mem::zeroed() })),
        ))
    }
}

impl Deref for StatxBuf {
    type Target = libc::statx;
    fn deref(&self) -> &libc::statx {
        &self.0
    }
}

impl DerefMut for StatxBuf {
    fn deref_mut(&mut self) -> &mut libc::statx {
        &mut self.0
    }
}

impl Drop for StatxBuf {
    fn drop(&mut self) {
        // SAFETY: the box is taken once, here, and self is not used after.
        let b = unsafe { ManuallyDrop::take(&mut self.0) };
        // At thread exit the spares may be gone already: the box is then freed.
        let _ = SPARE.try_with(|s| {
            let mut s = s.borrow_mut();
            if s.len() < SPARE_MAX {
                s.push(b);
            }
        });
    }
}

impl Statx {
    pub fn new(target: StatxTarget) -> Statx {
        Statx {
            target,
            buf: StatxBuf::new(),
        }
    }

    /// The path of stat/lstat (None for fstat).
    pub fn path(&self) -> Option<&std::ffi::CStr> {
        match &self.target {
            StatxTarget::Path { path, .. } => Some(path),
            StatxTarget::Fd(_) => None,
        }
    }

    fn args(&self) -> (i32, *const libc::c_char, i32) {
        let base = libc::AT_STATX_SYNC_AS_STAT;
        match &self.target {
            StatxTarget::Path { path, follow: true } => (libc::AT_FDCWD, path.as_ptr(), base),
            StatxTarget::Path {
                path,
                follow: false,
            } => (
                libc::AT_FDCWD,
                path.as_ptr(),
                base | libc::AT_SYMLINK_NOFOLLOW,
            ),
            StatxTarget::Fd(fd) => (fd.raw(), EMPTY.as_ptr(), base | libc::AT_EMPTY_PATH),
        }
    }
}

impl OpAble for Statx {
    fn sqe(&mut self) -> Option<squeue::Entry> {
        let (dirfd, path, flags) = self.args();
        let buf = (&mut *self.buf as *mut libc::statx).cast::<types::statx>();
        let e = opcode::Statx::new(types::Fd(dirfd), path, buf)
            .flags(flags)
            .mask(libc::STATX_BASIC_STATS | libc::STATX_BTIME);
        Some(e.build())
    }
    fn run_blocking(&mut self) -> i32 {
        let (dirfd, path, flags) = self.args();
        let mask = libc::STATX_BASIC_STATS | libc::STATX_BTIME;
        // SAFETY: path is NUL-terminated and buf is a writable statx, both owned by self.
        let r = unsafe { libc::statx(dirfd, path, flags, mask, &mut *self.buf) };
        syscall_result(r as i64)
    }
    /// None: io_uring runs statx inline on the loop thread. IORING_OP_STATX always
    /// goes to an io-wq worker, which for a path in the dentry cache costs more than
    /// the syscall (docs/fs.md has the numbers); `sqe` stays for kernels and
    /// callers that want it.
    fn opcode(&self) -> Option<u8> {
        None
    }
    fn name(&self) -> &'static str {
        "statx"
    }
    fn written(&self, result: i32) -> Option<(*const u8, usize)> {
        let buf: &libc::statx = &self.buf;
        (result == 0).then(|| {
            (
                (buf as *const libc::statx).cast(),
                std::mem::size_of::<libc::statx>(),
            )
        })
    }
    fn fd(&self) -> Option<RawFd> {
        match &self.target {
            StatxTarget::Fd(fd) => Some(fd.raw()),
            StatxTarget::Path { .. } => None,
        }
    }
}
