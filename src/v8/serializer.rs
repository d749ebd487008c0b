//! V8's ValueSerializer and ValueDeserializer (the structured-clone wire format),
//! for Node's v8.Serializer / v8.Deserializer. The C side is src/v8/serializer.cc.
//!
//! JS holds each one through a handle (a v8::External); the engine object behind it
//! is freed by `dispose` or, when JS drops the handle, by the GC. `Serializer<'s>`
//! and `Deserializer<'s>` borrow it for a native call: the handle `Local<'s>` they
//! came from keeps it from being collected, and the C side refuses `dispose` while
//! a write or read that runs JS is in progress, so the pointer stays valid for 's.
use std::marker::PhantomData;
use std::ptr::NonNull;

use super::isolate::RawIsolate;
use super::object::{ArrayBuffer, Object};
use super::scope::Scope;
use super::value::{Context, Local, Value};

#[repr(C)]
pub struct RawSerializer {
    _opaque: [u8; 0],
}
#[repr(C)]
pub struct RawDeserializer {
    _opaque: [u8; 0],
}

extern "C" {
    fn v8__ValueSerializer__New(isolate: *mut RawIsolate) -> *const Value;
    fn v8__ValueSerializer__FromHandle(handle: *const Value) -> *mut RawSerializer;
    fn v8__ValueSerializer__Dispose(handle: *const Value);
    fn v8__ValueSerializer__WriteHeader(s: *mut RawSerializer);
    fn v8__ValueSerializer__WriteValue(
        s: *mut RawSerializer,
        ctx: *const Context,
        owner: *const Object,
        value: *const Value,
    ) -> i32;
    fn v8__ValueSerializer__Release(s: *mut RawSerializer) -> *const ArrayBuffer;
    fn v8__ValueSerializer__TransferArrayBuffer(
        s: *mut RawSerializer,
        id: u32,
        ab: *const ArrayBuffer,
    );
    fn v8__ValueSerializer__SetTreatArrayBufferViewsAsHostObjects(s: *mut RawSerializer, on: bool);
    fn v8__ValueSerializer__WriteUint32(s: *mut RawSerializer, v: u32);
    fn v8__ValueSerializer__WriteUint64(s: *mut RawSerializer, v: u64);
    fn v8__ValueSerializer__WriteDouble(s: *mut RawSerializer, v: f64);
    fn v8__ValueSerializer__WriteRawBytes(s: *mut RawSerializer, data: *const u8, len: usize);

    fn v8__ValueDeserializer__New(
        isolate: *mut RawIsolate,
        data: *const u8,
        len: usize,
    ) -> *const Value;
    fn v8__ValueDeserializer__FromHandle(handle: *const Value) -> *mut RawDeserializer;
    fn v8__ValueDeserializer__Dispose(handle: *const Value);
    fn v8__ValueDeserializer__ReadHeader(
        d: *mut RawDeserializer,
        ctx: *const Context,
        owner: *const Object,
    ) -> i32;
    fn v8__ValueDeserializer__ReadValue(
        d: *mut RawDeserializer,
        ctx: *const Context,
        owner: *const Object,
    ) -> *const Value;
    fn v8__ValueDeserializer__GetWireFormatVersion(d: *mut RawDeserializer) -> u32;
    fn v8__ValueDeserializer__TransferArrayBuffer(
        d: *mut RawDeserializer,
        id: u32,
        ab: *const ArrayBuffer,
    );
    fn v8__ValueDeserializer__TransferSharedArrayBuffer(
        d: *mut RawDeserializer,
        id: u32,
        sab: *const Value,
    );
    fn v8__ValueDeserializer__ReadUint32(d: *mut RawDeserializer, out: *mut u32) -> bool;
    fn v8__ValueDeserializer__ReadUint64(d: *mut RawDeserializer, out: *mut u64) -> bool;
    fn v8__ValueDeserializer__ReadDouble(d: *mut RawDeserializer, out: *mut f64) -> bool;
    fn v8__ValueDeserializer__ReadRawBytes(d: *mut RawDeserializer, len: usize) -> i64;
}

