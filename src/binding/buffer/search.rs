//! Buffer's search, comparison and fill (indexOf/lastIndexOf/includes, compare,
//! fill): the needle encoded once, then searched in the buffer's own memory.
use super::*;

pub(super) fn compare<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(a) = bytes_arg(s, args, 0) else {
        return;
    };
    let Some(b) = bytes_arg(s, args, 1) else {
        return;
    };
    let r = match a.cmp(b) {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    };
    args.ret(s.number(r));
}

/// A string encoded as `encoding` (a canonical name from encodings.js) into bytes.
fn encode_string(s: &Scope, st: Local<String>, encoding: &str) -> Vec<u8> {
    match encoding {
        "ucs2" | "utf16le" => {
            let mut out = vec![0u8; st.len() * 2];
            let n = write_ucs2_into(s, st, &mut out);
            out.truncate(n);
            out
        }
        "latin1" | "binary" | "ascii" => {
            let mut out = vec![0u8; st.len()];
            let n = st.write_latin1(s, 0, &mut out);
            out.truncate(n);
            out
        }
        "hex" => {
            let mut out = vec![0u8; st.len() / 2];
            let n = hex_decode_string(s, st, &mut out);
            out.truncate(n);
            out
        }
        "base64" | "base64url" => {
            let mut out = vec![0u8; st.len() * 3 / 4 + 3];
            let n = base64_decode_string(s, st, &mut out, encoding == "base64url");
            out.truncate(n);
            out
        }
        _ => {
            let mut out = vec![0u8; st.utf8_len(s)];
            let (n, _) = st.write_utf8(s, &mut out);
            out.truncate(n);
            out
        }
    }
}

/// Argument i, a canonical encoding name from encodings.js, read without allocating;
/// "" for anything else (which encode_string takes as utf8).
fn encoding_arg<'b>(s: &Scope, args: &CallbackArgs, i: usize, buf: &'b mut [u8; 16]) -> &'b str {
    let name = args.get(i).short_latin1(s, buf).unwrap_or_default();
    std::str::from_utf8(name).unwrap_or_default()
}

fn ret_index(s: &Scope, args: &CallbackArgs, r: Option<usize>) {
    match r.map_or(Ok(-1), i32::try_from) {
        Ok(i) => args.ret_i32(i),
        Err(_) => args.ret(s.number(r.unwrap_or(0) as f64)),
    }
}

/// indexOfString(u8, string, byteOffset, encoding, forward)
pub(super) fn index_of_string<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(hay) = bytes_arg(s, args, 0) else {
        return;
    };
    let Some(st) = string_arg(s, args, 1) else {
        return;
    };
    let start = index_arg(s, args, 2, 0, hay.len());
    let mut name = [0u8; 16];
    let encoding = encoding_arg(s, args, 3, &mut name);
    let forward = args.get(4).boolean(s);
    let needle = encode_string(s, st, encoding);
    let step = if encoding == "ucs2" { 2 } else { 1 };
    ret_index(s, args, codec::search(hay, &needle, start, forward, step));
}

/// indexOfBuffer(u8, needle, byteOffset, flags): flags 1 forward | 2 UTF-16 units.
pub(super) fn index_of_buffer<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(hay) = bytes_arg(s, args, 0) else {
        return;
    };
    let Some(needle) = bytes_arg(s, args, 1) else {
        return;
    };
    let start = index_arg(s, args, 2, 0, hay.len());
    let flags = args.get(3).as_smi().unwrap_or(0);
    let forward = flags & 1 != 0;
    let ucs2 = flags & 2 != 0;
    let r = if ucs2 {
        // Searched as UTF-16 units: an odd last byte of the needle is not part of it.
        let n = needle.len() / 2 * 2;
        (n > 0)
            .then(|| codec::search(hay, &needle[..n], start, forward, 2))
            .flatten()
    } else {
        codec::search(hay, needle, start, forward, 1)
    };
    ret_index(s, args, r);
}

/// indexOfNumber(u8, byte, byteOffset, flags): flags 1 forward. The byte and the
/// flags come as small integers, read in place (no conversion calls into V8).
pub(super) fn index_of_number<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(hay) = bytes_arg(s, args, 0) else {
        return;
    };
    let byte = match args.get(1).as_smi() {
        Some(b) => b as u8,
        None => args.get(1).integer(s).unwrap_or(0) as u8,
    };
    let start = index_arg(s, args, 2, 0, hay.len());
    let forward = args.get(3).as_smi().unwrap_or(0) & 1 != 0;
    let r = if start >= hay.len() {
        None
    } else if forward {
        codec::find_byte(&hay[start..], byte).map(|i| i + start)
    } else {
        hay[..=start].iter().rposition(|&b| b == byte)
    };
    ret_index(s, args, r);
}

/// fill(u8, string, start, end, encoding) -> -1 if the string encodes to nothing.
pub(super) fn fill<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    // SAFETY: the only buffer argument (the pattern is a string, encoded to a Vec).
    let Some(buf) = (unsafe { bytes_arg_mut(s, args, 0) }) else {
        return;
    };
    let Some(st) = string_arg(s, args, 1) else {
        return;
    };
    let len = buf.len();
    let end = index_arg(s, args, 3, len, len);
    let start = index_arg(s, args, 2, 0, end);
    let mut name = [0u8; 16];
    let encoding = encoding_arg(s, args, 4, &mut name);
    let pattern = encode_string(s, st, encoding);
    if pattern.is_empty() {
        return args.ret(s.number(-1.0));
    }
    let dst = &mut buf[start..end];
    let first = pattern.len().min(dst.len());
    dst[..first].copy_from_slice(&pattern[..first]);
    // Doubling copies: log2(n) memcpy calls instead of one per repetition.
    let mut filled = first;
    while filled < dst.len() {
        let n = filled.min(dst.len() - filled);
        dst.copy_within(..n, filled);
        filled += n;
    }
    args.ret(s.undefined());
}
