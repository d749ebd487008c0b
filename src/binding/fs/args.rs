//! Reading the binding's arguments. lib/fs.js validates types and ranges first
//! (with Node's error codes); these only convert, and fail soft on what JS let by.
use std::ffi::CString;

use crate::backend::op::IoBuf;
use crate::backend::SharedFd;
use crate::v8::{Array, CallbackArgs, ErrorKind, Local, Scope, Value, ValueKind};

/// A path argument (string or Buffer) as the kernel's C string and as text for
/// error messages. Throws and returns None on an embedded NUL.
pub fn path(s: &Scope, args: &CallbackArgs, i: usize) -> Option<(CString, String)> {
    let v = args.get(i);
    let bytes = match v.view_bytes() {
        Some(b) => b.to_vec(),
        None => v.to_rust_string(s).into_bytes(),
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    match CString::new(bytes) {
        Ok(c) => Some((c, text)),
        Err(_) => {
            s.throw_error(
                ErrorKind::TypeError,
                "The argument 'path' must be a string, Uint8Array, or URL without null bytes.",
            );
            None
        }
    }
}

/// A path argument as the kernel's C string only, in one allocation: for the hot
/// calls (stat, lstat, readFile), whose error text is made from the op's own copy
/// of the path (`ErrorContext::op_path`) only when there is an error.
pub fn c_path(s: &Scope, args: &CallbackArgs, i: usize) -> Option<CString> {
    let v = args.get(i);
    let bytes = match ascii_path(s, v) {
        Some(b) => b,
        None => other_path(s, v),
    };
    match CString::new(bytes) {
        Ok(c) => Some(c),
        Err(_) => {
            s.throw_error(
                ErrorKind::TypeError,
                "The argument 'path' must be a string, Uint8Array, or URL without null bytes.",
            );
            None
        }
    }
}

/// A path that is a string of ASCII characters with no NUL, as the kernel's C
/// string; None (and nothing thrown) for any other value, which lib/ then
/// validates itself.
pub fn plain_c_path(s: &Scope, args: &CallbackArgs, i: usize) -> Option<CString> {
    CString::new(ascii_path(s, args.get(i))?).ok()
}

/// The common path, a string of ASCII characters stored one byte each, is its own
/// UTF-8: one copy out of V8 into a reused buffer, where `Utf8Length` and
/// `WriteUtf8` walk the string twice, character by character (both showed in
/// stat's profile). The result has room for the NUL `CString::new` adds.
fn ascii_path(s: &Scope, v: Local<Value>) -> Option<Vec<u8>> {
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(Vec::with_capacity(256));
    }
    SCRATCH.with(|b| {
        let mut b = b.borrow_mut();
        if v.read_one_byte(s, &mut b) != Some(true) || !b.is_ascii() {
            return None;
        }
        let mut out = Vec::with_capacity(b.len() + 1);
        out.extend_from_slice(&b);
        if b.capacity() > 64 * 1024 {
            // One huge path should not keep its buffer for the thread's life.
            *b = Vec::with_capacity(256);
        }
        Some(out)
    })
}

/// A Buffer's bytes, or any other string as UTF-8.
fn other_path(s: &Scope, v: Local<Value>) -> Vec<u8> {
    match v.view_bytes() {
        Some(b) => {
            let mut v = Vec::with_capacity(b.len() + 1);
            v.extend_from_slice(b);
            v
        }
        None => match v.to_string(s) {
            Some(text) => {
                let len = text.utf8_len(s);
                // One byte more, so the NUL CString::new adds needs no new block.
                let mut v = vec![0u8; len + 1];
                let (n, _) = text.write_utf8(s, &mut v[..len]);
                v.truncate(n);
                v
            }
            None => Vec::new(),
        },
    }
}

pub fn int(s: &Scope, args: &CallbackArgs, i: usize) -> i64 {
    args.get(i).integer(s).unwrap_or(0)
}

pub fn fd(s: &Scope, args: &CallbackArgs, i: usize) -> i32 {
    int(s, args, i) as i32
}

/// An fd JS owns (fs.open's): ops hold it, fs.close releases it.
pub fn user_fd(s: &Scope, args: &CallbackArgs, i: usize) -> SharedFd {
    SharedFd::borrowed(fd(s, args, i))
}

/// A file position: a number or BigInt; negative (or null) means "current position".
pub fn position(s: &Scope, args: &CallbackArgs, i: usize) -> Option<u64> {
    let v = args.get(i);
    let p = match v.bigint_i64() {
        Some((p, _)) => p,
        None if v.is(ValueKind::Number) => v.integer(s).unwrap_or(-1),
        None => -1,
    };
    (p >= 0).then_some(p as u64)
}

/// `length` bytes at `offset` of a typed array, kept alive (and in place) by a
/// reference to its backing store until the op that holds the IoBuf is dropped.
pub fn buffer(s: &Scope, v: Local<Value>, offset: usize, length: usize) -> Option<IoBuf> {
    let Some((ab, view_off, view_len)) = v.view() else {
        s.throw_error(
            ErrorKind::TypeError,
            "The \"buffer\" argument must be an ArrayBufferView",
        );
        return None;
    };
    if offset.checked_add(length).is_none_or(|end| end > view_len) {
        s.throw_error(
            ErrorKind::RangeError,
            "offset and length are out of the buffer's bounds",
        );
        return None;
    }
    let store = ab.backing_store();
    let base = store.data();
    let ptr = if base.is_null() {
        base
    } else {
        // SAFETY: view_off + offset + length <= the store's length (checked above,
        // and V8 keeps views inside their buffer).
        unsafe { base.add(view_off + offset) }
    };
    // SAFETY: the backing store is moved into the IoBuf; V8 never moves or frees a
    // store's memory while a reference to it exists.
    Some(unsafe { IoBuf::from_raw(ptr, length, Box::new(store)) })
}

/// Every whole typed array in a JS array (readv/writev), each kept alive as above.
pub fn buffers(s: &Scope, v: Local<Value>) -> Option<Vec<IoBuf>> {
    let Some(list) = v.to::<Array>(ValueKind::Array) else {
        s.throw_error(
            ErrorKind::TypeError,
            "The \"buffers\" argument must be an Array",
        );
        return None;
    };
    (0..list.length())
        .map(|i| {
            let item = list.object().get_index(s, i)?;
            let len = item.view().map_or(0, |(_, _, len)| len);
            buffer(s, item, 0, len)
        })
        .collect()
}
