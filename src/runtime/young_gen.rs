//! How fast V8's young generation grows, decided per scavenge. V8 grows it by a
//! factor (`--semi-space-growth-factor`) up to its cap (32 MiB semi-spaces,
//! src/v8/flags.rs) once as many bytes have survived scavenges since the last
//! growth as it holds — which any long-running program reaches, whether little or
//! much of each scavenge survives. Two kinds of program want different things:
//!
//! - A burst of pending promise requests (10,000 `fs.promises.stat` at once):
//!   everything its completions make stays alive until its `Promise.all` settles,
//!   so each scavenge copies it, and growing by 2 from a 1 MiB semi-space means
//!   many scavenges on the way. While a burst is pending the factor is 8 (one step
//!   to 8 MiB, the next to the cap). Numbers in docs/fs.md, "A burst grows the
//!   young generation faster".
//! - A server, where almost all of a request's garbage dies young: a young
//!   generation past node's 16 MiB semi-space costs resident memory (two 32 MiB
//!   semi-spaces touched) and buys little. Past 16 MiB the young generation grows
//!   only while much of what it holds survives (a long promise chain, a big
//!   build-up of objects), which is when the larger size saves copying.
//!
//! A third kind allocates ArrayBuffers much faster than young objects (10,000
//! `fs.promises.readFile` of 4 KiB, 64 at a time: ~10 bytes of buffer per byte of
//! heap). V8 10.2 scavenges for them only once 32 MiB of young ArrayBuffers have
//! piled up, a fixed threshold, so such a program's malloc'd memory keeps growing
//! into fresh pages for the first ~80 MiB read, each page a fault. While no burst
//! is pending, coil asks for a scavenge itself once `BUFFER_BYTES` were handed
//! out since the last one (checked once a loop turn, before the poll): the dead
//! buffers are freed and malloc hands their memory out again. Numbers in
//! docs/fs.md, "Buffers freed sooner".
//!
//! V8 10.2's API has no call for the young generation's size: the flag is written
//! after each scavenge (src/v8/heap.cc), and V8 reads it at its next growth. The
//! flag is the process's, so while a worker's isolate lives the factor stays at
//! least V8's 2, lest a worker's young generation never grow.
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};

use super::Runtime;
use crate::v8::heap;

/// Pending promise requests at which a burst starts.
const BURST_START: usize = 1024;
/// Pending promise requests below which it has ended.
const BURST_END: usize = 64;
/// node's semi-space cap; above 12 MiB of capacity the semi-space is 16 (V8's
/// sizes are powers of two, less the pages' headers).
const NODE_CAPACITY: f64 = 12.0 * 1024.0 * 1024.0;
/// ArrayBuffer bytes handed out since the last scavenge at which coil asks for one.
const BUFFER_BYTES: usize = 8 << 20;
/// The share of a scavenge's bytes that must survive (averaged over the last
/// scavenges) for the young generation to grow past node's size.
const HIGH_SURVIVAL: f64 = 0.5;

thread_local! {
    /// None until the first burst decides whether this thread may set the flag.
    static ALLOWED: Cell<Option<bool>> = const { Cell::new(None) };
    static IN_BURST: Cell<bool> = const { Cell::new(false) };
    /// The young generation's capacity after the last scavenge, in bytes.
    static CAPACITY: Cell<f64> = const { Cell::new(0.0) };
    /// Survived / held, averaged over the last scavenges (each weighs a half).
    static SURVIVAL: Cell<f64> = const { Cell::new(0.0) };
    /// The allocator's count of ArrayBuffer bytes at the last scavenge.
    static BUFFERS_AT_SCAVENGE: Cell<usize> = const { Cell::new(0) };
}

/// The factor last written; V8's own default is 2.
static FACTOR: AtomicI32 = AtomicI32::new(2);
/// Workers' isolates alive.
static WORKERS: AtomicUsize = AtomicUsize::new(0);
/// The program set the young generation's flags itself (`v8.setFlagsFromString`):
/// its values stay.
static USER_SET: AtomicBool = AtomicBool::new(false);

/// At a runtime's start: the main thread's scavenges are watched, a worker's
/// isolate is counted.
pub fn watch(rt: &Runtime) {
    if rt.worker.is_some() {
        WORKERS.fetch_add(1, Ordering::Relaxed);
        if FACTOR.load(Ordering::Relaxed) < 2 {
            set_factor(2);
        }
    } else if allowed(rt) {
        heap::watch_scavenges(rt.isolate.raw(), after_scavenge);
    }
}

/// At a worker runtime's end.
pub fn unwatch(rt: &Runtime) {
    if rt.worker.is_some() {
        WORKERS.fetch_sub(1, Ordering::Relaxed);
    }
}

/// After a promise request was added: `pending` are now waiting.
pub fn added(rt: &Runtime, pending: usize) {
    if pending < BURST_START || IN_BURST.get() || !allowed(rt) {
        return;
    }
    IN_BURST.set(true);
    apply();
}

/// After a promise request settled: `pending` are still waiting.
pub fn settled(pending: usize) {
    if pending < BURST_END && IN_BURST.get() {
        IN_BURST.set(false);
        apply();
    }
}

/// Once a loop turn, before the poll: a scavenge if ArrayBuffers piled up since
/// the last one, outside a burst (where everything is still alive), and only in a
/// process that never started a worker: the call sets a flag of the process's that
/// a worker's thread reads while it makes its context (heap.cc).
pub fn before_poll(rt: &Runtime) {
    if IN_BURST.get() || !allowed(rt) || super::worker::workers_started() {
        return;
    }
    if heap::array_buffer_bytes() - BUFFERS_AT_SCAVENGE.get() >= BUFFER_BYTES {
        heap::request_scavenge(rt.isolate.raw());
    }
}

extern "C" fn after_scavenge(capacity: f64, before: f64, survived: f64) {
    BUFFERS_AT_SCAVENGE.set(heap::array_buffer_bytes());
    if before > 0.0 {
        let rate = (survived / before).min(1.0);
        SURVIVAL.set((SURVIVAL.get() + rate) / 2.0);
    }
    CAPACITY.set(capacity);
    apply();
}

fn apply() {
    let factor = if IN_BURST.get() {
        8
    } else if CAPACITY.get() < NODE_CAPACITY
        || SURVIVAL.get() >= HIGH_SURVIVAL
        || WORKERS.load(Ordering::Relaxed) > 0
    {
        2
    } else {
        1
    };
    set_factor(factor);
}

/// Before `v8.setFlagsFromString(flags)` runs, on any thread.
pub fn user_set_flags(flags: &str) {
    if mentions_young_gen(flags) {
        USER_SET.store(true, Ordering::Relaxed);
    }
}

fn mentions_young_gen(flag: &str) -> bool {
    flag.contains("semi-space") || flag.contains("semi_space")
}

fn set_factor(factor: i32) {
    if USER_SET.load(Ordering::Relaxed) {
        return;
    }
    if FACTOR.swap(factor, Ordering::Relaxed) != factor {
        heap::set_young_growth_factor(factor);
    }
}

/// The main thread only (V8's flags are the process's), and only when the user
/// set nothing about the young generation.
fn allowed(rt: &Runtime) -> bool {
    if let Some(a) = ALLOWED.get() {
        return a;
    }
    let a = rt.worker.is_none() && !rt.options.v8_flags.iter().any(|f| mentions_young_gen(f));
    ALLOWED.set(Some(a));
    a
}
