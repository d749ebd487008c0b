//! All of the loop's timers: a min-heap ordered by (deadline, start sequence), so
//! timers due at the same millisecond fire in the order they were started.
//!
//! Stopping a timer does not search the heap: the timer's entry is marked stale by
//! bumping its sequence and skipped when it reaches the top (lazy deletion), so
//! start, stop and restart are all O(log n) with no scans.
use std::cmp::Reverse;
use std::collections::BinaryHeap;

use slab::Slab;

pub type TimerId = usize;

struct Timer {
    /// Sequence of the live heap entry; entries with another sequence are stale.
    seq: Option<u64>,
    deadline: u64,
}

#[derive(Default)]
pub struct TimerHeap {
    timers: Slab<Timer>,
    heap: BinaryHeap<Reverse<(u64, u64, TimerId)>>,
    next_seq: u64,
    active: usize,
}

impl TimerHeap {
    pub fn create(&mut self) -> TimerId {
        self.timers.insert(Timer {
            seq: None,
            deadline: 0,
        })
    }

    /// Arms (or re-arms) `id` to fire at `deadline` (ms on the loop clock).
    pub fn start(&mut self, id: TimerId, deadline: u64) {
        let seq = self.next_seq;
        self.next_seq += 1;
        let t = &mut self.timers[id];
        if t.seq.is_none() {
            self.active += 1;
        }
        t.seq = Some(seq);
        t.deadline = deadline;
        self.heap.push(Reverse((deadline, seq, id)));
    }

    pub fn stop(&mut self, id: TimerId) {
        if let Some(t) = self.timers.get_mut(id) {
            if t.seq.take().is_some() {
                self.active -= 1;
            }
        }
    }

    #[cfg(test)]
    pub fn is_active(&self, id: TimerId) -> bool {
        self.timers.get(id).is_some_and(|t| t.seq.is_some())
    }

    /// The earliest live deadline, dropping stale entries on the way.
    pub fn next_deadline(&mut self) -> Option<u64> {
        while let Some(&Reverse((deadline, seq, id))) = self.heap.peek() {
            if self.timers.get(id).is_some_and(|t| t.seq == Some(seq)) {
                return Some(deadline);
            }
            self.heap.pop();
        }
        None
    }

    /// Takes every timer due at `now`, in firing order. Collecting them first means
    /// a callback that starts a new timer cannot make this phase run forever.
    pub fn take_due(&mut self, now: u64, out: &mut Vec<TimerId>) {
        while let Some(deadline) = self.next_deadline() {
            if deadline > now {
                break;
            }
            let Reverse((_, _, id)) = self.heap.pop().unwrap();
            self.stop(id);
            out.push(id);
        }
    }

    #[cfg(test)]
    pub fn active(&self) -> usize {
        self.active
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(h: &mut TimerHeap, now: u64) -> Vec<TimerId> {
        let mut v = Vec::new();
        h.take_due(now, &mut v);
        v
    }

    #[test]
    fn fires_in_deadline_then_start_order() {
        let mut h = TimerHeap::default();
        let (a, b, c) = (h.create(), h.create(), h.create());
        h.start(a, 10);
        h.start(b, 5);
        h.start(c, 10);
        assert_eq!(h.next_deadline(), Some(5));
        assert_eq!(due(&mut h, 4), Vec::<TimerId>::new());
        assert_eq!(due(&mut h, 10), vec![b, a, c]);
        assert_eq!(h.active(), 0);
        assert_eq!(h.next_deadline(), None);
    }

    #[test]
    fn stop_and_restart_leave_no_ghosts() {
        let mut h = TimerHeap::default();
        let a = h.create();
        h.start(a, 5);
        h.stop(a);
        assert!(!h.is_active(a));
        assert_eq!(h.next_deadline(), None);
        h.start(a, 7);
        h.start(a, 3); // restart: only the newest deadline counts
        assert_eq!(h.active(), 1);
        assert_eq!(due(&mut h, 100), vec![a]);
        assert_eq!(due(&mut h, 100), Vec::<TimerId>::new());
    }

    #[test]
    fn a_million_timers_stay_logarithmic() {
        let mut h = TimerHeap::default();
        let ids: Vec<_> = (0..1_000_000u64)
            .map(|i| {
                let id = h.create();
                h.start(id, i % 1000);
                id
            })
            .collect();
        let start = std::time::Instant::now();
        let fired = due(&mut h, 1000);
        assert_eq!(fired.len(), ids.len());
        assert!(start.elapsed().as_secs() < 5);
    }
}
