//! internalBinding('serdes'): V8's ValueSerializer and ValueDeserializer for
//! lib/v8.js (v8.Serializer, v8.Deserializer, v8.serialize) and the 'advanced'
//! IPC channel. Each function takes the object's handle first (made by
//! newSerializer / newDeserializer); the calls that run JS also take the owner,
//! the JS object whose _writeHostObject / _readHostObject / _getDataCloneError
//! the engine calls back. Argument types are checked in lib/v8.js.
use super::set_methods;
use crate::v8::{
    ArrayBuffer, CallbackArgs, Deserializer, ErrorKind, Local, Object, Scope, Serializer,
    ValueKind,
};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "newSerializer" => new_serializer,
            "newDeserializer" => new_deserializer,
            "dispose" => dispose,
            "writeHeader" => write_header,
            "writeValue" => write_value,
            "releaseBuffer" => release_buffer,
            "serializerTransferArrayBuffer" => serializer_transfer_array_buffer,
            "setTreatArrayBufferViewsAsHostObjects" => set_treat_views,
            "writeUint32" => write_uint32,
            "writeUint64" => write_uint64,
            "writeDouble" => write_double,
            "writeRawBytes" => write_raw_bytes,
            "readHeader" => read_header,
            "readValue" => read_value,
            "getWireFormatVersion" => get_wire_format_version,
            "deserializerTransferArrayBuffer" => deserializer_transfer_array_buffer,
            "readUint32" => read_uint32,
            "readUint64" => read_uint64,
            "readDouble" => read_double,
            "readRawBytes" => read_raw_bytes,
        ],
    );
}

/// The serializer of argument 0, or a thrown "Illegal invocation" (what V8 says
/// when a method of Node's native class is called on another object).
fn serializer<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) -> Option<Serializer<'s>> {
    let found = a.get(0).serializer();
    if found.is_none() {
        s.throw_error(ErrorKind::TypeError, "Illegal invocation");
    }
    found
}

fn deserializer<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) -> Option<Deserializer<'s>> {
    let found = a.get(0).deserializer();
    if found.is_none() {
        s.throw_error(ErrorKind::TypeError, "Illegal invocation");
    }
    found
}

/// Argument i as the uint32 lib/v8.js already made of it.
fn u32_arg(s: &Scope, a: &CallbackArgs, i: usize) -> u32 {
    a.get(i).number(s).unwrap_or(0.0) as u32
}

/// newSerializer() -> handle.
fn new_serializer<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    a.ret(s.new_serializer());
}

/// newDeserializer(view) -> handle, reading a copy of the view's bytes.
fn new_deserializer<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(bytes) = a.get(0).view_bytes() else {
        return s.throw_error(ErrorKind::TypeError, "buffer must be a TypedArray or a DataView");
    };
    a.ret(s.new_deserializer(bytes));
}

/// dispose(handle): frees the engine object now rather than at the next GC.
fn dispose<'s>(_s: &Scope<'s>, a: &CallbackArgs<'s>) {
    a.get(0).dispose_serdes();
}

fn write_header<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(ser) = serializer(s, a) {
        ser.write_header();
    }
}

/// writeValue(handle, owner, value) -> true, or throws what the engine threw.
fn write_value<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(ser) = serializer(s, a) else { return };
    let Some(owner) = a.get(1).to::<Object>(ValueKind::Object) else {
        return s.throw_error(ErrorKind::TypeError, "Illegal invocation");
    };
    if ser.write_value(s, owner, a.get(2)) {
        a.ret(s.boolean(true));
    }
}

/// releaseBuffer(handle) -> ArrayBuffer holding what was written.
fn release_buffer<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(ser) = serializer(s, a) {
        a.ret(ser.release(s).value());
    }
}

fn array_buffer_arg<'s>(a: &CallbackArgs<'s>, i: usize) -> Option<Local<'s, ArrayBuffer>> {
    a.get(i).to::<ArrayBuffer>(ValueKind::ArrayBuffer)
}

