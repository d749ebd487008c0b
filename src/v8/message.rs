//! A MessagePort message's value to bytes and back, each in one native call (the C
//! side is src/v8/message.cc): the same wire format lib/internal/worker/io.js
//! writes through internalBinding('serdes'), without a serializer object, an
//! ArrayBuffer for the bytes or a JS call per SharedArrayBuffer.
use std::ffi::c_void;

use super::isolate::RawIsolate;
use super::object::{ArrayBuffer, Function};
use super::scope::Scope;
use super::value::{Context, Local, Value};
use super::worker::SendStore;

#[repr(C)]
struct Hooks {
    ctx: *mut c_void,
    shared: extern "C" fn(ctx: *mut c_void, sab: *const Value) -> u32,
    host: *const Value,
    clone_error: *const Value,
}

extern "C" {
    fn v8__Message__Serialize(
        isolate: *mut RawIsolate,
        ctx: *const Context,
        value: *const Value,
        buffers: *const *const ArrayBuffer,
        n_buffers: usize,
        hooks: *const Hooks,
        len: *mut usize,
        heap: *mut bool,
    ) -> *const u8;
    fn v8__Message__FreeBytes(bytes: *const u8);
    #[allow(clippy::too_many_arguments)]
    fn v8__Message__Deserialize(
        isolate: *mut RawIsolate,
        ctx: *const Context,
        data: *const u8,
        len: usize,
        buffers: *const *const ArrayBuffer,
        n_buffers: usize,
        shared: *const *const Value,
        n_shared: usize,
        ports: *const *const Value,
        n_ports: usize,
        revive: *const Value,
    ) -> *const Value;
}

/// Keeps each SharedArrayBuffer met (its memory) and names it by its position.
extern "C" fn keep_shared(ctx: *mut c_void, sab: *const Value) -> u32 {
    // SAFETY: ctx is the Vec `serialize` passed, alive for the call; sab a live handle.
    let (list, sab) = unsafe { (&mut *(ctx as *mut Vec<SendStore>), Local::from_raw(sab)) };
    if let Some(sab) = sab {
        list.push(SendStore::of_shared(sab));
    }
    (list.len() - 1) as u32
}

impl<'s> Scope<'s> {
    /// `value`'s bytes, with `buffers` transferred (index i each); the memory of the
    /// SharedArrayBuffers it holds is added to `shared`. A host object (a
    /// MessagePort) is written as what `host(object)` returns; a value that cannot
    /// be cloned throws `clone_error(message)`. None when it threw.
    pub fn serialize_message(
        &self,
        value: Local<'s, Value>,
        buffers: &[Local<'s, ArrayBuffer>],
        host: Local<'s, Function>,
        clone_error: Local<'s, Function>,
        shared: &mut Vec<SendStore>,
    ) -> Option<Vec<u8>> {
        let hooks = Hooks {
            ctx: shared as *mut Vec<SendStore> as *mut c_void,
            shared: keep_shared,
            host: host.value().as_ptr(),
            clone_error: clone_error.value().as_ptr(),
        };
        let raw: Vec<*const ArrayBuffer> = buffers.iter().map(|b| b.as_ptr()).collect();
        let (mut len, mut heap) = (0usize, false);
        // SAFETY: live handles and a context entered; `hooks` and `raw` outlive the
        // call; the bytes returned are read before anything else serializes here.
        unsafe {
            let p = v8__Message__Serialize(
                self.isolate(),
                self.context().as_ptr(),
                value.as_ptr(),
                raw.as_ptr(),
                raw.len(),
                &hooks,
                &mut len,
                &mut heap,
            );
            if p.is_null() {
                return None;
            }
            let bytes = if len == 0 {
                Vec::new()
            } else {
                std::slice::from_raw_parts(p, len).to_vec()
            };
            if heap {
                v8__Message__FreeBytes(p);
            }
            Some(bytes)
        }
    }

    /// The value of a message's bytes, given its transferred ArrayBuffers, its
    /// SharedArrayBuffers and the MessagePorts it carried; `revive(bytes)` makes
    /// each JS transferable (a FileHandle, a KeyObject) it holds. None when it threw.
    pub fn deserialize_message(
        &self,
        data: &[u8],
        buffers: &[Local<'s, ArrayBuffer>],
        shared: &[Local<'s, Value>],
        ports: &[Local<'s, Value>],
        revive: Option<Local<'s, Function>>,
    ) -> Option<Local<'s, Value>> {
        let raw_buffers: Vec<*const ArrayBuffer> = buffers.iter().map(|b| b.as_ptr()).collect();
        let raw_shared: Vec<*const Value> = shared.iter().map(|b| b.as_ptr()).collect();
        let raw_ports: Vec<*const Value> = ports.iter().map(|b| b.as_ptr()).collect();
        // SAFETY: live handles and a context entered; the slices outlive the call
        // (V8 reads `data` in place while deserializing only).
        unsafe {
            Local::from_raw(v8__Message__Deserialize(
                self.isolate(),
                self.context().as_ptr(),
                data.as_ptr(),
                data.len(),
                raw_buffers.as_ptr(),
                raw_buffers.len(),
                raw_shared.as_ptr(),
                raw_shared.len(),
                raw_ports.as_ptr(),
                raw_ports.len(),
                revive.map_or(std::ptr::null(), |f| f.value().as_ptr()),
            ))
        }
    }
}
