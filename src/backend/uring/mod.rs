//! The io_uring driver (Proactor). One ring per process, set up with
//! SINGLE_ISSUER | DEFER_TASKRUN when the kernel has them: completions are then
//! produced only when this thread enters the kernel, which is exactly once per loop
//! turn (`poll`: submit everything queued and wait, bounded by the next timer).
//!
//! An op's life here: `submit` boxes it (its address never changes again), builds its
//! SQE, and stores it in the slab whose key is the SQE's user_data. `poll` reaps CQEs,
//! finds each op by key, and hands it back in a `Completion` — at its last CQE only
//! (multishot ops keep their slot while IORING_CQE_F_MORE is set).
use std::io;
use std::time::Duration;

use io_uring::{cqueue, opcode, squeue, types, IoUring, Probe};
use slab::Slab;

use super::op::Op;
use super::user_data::{self, CANCEL, WAIT_TIMEOUT};
use super::{Backend, Completion, Owner, Stats};

const RING_ENTRIES: u32 = 256;

struct InFlight {
    /// Boxed so the memory the SQE points into never moves while the kernel uses it.
    op: Box<Op>,
    owner: Owner,
}

pub struct Uring {
    ring: IoUring,
    ops: Slab<InFlight>,
    probe: Probe,
    ext_arg: bool,
    /// Owned here: the kernel reads it when the fallback wait timeout is submitted.
    wait_ts: Box<types::Timespec>,
    /// Completions of ops run on this thread (no opcode): delivered at the next poll.
    ready: Vec<Completion>,
    stats: Stats,
    /// Set by `new` to say which setup flags the kernel took.
    setup: &'static str,
    /// --trace-uring: every SQE, CQE and enter is printed to stderr.
    pub trace: bool,
}

impl Uring {
    /// Sets up the ring, falling back from the newest flags to plain io_uring.
    pub fn new() -> io::Result<Uring> {
        let (ring, setup) = match IoUring::builder()
            .setup_single_issuer()
            .setup_defer_taskrun()
            .build(RING_ENTRIES)
        {
            Ok(r) => (r, "single_issuer+defer_taskrun"),
            Err(_) => match IoUring::builder().setup_coop_taskrun().build(RING_ENTRIES) {
                Ok(r) => (r, "coop_taskrun"),
                Err(_) => (IoUring::new(RING_ENTRIES)?, "plain"),
            },
        };
        let mut probe = Probe::new();
        // Old kernels have no probe: then no opcode counts as supported and every op
        // runs as a plain syscall on this thread.
        let _ = ring.submitter().register_probe(&mut probe);
        let ext_arg = ring.params().is_feature_ext_arg();
        Ok(Uring {
            ring,
            ops: Slab::new(),
            probe,
            ext_arg,
            wait_ts: Box::new(types::Timespec::new()),
            ready: Vec::new(),
            stats: Stats::default(),
            setup,
            trace: false,
        })
    }

    pub fn supports(&self, opcode: u8) -> bool {
        self.probe.is_supported(opcode)
    }

    /// Pushes one SQE, making room by submitting if the queue is full.
    ///
    /// # Safety
    /// Every pointer in `sqe` must stay valid until the SQE's completion arrives:
    /// callers pass SQEs built from a boxed op held in `self.ops` (or from memory the
    /// driver owns, like `wait_ts`).
    unsafe fn push(&mut self, sqe: &squeue::Entry) {
        loop {
            // SAFETY: the caller guarantees the SQE's memory outlives its completion.
            if unsafe { self.ring.submission().push(sqe) }.is_ok() {
                self.stats.sqes_submitted += 1;
                return;
            }
            self.stats.enter_calls += 1;
            if let Err(e) = self.ring.submit() {
                if e.raw_os_error() != Some(libc::EBUSY) {
                    // The ring is unusable; nothing sensible is left but to stop.
                    eprintln!("coil: io_uring submit failed: {e}");
                    std::process::exit(70);
                }
                self.reap(&mut Vec::new());
            }
        }
    }

    /// Moves CQEs into `out`, returning finished ops to their owners.
    fn reap(&mut self, out: &mut Vec<Completion>) {
        let mut cq = self.ring.completion();
        cq.sync();
        for cqe in &mut cq {
            self.stats.cqes_reaped += 1;
            let key = cqe.user_data();
            if user_data::is_reserved(key) {
                continue;
            }
            let more = cqueue::more(cqe.flags());
            let Some(entry) = self.ops.get(key as usize) else {
                continue;
            };
            let owner = entry.owner;
            if self.trace {
                let name = entry.op.name();
                let res = cqe.result();
                eprintln!("uring: cqe    {name:<10} key={key} owner={owner} res={res} more={more}");
            }
            let op = if more {
                None
            } else {
                Some(*self.ops.remove(key as usize).op)
            };
            out.push(Completion {
                owner,
                result: cqe.result(),
                op,
                more,
            });
        }
        if cq.overflow() > 0 {
            self.stats.cq_overflows += 1;
        }
    }
}

impl Backend for Uring {
    fn submit(&mut self, mut op: Op, owner: Owner) {
        let opable = op.as_opable();
        let ring = opable.opcode().is_some_and(|code| self.supports(code));
        let count = self.stats.ops.entry(opable.name()).or_default();
        if !ring {
            count.1 += 1;
            let result = opable.run_blocking();
            if self.trace {
                eprintln!(
                    "uring: inline {:<10} owner={owner} res={result}",
                    opable.name()
                );
            }
            self.ready.push(Completion {
                owner,
                result,
                op: Some(op),
                more: false,
            });
            return;
        }
        count.0 += 1;
        let entry = self.ops.vacant_entry();
        let key = entry.key() as u64;
        let inflight = entry.insert(InFlight {
            op: Box::new(op),
            owner,
        });
        let opable = inflight.op.as_opable();
        if self.trace {
            eprintln!(
                "uring: sqe    {:<10} key={key} owner={owner}",
                opable.name()
            );
        }
        let sqe = opable
            .sqe()
            .expect("an op with an opcode builds an SQE")
            .user_data(key);
        // SAFETY: the SQE points into the boxed op now owned by `self.ops`, which keeps
        // it (unmoved) until its last CQE is reaped in `reap`.
        unsafe { self.push(&sqe) };
    }

