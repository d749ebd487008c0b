//! Read slabs: the 256 KiB blocks of memory socket reads land in, side by side,
//! and the ArrayBuffers through which JS sees them. The memory comes from a small
//! pool of our own mappings and goes back to it when the reader and every
//! ArrayBuffer over part of the slab have let go (a count of holders).
//!
//! Why a pool of our own: slabs from V8's allocator cost page faults and
//! kernel-zeroed pages, 7-9% of a 16 KiB echo's CPU; from glibc's heap they are
//! reused, but small allocations settle in the holes freed slabs leave, so the
//! heap only grows (a 64-byte echo's heap reached 32 MiB holding 8 MiB of slabs).
//! The pool reuses the last freed slabs (their pages already there) and unmaps
//! what is past POOL_MAX.
//!
//! Why several ArrayBuffers per slab: a slab is filled over thousands of small
//! reads, longer than V8 takes between two scavenges, and an ArrayBuffer that
//! lives through two is promoted to the old generation, which only a full
//! collection sweeps: in a 64-byte echo every slab was, and used-up slabs piled
//! up by the tens of MB. So JS gets a new ArrayBuffer over the rest of the slab
//! after each collection (`Slab::view`): the earlier one is held only by chunks
//! JS was given before, and dies young with them.
//!
//! A used-up slab dies with its last chunk, but V8 frees a young ArrayBuffer only
//! at a scavenge, and a scavenge comes when the young generation fills with
//! objects: a chunk's few small objects per 16 KiB go nowhere near that, so dead
//! slabs piled up until V8's external-memory limit (64 MB above the last full
//! GC) forced a full one — RSS 128 MB in a 16 KiB echo where node's is 70. So
//! coil counts the slabs alive and asks for a scavenge itself once enough
//! used-up ones may be waiting (`let_go`).
use std::cell::Cell;
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::v8::{Global, Isolate, Local, Scope, Value};

pub const SLAB_SIZE: usize = 256 * 1024;

/// Slabs allocated and not yet freed (V8 may free them on a helper thread).
static LIVE: AtomicUsize = AtomicUsize::new(0);
/// Used-up slabs let go since the last scavenge coil asked for, past which it
/// asks again (4 MiB): a scavenge costs tens of microseconds when few young
/// objects live, against 4 MiB arriving in ~3 ms at loopback speed. (A 1 GiB
/// http upload and download in one process: RSS growth 104 MiB without these
/// scavenges, 68-77 asking every 16 MiB, 54 every 4 MiB; node's 48.)
const SCAVENGE_EVERY: usize = 16;

/// Slabs alive past those in use beyond which the scavenge is not enough: a slab
/// promoted all the same (JS kept a chunk through two collections) is swept only
/// by a full collection. About a millisecond on a small heap; the bar doubles
/// when one frees little (JS keeps the slabs).
const FULL_GC_PAST: usize = 4 * SCAVENGE_EVERY;

/// Freed slabs kept mapped for the next ones: those a scavenge frees at once
/// (SCAVENGE_EVERY) and some. Past it they are unmapped.
const POOL_MAX: usize = SCAVENGE_EVERY + 8;

/// Free slabs' addresses, the last freed on top.
static POOL: Mutex<Vec<usize>> = Mutex::new(Vec::new());

thread_local! {
    static LET_GO: Cell<usize> = const { Cell::new(0) };
    /// Live slabs past which the next collection is a full one (0: FULL_GC_PAST
    /// over those in use).
    static FULL_AT: Cell<usize> = const { Cell::new(0) };
    /// Whether this thread's isolate counts its collections (`Isolate::count_gcs`).
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

/// A slab's memory and its holders: the reader filling it (one, until
/// `Slab::release`) and each ArrayBuffer made over part of it.
struct SlabMem {
    data: *mut u8,
    holders: AtomicUsize,
}

fn map_slab() -> *mut u8 {
    if let Some(addr) = POOL.lock().map_or(None, |mut p| p.pop()) {
        return addr as *mut u8;
    }
    // SAFETY: an anonymous private mapping; no existing memory is touched.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            SLAB_SIZE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        std::alloc::handle_alloc_error(
            std::alloc::Layout::from_size_align(SLAB_SIZE, 4096).expect("a valid layout"),
        );
    }
    p.cast()
}

