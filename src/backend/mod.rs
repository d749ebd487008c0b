//! The backend: where operations go to the kernel and come back as completions.
//!
//! The loop drives a `Backend` and knows nothing of SQEs or epoll; the backend knows
//! nothing of JS. An operation is an `Op` value that owns everything the kernel
//! touches (a `SharedFd`, buffers, paths). `submit` moves it in and returns its key;
//! its last `Completion` hands it back with the result, so a buffer is never
//! borrowed by the kernel, only lent and returned.
//!
//! Two drivers implement this trait: `uring` (Proactor: the kernel does the work and
//! posts a completion) and `epoll` (Reactor, as libuv: wait for readiness, then make
//! the syscall; files go to a small thread pool). Every op can do its work both ways
//! (`OpAble::sqe` and `OpAble::run_blocking`), so choosing a driver is a flag. Work
//! that would block and has no opcode (getaddrinfo) runs on the work pool
//! (`pool.rs`) on both drivers.
use std::collections::BTreeMap;
use std::io;
use std::os::fd::RawFd;
use std::time::Duration;

mod bufs;
#[cfg(test)]
pub mod contract_tests;
pub mod epoll;
mod fd;
mod inflight;
pub mod op;
mod op_box;
mod pool;
pub mod sockaddr;
pub mod uring;
pub mod user_data;
pub mod valgrind;
mod wake;

pub use fd::{closes as fd_closes, SharedFd};
pub use op::Op;
pub use op_box::OpBox;
pub use wake::{Remote, RingDoor};

/// Who is waiting for an op: an id the loop chooses and gets back.
pub type Owner = u64;
/// The backend's name for one submitted op: cancel by it; every completion carries it.
pub type Key = u64;

/// One completion of an op (one shot of a multishot op when `more` is set), or a
/// result posted from another thread through a `Remote` (then `op` is None and `key`
/// is `user_data::REMOTE`).
pub struct Completion {
    pub key: Key,
    pub owner: Owner,
    /// The syscall's result: >= 0 on success, -errno on failure.
    pub result: i32,
    /// IORING_CQE_F_* bits (the epoll driver sets the same bits).
    pub flags: u32,
    /// The op with its buffers, in its box, handed back at its last completion.
    pub op: Option<OpBox>,
    /// More completions will come for this op (multishot): IORING_CQE_F_MORE.
    pub more: bool,
}

impl Completion {
    /// A completion another thread posted through `Remote` (no op of the backend's).
    pub fn posted(owner: Owner, result: i32) -> Completion {
        Completion {
            key: user_data::REMOTE,
            owner,
            result,
            flags: 0,
            op: None,
            more: false,
        }
    }

    /// The provided buffer the kernel picked (IORING_CQE_F_BUFFER), if any.
    pub fn buffer_id(&self) -> Option<u16> {
        io_uring::cqueue::buffer_select(self.flags)
    }
    /// A lent buffer this completion read into still has room and stays lent
    /// (IORING_CQE_F_BUF_MORE); without it the buffer was used up.
    pub fn buffer_more(&self) -> bool {
        io_uring::cqueue::buffer_more(self.flags)
    }
}

/// Counters every backend keeps from the start; `--stats` prints them and
/// `internalBinding('uring').stats()` returns them. Plain integers bumped on the
/// loop thread (the pool's and the wake-up's are atomics, read in `stats()`), so
/// counting costs an add per event, always on.
#[derive(Default, Clone, Debug)]
pub struct Stats {
    /// SQEs pushed (epoll: ops submitted).
    pub sqes_submitted: u64,
    /// CQEs reaped (epoll: readiness events taken from epoll_wait).
    pub cqes_reaped: u64,
    /// Kernel entries to submit and wait: io_uring_enter, or epoll_wait.
    pub enter_calls: u64,
    pub cq_overflows: u64,
    /// The most SQEs one io_uring_enter handed over (epoll: events one wait returned).
    pub max_batch: u64,
    /// epoll_ctl calls (ADD, MOD, DEL): the Reactor's interest bookkeeping.
    pub epoll_ctl: u64,
    /// Reads of the wake-up eventfd on the loop thread (the pool's results arrived).
    pub eventfd_reads: u64,
    /// Writes to the wake-up eventfd by other threads (one per burst of results).
    pub eventfd_writes: u64,
    /// Multishot ops submitted (accept, recv into provided buffers, poll): the
    /// first arm and every re-arm after one ended.
    pub multishot_arms: u64,
    /// Multishot ops that ended (a last completion without F_MORE).
    pub multishot_ends: u64,
    /// Buffers given to a provided/lent group: lent JS memory, or recycled buffers.
    pub buffer_refills: u64,
    /// Reads that found no buffer in their group (-ENOBUFS; epoll: an op that
    /// waited a turn for one).
    pub enobufs: u64,
    /// Jobs run on the work pool, and the time they spent queued before a thread
    /// took them.
    pub pool_jobs: u64,
    pub pool_wait_ns: u64,
    /// Per op name, where it went (see `OpCount`): filled by `Backend::stats`
    /// from `counts`.
    pub ops: BTreeMap<&'static str, OpCount>,
    /// The same counters as the drivers bump them, at every submit.
    pub counts: OpCounts,
}