    fn cancel(&mut self, owner: Owner) {
        let Some((key, _)) = self.ops.iter().find(|(_, f)| f.owner == owner) else {
            return;
        };
        let sqe = opcode::AsyncCancel::new(key as u64)
            .build()
            .user_data(CANCEL);
        // SAFETY: ASYNC_CANCEL carries no pointers.
        unsafe { self.push(&sqe) };
    }

    fn poll(&mut self, timeout: Option<Duration>, out: &mut Vec<Completion>) -> io::Result<()> {
        // Work already done on this thread is ready now: hand it over, do not wait.
        let timeout = if self.ready.is_empty() {
            timeout
        } else {
            out.append(&mut self.ready);
            Some(Duration::ZERO)
        };
        let queued = self.ring.submission().len();
        if queued == 0 && self.ops.is_empty() && timeout == Some(Duration::ZERO) {
            return Ok(()); // nothing to hand over and nothing to wait for
        }
        self.stats.enter_calls += 1;
        if self.trace {
            eprintln!(
                "uring: enter  submit={queued} in_flight={} wait={timeout:?}",
                self.ops.len()
            );
        }
        let res = match timeout {
            None => self.ring.submitter().submit_and_wait(1),
            Some(d) if self.ext_arg => {
                let ts = types::Timespec::from(d);
                let args = types::SubmitArgs::new().timespec(&ts);
                self.ring.submitter().submit_with_args(1, &args)
            }
            Some(d) => {
                *self.wait_ts = types::Timespec::from(d);
                let sqe = opcode::Timeout::new(&*self.wait_ts)
                    .build()
                    .user_data(WAIT_TIMEOUT);
                // SAFETY: wait_ts is boxed in self and outlives the timeout's CQE.
                unsafe { self.push(&sqe) };
                self.ring.submitter().submit_and_wait(1)
            }
        };
        match res {
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.raw_os_error(),
                    Some(libc::ETIME | libc::EINTR | libc::EBUSY)
                ) => {}
            Err(e) => return Err(e),
        }
        self.reap(out);
        // With the CQ overflowed the kernel holds the rest back until we enter again.
        if self.ring.submission().cq_overflow() {
            self.stats.enter_calls += 1;
            self.ring.submitter().submit()?;
            self.reap(out);
        }
        Ok(())
    }

    fn in_flight(&self) -> usize {
        self.ops.len() + self.ready.len()
    }

    fn stats(&self) -> Stats {
        self.stats.clone()
    }

    fn name(&self) -> &'static str {
        "io_uring"
    }

    fn setup(&self) -> &'static str {
        self.setup
    }
}

impl Drop for Uring {
    /// In-flight ops may still be written by the kernel: cancel them and wait for
    /// their completions before their buffers are freed with the slab.
    fn drop(&mut self) {
        if self.ops.is_empty() {
            return;
        }
        let keys: Vec<u64> = self.ops.iter().map(|(k, _)| k as u64).collect();
        for key in keys {
            let sqe = opcode::AsyncCancel::new(key).build().user_data(CANCEL);
            // SAFETY: ASYNC_CANCEL carries no pointers.
            unsafe { self.push(&sqe) };
        }
        let mut sink = Vec::new();
        for _ in 0..100 {
            if self.ops.is_empty() {
                break;
            }
            let _ = self.poll(Some(Duration::from_millis(10)), &mut sink);
        }
        if !self.ops.is_empty() {
            // The kernel still owns these buffers: leaking them is the only safe choice.
            std::mem::forget(std::mem::take(&mut self.ops));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::op::Nop;

    #[test]
    fn nop_round_trip_counts_one_enter() {
        let mut ring = Uring::new().expect("io_uring");
        for owner in 0..10 {
            ring.submit(Op::Nop(Nop), owner);
        }
        let mut out = Vec::new();
        while out.len() < 10 {
            ring.poll(Some(Duration::from_secs(1)), &mut out).unwrap();
        }
        let mut owners: Vec<_> = out.iter().map(|c| c.owner).collect();
        owners.sort();
        assert_eq!(owners, (0..10).collect::<Vec<_>>());
        assert!(out
            .iter()
            .all(|c| c.result == 0 && c.op.is_some() && !c.more));
        let s = ring.stats();
        assert_eq!(s.sqes_submitted, 10);
        assert_eq!(s.cqes_reaped, 10);
        assert_eq!(ring.in_flight(), 0);
    }

    #[test]
    fn wait_is_bounded_by_the_timeout() {
        let mut ring = Uring::new().expect("io_uring");
        let start = std::time::Instant::now();
        let mut out = Vec::new();
        ring.poll(Some(Duration::from_millis(30)), &mut out)
            .unwrap();
        let waited = start.elapsed();
        assert!(out.is_empty());
        assert!(waited >= Duration::from_millis(25), "{waited:?}");
        assert!(waited < Duration::from_millis(500), "{waited:?}");
    }

    #[test]
    fn zero_timeout_with_nothing_to_do_skips_the_kernel() {
        let mut ring = Uring::new().expect("io_uring");
        ring.poll(Some(Duration::ZERO), &mut Vec::new()).unwrap();
        assert_eq!(ring.stats().enter_calls, 0);
    }
}
