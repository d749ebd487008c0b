//! internalBinding('buffer'): string <-> bytes in every Buffer encoding, search,
//! compare and fill, as documented at the top of lib/internal/buffer/encodings.js,
//! plus the UTF-8 helpers of lib/internal/encoding.js (TextEncoder/TextDecoder).
//! Everything works on the typed array's own memory; strings are read out of V8 in
//! bounded chunks where the encoding lets decoding stop early.
use std::cell::RefCell;
use std::mem::MaybeUninit;

use crate::binding::codec::{self, Base64Decoder};
use crate::binding::set_methods;
use crate::v8::{CallbackArgs, ErrorKind, Local, Object, Scope, String, ValueKind};
use search::{compare, fill, index_of_buffer, index_of_number, index_of_string};

mod search;

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "byteLengthUtf8" => byte_length_utf8,
            "utf8Write" => utf8_write,
            "latin1Write" => latin1_write,
            "asciiWrite" => latin1_write,
            "ucs2Write" => ucs2_write,
            "hexWrite" => hex_write,
            "base64Write" => base64_write,
            "base64urlWrite" => base64url_write,
            "utf8Slice" => utf8_slice,
            "latin1Slice" => latin1_slice,
            "asciiSlice" => ascii_slice,
            "ucs2Slice" => ucs2_slice,
            "hexSlice" => hex_slice,
            "base64Slice" => base64_slice,
            "base64urlSlice" => base64url_slice,
            "compare" => compare,
            "indexOfString" => index_of_string,
            "indexOfBuffer" => index_of_buffer,
            "indexOfNumber" => index_of_number,
            "fill" => fill,
            "encodeUtf8String" => encode_utf8_string,
            "encodeInto" => encode_into,
            "isUtf8" => is_utf8,
            "isAscii" => is_ascii,
            "utf8IncompleteTail" => utf8_incomplete_tail,
            "detachArrayBuffer" => detach_array_buffer,
            "setZeroFillField" => set_zero_fill_field,
        ],
    );
}

/// setZeroFillField(Uint32Array(1)): lib/buffer.js's switch for unsafe allocations.
fn set_zero_fill_field<'s>(_s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some((ab, offset, 4)) = a.get(0).view() {
        crate::v8::set_zero_fill_field(ab.backing_store(), offset);
    }
}

/// Characters read out of a V8 string per step when decoding hex/base64.
const CHUNK: usize = 64 * 1024;

/// Text results up to this size are built in a reused scratch buffer and copied into
/// V8's heap; bigger ones become external strings over their own allocation, so the
/// text is written once and never copied (Node draws the line at about 1 MB too).
const EXTERNAL_MIN: usize = 1 << 20;

