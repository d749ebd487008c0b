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
//!   the spinner could only delay the thread it waits for;
//! - off while the machine has more runnable threads than this process has CPUs
//!   (the instantaneous count in /proc/loadavg, read at most every 10 ms): there a
//!   spinning thread uses up the CPU share the scheduler would give it when woken,
//!   and the round trip gets slower, not faster (measured: 3x slower at load 14 on
//!   two cores).
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::Loop;

const DEFAULT_SPIN_US: u64 = 50;
/// Misses after which skipping stops growing (2^6 - 1 = 63 chances skipped).
const MAX_BACKOFF: u32 = 6;

/// How often the machine's load is looked at again.
const LOAD_CHECK: Duration = Duration::from_millis(10);

/// CPUs this process may run on: available_parallelism honours the affinity mask
/// (taskset) and cgroup quotas.
fn cpus() -> usize {
    static CPUS: OnceLock<usize> = OnceLock::new();
    *CPUS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Whether no more threads are runnable on the machine right now than this
/// process has CPUs (/proc/loadavg's fourth field, "running/total").
fn machine_has_room() -> bool {
    let Ok(text) = std::fs::read_to_string("/proc/loadavg") else {
        return false;
    };
    running_threads(&text).is_some_and(|r| r <= cpus())
}

/// The "running" half of /proc/loadavg's fourth field ("1.00 0.50 0.25 3/180 42").
fn running_threads(loadavg: &str) -> Option<usize> {
    let field = loadavg.split_whitespace().nth(3)?;
    field.split('/').next()?.parse().ok()
}

/// How long a loop may busy-poll, decided once per process.
pub(super) fn spin_budget() -> Duration {
    static BUDGET: OnceLock<Duration> = OnceLock::new();
    *BUDGET.get_or_init(|| {
        if cpus() < 2 {
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
    /// When the load was last looked at, and whether it left room to spin.
    load_checked: std::cell::Cell<Option<Instant>>,
    room: std::cell::Cell<bool>,
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
        let now = Instant::now();
        if st.load_checked.get().is_none_or(|t| now - t >= LOAD_CHECK) {
            st.load_checked.set(Some(now));
            st.room.set(machine_has_room());
        }
        if !st.room.get() {
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

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_running_count() {
        assert_eq!(
            super::running_threads("0.38 1.16 1.76 2/231 8919\n"),
            Some(2)
        );
        assert_eq!(
            super::running_threads("14.72 14.16 12.56 14/206 26710"),
            Some(14)
        );
        assert_eq!(super::running_threads("garbage"), None);
    }

    #[test]
    fn a_post_is_quiet_only_while_the_loop_spins() {
        let remote = crate::backend::Remote::new().unwrap();
        assert!(
            !remote.post_to_spinner(7),
            "not spinning: the caller wakes it"
        );
        assert!(!remote.has_posts());
        remote.spin_begin();
        assert!(remote.post_to_spinner(7));
        assert!(remote.has_posts());
        assert!(
            remote.spin_end(),
            "what came during the spin is seen after it"
        );
    }
}
