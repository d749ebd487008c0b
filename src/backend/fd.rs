//! A file descriptor shared by a handle and the ops in flight on it, after monoio's
//! SharedFd. Every op that names an fd holds a `SharedFd` clone; the fd number is
//! closed when the last clone is dropped — the handle's own, and the one in each op,
//! which comes back (and is dropped) only with that op's last completion. So a
//! handle's close is ordered after its in-flight ops: cancel them, wait for their
//! completions, then the number is released, and no op can ever touch a file that
//! reused the number meanwhile.
//!
//! fds coil does not own (the raw fs API: `fs.read(fd, ...)`, where node documents
//! closing an fd with ops in flight as undefined) are `borrowed`: never closed here.
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct SharedFd(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    fd: RawFd,
    owned: bool,
}

impl SharedFd {
    /// Takes ownership of `fd`: closed when the last clone is dropped.
    pub fn owned(fd: RawFd) -> SharedFd {
        SharedFd(Arc::new(Inner { fd, owned: true }))
    }

    /// An fd someone else closes (JS, through fs.close).
    pub fn borrowed(fd: RawFd) -> SharedFd {
        SharedFd(Arc::new(Inner { fd, owned: false }))
    }

    pub fn raw(&self) -> RawFd {
        self.0.fd
    }

    /// How many holders (the handle and the ops in flight) keep the number open.
    #[cfg(test)]
    pub fn holders(&self) -> usize {
        Arc::strong_count(&self.0)
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if self.owned && self.fd >= 0 {
            // SAFETY: the fd is owned by this value alone, and no op holds it any more
            // (each op holds a clone of the Arc until its last completion).
            unsafe { libc::close(self.fd) };
            CLOSES.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// close() calls made when a last holder let go (on any thread: an atomic).
static CLOSES: AtomicU64 = AtomicU64::new(0);

pub fn closes() -> u64 {
    CLOSES.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_open(fd: RawFd) -> bool {
        // SAFETY: F_GETFD reads nothing from memory.
        unsafe { libc::fcntl(fd, libc::F_GETFD) >= 0 }
    }

    #[test]
    fn the_number_is_closed_after_the_last_holder() {
        // SAFETY: no pointers.
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC) };
        let handle = SharedFd::owned(fd);
        let in_flight = handle.clone();
        assert_eq!(handle.holders(), 2);
        drop(handle);
        assert!(is_open(fd), "an op still holds it");
        drop(in_flight);
        assert!(!is_open(fd));
    }

    #[test]
    fn a_borrowed_fd_is_never_closed() {
        // SAFETY: no pointers.
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC) };
        drop(SharedFd::borrowed(fd));
        assert!(is_open(fd));
        // SAFETY: ours.
        unsafe { libc::close(fd) };
    }
}
