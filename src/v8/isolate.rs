//! Process-wide V8 set-up and the one Isolate coil runs, with its embedder slot.
use std::ffi::{c_char, c_int, c_void, CStr, CString};

use super::object::{Function, Promise};
use super::scope::Scope;
use super::value::{Context, Local, Value};

/// V8's `v8::Isolate`, only ever behind a pointer.
#[repr(C)]
pub struct RawIsolate {
    _opaque: [u8; 0],
}

extern "C" {
    fn v8__V8__Initialize(argc: *mut c_int, argv: *mut *mut c_char);
    fn v8__V8__GetVersion() -> *const c_char;
    fn v8__Isolate__New(max_old_bytes: usize, max_young_bytes: usize) -> *mut RawIsolate;
    fn v8__Isolate__Dispose(isolate: *mut RawIsolate);
    fn v8__Isolate__GetCurrent() -> *mut RawIsolate;
    fn v8__Isolate__Enter(isolate: *mut RawIsolate);
    fn v8__Isolate__Exit(isolate: *mut RawIsolate);
    fn v8__Isolate__SetData(isolate: *mut RawIsolate, slot: u32, data: *mut c_void);
    fn v8__Isolate__GetData(isolate: *mut RawIsolate, slot: u32) -> *mut c_void;
    fn v8__Isolate__PerformMicrotaskCheckpoint(isolate: *mut RawIsolate);
    fn v8__Platform__PumpMessageLoop(isolate: *mut RawIsolate) -> bool;
    fn v8__Isolate__EnqueueMicrotask(isolate: *mut RawIsolate, f: *const Function);
    fn v8__Isolate__CollectGarbage(isolate: *mut RawIsolate, full: bool);
    fn v8__Isolate__CountGCs(isolate: *mut RawIsolate);
    fn v8__GCCount() -> u64;
    fn v8__Isolate__SetPromiseRejectCallback(isolate: *mut RawIsolate, cb: RejectCallback);
    fn v8__Isolate__SetOOMErrorHandler(isolate: *mut RawIsolate, cb: OomCallback);
    fn v8__Isolate__SetPrepareStackTraceCallback(
        isolate: *mut RawIsolate,
        cb: PrepareStackTraceCallback,
    );
    fn v8__Isolate__GetCurrentContext(isolate: *mut RawIsolate) -> *const Context;
    pub(super) fn v8__Isolate__ThrowException(
        isolate: *mut RawIsolate,
        e: *const Value,
    ) -> *const Value;
}

pub type RejectCallback = extern "C" fn(event: c_int, promise: *const Promise, value: *const Value);

/// Formats `error.stack` from (context, error, CallSite array); null if it threw.
pub type PrepareStackTraceCallback = extern "C" fn(
    ctx: *const Context,
    error: *const Value,
    sites: *const super::object::Array,
) -> *const Value;

/// V8's out-of-memory handler: (where, whether the JS heap was the one exhausted).
/// It must not return.
pub type OomCallback = extern "C" fn(location: *const c_char, is_heap_oom: bool);

/// Initializes V8 once per process with the command-line flags meant for it.
/// Returns the flags V8 did not recognise, so the caller can reject them.
pub fn init(flags: &[String]) -> Vec<String> {
    let mut owned: Vec<CString> = std::iter::once("coil".to_string())
        .chain(flags.iter().cloned())
        .map(|s| CString::new(s).unwrap_or_default())
        .collect();
    let mut argv: Vec<*mut c_char> = owned
        .iter_mut()
        .map(|s| s.as_ptr() as *mut c_char)
        .collect();
    let mut argc = argv.len() as c_int;
    // SAFETY: argv points at argc NUL-terminated strings kept alive by `owned`; V8 only
    // reorders the pointer array.
    unsafe { v8__V8__Initialize(&mut argc, argv.as_mut_ptr()) };
    argv[1..argc as usize]
        .iter()
        // SAFETY: every remaining pointer is one of `owned`'s strings.
        .map(|p| unsafe { CStr::from_ptr(*p) }.to_string_lossy().into_owned())
        .collect()
}

pub fn version() -> &'static str {
    // SAFETY: V8 returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(v8__V8__GetVersion()) }
        .to_str()
        .unwrap_or("?")
}

/// The isolate coil runs, entered for the whole life of the value.
pub struct Isolate {
    raw: *mut RawIsolate,
}

/// Numbers from V8's heap statistics, for process.memoryUsage().
#[derive(Default, Debug)]
pub struct HeapStats {
    pub total: usize,
    pub used: usize,
    pub external: usize,
}