thread_local! {
    /// Where a string's characters are read to (CHUNK at a time) for decoding.
    static INPUT: RefCell<Vec<u8>> = RefCell::new(vec![0; CHUNK]);
    /// Where a small text result is built before V8 copies it.
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// Where small non-ASCII UTF-8 is decoded to UTF-16 before V8 copies it.
    static UTF16: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

/// The one-byte text a buffer turns into, for `text_result`.
enum Text<'a> {
    Hex(&'a [u8]),
    Base64(&'a [u8], bool),
    /// Bytes already known to be ASCII (or wanted as Latin-1) as they are.
    Latin1(&'a [u8]),
}

impl Text<'_> {
    fn len(&self) -> usize {
        match *self {
            Text::Hex(b) => b.len() * 2,
            Text::Base64(b, url) => codec::base64_encoded_len(b.len(), url),
            Text::Latin1(b) => b.len(),
        }
    }
    /// Writes the whole text over `out` (exactly `len()` long).
    fn write(&self, out: &mut [MaybeUninit<u8>]) {
        match *self {
            Text::Hex(b) => codec::hex_encode_into(b, out),
            Text::Base64(b, url) => codec::base64_encode_into(b, url, out),
            Text::Latin1(b) => {
                // SAFETY: u8 and MaybeUninit<u8> have one layout; out is b.len() long.
                let b: &[MaybeUninit<u8>] = unsafe { std::mem::transmute(b) };
                out.copy_from_slice(b);
            }
        }
    }
}

/// The string for `text`, or None when it is longer than V8 allows.
fn text_result<'s>(s: &Scope<'s>, text: Text) -> Option<Local<'s, String>> {
    let len = text.len();
    if let Text::Latin1(b) = text {
        if len < EXTERNAL_MIN {
            // Straight from the view's bytes (a backing store, which never moves).
            return s.string_from_latin1(b);
        }
    }
    if len >= EXTERNAL_MIN {
        // SAFETY: Text::write initialises all len bytes.
        return unsafe { s.string_latin1_with(len, |out| text.write(out)) };
    }
    OUTPUT.with_borrow_mut(|buf| {
        buf.clear();
        buf.reserve(len);
        text.write(&mut buf.spare_capacity_mut()[..len]);
        // SAFETY: Text::write initialised the first len bytes.
        unsafe { buf.set_len(len) };
        s.string_from_latin1(buf)
    })
}

fn bytes_arg<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>, i: usize) -> Option<&'s [u8]> {
    let b = args.get(i).view_bytes();
    if b.is_none() {
        throw_arg_type(s, "argument must be a buffer");
    }
    b
}

/// Argument `i`'s bytes, writable.
///
/// # Safety
/// As `view_bytes_mut`: no other view of the same bytes may be live while the
/// slice is used (take it after reading the other arguments, drop it before the next).
unsafe fn bytes_arg_mut<'s>(
    s: &Scope<'s>,
    args: &CallbackArgs<'s>,
    i: usize,
) -> Option<&'s mut [u8]> {
    // SAFETY: forwarded to the caller.
    let b = unsafe { args.get(i).view_bytes_mut() };
    if b.is_none() {
        s.throw_error(ErrorKind::TypeError, "argument must be a buffer");
    }
    b
}

/// Node's native TypeError for a wrong argument: its message, code ERR_INVALID_ARG_TYPE.
fn throw_arg_type(s: &Scope, msg: &str) {
    let e = s.error(ErrorKind::TypeError, msg);
    if let Some(o) = e.to::<Object>(ValueKind::Object) {
        o.set_str(s, "code", s.string("ERR_INVALID_ARG_TYPE").value());
    }
    s.throw(e);
}

fn string_arg<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>, i: usize) -> Option<Local<'s, String>> {
    let v = args.get(i);
    if !v.is(ValueKind::String) {
        throw_arg_type(s, "argument must be a string");
        return None;
    }
    v.to_string(s)
}

/// Integer argument i clamped to [0, max]; undefined or NaN give `default`.
fn index_arg(s: &Scope, args: &CallbackArgs, i: usize, default: usize, max: usize) -> usize {
    let v = args.get(i);
    if let Some(n) = v.as_smi() {
        return (n.max(0) as usize).min(max);
    }
    if v.is_undefined() {
        return default.min(max);
    }
    match v.number(s) {
        Some(n) if n.is_nan() => default.min(max),
        Some(n) if n <= 0.0 => 0,
        Some(n) => (n as usize).min(max),
        None => default.min(max),
    }
}

/// Node's error for a result longer than V8 allows.
fn throw_too_long(s: &Scope) {
    let e = s.error(
        ErrorKind::Error,
        "Cannot create a string longer than 0x1fffffe8 characters",
    );
    if let Some(o) = e.to::<Object>(ValueKind::Object) {
        o.set_str(s, "code", s.string("ERR_STRING_TOO_LONG").value());
    }
    s.throw(e);
}

fn ret_string<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>, v: Option<Local<'s, String>>) {
    match v {
        Some(v) => args.ret(v.value()),
        None => throw_too_long(s),
    }
}

