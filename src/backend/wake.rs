//! The loop's wake-up source: an eventfd the driver watches (a multishot poll on
//! the ring, or epoll interest), and a queue other threads post completions into.
//! A work pool, a signal thread or a worker's loop holds a `Remote` (Send + Sync)
//! and calls `post`; the loop wakes and delivers each posted result as a
//! `Completion` with `key == user_data::REMOTE`. Writes are coalesced by a flag,
//! as libuv's uv_async_send: many posts between two loop turns cost one write.
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::{io, mem};

use super::{Owner, SharedFd};

/// A result posted from another thread: (owner, result, driver-internal key).
pub struct Posted {
    pub owner: Owner,
    pub result: i32,
    /// For the driver's own pool: the slab key of the op that ran. REMOTE otherwise.
    pub key: u64,
}

struct Shared {
    efd: SharedFd,
    queue: Mutex<Vec<Posted>>,
    /// Set between the first post and the loop's drain: later posts skip the write.
    signalled: AtomicBool,
    /// eventfd writes made (--stats).
    writes: AtomicU64,
}

#[derive(Clone)]
pub struct Remote(Arc<Shared>);

/// Another thread's way straight into a loop's ring (IORING_OP_MSG_RING): a
/// duplicate of the ring's fd, which keeps the ring alive while anyone holds it
/// (a message to a loop that has ended lands in a ring nobody reads).
#[derive(Clone)]
pub struct RingDoor(SharedFd);

impl RingDoor {
    pub(super) fn of(fd: SharedFd) -> RingDoor {
        RingDoor(fd)
    }

    pub(super) fn fd(&self) -> RawFd {
        self.0.raw()
    }
}

impl Remote {
    pub fn new() -> io::Result<Remote> {
        // SAFETY: no pointers.
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(Remote(Arc::new(Shared {
            efd: SharedFd::owned(fd),
            queue: Mutex::new(Vec::new()),
            signalled: AtomicBool::new(false),
            writes: AtomicU64::new(0),
        })))
    }

    /// Posts a result for `owner` and wakes the loop. Callable from any thread.
    pub fn post(&self, owner: Owner, result: i32) {
        self.post_keyed(super::user_data::REMOTE, owner, result);
    }

    pub(super) fn post_keyed(&self, key: u64, owner: Owner, result: i32) {
        let mut q = self.0.queue.lock().unwrap_or_else(|p| p.into_inner());
        q.push(Posted { owner, result, key });
        drop(q);
        if !self.0.signalled.swap(true, Ordering::AcqRel) {
            let one: u64 = 1;
            // SAFETY: writes 8 bytes from a local; a full counter (EAGAIN) still wakes.
            unsafe { libc::write(self.fd(), (&one as *const u64).cast(), 8) };
            self.0.writes.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// eventfd writes made so far, by every thread.
    pub(super) fn writes(&self) -> u64 {
        self.0.writes.load(Ordering::Relaxed)
    }

    pub(super) fn fd(&self) -> RawFd {
        self.0.efd.raw()
    }

    /// The loop's side: clear the eventfd and take everything posted so far.
    pub(super) fn drain(&self, out: &mut Vec<Posted>) {
        let mut counter: u64 = 0;
        // SAFETY: reads 8 bytes into a local; EAGAIN (nothing to read) is fine.
        unsafe { libc::read(self.fd(), (&mut counter as *mut u64).cast(), 8) };
        self.0.signalled.store(false, Ordering::Release);
        let mut q = self.0.queue.lock().unwrap_or_else(|p| p.into_inner());
        out.append(&mut mem::take(&mut *q));
    }
}
