//! A short, bounded busy-poll before the poll phase sleeps, when this loop has
//! just posted a message to another thread's loop (a reply is likely soon). While
//! it spins, the loop's `Remote` says so: a sender then queues its wake-up with no
//! kernel call (no MSG_RING, no eventfd write), and this thread sees it without
//! sleeping. Two loops that ping-pong settle into both spinning, and a round trip
//! then enters the kernel not at all: sleeping and being woken (a futex-like wait
//! in io_uring_enter, an IPI, a scheduler pass, an idle exit) cost far more than
//! the messages themselves.
//!
//! Bounded and honest about its cost:
//! - at most `spin` (default 50 µs, COIL_SPIN_US to change it, 0 turns it off),
//!   never past the next timer, ended at once by a completion ready on this ring;
//! - a yield every ~64 rounds (about a microsecond), so on a busy machine the
//!   thread being waited for gets the CPU; on an idle one the yield returns at once;
//! - after a spin that saw nothing, the next chances are skipped (1, 3, 7 ... up to
//!   63 of them), so a loop whose messages are not answered quickly stops paying;
//! - off when this process may run on one CPU only (taskset, cgroup quota): there
//!   the spinner could only delay the thread it waits for.
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::Loop;

const DEFAULT_SPIN_US: u64 = 50;
/// Misses after which skipping stops growing (2^6 - 1 = 63 chances skipped).
const MAX_BACKOFF: u32 = 6;

/// How long a loop may busy-poll, decided once per process.
pub(super) fn spin_budget() -> Duration {
    static BUDGET: OnceLock<Duration> = OnceLock::new();
    *BUDGET.get_or_init(|| {
        // available_parallelism honours the affinity mask (taskset) and cgroup quotas.
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cpus < 2 {
            return Duration::ZERO;
        }
        let us = std::env::var("COIL_SPIN_US")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(DEFAULT_SPIN_US);
        Duration::from_micros(us)
    })
}

/// The busy-poll's state on one loop.
#[derive(Default)]
pub(super) struct Spin {
    /// This turn posted to another loop.
    expect_reply: std::cell::Cell<bool>,
    /// Spins in a row that saw nothing, and chances left to skip.
    misses: std::cell::Cell<u32>,
    skip: std::cell::Cell<u32>,
    remote: std::cell::RefCell<Option<crate::backend::Remote>>,
}

impl Loop {
    /// This thread posted to another loop: the coming poll may spin first.
    pub fn expect_reply(&self) {
        self.spin.expect_reply.set(true);
    }

    fn spin_remote(&self) -> crate::backend::Remote {
        let mut r = self.spin.remote.borrow_mut();
        r.get_or_insert_with(|| self.backend().remote()).clone()
    }

    /// Whether `remote` wakes this loop.
    pub fn owns_remote(&self, remote: &crate::backend::Remote) -> bool {
        self.spin_remote().same(remote)
    }

    /// Busy-polls before a wait of `timeout` when a reply is expected; returns
    /// what is left of the wait (zero when something arrived).
    pub(super) fn spin_before_wait(&self, timeout: Option<Duration>) -> Option<Duration> {
        let st = &self.spin;
        if !st.expect_reply.replace(false) || timeout == Some(Duration::ZERO) {
            return timeout;
        }
        let budget = timeout.map_or(self.spin_for, |t| t.min(self.spin_for));
        if budget.is_zero() {
            return timeout;
        }
        if st.skip.get() > 0 {
            st.skip.set(st.skip.get() - 1);
            return timeout;
        }
        let remote = self.spin_remote();
        remote.spin_begin();
        let started = Instant::now();
        let mut rounds = 0u32;
        let mut ready = false;
        while !ready {
            std::hint::spin_loop();
            ready = remote.has_posts() || self.backend().has_ready();
            rounds += 1;
            if rounds.is_multiple_of(64) {
                if started.elapsed() >= budget {
                    break;
                }
                std::thread::yield_now();
            }
        }
        if remote.spin_end() || ready {
            st.misses.set(0);
            return Some(Duration::ZERO);
        }
        let misses = (st.misses.get() + 1).min(MAX_BACKOFF);
        st.misses.set(misses);
        st.skip.set((1 << misses) - 1);
        timeout.map(|t| t.saturating_sub(started.elapsed()))
    }
}
