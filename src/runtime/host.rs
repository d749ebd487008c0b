//! The runtime as the loop's host: each phase callback enters JS through
//! `make_callback`, so ticks and microtasks drain after every one of them.
use super::Runtime;
use crate::backend::Completion;
use crate::event_loop::timer::TimerId;
use crate::event_loop::{HandleId, Host, Loop};

impl Host for Runtime {
    /// The JS timer lists are due: processTimers(now) runs them and returns the next
    /// expiry (0 none, negative when only unreferenced timers remain). If a timer
    /// callback threw (and 'uncaughtException' handled it), call again for the rest.
    fn run_timer(&self, lp: &Loop, id: TimerId) {
        if id != self.js_timer {
            return;
        }
        self.isolate.scope(&self.context, |s| {
            let Some(f) = self.hook(s, |h| &h.timers) else {
                return;
            };
            let next = loop {
                let now = s.number(lp.now() as f64);
                if let Some(v) = self.call_catching(s, f, s.undefined(), &[now]) {
                    break v.number(s).unwrap_or(0.0);
                }
            };
            // Arm the next expiry before ticks and microtasks run: a timer they start
            // re-arms it (scheduleTimer) and must not be overridden afterwards.
            self.schedule_js_timer(next);
            self.drain_ticks(s);
        });
    }

    fn on_completion(&self, _lp: &Loop, c: Completion, _handle: Option<HandleId>) {
        self.complete_request(c);
    }

    fn run_prepare(&self, _lp: &Loop) {
        super::young_gen::before_poll(self);
    }

    fn on_closed(&self, _lp: &Loop, token: u64) {
        self.run_close_callback(token);
    }

    fn run_check(&self, _lp: &Loop) {
        // A worker told to stop (its JS was terminated) ends after this turn.
        if self.worker_stop_requested() {
            return;
        }
        // V8's own tasks once a turn, as node's platform runs them: without this a
        // FinalizationRegistry callback never runs. The ticks a failed immediate
        // left queued wait for the rest of its queue, as in node.
        if self.isolate.run_platform_tasks() && self.immediate_info(2) == 0 {
            self.isolate.scope(&self.context, |s| self.drain_ticks(s));
        }
        if self.immediate_info(0) == 0 {
            return;
        }
        // An immediate that threw (and 'uncaughtException' handled it) leaves the rest
        // of its queue outstanding: as node, run it now, in this same check phase,
        // before the ticks the failed one queued.
        self.isolate.scope(&self.context, |s| loop {
            let ran = self.call_hook(s, |h| &h.immediate, &[]).is_some();
            if ran || self.immediate_info(2) == 0 {
                break;
            }
        });
    }

    fn has_check_work(&self) -> bool {
        self.immediate_info(1) > 0
    }
}

impl Runtime {
    /// Arms (or disarms) the loop timer behind the JS lists, from a JS expiry value.
    pub fn schedule_js_timer(&self, next: f64) {
        if next == 0.0 || !next.is_finite() {
            self.lp.timer_stop(self.js_timer);
            self.lp.handle_set_active(self.timer_handle, false);
            return;
        }
        let due = next.abs() as u64;
        self.lp
            .timer_start(self.js_timer, due.saturating_sub(self.lp.now()));
        self.lp.handle_set_active(self.timer_handle, true);
        self.lp.handle_set_ref(self.timer_handle, next > 0.0);
    }
}