fn byte_length_utf8<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(st) = string_arg(s, args, 0) else {
        return;
    };
    args.ret(s.number(st.utf8_len(s) as f64));
}

/// The (buffer, string, destination slice) of a `*Write(u8, string, offset, max)`.
fn write_target<'s>(
    s: &Scope<'s>,
    args: &CallbackArgs<'s>,
) -> Option<(Local<'s, String>, &'s mut [u8])> {
    // SAFETY: the only buffer argument; the string is a V8 string, not a view.
    let buf = unsafe { bytes_arg_mut(s, args, 0) }?;
    let st = string_arg(s, args, 1)?;
    let len = buf.len();
    let off = index_arg(s, args, 2, 0, len);
    let max = index_arg(s, args, 3, len - off, len - off);
    Some((st, &mut buf[off..off + max]))
}

fn utf8_write<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some((st, dst)) = write_target(s, args) else {
        return;
    };
    let (n, _) = st.write_utf8(s, dst);
    args.ret(s.number(n as f64));
}

/// latin1 and ascii both store the low byte of each UTF-16 unit.
fn latin1_write<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some((st, dst)) = write_target(s, args) else {
        return;
    };
    let n = st.len().min(dst.len());
    let n = st.write_latin1(s, 0, &mut dst[..n]);
    args.ret(s.number(n as f64));
}

/// UTF-16LE units straight into the buffer when it is 2-byte aligned.
fn write_ucs2_into(s: &Scope, st: Local<String>, dst: &mut [u8]) -> usize {
    let units = st.len().min(dst.len() / 2);
    let dst = &mut dst[..units * 2];
    // SAFETY: any bit pattern is a valid u16; align_to_mut only hands out the
    // correctly aligned middle part.
    let (pre, mid, _) = unsafe { dst.align_to_mut::<u16>() };
    if cfg!(target_endian = "little") && pre.is_empty() {
        return st.write_utf16(s, 0, mid) * 2;
    }
    let mut tmp = vec![0u16; units];
    let n = st.write_utf16(s, 0, &mut tmp);
    for (i, u) in tmp[..n].iter().enumerate() {
        dst[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
    }
    n * 2
}

fn ucs2_write<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some((st, dst)) = write_target(s, args) else {
        return;
    };
    args.ret(s.number(write_ucs2_into(s, st, dst) as f64));
}

/// Runs `f` over the string's characters as Latin-1 (low byte of each unit, which is
/// what Node's hex and base64 decoders look at), CHUNK at a time, until it says stop.
/// `f` also learns whether its chunk is the last one.
fn latin1_chunks(
    s: &Scope,
    st: Local<String>,
    limit: usize,
    mut f: impl FnMut(&[u8], bool) -> bool,
) {
    let total = st.len().min(limit);
    if let Some(all) = st.external_latin1() {
        // Read in place: no copy at all (big strings that toString made are external).
        let all = &all[..total.min(all.len())];
        let mut pos = 0;
        while pos < all.len() {
            let n = (all.len() - pos).min(CHUNK);
            if !f(&all[pos..pos + n], pos + n >= all.len()) {
                break;
            }
            pos += n;
        }
        return;
    }
    INPUT.with_borrow_mut(|tmp| {
        let mut pos = 0;
        while pos < total {
            let n = (total - pos).min(CHUNK);
            let n = st.write_latin1(s, pos, &mut tmp[..n]);
            if n == 0 || !f(&tmp[..n], pos + n >= total) {
                break;
            }
            pos += n;
        }
    });
}

fn hex_decode_string(s: &Scope, st: Local<String>, dst: &mut [u8]) -> usize {
    let mut written = 0;
    // CHUNK is even, so hex pairs never straddle two chunks.
    latin1_chunks(s, st, dst.len() * 2, |chunk, _| {
        let (n, stopped) = codec::hex_decode(chunk, &mut dst[written..]);
        written += n;
        !stopped
    });
    written
}