thread_local! {
    static DISPOSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this thread's isolate is gone (a worker ending): handles into it must
/// not be touched any more.
pub(super) fn disposed_on_this_thread() -> bool {
    DISPOSED.with(|d| d.get())
}

impl Isolate {
    pub fn new() -> Isolate {
        Isolate::with_limits(0, 0)
    }

    /// An isolate whose old and young generations stop at these sizes in bytes (0:
    /// V8's default), entered on this thread for the life of the value.
    pub fn with_limits(max_old_bytes: usize, max_young_bytes: usize) -> Isolate {
        // SAFETY: V8 was initialised by `init`; the new isolate is entered on this thread.
        let raw = unsafe { v8__Isolate__New(max_old_bytes, max_young_bytes) };
        // SAFETY: raw is a live isolate.
        unsafe { v8__Isolate__Enter(raw) };
        Isolate { raw }
    }

    pub fn raw(&self) -> *mut RawIsolate {
        self.raw
    }

    /// Opens a HandleScope in `context` for the closure's duration.
    pub fn scope<R>(&self, context: &super::Global, f: impl for<'s> FnOnce(&Scope<'s>) -> R) -> R {
        Scope::open(self.raw, context, f)
    }

    /// Stores the runtime's state pointer in the isolate's embedder slot 0.
    pub fn set_slot(&self, data: *mut c_void) {
        // SAFETY: the isolate is alive; the slot is plain storage for a pointer.
        unsafe { v8__Isolate__SetData(self.raw, 0, data) }
    }

    pub fn slot(raw: *mut RawIsolate) -> *mut c_void {
        // SAFETY: raw is the live isolate the caller runs in.
        unsafe { v8__Isolate__GetData(raw, 0) }
    }

    pub fn perform_microtask_checkpoint(raw: *mut RawIsolate) {
        // SAFETY: called on the isolate's thread, outside any V8 callback that forbids it.
        unsafe { v8__Isolate__PerformMicrotaskCheckpoint(raw) }
    }

    /// Runs the foreground tasks V8 has posted for this isolate (FinalizationRegistry
    /// cleanups among them); true if any ran.
    pub fn run_platform_tasks(&self) -> bool {
        let mut ran = false;
        // SAFETY: on the isolate's thread, entered, outside any V8 callback.
        while unsafe { v8__Platform__PumpMessageLoop(self.raw) } {
            ran = true;
        }
        ran
    }

    pub fn enqueue_microtask(scope: &Scope, f: Local<Function>) {
        // SAFETY: f is a live handle in the current scope.
        unsafe { v8__Isolate__EnqueueMicrotask(scope.isolate(), f.as_ptr()) }
    }

    pub fn set_promise_reject_callback(&self, cb: RejectCallback) {
        // SAFETY: cb is a plain extern fn valid for the whole process.
        unsafe { v8__Isolate__SetPromiseRejectCallback(self.raw, cb) }
    }

    pub fn set_oom_error_handler(&self, cb: OomCallback) {
        // SAFETY: cb is a plain extern fn valid for the whole process.
        unsafe { v8__Isolate__SetOOMErrorHandler(self.raw, cb) }
    }

    pub fn set_prepare_stack_trace_callback(raw: *mut RawIsolate, cb: PrepareStackTraceCallback) {
        // SAFETY: cb is a plain extern fn valid for the whole process.
        unsafe { v8__Isolate__SetPrepareStackTraceCallback(raw, cb) }
    }

    /// The three of v8.getHeapStatistics()'s numbers process.memoryUsage() shows.
    pub fn heap_stats(raw: *mut RawIsolate) -> HeapStats {
        let all = super::heap::statistics(raw);
        HeapStats {
            total: all[0] as usize,
            used: all[4] as usize,
            external: all[13] as usize,
        }
    }

    /// A scavenge of the young generation now: for memory V8 does not see filling
    /// its heap (young ArrayBuffers over large external memory), which it would
    /// otherwise free only when the young generation fills with other objects.
    pub fn collect_young_garbage(raw: *mut RawIsolate) {
        // SAFETY: raw is the live isolate entered on this thread.
        unsafe { v8__Isolate__CollectGarbage(raw, false) }
    }

    /// A full collection now: for such memory that has been promoted to the old
    /// generation, which a scavenge does not look at.
    pub fn collect_all_garbage(raw: *mut RawIsolate) {
        // SAFETY: raw is the live isolate entered on this thread.
        unsafe { v8__Isolate__CollectGarbage(raw, true) }
    }

    /// From now on `gc_count` counts this isolate's collections (scavenges and
    /// full ones). Once per isolate.
    pub fn count_gcs(raw: *mut RawIsolate) {
        // SAFETY: raw is the live isolate entered on this thread.
        unsafe { v8__Isolate__CountGCs(raw) }
    }

    /// Collections of this thread's isolate so far (after `count_gcs`).
    pub fn gc_count() -> u64 {
        // SAFETY: reads a thread-local counter.
        unsafe { v8__GCCount() }
    }

    /// The isolate entered on this thread (coil has exactly one).
    pub fn current() -> *mut RawIsolate {
        // SAFETY: plain read of V8's thread-local current isolate.
        unsafe { v8__Isolate__GetCurrent() }
    }

    pub(super) fn current_context(raw: *mut RawIsolate) -> *const Context {
        // SAFETY: only called from inside a V8 callback, where a context is entered.
        unsafe { v8__Isolate__GetCurrentContext(raw) }
    }
}

impl Drop for Isolate {
    fn drop(&mut self) {
        // SAFETY: no scope is open any more (they are closure-bound); exit then dispose.
        unsafe {
            v8__Isolate__Exit(self.raw);
            v8__Isolate__Dispose(self.raw);
        }
        DISPOSED.with(|d| d.set(true));
    }
}
