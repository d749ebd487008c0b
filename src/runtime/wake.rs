//! Wake-ups (libuv's uv_async_t): a native callback the loop runs on its own thread
//! when another thread asks for it. The asking side holds a `Waker` (Send + Sync):
//! `send` posts through the loop's `Remote`, whose eventfd wakes the loop where it
//! waits; the completion comes back with the wake-up's owner bit and runs the
//! callback inside a scope, then ticks and microtasks drain. A wake-up keeps the
//! loop alive (an Async handle) while referenced. Node-API's thread-safe functions
//! are built on it.
use std::ffi::c_void;

use slab::Slab;

use super::Runtime;
use crate::backend::{Completion, Remote};
use crate::event_loop::{HandleId, HandleKind};
use crate::v8::Scope;

/// Owners of wake-up completions carry this bit (requests' keys never reach it).
pub(super) const WAKE: u64 = 1 << 61;

/// Runs on the loop thread, in a scope, with the data given at open.
pub type WakeFn = unsafe extern "C" fn(*mut c_void);

pub struct WakeUp {
    run: WakeFn,
    data: *mut c_void,
    handle: HandleId,
}

#[derive(Default)]
pub struct WakeUps(Slab<WakeUp>);

/// The other threads' side of a wake-up.
pub struct Waker {
    remote: Remote,
    owner: u64,
    id: usize,
}

impl Waker {
    /// Callable from any thread; sends made before the loop runs it coalesce.
    pub fn send(&self) {
        self.remote.post(self.owner, 0);
    }
}

impl Runtime {
    /// A referenced wake-up that calls `run(data)` on the loop thread at each send.
    pub fn wake_open(&self, run: WakeFn, data: *mut c_void) -> Box<Waker> {
        let handle = self.lp.handle_open(HandleKind::Async, None);
        self.lp.handle_set_active(handle, true);
        let id = self
            .wakeups
            .borrow_mut()
            .0
            .insert(WakeUp { run, data, handle });
        Box::new(Waker {
            remote: self.lp.remote(),
            owner: WAKE | id as u64,
            id,
        })
    }

    pub fn wake_ref(&self, waker: &Waker, referenced: bool) {
        if let Some(w) = self.wakeups.borrow().0.get(waker.id) {
            self.lp.handle_set_ref(w.handle, referenced);
        }
    }

    /// No more calls: sends still in flight find nothing and are dropped.
    pub fn wake_close(&self, s: &Scope, waker: Waker) {
        let w = self.wakeups.borrow_mut().0.try_remove(waker.id);
        if let Some(w) = w {
            self.close_handle(s, w.handle, s.object());
        }
    }

    pub(super) fn deliver_wake(&self, c: Completion) {
        let id = (c.owner & !WAKE) as usize;
        let Some((run, data)) = self.wakeups.borrow().0.get(id).map(|w| (w.run, w.data)) else {
            return;
        };
        self.isolate.scope(&self.context, |s| {
            // SAFETY: `run` and `data` were given together at open, and the wake-up
            // is still open (closing removes it from the table).
            unsafe { run(data) };
            self.drain_ticks(s);
        });
    }
}
