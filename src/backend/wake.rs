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
    /// The loop's thread is busy-polling for posts (spin.rs): a post needs no write.
    spinning: AtomicBool,
    /// A post was queued with no write (`post_to_spinner`): drain before waiting.
    quiet: AtomicBool,
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
            spinning: AtomicBool::new(false),
            quiet: AtomicBool::new(false),
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

    /// Posts for `owner` with no kernel call when the loop is busy-polling: true
    /// when it was (the loop sees the post before it sleeps), false when it was not
    /// (nothing is queued then; the caller wakes it as usual).
    pub fn post_to_spinner(&self, owner: Owner) -> bool {
        if !self.0.spinning.load(Ordering::SeqCst) {
            return false;
        }
        let mut q = self.0.queue.lock().unwrap_or_else(|p| p.into_inner());
        q.push(Posted {
            owner,
            result: 0,
            key: super::user_data::REMOTE,
        });
        drop(q);
        self.0.quiet.store(true, Ordering::SeqCst);
        // Dekker with `spin_end`: the loop clears `spinning` before it looks at
        // `quiet`, we set `quiet` before we look at `spinning`; one of us sees the
        // other. When the loop stopped first, a wake-up is still owed: the queued
        // post is then delivered twice at worst (a port's drain is idempotent).
        self.0.spinning.load(Ordering::SeqCst)
    }

    /// Whether both are the same loop's.
    pub fn same(&self, other: &Remote) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The loop starts busy-polling.
    pub fn spin_begin(&self) {
        self.0.spinning.store(true, Ordering::SeqCst);
    }

    /// The loop stops busy-polling; true when something was posted to it meanwhile.
    pub fn spin_end(&self) -> bool {
        self.0.spinning.store(false, Ordering::SeqCst);
        self.has_posts()
    }

    /// Something was posted: quietly, or with an eventfd write not yet drained.
    pub fn has_posts(&self) -> bool {
        self.0.quiet.load(Ordering::SeqCst) || self.0.signalled.load(Ordering::Acquire)
    }

    /// The loop's side: takes the quiet posts (no eventfd read: none was written
    /// for them). False when there were none.
    pub(super) fn drain_quiet(&self, out: &mut Vec<Posted>) -> bool {
        if !self.0.quiet.swap(false, Ordering::SeqCst) {
            return false;
        }
        let mut q = self.0.queue.lock().unwrap_or_else(|p| p.into_inner());
        out.append(&mut mem::take(&mut *q));
        true
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
