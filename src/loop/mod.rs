//! The event loop, after libuv's uv_run: one turn runs each phase once, in order.
//!
//!   update clock → timers → pending → idle → prepare → poll (submit + wait for
//!   completions, bounded by the next timer) → check (setImmediate) → closing
//!
//! The loop owns the backend, the timer heap and the handle table; everything that
//! enters JS lives in the `Host` (the runtime), which the loop calls back at each
//! phase. Loop state sits behind Cell/RefCell because callbacks re-enter the loop (a
//! timer callback starts a timer, a completion submits the next read) while `run`
//! is on the stack; no borrow is held across a host call.
use std::cell::{Cell, RefCell, RefMut};
use std::collections::{HashMap, VecDeque};
use std::io;
use std::time::{Duration, Instant};

use crate::backend::{Backend, Completion, Key, Op, Owner, SharedFd, Stats};

mod handle;
mod op_index;
mod phases;
mod spin;
#[cfg(test)]
mod tests;
pub mod timer;

use handle::HandleTable;
pub use handle::{HandleId, HandleKind};
use op_index::{InFlight, OpIndex};
use timer::{TimerHeap, TimerId};

/// What the loop calls back into at each phase. Default methods do nothing.
pub trait Host {
    fn run_timer(&self, lp: &Loop, id: TimerId);
    /// One completion: a request's (its last, or one shot of a multishot op) or a
    /// handle op's, with `handle` naming the handle.
    fn on_completion(&self, lp: &Loop, c: Completion, handle: Option<HandleId>);
    /// setImmediate callbacks; `has_check_work` makes the poll not wait.
    fn run_check(&self, _lp: &Loop) {}
    fn has_check_work(&self) -> bool {
        false
    }
    fn run_idle(&self, _lp: &Loop) {}
    fn run_prepare(&self, _lp: &Loop) {}
    /// A closed handle's last op has completed: its close callback (`token`).
    fn on_closed(&self, _lp: &Loop, _token: u64) {}
}

pub struct Loop {
    start: Instant,
    /// The cached clock (ms since start), updated once per turn like uv_now.
    now: Cell<u64>,
    timers: RefCell<TimerHeap>,
    /// None after `shutdown`.
    backend: RefCell<Option<Box<dyn Backend>>>,
    handles: RefCell<HandleTable>,
    /// Ops in flight by key; requests (no handle) keep the loop alive.
    ops: RefCell<OpIndex>,
    reqs: Cell<usize>,
    /// Completions to deliver in the pending phase (deferred by the loop itself).
    pending: RefCell<VecDeque<(Completion, Option<HandleId>)>>,
    /// Handles whose last op completed after close: their callbacks run in the
    /// closing phase.
    closing: RefCell<Vec<(HandleId, u64)>>,
    /// The poll phase's completion list, kept between turns (no allocation per turn).
    batch: RefCell<Vec<Completion>>,
    /// The handle of each of the batch's completions, kept likewise.
    batch_handles: RefCell<Vec<Option<HandleId>>>,
    stopped: Cell<bool>,
    /// Provided-buffer groups asked for: whether the backend registered each.
    groups: RefCell<HashMap<u16, bool>>,
    /// Why the loop stopped, when the backend failed.
    failed: RefCell<Option<io::Error>>,
    turns: Cell<u64>,
    /// Idle time and start, for performance.eventLoopUtilization (its own thread's,
    /// or a worker's read by its parent).
    metrics: std::sync::Arc<LoopMetrics>,
    /// How long the poll phase may busy-poll first (spin.rs; zero: never).
    spin_for: Duration,
    spin: spin::Spin,
}

/// What eventLoopUtilization needs of a loop, readable from any thread: the time
/// spent waiting in the poll phase, and when the loop first ran (CLOCK_MONOTONIC
/// ns, process.hrtime's clock; 0: not yet).
#[derive(Default)]
pub struct LoopMetrics {
    pub idle_ns: std::sync::atomic::AtomicU64,
    pub start_ns: std::sync::atomic::AtomicU64,
}

/// CLOCK_MONOTONIC in ns (process.hrtime's clock).
pub fn monotonic_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid out-pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

