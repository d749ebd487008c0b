//! What worker_threads needs of V8 (the C side is src/v8/worker.cc): a handle to
//! stop another thread's isolate, host objects for MessagePorts, and ArrayBuffer
//! memory that moves (a transfer) or is shared (a SharedArrayBuffer) between
//! isolates on different threads.
use std::sync::atomic::AtomicBool;

use super::isolate::RawIsolate;
use super::object::{ArrayBuffer, BackingStore, Object, RawBackingStore};
use super::scope::Scope;
use super::value::{Local, Value};

extern "C" {
    fn v8__Isolate__TerminateExecution(isolate: *mut RawIsolate);
    fn v8__Isolate__TerminateNearHeapLimit(isolate: *mut RawIsolate, flag: *const AtomicBool);
    fn v8__Object__NewHost(isolate: *mut RawIsolate) -> *const Object;
    fn v8__ArrayBuffer__NewWithStore(
        isolate: *mut RawIsolate,
        bs: *const RawBackingStore,
    ) -> *const ArrayBuffer;
    fn v8__SharedArrayBuffer__GetBackingStore(sab: *const Value) -> *mut RawBackingStore;
    fn v8__BackingStore__Clone(bs: *const RawBackingStore) -> *mut RawBackingStore;
    fn v8__SharedArrayBuffer__NewWithStore(
        isolate: *mut RawIsolate,
        bs: *const RawBackingStore,
    ) -> *const Value;
}

/// An isolate another thread may stop (TerminateExecution is V8's one call that is
/// safe from any thread). The owner of the value keeps the isolate alive.
#[derive(Clone, Copy)]
pub struct IsolateHandle(*mut RawIsolate);

// SAFETY: the pointer is only used for TerminateExecution, which V8 documents as
// callable from any thread; the worker clears its copy before disposing the isolate.
unsafe impl Send for IsolateHandle {}

impl IsolateHandle {
    pub fn new(raw: *mut RawIsolate) -> IsolateHandle {
        IsolateHandle(raw)
    }

    pub fn terminate(self) {
        // SAFETY: the isolate is alive (see the type's comment).
        unsafe { v8__Isolate__TerminateExecution(self.0) }
    }
}

/// Near the heap limit, `flag` is set and the isolate's JS stopped (resourceLimits).
///
/// # Safety
/// `flag` must stay valid for as long as the isolate lives.
pub unsafe fn terminate_near_heap_limit(raw: *mut RawIsolate, flag: *const AtomicBool) {
    // SAFETY: raw is live; the caller keeps flag alive (see above).
    unsafe { v8__Isolate__TerminateNearHeapLimit(raw, flag) }
}

/// ArrayBuffer memory held across threads: V8's shared_ptr<BackingStore>, whose
/// count is atomic and whose memory belongs to no isolate.
pub struct SendStore(BackingStore);

// SAFETY: see the type's comment; the process has one allocator for every isolate.
unsafe impl Send for SendStore {}

impl SendStore {
    pub fn of_array_buffer(ab: Local<ArrayBuffer>) -> SendStore {
        SendStore(ab.backing_store())
    }

    /// The store of a SharedArrayBuffer (the caller checked the kind).
    pub fn of_shared(sab: Local<Value>) -> SendStore {
        // SAFETY: sab is a live SharedArrayBuffer handle; the shim allocates the
        // shared_ptr this value owns.
        let raw = unsafe { v8__SharedArrayBuffer__GetBackingStore(sab.as_ptr()) };
        SendStore(BackingStore { raw })
    }

    /// Another reference to the same memory.
    pub fn share(&self) -> SendStore {
        // SAFETY: the store is alive; the shim allocates the copy this value owns.
        let raw = unsafe { v8__BackingStore__Clone(self.0.raw) };
        SendStore(BackingStore { raw })
    }

    /// A new ArrayBuffer over this memory, in `s`'s isolate.
    pub fn array_buffer<'s>(&self, s: &Scope<'s>) -> Option<Local<'s, ArrayBuffer>> {
        // SAFETY: the store is alive; the result is a fresh handle in the current scope.
        unsafe { Local::from_raw(v8__ArrayBuffer__NewWithStore(s.isolate(), self.0.raw)) }
    }

    pub fn shared_array_buffer<'s>(&self, s: &Scope<'s>) -> Option<Local<'s, Value>> {
        // SAFETY: as in `array_buffer`.
        unsafe { Local::from_raw(v8__SharedArrayBuffer__NewWithStore(s.isolate(), self.0.raw)) }
    }
}

impl<'s> Scope<'s> {
    /// An empty object V8's serializer treats as a host object (a MessagePort).
    pub fn host_object(&self) -> Option<Local<'s, Object>> {
        // SAFETY: a context is entered; the result is a fresh handle or null.
        unsafe { Local::from_raw(v8__Object__NewHost(self.isolate())) }
    }
}