/// A live ValueSerializer, borrowed for one native call.
#[derive(Clone, Copy)]
pub struct Serializer<'s> {
    raw: NonNull<RawSerializer>,
    _life: PhantomData<&'s ()>,
}

/// A live ValueDeserializer (over its own copy of the input), borrowed likewise.
#[derive(Clone, Copy)]
pub struct Deserializer<'s> {
    raw: NonNull<RawDeserializer>,
    _life: PhantomData<&'s ()>,
}

impl<'s> Scope<'s> {
    /// A new serializer's handle.
    pub fn new_serializer(&self) -> Local<'s, Value> {
        // SAFETY: live isolate; the result is a fresh External handle in this scope.
        unsafe { Local::from_raw(v8__ValueSerializer__New(self.isolate())) }.unwrap()
    }
    /// A new deserializer's handle, reading a copy of `bytes`.
    pub fn new_deserializer(&self, bytes: &[u8]) -> Local<'s, Value> {
        // SAFETY: bytes is valid for its length and copied before this returns.
        unsafe {
            Local::from_raw(v8__ValueDeserializer__New(
                self.isolate(),
                bytes.as_ptr(),
                bytes.len(),
            ))
        }
        .unwrap()
    }
}

impl<'s> Local<'s, Value> {
    /// The serializer behind a handle; None for any other value or once disposed.
    pub fn serializer(self) -> Option<Serializer<'s>> {
        // SAFETY: a live handle; the shim checks that it is a serializer's External.
        let raw = NonNull::new(unsafe { v8__ValueSerializer__FromHandle(self.as_ptr()) })?;
        Some(Serializer {
            raw,
            _life: PhantomData,
        })
    }
    pub fn deserializer(self) -> Option<Deserializer<'s>> {
        // SAFETY: as above, for a deserializer's External.
        let raw = NonNull::new(unsafe { v8__ValueDeserializer__FromHandle(self.as_ptr()) })?;
        Some(Deserializer {
            raw,
            _life: PhantomData,
        })
    }
    /// Frees the engine object behind a serializer's or deserializer's handle now
    /// (not while one of its writes or reads runs JS: then the GC does it later).
    pub fn dispose_serdes(self) {
        // SAFETY: live handle; each shim ignores a handle of the other kind.
        unsafe {
            v8__ValueSerializer__Dispose(self.as_ptr());
            v8__ValueDeserializer__Dispose(self.as_ptr());
        }
    }
}

