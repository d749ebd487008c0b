//! The bodies of the loop's phases that the loop runs itself (timers, pending,
//! poll, closing). Each collects its work before calling the host, so callbacks
//! may freely re-enter the loop.
use std::time::Duration;

use super::{Host, Loop};

impl Loop {
    /// Fires every timer due at the cached `now`, in (deadline, start) order.
    pub(super) fn run_timers(&self, host: &dyn Host) {
        let mut due = Vec::new();
        self.timers.borrow_mut().take_due(self.now.get(), &mut due);
        for id in due {
            host.run_timer(self, id);
        }
    }

    pub(super) fn run_pending(&self, host: &dyn Host) {
        let batch: Vec<_> = self.pending.borrow_mut().drain(..).collect();
        for c in batch {
            self.finish_req(&c);
            host.on_completion(self, c);
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
    pub(super) fn poll(&self, host: &dyn Host, timeout: Option<Duration>) {
        let mut out = Vec::new();
        if let Err(e) = self.backend.borrow_mut().poll(timeout, &mut out) {
            eprintln!("coil: {} poll failed: {e}", self.backend_name());
            std::process::exit(70);
        }
        // The wait may have been long: callbacks see a fresh clock, as in libuv.
        self.update_time();
        for c in out {
            self.finish_req(&c);
            host.on_completion(self, c);
        }
    }

    fn finish_req(&self, c: &crate::backend::Completion) {
        if !c.more && !self.unref_reqs.borrow_mut().remove(&c.owner) {
            self.reqs.set(self.reqs.get() - 1);
        }
    }

    pub(super) fn run_closing(&self, host: &dyn Host) {
        let closing: Vec<u64> = std::mem::take(&mut *self.closing.borrow_mut());
        for token in closing {
            host.on_closed(self, token);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::super::{HandleState, Host, Loop, TimerId};
    use crate::backend::op::Nop;
    use crate::backend::uring::Uring;
    use crate::backend::{Completion, Op};

    #[derive(Default)]
    struct Recorder {
        log: RefCell<Vec<String>>,
        check: HandleState,
        immediates: RefCell<usize>,
    }

    impl Host for Recorder {
        fn run_timer(&self, lp: &Loop, id: TimerId) {
            self.log.borrow_mut().push(format!("timer{id}"));
            if id == 0 {
                // A completion scheduled from a timer arrives in the same turn's poll.
                lp.submit(Op::Nop(Nop), 7);
            }
        }
        fn on_completion(&self, lp: &Loop, c: Completion) {
            self.log.borrow_mut().push(format!("io{}", c.owner));
            *self.immediates.borrow_mut() += 1;
            lp.set_handle(&self.check, true, true);
        }
        fn has_check_work(&self) -> bool {
            *self.immediates.borrow() > 0
        }
        fn run_check(&self, lp: &Loop) {
            if *self.immediates.borrow() > 0 {
                *self.immediates.borrow_mut() = 0;
                self.log.borrow_mut().push("check".into());
                lp.set_handle(&self.check, false, true);
            }
        }
    }

    fn new_loop() -> Loop {
        Loop::new(Box::new(Uring::new().expect("io_uring")))
    }

    #[test]
    fn phases_run_in_libuv_order_and_the_loop_ends_when_empty() {
        let lp = new_loop();
        let host = Recorder::default();
        let timer_handle = HandleState::new();
        let (t0, t1) = (lp.timer_create(), lp.timer_create());
        lp.timer_start(t0, 1);
        lp.timer_start(t1, 20);
        lp.set_handle(&timer_handle, true, true);
        // The timer handle stays referenced until the last timer fired.
        struct Wrap<'a>(&'a Recorder, &'a HandleState);
        impl Host for Wrap<'_> {
            fn run_timer(&self, lp: &Loop, id: TimerId) {
                self.0.run_timer(lp, id);
                if id == 1 {
                    lp.set_handle(self.1, false, true);
                }
            }
            fn on_completion(&self, lp: &Loop, c: Completion) {
                self.0.on_completion(lp, c)
            }
            fn has_check_work(&self) -> bool {
                self.0.has_check_work()
            }
            fn run_check(&self, lp: &Loop) {
                self.0.run_check(lp)
            }
        }
        lp.run(&Wrap(&host, &timer_handle));
        assert_eq!(*host.log.borrow(), ["timer0", "io7", "check", "timer1"]);
        assert!(!lp.alive());
    }

    #[test]
    fn unreferenced_handles_do_not_keep_the_loop_alive() {
        let lp = new_loop();
        let h = HandleState::new();
        lp.set_handle(&h, true, false);
        assert!(!lp.alive());
        lp.set_handle(&h, true, true);
        assert!(lp.alive());
        lp.set_handle(&h, true, true); // idempotent
        lp.set_handle(&h, false, true);
        assert!(!lp.alive());
    }

    #[test]
    fn poll_waits_for_the_next_timer_not_longer() {
        let lp = new_loop();
        let host = Recorder::default();
        let h = HandleState::new();
        let t = lp.timer_create();
        lp.timer_start(t, 40);
        lp.set_handle(&h, true, true);
        struct Once<'a>(&'a Recorder, &'a HandleState);
        impl Host for Once<'_> {
            fn run_timer(&self, lp: &Loop, _id: TimerId) {
                self.0.log.borrow_mut().push("fired".into());
                lp.set_handle(self.1, false, true);
            }
            fn on_completion(&self, _: &Loop, _: Completion) {}
        }
        let start = std::time::Instant::now();
        lp.run(&Once(&host, &h));
        let took = start.elapsed().as_millis();
        assert_eq!(*host.log.borrow(), ["fired"]);
        assert!((38..400).contains(&took), "took {took} ms");
        // One enter for the wait (the loop sleeps in io_uring_enter, not in a busy loop).
        assert!(lp.stats().enter_calls <= 3, "{:?}", lp.stats());
    }
}
