//! The bodies of the loop's phases that the loop runs itself (timers, pending,
//! poll, closing). Each collects its work before calling the host, and holds no
//! borrow of loop state across a host call, so callbacks may freely re-enter it.
use std::time::Duration;

use super::{HandleId, Host, Loop};
use crate::backend::Completion;

impl Loop {
    /// Fires every timer due at the cached `now`, in (deadline, start) order.
    pub(super) fn run_timers(&self, host: &dyn Host) {
        let mut due = Vec::new();
        self.timers.borrow_mut().take_due(self.now.get(), &mut due);
        for id in due {
            host.run_timer(self, id);
        }
    }

    /// Completions the loop deferred (results known at submit time).
    pub(super) fn run_pending(&self, host: &dyn Host) {
        let batch: Vec<_> = self.pending.borrow_mut().drain(..).collect();
        for (c, handle) in batch {
            host.on_completion(self, c, handle);
        }
    }

    /// How long poll may wait: not at all when work is ready, else until the next
    /// timer, else (None) until a completion arrives (uv_backend_timeout).
    pub(super) fn poll_timeout(&self, host: &dyn Host) -> Option<Duration> {
        if self.stopped.get()
            || !self.alive()
            || host.has_check_work()
            || !self.pending.borrow().is_empty()
            || !self.closing.borrow().is_empty()
        {
            return Some(Duration::ZERO);
        }
        let next = self.timers.borrow_mut().next_deadline()?;
        Some(Duration::from_millis(next.saturating_sub(self.now.get())))
    }

    /// One kernel entry: submit queued ops, wait, then run each completion's callback.
    /// A backend error stops the loop; `run` returns it.
    pub(super) fn poll(&self, host: &dyn Host, timeout: Option<Duration>) {
        let mut out = std::mem::take(&mut *self.batch.borrow_mut());
        let waited = std::time::Instant::now();
        let wait = self.spin_before_wait(timeout);
        let res = self.backend().poll(wait, &mut out);
        if timeout != Some(Duration::ZERO) {
            let ns = waited.elapsed().as_nanos() as u64;
            (self.metrics.idle_ns).fetch_add(ns, std::sync::atomic::Ordering::Relaxed);
        }
        if let Err(e) = res {
            *self.failed.borrow_mut() = Some(e);
            self.stop();
            return;
        }
        // The wait may have been long: callbacks see a fresh clock, as in libuv.
        self.update_time();
        self.deliver(host, &mut out);
        // Stream ops the callbacks just started and that were done at once (a
        // shutdown, a send, a cancel on epoll) complete now, before check, as
        // libuv runs what its poll callbacks fed it (a few rounds at most, so
        // a chain of them cannot starve the loop): node's end() is finished in
        // the turn it is called, and the peer reads the EOF in the next one.
        for _ in 0..8 {
            if self.stopped.get() {
                break;
            }
            self.backend().take_done(&mut out);
            if out.is_empty() {
                break;
            }
            self.deliver(host, &mut out);
        }
        *self.batch.borrow_mut() = out;
    }

    /// Runs a batch's callbacks. Accounting for the whole batch comes first: a
    /// callback's new op may reuse a key that a later completion still carries.
    fn deliver(&self, host: &dyn Host, out: &mut Vec<Completion>) {
        let mut handles = std::mem::take(&mut *self.batch_handles.borrow_mut());
        handles.extend(out.iter().map(|c| self.finish_op(c)));
        for (c, handle) in out.drain(..).zip(handles.drain(..)) {
            host.on_completion(self, c, handle);
            if let Some(id) = handle {
                self.maybe_closed(id);
            }
        }
        *self.batch_handles.borrow_mut() = handles;
    }

    /// Accounting for one completion: at an op's last one, the request stops
    /// keeping the loop alive, or the handle has one op fewer in flight.
    fn finish_op(&self, c: &Completion) -> Option<HandleId> {
        let mut ops = self.ops.borrow_mut();
        let handle = ops.get(&c.key)?.handle;
        if c.more {
            return handle;
        }
        ops.remove(&c.key);
        match handle {
            Some(id) => {
                self.handles.borrow_mut().update(id, |h| {
                    h.ops.remove(c.key);
                    if h.kind.active_while_ops() && h.ops.is_empty() {
                        h.active = false;
                    }
                });
            }
            None => self.reqs.set(self.reqs.get() - 1),
        }
        handle
    }

    /// Close callbacks of handles whose last op has completed.
    pub(super) fn run_closing(&self, host: &dyn Host) {
        let closing = std::mem::take(&mut *self.closing.borrow_mut());
        for (_, token) in closing {
            host.on_closed(self, token);
        }
    }
}