impl<'s> Serializer<'s> {
    fn raw(self) -> *mut RawSerializer {
        self.raw.as_ptr()
    }
    pub fn write_header(self) {
        // SAFETY: live serializer (see the module comment).
        unsafe { v8__ValueSerializer__WriteHeader(self.raw()) }
    }
    /// Writes a value, calling `owner`'s delegate methods; false when it threw.
    pub fn write_value(self, scope: &Scope<'s>, owner: Local<Object>, value: Local<Value>) -> bool {
        // SAFETY: live serializer and handles; the shim marks it busy while JS runs.
        unsafe {
            v8__ValueSerializer__WriteValue(
                self.raw(),
                scope.context().as_ptr(),
                owner.as_ptr(),
                value.as_ptr(),
            ) == 1
        }
    }
    /// What was written, as an ArrayBuffer that now owns those bytes.
    pub fn release(self, _scope: &Scope<'s>) -> Local<'s, ArrayBuffer> {
        // SAFETY: live serializer; the result is a fresh handle in the current scope.
        unsafe { Local::from_raw(v8__ValueSerializer__Release(self.raw())) }.unwrap()
    }
    pub fn transfer_array_buffer(self, id: u32, ab: Local<ArrayBuffer>) {
        // SAFETY: live serializer and handle.
        unsafe { v8__ValueSerializer__TransferArrayBuffer(self.raw(), id, ab.as_ptr()) }
    }
    pub fn treat_views_as_host_objects(self, on: bool) {
        // SAFETY: live serializer.
        unsafe { v8__ValueSerializer__SetTreatArrayBufferViewsAsHostObjects(self.raw(), on) }
    }
    pub fn write_u32(self, v: u32) {
        // SAFETY: live serializer.
        unsafe { v8__ValueSerializer__WriteUint32(self.raw(), v) }
    }
    pub fn write_u64(self, v: u64) {
        // SAFETY: live serializer.
        unsafe { v8__ValueSerializer__WriteUint64(self.raw(), v) }
    }
    pub fn write_double(self, v: f64) {
        // SAFETY: live serializer.
        unsafe { v8__ValueSerializer__WriteDouble(self.raw(), v) }
    }
    pub fn write_raw(self, bytes: &[u8]) {
        // SAFETY: live serializer; bytes are copied into its buffer.
        unsafe { v8__ValueSerializer__WriteRawBytes(self.raw(), bytes.as_ptr(), bytes.len()) }
    }
}

impl<'s> Deserializer<'s> {
    fn raw(self) -> *mut RawDeserializer {
        self.raw.as_ptr()
    }
    /// Reads the header; false when it threw (a bad or unsupported version).
    pub fn read_header(self, scope: &Scope<'s>, owner: Local<Object>) -> bool {
        // SAFETY: live deserializer and handles; busy while JS could run.
        unsafe {
            v8__ValueDeserializer__ReadHeader(self.raw(), scope.context().as_ptr(), owner.as_ptr())
                == 1
        }
    }
    /// The next value, calling `owner`'s _readHostObject; None when it threw.
    pub fn read_value(self, scope: &Scope<'s>, owner: Local<Object>) -> Option<Local<'s, Value>> {
        // SAFETY: as above; the result is a fresh handle in the current scope or null.
        unsafe {
            Local::from_raw(v8__ValueDeserializer__ReadValue(
                self.raw(),
                scope.context().as_ptr(),
                owner.as_ptr(),
            ))
        }
    }
    pub fn wire_format_version(self) -> u32 {
        // SAFETY: live deserializer.
        unsafe { v8__ValueDeserializer__GetWireFormatVersion(self.raw()) }
    }
    pub fn transfer_array_buffer(self, id: u32, ab: Local<ArrayBuffer>) {
        // SAFETY: live deserializer and handle.
        unsafe { v8__ValueDeserializer__TransferArrayBuffer(self.raw(), id, ab.as_ptr()) }
    }
    /// `sab` must be a SharedArrayBuffer (checked by the caller).
    pub fn transfer_shared_array_buffer(self, id: u32, sab: Local<Value>) {
        // SAFETY: live deserializer; the caller checked the kind.
        unsafe { v8__ValueDeserializer__TransferSharedArrayBuffer(self.raw(), id, sab.as_ptr()) }
    }
    pub fn read_u32(self) -> Option<u32> {
        let mut v = 0;
        // SAFETY: live deserializer; v is written on success.
        unsafe { v8__ValueDeserializer__ReadUint32(self.raw(), &mut v) }.then_some(v)
    }
    pub fn read_u64(self) -> Option<u64> {
        let mut v = 0;
        // SAFETY: as above.
        unsafe { v8__ValueDeserializer__ReadUint64(self.raw(), &mut v) }.then_some(v)
    }
    pub fn read_double(self) -> Option<f64> {
        let mut v = 0.0;
        // SAFETY: as above.
        unsafe { v8__ValueDeserializer__ReadDouble(self.raw(), &mut v) }.then_some(v)
    }
    /// Skips `len` bytes and gives their offset in the input; None past its end.
    pub fn read_raw(self, len: usize) -> Option<usize> {
        // SAFETY: live deserializer.
        let at = unsafe { v8__ValueDeserializer__ReadRawBytes(self.raw(), len) };
        usize::try_from(at).ok()
    }
}
