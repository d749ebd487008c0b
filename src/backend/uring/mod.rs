//! The io_uring driver (Proactor). One ring per loop, set up with
//! SINGLE_ISSUER | DEFER_TASKRUN when the kernel has them: completions are then
//! produced only when this thread enters the kernel, which is exactly once per loop
//! turn (`poll`: submit everything queued and wait, bounded by the next timer).
//!
//! An op's life here: `submit` boxes it in the in-flight table (its address never
//! changes again), builds its SQE with the table key as user_data, and returns the
//! key. `poll` reaps CQEs, finds each op by key, and hands it back in a
//! `Completion` at its last CQE (multishot ops keep their slot while
//! IORING_CQE_F_MORE is set). Ops without an opcode run on this thread at submit
//! and complete, by key, at the next poll, except those that may block for long
//! (`OpAble::needs_pool`: getaddrinfo), which go to the work pool. Teardown (Drop):
//! stop the pool, cancel everything, drain, close the ring, then free the ops.
//!
//! How a pool job's result reaches the ring: the pool posts it through the
//! `Remote`, whose eventfd has a multishot POLL_ADD armed on the ring, so the loop
//! keeps waiting in one io_uring_enter. Chosen over IORING_OP_MSG_RING because
//! MSG_RING needs a ring per pool thread to send from (5.18+; and a ring set up
//! SINGLE_ISSUER takes no submissions from other threads), while the eventfd is the
//! epoll driver's wake-up too (one `Remote` for both drivers, and for signals and
//! workers later), works back to 5.1, and coalesces a burst of results into one
//! CQE, as uv_async_send does.
use std::collections::HashMap;
use std::io;
use std::mem::ManuallyDrop;
use std::os::fd::RawFd;
use std::time::Duration;

use io_uring::{cqueue, opcode, squeue, types, IoUring, Probe};

use super::inflight::Table;
use super::op::Op;
use super::pool::Pool;
use super::user_data::{self, CANCEL, WAIT_TIMEOUT, WAKE};
use super::{Backend, Completion, Key, Owner, Remote, Stats};

#[cfg_attr(not(test), allow(dead_code))] // registered by sockets next; tested now
mod buf_ring;
mod chain;
mod fixed_fds;
mod inline_done;
mod msg_ring;
mod posted;
mod teardown;
#[cfg(test)]
mod tests;

use buf_ring::BufRing;

pub const RING_ENTRIES: u32 = 256;

pub struct Uring {
    /// Closed in Drop before the ops it may still write into are freed.
    ring: ManuallyDrop<IoUring>,
    ops: Table,
    probe: Probe,
    ext_arg: bool,
    /// Owned here: the kernel reads it when the fallback wait timeout is submitted.
    wait_ts: Box<types::Timespec>,
    /// Ops run inline (no opcode) and their results: completed at the next poll.
    inline_done: Vec<(Key, i32)>,
    /// Whether `inline_done` may hold an op that waits on a stream's readiness
    /// (inline_done.rs): without one, the scan after each poll phase is skipped
    /// (10,000 inline stats would be looked up in the table for nothing).
    inline_stream: bool,
    /// CQEs copied out of the ring in `reap`, kept between turns.
    cqes: Vec<(u64, i32, u32)>,
    /// Completions reaped while making room in a full queue (EBUSY), for the next poll.
    early: Vec<Completion>,
    remote: Remote,
    /// The duplicate of the ring's fd other loops post into (msg_ring.rs).
    door: Option<super::RingDoor>,
    /// Runs `needs_pool` ops (threads start on first use).
    pool: Pool,
    /// The wake-up poll is armed on the eventfd (a multishot poll can end).
    wake_armed: bool,
    /// A `Remote` was handed out: keep the wake-up poll armed from now on.
    wake_wanted: std::cell::Cell<bool>,
    #[cfg_attr(not(test), allow(dead_code))]
    buf_rings: HashMap<u16, BufRing>,
    /// The sparse table of direct descriptors chain ops use (None: not available).
    direct: Option<chain::Direct>,
    /// Connections' fds in the same table (fixed_fds.rs; None: not available).
    fixed: Option<fixed_fds::FixedFds>,
    /// An error that made the ring unusable, reported by the next poll.
    failed: Option<io::Error>,
    /// Owned fds of this thread are closed by IORING_OP_CLOSE (`close_fds`).
    ring_closes: bool,
    stats: Stats,
    /// Set by `new` to say which setup flags the kernel took.
    setup: &'static str,
    /// --trace-uring: every SQE, CQE and enter is printed to stderr.
    pub trace: bool,
    /// Tests: the next N submits made to free queue space report EBUSY after the
    /// kernel has posted completions, as a full CQ makes it do.
    #[cfg(test)]
    pub force_ebusy: usize,
}