/// Per-op-name counters, found by the address of the name (a static string, the
/// same each time an op gives it): a submit costs a few pointer compares, not a
/// tree walk comparing strings. Equal names at two addresses get two entries,
/// which `Stats::with_threads` adds up.
#[derive(Default, Clone, Debug)]
pub struct OpCounts(Vec<(&'static str, OpCount)>);

impl OpCounts {
    pub fn of(&mut self, name: &'static str) -> &mut OpCount {
        let i = match self.0.iter().position(|(n, _)| std::ptr::eq(*n, name)) {
            Some(i) => i,
            None => {
                self.0.push((name, OpCount::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }
}

/// Where the ops of one name went. On io_uring an op is either an SQE (`ring`), a
/// plain syscall on the loop thread (`inline`: no opcode), or a pool job. On epoll
/// `inline` counts syscalls tried at once at submit (a send that need not wait),
/// `ready` syscalls made after a readiness event (including ones that found
/// EAGAIN), and `pool` file ops sent to the thread pool.
#[derive(Default, Clone, Copy, Debug)]
pub struct OpCount {
    pub ring: u64,
    pub inline: u64,
    pub ready: u64,
    pub pool: u64,
}

impl Stats {
    /// These counters with the ones other threads keep (the pool's, the eventfd's).
    fn with_threads(&self, pool: &pool::Pool, remote: &Remote) -> Stats {
        let mut st = self.clone();
        for (name, c) in &self.counts.0 {
            let sum = st.ops.entry(name).or_default();
            sum.ring += c.ring;
            sum.inline += c.inline;
            sum.ready += c.ready;
            sum.pool += c.pool;
        }
        (st.pool_jobs, st.pool_wait_ns) = pool.counts();
        st.eventfd_writes = remote.writes();
        st
    }

    /// Syscalls the process made for I/O: kernel entries, epoll_ctl, the loop's
    /// eventfd reads and the pool's writes, every op made as a plain syscall on
    /// the loop thread or a pool thread (one per op; a pool job of a chain op like
    /// readFile makes several), and closes of fds.
    pub fn syscalls(&self) -> u64 {
        let ops: u64 = self.ops.values().map(|c| c.inline + c.ready + c.pool).sum();
        self.enter_calls
            + self.epoll_ctl
            + self.eventfd_reads
            + self.eventfd_writes
            + ops
            + fd::closes()
    }
}

pub trait Backend {
    /// Queues `op` (handed to the kernel at the next `poll`); returns its key.
    fn submit(&mut self, op: Op, owner: Owner) -> Key;
    /// Asks the kernel to stop op `key`. Its completion still arrives (usually with
    /// -ECANCELED), and only then are its buffers and its fd released. O(1).
    fn cancel(&mut self, key: Key);
    /// Cancels every op in flight on `fd` (a handle closing). O(ops on that fd).
    fn cancel_fd(&mut self, fd: RawFd);
    /// Submits what is queued and waits up to `timeout` (None: until a completion)
    /// for completions, appending them to `out`. One kernel entry per call when it can.
    fn poll(&mut self, timeout: Option<Duration>, out: &mut Vec<Completion>) -> io::Result<()>;
    /// Registers `count` buffers of `size` bytes as group `group` for ops that let the
    /// kernel pick a buffer (IORING_REGISTER_PBUF_RING).
    fn register_buffers(&mut self, group: u16, count: u16, size: usize) -> io::Result<()>;
    /// Makes `group` a group of lent buffers (at most `count` lent at once): reads
    /// fill the oldest lent buffer front to back, each completion naming the buffer
    /// and saying whether it has room left (`Completion::buffer_more`), so the
    /// bytes of consecutive reads lie side by side where the owner put the buffer
    /// (io_uring: IOU_PBUF_RING_INC, Linux 6.12). Err when the kernel lacks it.
    fn register_lent_buffers(&mut self, group: u16, count: u16) -> io::Result<()>;
    /// Lends `len` bytes at `ptr` to `group` as buffer `bid`, behind those lent before.
    ///
    /// # Safety
    /// The memory stays allocated and unmoved, and nobody but the driver writes it,
    /// until a completion names `bid` without `buffer_more` (it was used up) or the
    /// backend is dropped; of it, the owner reads only bytes completions reported.
    unsafe fn lend_buffer(&mut self, group: u16, bid: u16, ptr: *mut u8, len: u32);
    /// Whether a read found a lent group empty since last asked (the epoll driver
    /// then waits a turn instead of failing it; io_uring completes it with
    /// -ENOBUFS, which the owner sees).
    fn take_lent_starved(&mut self) -> bool {
        false
    }
    /// The first `len` bytes of buffer `bid` of `group`, as the op that picked it left them.
    fn buffer(&self, group: u16, bid: u16, len: usize) -> &[u8];
    /// Gives buffer `bid` back to `group` once its bytes have been consumed.
    fn recycle(&mut self, group: u16, bid: u16);
    /// A handle other threads use to post completions and wake the loop.
    fn remote(&self) -> Remote;
    /// The door other loops post into straight through their own ring (`msg_ring`);
    /// None when this backend has none (epoll, or a kernel without MSG_RING).
    fn ring_door(&mut self) -> Option<RingDoor> {
        None
    }
    /// Posts a completion for `owner` into the loop behind `door`, through this
    /// loop's ring, now: false when it cannot (the caller uses that loop's Remote).
    fn msg_ring(&mut self, _door: &RingDoor, _owner: Owner) -> bool {
        false
    }
    /// Hands over, without a kernel call, the completions of stream ops (those
    /// waiting on readiness: sends, shutdowns) already done at submit or cancelled
    /// on the spot; file ops done at submit wait for the next poll, as node's
    /// thread-pool ones would.
    fn take_done(&mut self, _out: &mut Vec<Completion>) {}
    /// A completion is waiting to be reaped (a cheap look, no kernel call; false
    /// when the backend cannot tell).
    fn has_ready(&mut self) -> bool {
        false
    }
    /// Ops submitted whose last completion has not been seen.
    fn in_flight(&self) -> usize;
    fn stats(&self) -> Stats;
    fn name(&self) -> &'static str;
    /// How the backend was set up (io_uring: the setup flags the kernel took).
    fn setup(&self) -> &'static str;
}

/// Which driver to run: `--backend=` / `COIL_BACKEND`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Uring,
    Epoll,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Uring => "io_uring",
            Kind::Epoll => "epoll",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        match name {
            "uring" | "io_uring" => Some(Kind::Uring),
            "epoll" => Some(Kind::Epoll),
            _ => None,
        }
    }
}

/// The driver `create(kind)` would run here: io_uring falls back to epoll when the
/// kernel refuses a ring (`coil --version` reports this).
pub fn resolve(kind: Kind) -> Kind {
    match kind {
        Kind::Uring if uring::Uring::new().is_err() => Kind::Epoll,
        k => k,
    }
}

/// Builds the driver asked for. When io_uring cannot be set up here (no syscall,
/// a seccomp profile, kernel.io_uring_disabled, RLIMIT_MEMLOCK) coil says so in one
/// line and runs on epoll, as libuv does.
/// `trace_uring` / `trace_epoll`: print each event of that driver (--trace-uring,
/// --trace-epoll).
pub fn create(kind: Kind, trace_uring: bool, trace_epoll: bool) -> io::Result<Box<dyn Backend>> {
    if kind == Kind::Uring {
        match uring::Uring::new() {
            Ok(mut ring) => {
                ring.trace = trace_uring;
                // The loop's sockets and files close in the turn's enter.
                ring.close_fds();
                return Ok(Box::new(ring));
            }
            Err(e) => eprintln!("coil: warning: io_uring is not available ({e}); using epoll"),
        }
    }
    let mut ep = epoll::Epoll::new()?;
    ep.trace = trace_epoll;
    Ok(Box::new(ep))
}
