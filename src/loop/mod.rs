//! The event loop, after libuv's uv_run: one turn runs each phase once, in order.
//!
//!   update clock → timers → pending → idle → prepare → poll (submit + wait for
//!   completions, bounded by the next timer) → check (setImmediate) → closing
//!
//! The loop owns the backend and the timer heap; everything that enters JS lives in
//! the `Host` (the runtime), which the loop calls back at each phase. Loop state
//! sits behind Cell/RefCell because callbacks re-enter the loop (a timer callback
//! starts a timer, a completion submits the next read) while `run` is on the stack.
use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};
use std::time::{Duration, Instant};

use crate::backend::{Backend, Completion, Op, Owner, Stats};

mod handle;
mod phases;
pub mod timer;

pub use handle::HandleState;
use timer::{TimerHeap, TimerId};

/// What the loop calls back into at each phase. Default methods do nothing.
pub trait Host {
    fn run_timer(&self, lp: &Loop, id: TimerId);
    fn on_completion(&self, lp: &Loop, c: Completion);
    /// setImmediate callbacks; `has_check_work` makes the poll not wait.
    fn run_check(&self, _lp: &Loop) {}
    fn has_check_work(&self) -> bool {
        false
    }
    fn run_idle(&self, _lp: &Loop) {}
    fn run_prepare(&self, _lp: &Loop) {}
    fn on_closed(&self, _lp: &Loop, _token: u64) {}
}

pub struct Loop {
    start: Instant,
    /// The cached clock (ms since start), updated once per turn like uv_now.
    now: Cell<u64>,
    timers: RefCell<TimerHeap>,
    backend: RefCell<Box<dyn Backend>>,
    /// Handles that are both active and referenced: they keep the loop alive.
    ref_handles: Cell<usize>,
    /// Referenced requests (ops) whose last completion has not arrived.
    reqs: Cell<usize>,
    /// In-flight ops that do not keep the loop alive (an unref'd watcher's read).
    unref_reqs: RefCell<HashSet<Owner>>,
    /// Completions to deliver in the pending phase (deferred by the loop itself).
    pending: RefCell<VecDeque<Completion>>,
    /// Handles closed this turn; their close callbacks run in the closing phase.
    closing: RefCell<Vec<u64>>,
    stopped: Cell<bool>,
    turns: Cell<u64>,
}

impl Loop {
    pub fn new(backend: Box<dyn Backend>) -> Loop {
        Loop {
            start: Instant::now(),
            now: Cell::new(0),
            timers: RefCell::new(TimerHeap::default()),
            backend: RefCell::new(backend),
            ref_handles: Cell::new(0),
            reqs: Cell::new(0),
            unref_reqs: RefCell::default(),
            pending: RefCell::new(VecDeque::new()),
            closing: RefCell::new(Vec::new()),
            stopped: Cell::new(false),
            turns: Cell::new(0),
        }
    }

    /// Runs turns until nothing referenced is left (or `stop`). Reads like uv_run.
    pub fn run(&self, host: &dyn Host) {
        self.stopped.set(false);
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
    }

    /// The loop lives while a referenced handle or request, a pending completion or
    /// a closing handle exists (uv__loop_alive).
    pub fn alive(&self) -> bool {
        self.ref_handles.get() > 0
            || self.reqs.get() > 0
            || !self.pending.borrow().is_empty()
            || !self.closing.borrow().is_empty()
    }

    pub fn stop(&self) {
        self.stopped.set(true);
    }

    pub fn now(&self) -> u64 {
        self.now.get()
    }

    pub fn update_time(&self) {
        self.now.set(self.start.elapsed().as_millis() as u64);
    }

    /// Milliseconds since the loop started, read from the clock (not cached).
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

    // ---- handles and requests ----
    /// Updates a handle's state, keeping the count of live referenced handles.
    pub fn set_handle(&self, h: &HandleState, active: bool, referenced: bool) {
        let before = h.counts();
        h.set(active, referenced);
        match (before, h.counts()) {
            (false, true) => self.ref_handles.set(self.ref_handles.get() + 1),
            (true, false) => self.ref_handles.set(self.ref_handles.get() - 1),
            _ => {}
        }
    }

    /// Hands an op to the backend; `owner` comes back in its completion.
    pub fn submit(&self, op: Op, owner: Owner) {
        self.reqs.set(self.reqs.get() + 1);
        self.backend.borrow_mut().submit(op, owner);
    }

    /// Whether `owner`'s in-flight op keeps the loop alive (like uv_ref/uv_unref on
    /// the handle that issued it).
    pub fn set_req_ref(&self, owner: Owner, referenced: bool) {
        let changed = if referenced {
            self.unref_reqs.borrow_mut().remove(&owner)
        } else {
            self.unref_reqs.borrow_mut().insert(owner)
        };
        if changed {
            let n = self.reqs.get();
            self.reqs.set(if referenced { n + 1 } else { n - 1 });
        }
    }

    pub fn cancel(&self, owner: Owner) {
        self.backend.borrow_mut().cancel(owner);
    }

    /// Delivers a completion in the next pending phase instead of now (for results
    /// known at submit time, which must still arrive asynchronously).
    pub fn defer(&self, c: Completion) {
        self.pending.borrow_mut().push_back(c);
    }

    /// Schedules `token`'s close callback for this turn's closing phase.
    pub fn close_later(&self, token: u64) {
        self.closing.borrow_mut().push(token);
    }

    pub fn stats(&self) -> Stats {
        self.backend.borrow().stats()
    }

    /// The backend's setup and its ops still in flight (at exit: none, unless the
    /// process exits with work pending).
    pub fn backend_state(&self) -> (&'static str, usize) {
        let b = self.backend.borrow();
        (b.setup(), b.in_flight())
    }

    pub fn backend_name(&self) -> &'static str {
        self.backend.borrow().name()
    }

    pub fn turns(&self) -> u64 {
        self.turns.get()
    }
}