impl Uring {
    /// Sets up the ring, falling back from the newest flags to plain io_uring.
    pub fn new() -> io::Result<Uring> {
        Self::with_entries(RING_ENTRIES)
    }

    pub fn with_entries(entries: u32) -> io::Result<Uring> {
        // TASKRUN_FLAG: completions the kernel holds as task work show in the SQ
        // flags, so the loop can tell without entering (`cqes_waiting`).
        let (ring, setup) = match IoUring::builder()
            .setup_single_issuer()
            .setup_defer_taskrun()
            .setup_taskrun_flag()
            .build(entries)
        {
            Ok(r) => (r, "single_issuer+defer_taskrun"),
            Err(_) => match IoUring::builder()
                .setup_coop_taskrun()
                .setup_taskrun_flag()
                .build(entries)
            {
                Ok(r) => (r, "coop_taskrun"),
                Err(_) => (IoUring::new(entries)?, "plain"),
            },
        };
        let mut probe = Probe::new();
        // Old kernels have no probe: then no opcode counts as supported and every op
        // runs as a plain syscall on this thread.
        let _ = ring.submitter().register_probe(&mut probe);
        let ext_arg = ring.params().is_feature_ext_arg();
        let remote = Remote::new()?;
        let (direct, fixed) = chain::Direct::register(&ring);
        Ok(Uring {
            ring: ManuallyDrop::new(ring),
            ops: Table::default(),
            probe,
            ext_arg,
            wait_ts: Box::new(types::Timespec::new()),
            inline_done: Vec::new(),
            inline_stream: false,
            cqes: Vec::new(),
            early: Vec::new(),
            pool: Pool::new(remote.clone()),
            remote,
            door: None,
            wake_armed: false,
            wake_wanted: std::cell::Cell::new(false),
            buf_rings: HashMap::new(),
            direct,
            fixed,
            failed: None,
            ring_closes: false,
            stats: Stats::default(),
            setup,
            trace: false,
            #[cfg(test)]
            force_ebusy: 0,
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
            self.make_room();
            if self.failed.is_some() {
                return;
            }
        }
    }

    /// Submits what is queued so the submission queue has room again.
    fn make_room(&mut self) {
        self.stats.enter_calls += 1;
        match self.submit_for_room() {
            Ok(_) => {}
            Err(e) if e.raw_os_error() == Some(libc::EBUSY) => {
                // The CQ is full: the kernel takes no SQE until we reap. Keep what
                // we reap for the next poll.
                let mut reaped = Vec::new();
                self.reap(&mut reaped);
                self.early.append(&mut reaped);
            }
            Err(e) => {
                // The ring is unusable: the next poll reports it and the loop ends.
                self.failed.get_or_insert(e);
            }
        }
    }

    fn submit_for_room(&mut self) -> io::Result<usize> {
        #[cfg(test)]
        if self.force_ebusy > 0 {
            self.force_ebusy -= 1;
            self.ring.submitter().submit_and_wait(1)?;
            return Err(io::Error::from_raw_os_error(libc::EBUSY));
        }
        self.ring.submit()
    }

    /// Arms the multishot poll on the wake-up eventfd (again, if it ended).
    fn arm_wake(&mut self) {
        if self.wake_armed || !self.wake_wanted.get() || !self.supports(opcode::PollAdd::CODE) {
            return;
        }
        let sqe = opcode::PollAdd::new(types::Fd(self.remote.fd()), libc::POLLIN as u32)
            .multi(true)
            .build()
            .user_data(WAKE);
        self.wake_armed = true;
        // SAFETY: a poll carries no pointers; the eventfd lives as long as `remote`.
        unsafe { self.push(&sqe) };
    }

    /// Moves CQEs into `out`, returning finished ops to their owners.
    fn reap(&mut self, out: &mut Vec<Completion>) {
        let mut cqes = std::mem::take(&mut self.cqes);
        {
            let mut cq = self.ring.completion();
            cq.sync();
            cqes.extend(cq.by_ref().map(|c| (c.user_data(), c.result(), c.flags())));
            if cq.overflow() > 0 {
                self.stats.cq_overflows += 1;
            }
        }
        for (key, result, flags) in cqes.drain(..) {
            self.stats.cqes_reaped += 1;
            let more = cqueue::more(flags);
            if key == WAKE {
                self.wake_armed = more;
                self.deliver_posted(out);
                continue;
            }
            if user_data::is_reserved(key) {
                continue;
            }
            if user_data::split(key).1 == user_data::MSG_TAG {
                out.push(Self::msg_cqe(key, result));
                continue;
            }
            if user_data::split(key).1 != 0 {
                self.chain_cqe(key, result, out);
                continue;
            }
            let Some(entry) = self.ops.get(key) else {
                continue;
            };
            let owner = entry.owner;
            if super::valgrind::running() {
                if let Some((ptr, len)) = entry.op.as_opable_ref().written(result) {
                    super::valgrind::mark_defined(ptr, len);
                }
            }
            if result == -libc::ENOBUFS {
                self.stats.enobufs += 1;
            }
            if !more && entry.op.as_opable_ref().multishot() {
                self.stats.multishot_ends += 1;
            }
            if self.trace {
                let name = entry.op.name();
                // The provided buffer a read went into, and whether it has room left.
                let buf = match cqueue::buffer_select(flags) {
                    Some(bid) if cqueue::buffer_more(flags) => format!(" buf={bid}+"),
                    Some(bid) => format!(" buf={bid}"),
                    None => String::new(),
                };
                eprintln!(
                    "uring: cqe    {name:<10} key={key} owner={owner} res={result} more={more}{buf}"
                );
            }
            let op = if more {
                None
            } else {
                self.ops.remove(key).map(|f| {
                    let mut op = f.op;
                    if let Some(bid) = cqueue::buffer_select(flags) {
                        op.as_opable().set_buffer(bid);
                    }
                    op
                })
            };
            out.push(Completion {
                key,
                owner,
                result,
                flags,
                op,
                more,
            });
        }
        self.cqes = cqes;
    }

    fn enter(&mut self, timeout: Option<Duration>) -> io::Result<()> {
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
            Ok(_) => Ok(()),
            Err(e)
                if matches!(
                    e.raw_os_error(),
                    Some(libc::ETIME | libc::EINTR | libc::EBUSY)
                ) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}

impl Backend for Uring {
    fn submit(&mut self, mut op: Op, owner: Owner) -> Key {
        let opable = op.as_opable();
        let ring = opable.opcode().is_some_and(|code| self.supports(code));
        let name = opable.name();
        let chain = opable.chain().is_some();
        // A chain op without a table of direct descriptors runs on the pool.
        let pool = opable.needs_pool() || (chain && self.direct.is_none());
        if opable.multishot() {
            self.stats.multishot_arms += 1;
        }
        let count = self.stats.counts.of(name);
        if pool {
            count.pool += 1;
            let key = self.ops.insert(op, owner);
            if self.run_on_pool(key, owner) {
                return key;
            }
            let f = self.ops.get_mut(key).expect("just inserted");
            let result = f.op.as_opable().run_blocking();
            self.inline_stream |= f.op.as_opable_ref().readiness().is_some();
            self.inline_done.push((key, result));
            return key;
        }
        if !ring {
            count.inline += 1;
            self.inline_stream |= opable.readiness().is_some();
            let result = opable.run_blocking();
            let key = self.ops.insert(op, owner);
            if self.trace {
                eprintln!("uring: inline {name:<10} key={key} owner={owner} res={result}");
            }
            self.inline_done.push((key, result));
            return key;
        }
        count.ring += 1;
        let flag = self.fixed_flag(op.as_opable_ref().socket_fd());
        let key = self.ops.insert(op, owner);
        if chain {
            self.start_chain(key);
            return key;
        }
        if self.trace {
            eprintln!("uring: sqe    {name:<10} key={key} owner={owner}");
        }
        let inflight = self.ops.get_mut(key).expect("just inserted");
        let sqe = inflight
            .op
            .as_opable()
            .sqe()
            .expect("an op with an opcode builds an SQE")
            .flags(flag)
            .user_data(key);
        // SAFETY: the SQE points into the boxed op now owned by `self.ops`, which keeps
        // it (unmoved) until its last CQE is reaped in `reap`.
        unsafe { self.push(&sqe) };
        key
    }

    fn cancel(&mut self, key: Key) {
        if self.ops.get(key).is_none() || self.inline_done.iter().any(|(k, _)| *k == key) {
            return;
        }
        if self.is_chain(key) {
            self.cancel_chain(key);
            return;
        }
        if self.on_pool(key) {
            // A queued job completes with ECANCELED; a running one finishes.
            self.pool.cancel(key);
            return;
        }
        if self.trace {
            eprintln!("uring: sqe    cancel     key={key}");
        }
        let sqe = opcode::AsyncCancel::new(key).build().user_data(CANCEL);
        // SAFETY: ASYNC_CANCEL carries no pointers.
        unsafe { self.push(&sqe) };
    }

    fn cancel_fd(&mut self, fd: RawFd) {
        for key in self.ops.on_fd(fd) {
            self.cancel(key);
        }
    }

    fn take_done(&mut self, out: &mut Vec<Completion>) {
        self.take_inline_stream_done(out);
    }

    fn poll(&mut self, timeout: Option<Duration>, out: &mut Vec<Completion>) -> io::Result<()> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        self.arm_wake();
        self.flush_chains();
        self.push_closes();
        // Work already done is ready now: hand it over, do not wait.
        let mut timeout = timeout;
        let mut quiet = Vec::new();
        if self.remote.drain_quiet(&mut quiet) {
            self.hand_over(quiet, out);
            timeout = Some(Duration::ZERO);
        }
        if !self.inline_done.is_empty() || !self.early.is_empty() {
            out.append(&mut self.early);
            // Drained in place: the list keeps its capacity (10,000 inline stats
            // at once would otherwise regrow it, copying, on every turn).
            let mut done = std::mem::take(&mut self.inline_done);
            for (key, result) in done.drain(..) {
                out.extend(self.inline_completion(key, result));
            }
            self.inline_done = done;
            timeout = Some(Duration::ZERO);
        }
        let queued = self.ring.submission().len();
        self.stats.max_batch = self.stats.max_batch.max(queued as u64);
        if queued == 0
            && timeout == Some(Duration::ZERO)
            && (self.ops.is_empty() || self.setup != "plain" && !self.cqes_waiting())
        {
            // Nothing to submit and nothing to wait for: what the CQ holds is
            // reaped without entering.
            self.reap(out);
            return Ok(());
        }
        if super::valgrind::running() {
            // Under valgrind a thread waiting in io_uring_enter keeps valgrind's
            // lock on running threads, so a pool thread whose result would wake
            // this ring never ran (net tests stalled): wait in short slices there.
            let slice = Duration::from_millis(10);
            timeout = Some(timeout.map_or(slice, |t| t.min(slice)));
        }
        self.stats.enter_calls += 1;
        if self.trace {
            eprintln!(
                "uring: enter  submit={queued} in_flight={} wait={timeout:?}",
                self.ops.len()
            );
        }
        self.enter(timeout)?;
        self.reap(out);
        // With the CQ overflowed the kernel holds the rest back until we enter again.
        if self.ring.submission().cq_overflow() {
            self.stats.enter_calls += 1;
            self.ring.submitter().submit()?;
            self.reap(out);
        }
        match self.failed.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn register_buffers(&mut self, group: u16, count: u16, size: usize) -> io::Result<()> {
        let br = BufRing::register(&self.ring.submitter(), group, count, size)?;
        self.buf_rings.insert(group, br);
        Ok(())
    }

    fn register_lent_buffers(&mut self, group: u16, count: u16) -> io::Result<()> {
        let br = BufRing::register_lent(&self.ring.submitter(), group, count)?;
        self.buf_rings.insert(group, br);
        Ok(())
    }

    unsafe fn lend_buffer(&mut self, group: u16, bid: u16, ptr: *mut u8, len: u32) {
        if let Some(br) = self.buf_rings.get_mut(&group) {
            br.lend(bid, ptr, len);
            self.stats.buffer_refills += 1;
        }
    }

    fn buffer(&self, group: u16, bid: u16, len: usize) -> &[u8] {
        let bytes = self
            .buf_rings
            .get(&group)
            .and_then(|br| br.group.as_ref())
            .map_or(&[][..], |g| g.slice(bid, len));
        // The kernel filled them through the ring: valgrind did not see it.
        super::valgrind::mark_defined(bytes.as_ptr(), bytes.len());
        bytes
    }

    fn recycle(&mut self, group: u16, bid: u16) {
        if let Some(br) = self.buf_rings.get_mut(&group) {
            br.recycle(bid);
            self.stats.buffer_refills += 1;
        }
    }

    fn remote(&self) -> Remote {
        self.wake_wanted.set(true);
        self.remote.clone()
    }

    fn ring_door(&mut self) -> Option<super::RingDoor> {
        self.door()
    }

    fn msg_ring(&mut self, door: &super::RingDoor, owner: Owner) -> bool {
        self.send_msg(door, owner)
    }

    fn has_ready(&mut self) -> bool {
        self.cqes_waiting()
    }

    fn in_flight(&self) -> usize {
        self.ops.len() + self.early.iter().filter(|c| c.op.is_some()).count()
    }

    fn stats(&self) -> Stats {
        self.stats.with_threads(&self.pool, &self.remote)
    }

    fn name(&self) -> &'static str {
        "io_uring"
    }

    fn setup(&self) -> &'static str {
        self.setup
    }
}