/// serializerTransferArrayBuffer(handle, id, arrayBuffer).
fn serializer_transfer_array_buffer<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(ser) = serializer(s, a) else { return };
    match array_buffer_arg(a, 2) {
        Some(ab) => ser.transfer_array_buffer(u32_arg(s, a, 1), ab),
        None => s.throw_error(ErrorKind::TypeError, "arrayBuffer must be an ArrayBuffer"),
    }
}

fn set_treat_views<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(ser) = serializer(s, a) {
        ser.treat_views_as_host_objects(a.get(1).boolean(s));
    }
}

fn write_uint32<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(ser) = serializer(s, a) {
        ser.write_u32(u32_arg(s, a, 1));
    }
}

/// writeUint64(handle, hi, lo).
fn write_uint64<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(ser) = serializer(s, a) {
        let (hi, lo) = (u32_arg(s, a, 1) as u64, u32_arg(s, a, 2) as u64);
        ser.write_u64(hi << 32 | lo);
    }
}

fn write_double<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(ser) = serializer(s, a) {
        ser.write_double(a.get(1).number(s).unwrap_or(f64::NAN));
    }
}

/// writeRawBytes(handle, view).
fn write_raw_bytes<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(ser) = serializer(s, a) else { return };
    match a.get(1).view_bytes() {
        Some(bytes) => ser.write_raw(bytes),
        None => s.throw_error(ErrorKind::TypeError, "source must be a TypedArray or a DataView"),
    }
}

/// readHeader(handle, owner) -> true, or throws the engine's error.
fn read_header<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(des) = deserializer(s, a) else { return };
    let Some(owner) = a.get(1).to::<Object>(ValueKind::Object) else {
        return s.throw_error(ErrorKind::TypeError, "Illegal invocation");
    };
    if des.read_header(s, owner) {
        a.ret(s.boolean(true));
    }
}

/// readValue(handle, owner) -> the next value, or throws.
fn read_value<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(des) = deserializer(s, a) else { return };
    let Some(owner) = a.get(1).to::<Object>(ValueKind::Object) else {
        return s.throw_error(ErrorKind::TypeError, "Illegal invocation");
    };
    if let Some(v) = des.read_value(s, owner) {
        a.ret(v);
    }
}

fn get_wire_format_version<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(des) = deserializer(s, a) {
        a.ret(s.number(des.wire_format_version() as f64));
    }
}

/// deserializerTransferArrayBuffer(handle, id, arrayBuffer or SharedArrayBuffer).
fn deserializer_transfer_array_buffer<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(des) = deserializer(s, a) else { return };
    let id = u32_arg(s, a, 1);
    if let Some(ab) = array_buffer_arg(a, 2) {
        return des.transfer_array_buffer(id, ab);
    }
    let v = a.get(2);
    if v.is(ValueKind::SharedArrayBuffer) {
        return des.transfer_shared_array_buffer(id, v);
    }
    s.throw_error(
        ErrorKind::TypeError,
        "arrayBuffer must be an ArrayBuffer or SharedArrayBuffer",
    );
}

fn read_uint32<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(des) = deserializer(s, a) else { return };
    match des.read_u32() {
        Some(v) => a.ret(s.number(v as f64)),
        None => s.throw_error(ErrorKind::Error, "ReadUint32() failed"),
    }
}

/// readUint64(handle) -> [hi, lo].
fn read_uint64<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(des) = deserializer(s, a) else { return };
    match des.read_u64() {
        Some(v) => {
            let pair = [s.number((v >> 32) as f64), s.number((v & 0xffff_ffff) as f64)];
            a.ret(s.array(&pair).value());
        }
        None => s.throw_error(ErrorKind::Error, "ReadUint64() failed"),
    }
}

fn read_double<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(des) = deserializer(s, a) else { return };
    match des.read_double() {
        Some(v) => a.ret(s.number(v)),
        None => s.throw_error(ErrorKind::Error, "ReadDouble() failed"),
    }
}

/// readRawBytes(handle, length) -> the bytes' offset in the input.
fn read_raw_bytes<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(des) = deserializer(s, a) else { return };
    let len = a.get(1).number(s).unwrap_or(0.0).max(0.0) as usize;
    match des.read_raw(len) {
        Some(at) => a.ret(s.number(at as f64)),
        None => s.throw_error(ErrorKind::Error, "ReadRawBytes() failed"),
    }
}