/// `url`: the alphabet the text most likely uses (either is accepted).
fn base64_decode_string(s: &Scope, st: Local<String>, dst: &mut [u8], url: bool) -> usize {
    let mut d = Base64Decoder::default();
    latin1_chunks(s, st, usize::MAX, |chunk, last| {
        d.feed(chunk, dst, last, url);
        !d.done
    });
    d.written
}

fn hex_write<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some((st, dst)) = write_target(s, args) else {
        return;
    };
    args.ret(s.number(hex_decode_string(s, st, dst) as f64));
}

/// base64 and base64url decode alike: both accept either alphabet.
fn base64_write<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some((st, dst)) = write_target(s, args) else {
        return;
    };
    args.ret(s.number(base64_decode_string(s, st, dst, false) as f64));
}

fn base64url_write<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some((st, dst)) = write_target(s, args) else {
        return;
    };
    args.ret(s.number(base64_decode_string(s, st, dst, true) as f64));
}

/// The bytes [start, end) of a `*Slice(u8, start, end)`.
fn slice_arg<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) -> Option<&'s [u8]> {
    let buf = bytes_arg(s, args, 0)?;
    let len = buf.len();
    let end = index_arg(s, args, 2, len, len);
    let start = index_arg(s, args, 1, 0, end);
    Some(&buf[start..end])
}

fn utf8_slice<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(b) = slice_arg(s, args) {
        // ASCII (most text) needs no UTF-8 decoding: a plain one-byte copy, or none.
        let v = if b.is_ascii() {
            text_result(s, Text::Latin1(b))
        } else {
            utf8_to_string(s, b)
        };
        ret_string(s, args, v);
    }
}

/// Non-ASCII UTF-8 as a string, ill-formed sequences as U+FFFD (the Encoding
/// Standard's decoder, as V8's and Node's). Below EXTERNAL_MIN encoding_rs decodes
/// into a reused UTF-16 buffer (SIMD over ASCII runs), several times faster than
/// V8 10.2's String::NewFromUtf8; V8 keeps the result one-byte when it fits.
fn utf8_to_string<'s>(s: &Scope<'s>, b: &[u8]) -> Option<Local<'s, String>> {
    if b.len() >= EXTERNAL_MIN {
        return s.string_from_utf8(b);
    }
    UTF16.with_borrow_mut(|buf| {
        buf.clear();
        buf.resize(b.len() + 1, 0);
        let n = encoding_rs::mem::convert_utf8_to_utf16(b, buf);
        s.string_from_utf16(&buf[..n])
    })
}

fn latin1_slice<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(b) = slice_arg(s, args) {
        ret_string(s, args, text_result(s, Text::Latin1(b)));
    }
}

/// ascii drops the top bit; only a buffer with high bytes needs the masked copy.
fn ascii_slice<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(b) = slice_arg(s, args) else {
        return;
    };
    if b.is_ascii() {
        return ret_string(s, args, text_result(s, Text::Latin1(b)));
    }
    let masked: Vec<u8> = b.iter().map(|&c| c & 0x7f).collect();
    ret_string(s, args, s.string_from_latin1(&masked));
}

fn ucs2_slice<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(b) = slice_arg(s, args) else {
        return;
    };
    let b = &b[..b.len() / 2 * 2];
    // SAFETY: any bit pattern is a valid u16; only the aligned middle is used.
    let (pre, mid, _) = unsafe { b.align_to::<u16>() };
    if cfg!(target_endian = "little") && pre.is_empty() {
        return ret_string(s, args, s.string_from_utf16(mid));
    }
    let units: Vec<u16> = b
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    ret_string(s, args, s.string_from_utf16(&units));
}

fn hex_slice<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(b) = slice_arg(s, args) {
        ret_string(s, args, text_result(s, Text::Hex(b)));
    }
}

