//! How writeString's pieces become bytes at the tail of a write queue: UTF-8 or
//! Latin-1, a chunk of chunked coding behind its size line, and the bytes of the
//! last pieces remembered by string identity.
use std::cell::RefCell;

use crate::v8::{Global, Local, Scope, String};

/// Pieces up to this many characters are remembered (an HTTP head is a few
/// hundred); a longer one costs its copy either way.
const REMEMBER_MAX: usize = 1024;

/// A piece encoded before: the string itself (held, so its identity stays
/// meaningful), the encoding asked for, and the bytes it gave.
struct Encoded {
    text: Global,
    latin1: bool,
    bytes: Vec<u8>,
}

thread_local! {
    /// By piece position: the first piece (an HTTP response's head), and the third
    /// or fourth (its chunked ending). An HTTP server writes the same head string —
    /// outgoing_head.js's joinHead gives back the one it made while the parts
    /// stay the same — and the same ending string response after response, and
    /// a V8 string never changes, so the same string in the same encoding is the
    /// same bytes: copied from here, without String::WriteOneByte and an ASCII
    /// check (about 450 instructions for a head).
    static REMEMBERED: RefCell<Remembered> = const {
        RefCell::new(Remembered { isolate: 0, slots: [None, None] })
    };
}

/// The remembered pieces and the isolate their strings belong to: a thread runs
/// one isolate, but the check keeps a handle of another (gone) isolate's from
/// ever being read.
struct Remembered {
    isolate: usize,
    slots: [Option<Encoded>; 2],
}

/// Appends piece number `at` of a write (Latin-1 when `latin1`, else UTF-8) to
/// `out`: how many bytes.
pub(super) fn piece<'s>(
    s: &Scope<'s>,
    out: &mut Vec<u8>,
    text: Local<'s, String>,
    latin1: bool,
    at: usize,
) -> usize {
    // The second piece is a body, seldom the same string twice: not kept.
    let slot = match at {
        0 => 0,
        1 => return encode(s, out, text, latin1),
        _ => 1,
    };
    let isolate = s.isolate() as usize;
    REMEMBERED.with_borrow_mut(|r| {
        if r.isolate != isolate {
            // Another isolate's handles: not ours to read or reset.
            for e in r.slots.iter_mut().filter_map(Option::take) {
                std::mem::forget(e.text);
            }
            r.isolate = isolate;
        }
        let kept = &mut r.slots[slot];
        if let Some(e) = kept
            .as_ref()
            .filter(|e| e.latin1 == latin1 && e.text.holds(text))
        {
            out.extend_from_slice(&e.bytes);
            return e.bytes.len();
        }
        // No JS runs while a string is encoded: the borrow may stay.
        let start = out.len();
        let n = encode(s, out, text, latin1);
        if text.len() <= REMEMBER_MAX {
            let mut bytes = kept.take().map(|e| e.bytes).unwrap_or_default();
            bytes.clear();
            bytes.extend_from_slice(&out[start..]);
            *kept = Some(Encoded {
                text: Global::new(s, text.value()),
                latin1,
                bytes,
            });
        }
        n
    })
}

/// Appends `text`'s bytes (Latin-1 when `latin1`, else UTF-8) to `out`: how many.
/// One-byte text is copied as stored, and kept when it is all ASCII (then the copy
/// is its UTF-8): a head of an HTTP response is.
fn encode<'s>(s: &Scope<'s>, out: &mut Vec<u8>, text: Local<'s, String>, latin1: bool) -> usize {
    let start = out.len();
    let one_byte = latin1 || text.is_one_byte();
    if one_byte {
        let n = text.append_latin1(s, out);
        if latin1 || out[start..].is_ascii() {
            return n;
        }
        out.truncate(start);
    }
    let most = if one_byte { 2 } else { 3 } * text.len();
    out.resize(start + most, 0);
    let n = text.write_utf8(s, &mut out[start..]).0;
    out.truncate(start + n);
    n
}

/// Appends `text` as one chunk of chunked coding: its size in hex and CRLF, then
/// its bytes (encoded first, after room for the longest size line, so their
/// count is known; then moved down behind the line). How many bytes in all.
pub(super) fn chunk<'s>(
    s: &Scope<'s>,
    out: &mut Vec<u8>,
    text: Local<'s, String>,
    latin1: bool,
) -> usize {
    const LINE_MAX: usize = 16 + 2;
    let start = out.len();
    out.resize(start + LINE_MAX, 0);
    let n = encode(s, out, text, latin1);
    // The line is built backwards from its end: CRLF, then the digits.
    let mut line = [b'\r'; LINE_MAX];
    line[LINE_MAX - 1] = b'\n';
    let mut at = LINE_MAX - 2;
    let mut left = n;
    loop {
        at -= 1;
        line[at] = b"0123456789abcdef"[left & 15];
        left >>= 4;
        if left == 0 {
            break;
        }
    }
    let k = LINE_MAX - at;
    out.copy_within(start + LINE_MAX.., start + k);
    out[start..start + k].copy_from_slice(&line[at..]);
    out.truncate(start + k + n);
    k + n
}
