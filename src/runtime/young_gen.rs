//! V8's young generation during a burst of pending promise requests (10,000
//! `fs.promises.stat` at once): everything a burst's completions make stays alive
//! until the burst's `Promise.all` settles, so each scavenge copies it, and V8,
//! growing the young generation by its factor 2 from a 1 MiB semi-space, scavenges
//! many times on the way. While a burst is pending its growth factor is 8 (one
//! step to 8 MiB, the next to the 32 MiB cap, src/v8/flags.rs); at the burst's end
//! it is V8's 2 again, so servers, which keep few requests pending, keep the growth
//! their resident memory was tuned for. V8 10.2's API has no call for the young
//! generation's size: the flag is set at run time (as node's
//! `v8.setFlagsFromString` does), and V8 reads it at each growth. Numbers in
//! docs/fs.md, "A burst grows the young generation faster".
use std::cell::Cell;

use super::Runtime;

/// Pending promise requests at which a burst starts.
const BURST_START: usize = 1024;
/// Pending promise requests below which it has ended.
const BURST_END: usize = 64;

thread_local! {
    /// None until the first burst decides whether this thread may set the flag.
    static ALLOWED: Cell<Option<bool>> = const { Cell::new(None) };
    static IN_BURST: Cell<bool> = const { Cell::new(false) };
}

/// After a promise request was added: `pending` are now waiting.
pub fn added(rt: &Runtime, pending: usize) {
    if pending < BURST_START || IN_BURST.get() || !allowed(rt) {
        return;
    }
    IN_BURST.set(true);
    crate::v8::heap::set_flags_from_string("--semi-space-growth-factor=8");
}

/// After a promise request settled: `pending` are still waiting.
pub fn settled(pending: usize) {
    if pending < BURST_END && IN_BURST.get() {
        IN_BURST.set(false);
        crate::v8::heap::set_flags_from_string("--semi-space-growth-factor=2");
    }
}

/// The main thread only (V8's flags are the process's), and only when the user
/// set nothing about the young generation.
fn allowed(rt: &Runtime) -> bool {
    if let Some(a) = ALLOWED.get() {
        return a;
    }
    let a = rt.worker.is_none()
        && !rt
            .options
            .v8_flags
            .iter()
            .any(|f| f.contains("semi-space") || f.contains("semi_space"));
    ALLOWED.set(Some(a));
    a
}
