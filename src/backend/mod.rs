//! The backend: where operations go to the kernel and come back as completions.
//!
//! The loop drives a `Backend` and knows nothing of SQEs; the backend knows nothing
//! of JS. An operation is an `Op` value that owns everything the kernel touches
//! (fds, buffers, paths). `submit` moves it in; its `Completion` hands it back with
//! the result, so a buffer is never borrowed by the kernel, only lent and returned.
//!
//! Two drivers fit this trait: `uring` (Proactor: the kernel does the work and
//! posts a completion) and, later, `epoll` (Reactor: wait for readiness, then make
//! the syscall, with a thread pool for files), which is why every op can also run
//! as a plain syscall (`OpAble::run_blocking`).
use std::collections::BTreeMap;
use std::io;
use std::time::Duration;

pub mod op;
pub mod uring;
pub mod user_data;

pub use op::Op;

/// Who is waiting for an op: an id the loop chooses and gets back.
pub type Owner = u64;

/// One finished operation (or one shot of a multishot op when `more` is set).
pub struct Completion {
    pub owner: Owner,
    /// The syscall's result: >= 0 on success, -errno on failure.
    pub result: i32,
    /// The op with its buffers, handed back at its last completion.
    pub op: Option<Op>,
    /// More completions will come for this op (multishot).
    pub more: bool,
}

/// Counters every backend keeps from the start; `--stats` prints them.
#[derive(Default, Clone, Debug)]
pub struct Stats {
    pub sqes_submitted: u64,
    pub cqes_reaped: u64,
    pub enter_calls: u64,
    pub cq_overflows: u64,
    /// Per op name: (ops that went through the ring, ops run on the loop thread
    /// because there is no opcode for them or the kernel lacks it).
    pub ops: BTreeMap<&'static str, (u64, u64)>,
}

pub trait Backend {
    /// Queues `op`; it is handed to the kernel at the next `poll`.
    fn submit(&mut self, op: Op, owner: Owner);
    /// Asks the kernel to cancel the op of `owner`. Its completion still arrives
    /// (usually with -ECANCELED), and only then are its buffers released.
    fn cancel(&mut self, owner: Owner);
    /// Submits what is queued and waits up to `timeout` (None: until a completion)
    /// for completions, appending them to `out`. One kernel entry per call when it can.
    fn poll(&mut self, timeout: Option<Duration>, out: &mut Vec<Completion>) -> io::Result<()>;
    /// Ops submitted whose last completion has not been seen.
    fn in_flight(&self) -> usize;
    fn stats(&self) -> Stats;
    fn name(&self) -> &'static str;
    /// How the backend was set up (for io_uring: which setup flags the kernel took).
    fn setup(&self) -> &'static str;
}