fn unmap_slab(data: *mut u8) {
    if let Ok(mut pool) = POOL.lock() {
        if pool.len() < POOL_MAX {
            pool.push(data as usize);
            return;
        }
    }
    // SAFETY: a SLAB_SIZE mapping from map_slab that nobody holds any more.
    unsafe { libc::munmap(data.cast(), SLAB_SIZE) };
}

/// Drops one holder of `mem`; the last one frees the slab.
///
/// # Safety
/// `mem` came from `Slab::new` and the caller holds one of its holds.
unsafe fn drop_holder(mem: *const SlabMem) {
    // SAFETY: the caller's hold keeps `mem` alive until here.
    if unsafe { &*mem }.holders.fetch_sub(1, Ordering::AcqRel) == 1 {
        // SAFETY: the last holder: nobody else sees `mem` any more.
        let mem = unsafe { Box::from_raw(mem.cast_mut()) };
        unmap_slab(mem.data);
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

extern "C" fn free_view(_data: *mut c_void, _len: usize, ctx: *mut c_void) {
    // SAFETY: ctx is the SlabMem this ArrayBuffer held (`Slab::view`); V8 calls
    // this once.
    unsafe { drop_holder(ctx.cast()) };
}

/// A slab as its reader holds it: the memory, and the ArrayBuffer JS sees its
/// latest bytes through.
pub struct Slab {
    mem: *const SlabMem,
    /// The ArrayBuffer over the slab from `start` to its end, made after the
    /// `epoch`-th collection.
    view: Option<(Global, usize, u64)>,
}

impl Slab {
    /// A fresh slab, its bytes left as they are: the reader writes before JS reads.
    pub fn new(s: &Scope) -> Slab {
        if !COUNTING.get() {
            COUNTING.set(true);
            Isolate::count_gcs(s.isolate());
        }
        LIVE.fetch_add(1, Ordering::Relaxed);
        let mem = Box::new(SlabMem {
            data: map_slab(),
            holders: AtomicUsize::new(1),
        });
        Slab {
            mem: Box::into_raw(mem),
            view: None,
        }
    }

    pub fn data(&self) -> *mut u8 {
        // SAFETY: the reader's hold keeps mem alive.
        unsafe { &*self.mem }.data
    }

    /// The ArrayBuffer through which JS sees the bytes from `offset` on, and
    /// their offset in it: the one made before unless V8 has collected garbage
    /// since, else a new one over the slab from `offset` to its end.
    pub fn view<'s>(&mut self, s: &Scope<'s>, offset: usize) -> (Local<'s, Value>, usize) {
        let epoch = Isolate::gc_count();
        if let Some((ab, start, made)) = &self.view {
            if *made == epoch && *start <= offset {
                return (ab.get(s), offset - start);
            }
        }
        // SAFETY: the reader's hold keeps mem alive; the new ArrayBuffer takes a
        // hold of its own, dropped by free_view when V8 frees it.
        let ab = unsafe {
            let mem = &*self.mem;
            mem.holders.fetch_add(1, Ordering::Relaxed);
            s.array_buffer_external(
                mem.data.add(offset),
                SLAB_SIZE - offset,
                free_view,
                self.mem.cast_mut().cast(),
            )
        };
        let ab = ab.value();
        self.view = Some((Global::new(s, ab), offset, epoch));
        (ab, 0)
    }

    /// The reader is done with the slab: what JS holds of it keeps it alive.
    pub fn release(self) {
        // SAFETY: the reader's hold, given up once (self is consumed).
        unsafe { drop_holder(self.mem) };
    }
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
