//! Read slabs: the 256 KiB ArrayBuffers socket reads land in, side by side. Their
//! memory is allocated here and handed to V8, which gives it back when the
//! ArrayBuffer and every chunk viewing it have died. Measured in a 16 KiB echo
//! (1.4 GB/s through slabs): slabs from V8's own allocator cost page faults and
//! kernel-zeroed pages, 7-9% of the CPU, that memory from the Rust allocator does
//! not (glibc keeps reusing its heap for these).
//!
//! A used-up slab dies with its last chunk, but V8 frees a young ArrayBuffer only
//! at a scavenge, and a scavenge comes when the young generation fills with
//! objects: a chunk's few small objects per 16 KiB go nowhere near that, so dead
//! slabs piled up until V8's external-memory limit (64 MB above the last full
//! GC) forced a full one — RSS 128 MB in a 16 KiB echo where node's is 70 (63
//! with these scavenges). So
//! coil counts the slabs alive and asks for a scavenge itself once enough
//! used-up ones may be waiting (`let_go`).
use std::alloc::{alloc as raw_alloc, dealloc, Layout};
use std::cell::Cell;
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::v8::{ArrayBuffer, Isolate, Local, Scope};

pub const SLAB_SIZE: usize = 256 * 1024;

/// Slabs allocated and not yet freed (V8 may free them on a helper thread).
static LIVE: AtomicUsize = AtomicUsize::new(0);
/// Used-up slabs let go since the last scavenge coil asked for, past which it
/// asks again (4 MiB): a scavenge costs tens of microseconds when few young
/// objects live, against 4 MiB arriving in ~3 ms at loopback speed. (A 1 GiB
/// http upload and download in one process: RSS growth 104 MiB without these
/// scavenges, 68-77 asking every 16 MiB, 54 every 4 MiB; node's 48.)
const SCAVENGE_EVERY: usize = 16;

/// Slabs alive past those in use beyond which the scavenge is not enough: a
/// slab that outlived two scavenges was promoted to the old generation, which
/// only a full collection sweeps. After V8's memory reducer shrank an idle
/// server's young generation, scavenges came every few hundred microseconds,
/// slabs being filled were promoted, and RSS reached 140-151 MB in a 64-byte
/// echo where node's is 52. A full collection of a small heap costs about a
/// millisecond; the bar doubles when one frees little (JS keeps the slabs).
const FULL_GC_PAST: usize = 4 * SCAVENGE_EVERY;

thread_local! {
    static LET_GO: Cell<usize> = const { Cell::new(0) };
    /// Live slabs past which the next collection is a full one (0: FULL_GC_PAST
    /// over those in use).
    static FULL_AT: Cell<usize> = const { Cell::new(0) };
}

fn layout() -> Layout {
    Layout::from_size_align(SLAB_SIZE, 64).expect("a valid layout")
}

extern "C" fn free_slab(data: *mut c_void, len: usize, _ctx: *mut c_void) {
    if len == SLAB_SIZE && !data.is_null() {
        // SAFETY: allocated in `slab` with this layout; V8 calls this once.
        unsafe { dealloc(data.cast(), layout()) };
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

/// SLAB_SIZE bytes, left as the allocator gives them, for `wrap`.
pub fn alloc() -> *mut u8 {
    // SAFETY: a non-zero-sized layout.
    let ptr = unsafe { raw_alloc(layout()) };
    if ptr.is_null() {
        std::alloc::handle_alloc_error(layout());
    }
    LIVE.fetch_add(1, Ordering::Relaxed);
    ptr
}

/// A slab has been filled and is left to JS: once SCAVENGE_EVERY have been, and
/// more slabs than `in_use` (those still being filled) are alive, a scavenge
/// frees the ones whose chunks have all died. When JS keeps them (a body
/// gathered whole), this costs a scavenge per 4 MiB kept.
pub fn let_go(s: &Scope, in_use: usize) {
    let n = LET_GO.get() + 1;
    if n < SCAVENGE_EVERY || LIVE.load(Ordering::Relaxed) <= in_use + SCAVENGE_EVERY / 2 {
        LET_GO.set(n);
        return;
    }
    LET_GO.set(0);
    let live = LIVE.load(Ordering::Relaxed);
    let full_at = FULL_AT.get().max(in_use + FULL_GC_PAST);
    if live > full_at {
        FULL_AT.set(live * 2);
        Isolate::collect_all_garbage(s.isolate());
    } else {
        if live < full_at / 4 {
            FULL_AT.set(0);
        }
        Isolate::collect_young_garbage(s.isolate());
    }
}

/// An ArrayBuffer over a slab from `alloc`; V8 frees it when the ArrayBuffer dies.
///
/// # Safety
/// `ptr` came from `alloc` and is wrapped once.
pub unsafe fn wrap<'s>(s: &Scope<'s>, ptr: *mut u8) -> Local<'s, ArrayBuffer> {
    // SAFETY: ptr is SLAB_SIZE bytes handed to V8, which calls free_slab (once)
    // when the ArrayBuffer dies.
    unsafe { s.array_buffer_external(ptr, SLAB_SIZE, free_slab) }
}

/// A new SLAB_SIZE ArrayBuffer whose bytes are left as the allocator gives them:
/// the caller writes before JS reads.
pub fn slab<'s>(s: &Scope<'s>) -> Local<'s, ArrayBuffer> {
    // SAFETY: a fresh slab, wrapped once.
    unsafe { wrap(s, alloc()) }
}
