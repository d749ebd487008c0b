//! What node's `v8` module reads from the engine: heap statistics (whole heap, per
//! space, code), flags set at run time, the code-cache version tag, and heap
//! snapshots. The C side is src/v8/heap.cc.
use std::ffi::{c_char, c_void, CStr, CString};

use super::isolate::RawIsolate;

extern "C" {
    fn v8__Heap__RequestScavenge(isolate: *mut RawIsolate);
    fn v8__Allocator__AllocatedBytes() -> usize;
    fn v8__Allocator__Count(n: usize);
    fn v8__Heap__Statistics(isolate: *mut RawIsolate, out: *mut f64);
    fn v8__Heap__NumberOfSpaces(isolate: *mut RawIsolate) -> usize;
    fn v8__Heap__SpaceStatistics(
        isolate: *mut RawIsolate,
        index: usize,
        out: *mut f64,
    ) -> *const c_char;
    fn v8__Heap__CodeStatistics(isolate: *mut RawIsolate, out: *mut f64);
    fn v8__V8__SetFlagsFromString(flags: *const c_char, len: usize);
    fn v8__Heap__WatchScavenges(isolate: *mut RawIsolate, cb: ScavengeCallback);
    fn v8__Heap__SetYoungGrowthFactor(factor: i32);
    fn v8__ScriptCompiler__CachedDataVersionTag() -> u32;
    fn v8__Heap__WriteSnapshot(isolate: *mut RawIsolate, path: *const c_char) -> bool;
    fn v8__Heap__Snapshot(
        isolate: *mut RawIsolate,
        take: extern "C" fn(*mut c_void, *const c_char, usize),
        ctx: *mut c_void,
    );
}

/// The 14 numbers of v8.getHeapStatistics(), in node's key order.
pub fn statistics(isolate: *mut RawIsolate) -> [f64; 14] {
    let mut out = [0.0; 14];
    // SAFETY: the shim writes exactly 14 numbers; isolate is the live one.
    unsafe { v8__Heap__Statistics(isolate, out.as_mut_ptr()) };
    out
}

/// Each heap space: its name and [size, used, available, physical].
pub fn spaces(isolate: *mut RawIsolate) -> Vec<(String, [f64; 4])> {
    // SAFETY: isolate is the live one.
    let n = unsafe { v8__Heap__NumberOfSpaces(isolate) };
    (0..n)
        .filter_map(|i| {
            let mut out = [0.0; 4];
            // SAFETY: the shim writes four numbers and returns V8's static name or null.
            let name = unsafe { v8__Heap__SpaceStatistics(isolate, i, out.as_mut_ptr()) };
            (!name.is_null()).then(|| {
                (
                    // SAFETY: a non-null name is a NUL-terminated string V8 keeps.
                    unsafe { CStr::from_ptr(name) }.to_string_lossy().into(),
                    out,
                )
            })
        })
        .collect()
}

/// [code_and_metadata, bytecode_and_metadata, external_script_source, cpu_profiler_metadata].
pub fn code_statistics(isolate: *mut RawIsolate) -> [f64; 4] {
    let mut out = [0.0; 4];
    // SAFETY: the shim writes exactly four numbers.
    unsafe { v8__Heap__CodeStatistics(isolate, out.as_mut_ptr()) };
    out
}

pub fn set_flags_from_string(flags: &str) {
    // SAFETY: V8 reads `len` bytes of flags (no NUL needed) and copies what it keeps.
    unsafe { v8__V8__SetFlagsFromString(flags.as_ptr().cast(), flags.len()) }
}

/// Called after each scavenge with (the young generation's capacity, the bytes
/// it held before, the bytes that survived), on the isolate's thread.
pub type ScavengeCallback = extern "C" fn(capacity: f64, before: f64, survived: f64);

/// Calls `cb` after each scavenge of this thread's `isolate`.
pub fn watch_scavenges(isolate: *mut RawIsolate, cb: ScavengeCallback) {
    // SAFETY: isolate is the live one, on this thread; cb is a plain function.
    unsafe { v8__Heap__WatchScavenges(isolate, cb) }
}

/// V8's `--semi-space-growth-factor`, set without touching the flag hash (the
/// code caches' versions): V8 reads it at each growth of the young generation.
pub fn set_young_growth_factor(factor: i32) {
    // SAFETY: a plain int V8 reads during a collection on some isolate's thread;
    // a torn read cannot happen for an aligned int.
    unsafe { v8__Heap__SetYoungGrowthFactor(factor) }
}

/// A scavenge of this thread's `isolate`, now. Only in a process that never
/// started a worker (heap.cc says why).
pub fn request_scavenge(isolate: *mut RawIsolate) {
    // SAFETY: isolate is the live one, on this thread, and no JS is running.
    unsafe { v8__Heap__RequestScavenge(isolate) }
}

/// The bytes this thread's ArrayBuffers have been given since it started.
pub fn array_buffer_bytes() -> usize {
    // SAFETY: reads a thread-local counter.
    unsafe { v8__Allocator__AllocatedBytes() }
}

/// Counts memory an ArrayBuffer took over rather than got from the allocator.
pub fn count_array_buffer_bytes(n: usize) {
    // SAFETY: adds to a thread-local counter.
    unsafe { v8__Allocator__Count(n) }
}

pub fn cached_data_version_tag() -> u32 {
    // SAFETY: a pure query of V8's version and flags.
    unsafe { v8__ScriptCompiler__CachedDataVersionTag() }
}

/// Writes a heap snapshot (JSON) to `path`; the OS error if it could not.
pub fn write_snapshot(isolate: *mut RawIsolate, path: &str) -> std::io::Result<()> {
    let c = CString::new(path).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: c is NUL-terminated; isolate is the live one.
    if unsafe { v8__Heap__WriteSnapshot(isolate, c.as_ptr()) } {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// A heap snapshot's JSON.
pub fn snapshot(isolate: *mut RawIsolate) -> Vec<u8> {
    extern "C" fn take(ctx: *mut c_void, data: *const c_char, len: usize) {
        // SAFETY: ctx is the Vec below; data holds len bytes for this call.
        unsafe {
            (*ctx.cast::<Vec<u8>>()).extend_from_slice(std::slice::from_raw_parts(data.cast(), len))
        };
    }
    let mut out: Vec<u8> = Vec::new();
    // SAFETY: `take` runs before the shim returns, while `out` is alive.
    unsafe { v8__Heap__Snapshot(isolate, take, (&mut out as *mut Vec<u8>).cast()) };
    out
}