impl Loop {
    pub fn new(backend: Box<dyn Backend>) -> Loop {
        Loop {
            start: Instant::now(),
            now: Cell::new(0),
            timers: RefCell::new(TimerHeap::default()),
            backend: RefCell::new(Some(backend)),
            handles: RefCell::default(),
            ops: RefCell::default(),
            reqs: Cell::new(0),
            pending: RefCell::new(VecDeque::new()),
            closing: RefCell::new(Vec::new()),
            batch: RefCell::default(),
            batch_handles: RefCell::default(),
            stopped: Cell::new(false),
            groups: RefCell::default(),
            failed: RefCell::new(None),
            turns: Cell::new(0),
            metrics: std::sync::Arc::default(),
            spin_for: spin::spin_budget(),
            spin: spin::Spin::default(),
        }
    }

    pub fn metrics(&self) -> std::sync::Arc<LoopMetrics> {
        self.metrics.clone()
    }

    /// Runs turns until nothing referenced is left. Reads like uv_run. An error
    /// means the backend failed and the loop cannot go on.
    pub fn run(&self, host: &dyn Host) -> io::Result<()> {
        self.stopped.set(false);
        let _ = self.metrics.start_ns.compare_exchange(
            0,
            monotonic_ns(),
            std::sync::atomic::Ordering::Relaxed,
            std::sync::atomic::Ordering::Relaxed,
        );
        while self.alive() && !self.stopped.get() {
            self.turns.set(self.turns.get() + 1);
            self.update_time();
            self.run_timers(host);
            self.run_pending(host);
            host.run_idle(self);
            host.run_prepare(self);
            self.poll(host, self.poll_timeout(host));
            host.run_check(self);
            self.run_closing(host);
        }
        match self.failed.borrow_mut().take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// The loop lives while a referenced active handle or a request, a pending
    /// completion or a closing handle exists (uv__loop_alive).
    pub fn alive(&self) -> bool {
        let handles = self.handles.borrow();
        handles.counting > 0
            || handles.closing > 0
            || self.reqs.get() > 0
            || !self.pending.borrow().is_empty()
            || !self.closing.borrow().is_empty()
    }

    /// Ends the loop after this turn (uv_stop).
    pub fn stop(&self) {
        self.stopped.set(true);
    }

    pub fn now(&self) -> u64 {
        self.now.get()
    }

    pub fn update_time(&self) {
        self.now.set(self.start.elapsed().as_millis() as u64);
    }

    /// Time since the loop started, read from the clock (not cached).
    pub fn hrtime(&self) -> Duration {
        self.start.elapsed()
    }

    // ---- timers ----
    pub fn timer_create(&self) -> TimerId {
        self.timers.borrow_mut().create()
    }
    /// Arms a timer `ms` after the cached `now`, as uv_timer_start does.
    pub fn timer_start(&self, id: TimerId, ms: u64) {
        self.timers
            .borrow_mut()
            .start(id, self.now.get().saturating_add(ms));
    }
    pub fn timer_stop(&self, id: TimerId) {
        self.timers.borrow_mut().stop(id);
    }

    // ---- requests ----
    /// Hands a request's op to the backend; `owner` comes back in its completions.
    /// The request keeps the loop alive until its last completion.
    pub fn submit(&self, op: Op, owner: Owner) -> Key {
        self.reqs.set(self.reqs.get() + 1);
        let key = self.backend().submit(op, owner);
        self.ops.borrow_mut().insert(
            key,
            InFlight {
                handle: None,
                owner,
            },
        );
        key
    }

    /// The loop's wake-up source, for other threads (Send + Sync): what they post
    /// comes back as a completion with their owner, on the loop thread.
    pub fn remote(&self) -> crate::backend::Remote {
        self.backend().remote()
    }

    /// The door other loops post into straight through their rings (io_uring's
    /// MSG_RING), when the backend has one.
    pub fn ring_door(&self) -> Option<crate::backend::RingDoor> {
        self.backend.try_borrow_mut().ok()?.as_mut()?.ring_door()
    }

    /// Posts a completion for `owner` into the loop behind `door` through this
    /// loop's ring: false when that cannot be done now (use its Remote).
    pub fn msg_ring(&self, door: &crate::backend::RingDoor, owner: Owner) -> bool {
        let Ok(mut b) = self.backend.try_borrow_mut() else {
            return false;
        };
        b.as_mut().is_some_and(|b| b.msg_ring(door, owner))
    }

    /// Asks the backend to stop op `key`; its completion still comes (ECANCELED).
    pub fn cancel(&self, key: Key) {
        if self.ops.borrow().contains_key(&key) {
            self.backend().cancel(key);
        }
    }

    /// `cancel`, only while `key` is still `owner`'s op. A request learns that its
    /// op ended only when its last completion is delivered, while the loop frees the
    /// key when it accounts for the whole batch: a callback earlier in that batch
    /// may already have been given the same key for an op of its own.
    pub fn cancel_owned(&self, key: Key, owner: Owner) {
        let live = self
            .ops
            .borrow()
            .get(&key)
            .is_some_and(|f| f.owner == owner);
        if live {
            self.backend().cancel(key);
        }
    }

    /// Delivers a completion in the next pending phase instead of now (a result
    /// known at submit time must still arrive asynchronously).
    pub fn defer(&self, c: Completion, handle: Option<HandleId>) {
        self.pending.borrow_mut().push_back((c, handle));
    }

    // ---- handles ----
    /// A new handle: inactive and referenced, like uv_*_init. It owns `fd` if given.
    pub fn handle_open(&self, kind: HandleKind, fd: Option<SharedFd>) -> HandleId {
        self.handles.borrow_mut().open(kind, fd)
    }

    pub fn handle_set_active(&self, id: HandleId, active: bool) {
        self.handles.borrow_mut().update(id, |h| h.active = active);
    }

    /// uv_ref / uv_unref.
    pub fn handle_set_ref(&self, id: HandleId, referenced: bool) {
        self.handles
            .borrow_mut()
            .update(id, |h| h.referenced = referenced);
    }

    /// Handles that are referenced and not closing, in id order, listed on demand
    /// (process._getActiveHandles): as uv_has_ref, an inactive handle counts too.
    pub fn referenced_handles(&self) -> Vec<HandleId> {
        let handles = self.handles.borrow();
        let open = handles.handles.iter();
        open.filter(|(_, h)| h.referenced && h.closing.is_none() && !h.close_queued)
            .map(|(id, _)| id)
            .collect()
    }

    /// Gives a handle made without an fd its fd (a UDP socket gets one at bind).
    pub fn handle_set_fd(&self, id: HandleId, fd: SharedFd) {
        self.handles.borrow_mut().update(id, |h| {
            if h.closing.is_none() {
                h.fd = Some(fd);
            }
        });
    }

    /// The handle's fd (None once closing: its ops hold the number until they end).
    pub fn handle_fd(&self, id: HandleId) -> Option<SharedFd> {
        self.handles.borrow().handles.get(id)?.fd.clone()
    }

    /// The handle's fd number (None once closing), for a check or a syscall made
    /// at once: no `SharedFd` clone (two atomic operations on a line of the
    /// connection's own) per socket write.
    pub fn handle_raw_fd(&self, id: HandleId) -> Option<std::os::fd::RawFd> {
        Some(self.handles.borrow().handles.get(id)?.fd.as_ref()?.raw())
    }

    /// Submits an op for handle `id`. A closing (or unknown) handle takes no new op:
    /// it completes with ECANCELED in the pending phase.
    pub fn handle_submit(&self, id: HandleId, op: Op, owner: Owner) -> Option<Key> {
        let open = self
            .handles
            .borrow()
            .handles
            .get(id)
            .is_some_and(|h| h.closing.is_none());
        if !open {
            let c = Completion {
                key: crate::backend::user_data::REMOTE,
                owner,
                result: -libc::ECANCELED,
                flags: 0,
                op: Some(crate::backend::OpBox::new(op)),
                more: false,
            };
            self.defer(c, Some(id));
            return None;
        }
        let key = self.backend().submit(op, owner);
        self.ops.borrow_mut().insert(
            key,
            InFlight {
                handle: Some(id),
                owner,
            },
        );
        self.handles.borrow_mut().update(id, |h| {
            h.ops.push(key);
            if h.kind.active_while_ops() {
                h.active = true;
            }
        });
        Some(key)
    }

    /// uv_close: stop counting, cancel what is in flight, drop the handle's own fd
    /// reference; `token`'s close callback runs in the closing phase after the last
    /// op completed (so the fd number is released only after every op on it).
    pub fn handle_close(&self, id: HandleId, token: u64) {
        self.close_handle(id, token, false);
    }

    /// uv_close as libuv does it for a stream, whose fd it closes at once: the close
    /// callback runs in this turn's closing phase even with ops still in flight. They
    /// are cancelled, still hold the fd and their buffers until their own last
    /// completions (which reach their requests as before), and the handle keeps its
    /// id (and the loop stays alive) until then.
    pub fn handle_close_now(&self, id: HandleId, token: u64) {
        self.close_handle(id, token, true);
    }

    fn close_handle(&self, id: HandleId, token: u64, now: bool) {
        let mut keys = Vec::new();
        let mut fd = None;
        let mut handles = self.handles.borrow_mut();
        let mut first = false;
        handles.update(id, |h| {
            if h.closing.is_none() {
                first = true;
                h.closing = Some(token);
                h.close_queued = now && !h.ops.is_empty();
                h.active = false;
                keys.extend(h.ops.iter().copied());
                fd = h.fd.take();
            }
        });
        if first {
            handles.closing += 1;
        }
        let queued = first && handles.handles.get(id).is_some_and(|h| h.close_queued);
        drop(handles);
        if queued {
            self.closing.borrow_mut().push((id, token));
        }
        {
            let mut backend = self.backend();
            match &fd {
                Some(fd) => backend.cancel_fd(fd.raw()),
                None => keys.iter().for_each(|k| backend.cancel(*k)),
            }
        }
        drop(fd);
        self.maybe_closed(id);
    }

    /// Moves a closing handle with no op left to the closing phase.
    fn maybe_closed(&self, id: HandleId) {
        let mut handles = self.handles.borrow_mut();
        let Some(h) = handles.handles.get(id) else {
            return;
        };
        if let (Some(token), true) = (h.closing, h.ops.is_empty()) {
            let queued = h.close_queued;
            handles.handles.remove(id);
            handles.closing -= 1;
            if !queued {
                self.closing.borrow_mut().push((id, token));
            }
        }
    }

    // ---- provided buffers ----
    /// Registers buffer group `group` (`count` buffers of `size` bytes) the first
    /// time it is asked for; false when the backend could not (then read into
    /// buffers of your own).
    pub fn ensure_buffers(&self, group: u16, count: u16, size: usize) -> bool {
        if let Some(ok) = self.groups.borrow().get(&group) {
            return *ok;
        }
        let ok = self.backend().register_buffers(group, count, size).is_ok();
        self.groups.borrow_mut().insert(group, ok);
        ok
    }

    /// Makes `group` a group of lent buffers (`Backend::register_lent_buffers`)
    /// once; false when the backend cannot (then reads copy out of an owned group).
    pub fn ensure_lent_buffers(&self, group: u16, count: u16) -> bool {
        if let Some(ok) = self.groups.borrow().get(&group) {
            return *ok;
        }
        let ok = self.backend().register_lent_buffers(group, count).is_ok();
        self.groups.borrow_mut().insert(group, ok);
        ok
    }

    /// Lends memory to a lent group (`Backend::lend_buffer`).
    ///
    /// # Safety
    /// As `Backend::lend_buffer`: the memory stays allocated, unmoved and written by
    /// nobody else until a completion reports `bid` used up, or the loop shuts down.
    pub unsafe fn lend_buffer(&self, group: u16, bid: u16, ptr: *mut u8, len: u32) {
        // SAFETY: the caller's promise, passed on.
        unsafe { self.backend().lend_buffer(group, bid, ptr, len) }
    }

    /// Whether a read found a lent group empty since last asked
    /// (`Backend::take_lent_starved`).
    pub fn take_lent_starved(&self) -> bool {
        self.backend().take_lent_starved()
    }

    /// Hands the first `len` bytes of provided buffer `bid` to `read` (which
    /// copies them out), then gives the buffer back to its group at once.
    pub fn take_buffer<R>(
        &self,
        group: u16,
        bid: u16,
        len: usize,
        read: impl FnOnce(&[u8]) -> R,
    ) -> R {
        let mut backend = self.backend();
        let r = read(backend.buffer(group, bid, len));
        backend.recycle(group, bid);
        r
    }

    // ---- the backend ----
    fn backend(&self) -> RefMut<'_, Box<dyn Backend>> {
        RefMut::map(self.backend.borrow_mut(), |b| {
            b.as_mut().expect("the loop is not used after shutdown")
        })
    }

    /// Tears the backend down (io_uring: cancel what is in flight, drain, close the
    /// ring, then free the ops; epoll: join the pool). The loop is not used after.
    pub fn shutdown(&self) {
        let backend = self.backend.borrow_mut().take();
        drop(backend);
    }

    pub fn stats(&self) -> Stats {
        self.backend().stats()
    }

    /// The backend's setup and its ops still in flight (at exit: none, unless the
    /// process exits with work pending).
    pub fn backend_state(&self) -> (&'static str, usize) {
        let b = self.backend();
        (b.setup(), b.in_flight())
    }

    pub fn backend_name(&self) -> &'static str {
        self.backend().name()
    }

    pub fn turns(&self) -> u64 {
        self.turns.get()
    }
}