fn base64_slice<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(b) = slice_arg(s, args) {
        ret_string(s, args, text_result(s, Text::Base64(b, false)));
    }
}

fn base64url_slice<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(b) = slice_arg(s, args) {
        ret_string(s, args, text_result(s, Text::Base64(b, true)));
    }
}

/// encodeUtf8String(string) -> Uint8Array of its UTF-8 (lone surrogates as U+FFFD).
/// TextEncoder.encode: the string's UTF-16 read out in one copy, encoded by
/// encoding_rs (SIMD over ASCII runs; lone surrogates become U+FFFD as the Encoding
/// Standard says) into a reused buffer, then copied into an exact-size ArrayBuffer.
/// V8 10.2's Utf8Length + WriteUtf8 walk the string twice, character by character.
fn encode_utf8_string<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(st) = string_arg(s, args, 0) else {
        return;
    };
    let len = st.len();
    if len >= EXTERNAL_MIN {
        let mut out = vec![0u8; st.utf8_len(s)];
        let (n, _) = st.write_utf8(s, &mut out);
        out.truncate(n);
        let ab = s.array_buffer_from_vec(out);
        return args.ret(s.uint8_array(ab, 0, n).value());
    }
    let n = UTF16.with_borrow_mut(|units| {
        units.clear();
        units.resize(len, 0);
        let read = st.write_utf16(s, 0, units);
        OUTPUT.with_borrow_mut(|out| {
            out.clear();
            out.resize(read * 3, 0);
            let n = encoding_rs::mem::convert_utf16_to_utf8(&units[..read], out);
            out.truncate(n);
            n
        })
    });
    let ab = s.array_buffer_uninit(n);
    // SAFETY: ab was just made with n bytes, all written here, and nothing else refers to it yet.
    unsafe {
        OUTPUT.with_borrow(|out| std::ptr::copy_nonoverlapping(out.as_ptr(), ab.data(), n));
    }
    args.ret(s.uint8_array(ab, 0, n).value());
}

/// encodeInto(string, u8, results: Uint32Array(2)) -> results = [read, written]:
/// UTF-16 units consumed and bytes stored, whole characters only.
fn encode_into<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(st) = string_arg(s, args, 0) else {
        return;
    };
    // SAFETY: `dst` is the only view taken, and is dead before `results` is taken.
    let Some(dst) = (unsafe { bytes_arg_mut(s, args, 1) }) else {
        return;
    };
    let (written, read) = st.write_utf8(s, dst);
    // SAFETY: as above: `dst` is no longer used.
    let Some(results) = (unsafe { bytes_arg_mut(s, args, 2) }) else {
        return;
    };
    if results.len() >= 8 {
        results[..4].copy_from_slice(&(read as u32).to_ne_bytes());
        results[4..8].copy_from_slice(&(written as u32).to_ne_bytes());
    }
}

fn is_utf8<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(b) = slice_arg(s, args) {
        args.ret(s.boolean(simdutf8::basic::from_utf8(b).is_ok()));
    }
}

fn is_ascii<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(b) = slice_arg(s, args) {
        args.ret(s.boolean(b.is_ascii()));
    }
}

/// utf8IncompleteTail(u8) -> how many final bytes begin an unfinished character
/// (a streaming TextDecoder keeps them for the next chunk).
fn utf8_incomplete_tail<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(b) = bytes_arg(s, args, 0) {
        args.ret(s.number(codec::utf8_incomplete_tail(b) as f64));
    }
}

/// detachArrayBuffer(ab) -> whether it was detached: structuredClone's transfer
/// leaves the original ArrayBuffer detached, as Node's does.
fn detach_array_buffer<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let done = args
        .get(0)
        .to::<crate::v8::ArrayBuffer>(ValueKind::ArrayBuffer)
        .is_some_and(|ab| ab.detach());
    args.ret(s.boolean(done));
}
