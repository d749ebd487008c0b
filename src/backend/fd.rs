//! A file descriptor shared by a handle and the ops in flight on it, after monoio's
//! SharedFd. Every op that names an fd holds a `SharedFd` clone; the fd number is
//! closed when the last clone is dropped — the handle's own, and the one in each op,
//! which comes back (and is dropped) only with that op's last completion. So a
//! handle's close is ordered after its in-flight ops: cancel them, wait for their
//! completions, then the number is released, and no op can ever touch a file that
//! reused the number meanwhile.
//!
//! An accepted connection (`owned_by_ring`), on a loop thread whose io_uring driver
//! asked for it (`close_through_ring`), is not closed by a close() syscall but
//! queued for an IORING_OP_CLOSE the driver submits with its next enter (right
//! after the turn's callbacks): a server with connection churn saves a syscall
//! per connection. The number stays taken until then, so it cannot be reused
//! early. Only accepted connections: a listener's or a datagram socket's close
//! must free its port at once (a bind right after close() must succeed, as in
//! node), and an accepted socket holds no port of its own.
//!
//! fds coil does not own (the raw fs API: `fs.read(fd, ...)`, where node documents
//! closing an fd with ops in flight as undefined) are `borrowed`: never closed here.
use std::cell::RefCell;
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct SharedFd(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    fd: RawFd,
    owned: bool,
    /// Closed through the ring when this thread's driver takes closes.
    by_ring: bool,
}

impl SharedFd {
    /// Takes ownership of `fd`: closed when the last clone is dropped.
    pub fn owned(fd: RawFd) -> SharedFd {
        SharedFd(Arc::new(Inner {
            fd,
            owned: true,
            by_ring: false,
        }))
    }

    /// An accepted connection's fd: owned, and closed through the ring when the
    /// loop's driver can (see the module's comment).
    pub fn owned_by_ring(fd: RawFd) -> SharedFd {
        SharedFd(Arc::new(Inner {
            fd,
            owned: true,
            by_ring: true,
        }))
    }

    /// An fd someone else closes (JS, through fs.close).
    pub fn borrowed(fd: RawFd) -> SharedFd {
        SharedFd(Arc::new(Inner {
            fd,
            owned: false,
            by_ring: false,
        }))
    }

    pub fn raw(&self) -> RawFd {
        self.0.fd
    }

    /// Owned, and closed through the ring when this thread's driver takes closes
    /// (an accepted connection): the io_uring driver may keep it in its file
    /// table, knowing it will see the close (uring/fixed_fds.rs).
    pub fn closes_through_ring(&self) -> bool {
        self.0.owned && self.0.by_ring
    }

    /// How many holders (the handle and the ops in flight) keep the number open.
    #[cfg(test)]
    pub fn holders(&self) -> usize {
        Arc::strong_count(&self.0)
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if self.owned && self.fd >= 0 && !(self.by_ring && queue_ring_close(self.fd)) {
            // SAFETY: the fd is owned by this value alone, and no op holds it any
            // more (each op holds a clone of the Arc until its last completion).
            unsafe { libc::close(self.fd) };
            CLOSES.fetch_add(1, Ordering::Relaxed);
        }
    }
}

thread_local! {
    /// Fds whose last holder let go, waiting for this thread's ring to close them
    /// (None: this thread closes with close()).
    static RING_CLOSES: RefCell<Option<Vec<RawFd>>> = const { RefCell::new(None) };
}

/// Queues `fd` for the ring's close when this thread's driver takes them.
fn queue_ring_close(fd: RawFd) -> bool {
    RING_CLOSES
        .try_with(|q| match q.try_borrow_mut().as_deref_mut() {
            Ok(Some(fds)) => {
                fds.push(fd);
                true
            }
            _ => false,
        })
        .unwrap_or(false)
}

/// From now on (`on`), this thread's owned fds are closed through its ring:
/// `take_ring_closes` hands them to the driver. Turning it off returns the fds
/// still queued, for the caller to close.
pub fn close_through_ring(on: bool) -> Vec<RawFd> {
    RING_CLOSES.with(|q| {
        let mut q = q.borrow_mut();
        let left = q.take().unwrap_or_default();
        if on {
            *q = Some(left);
            Vec::new()
        } else {
            left
        }
    })
}

/// Moves the fds queued for the ring's close into `out`.
pub fn take_ring_closes(out: &mut Vec<RawFd>) {
    RING_CLOSES.with(|q| {
        if let Some(fds) = q.borrow_mut().as_mut() {
            out.append(fds);
        }
    });
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
