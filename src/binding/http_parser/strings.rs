//! The JS strings a parsed head hands to onHead (the target, each field's name
//! and value), kept in a small per-thread table keyed by their bytes, so a
//! client repeating `Host: localhost:8080` or `/` gets the string made for the
//! last request instead of a new one decoded and allocated per request (and
//! collected per scavenge). A JS string is immutable, so sharing one between
//! requests is invisible to JS. The table is direct-mapped and fixed: 256 slots
//! of at most 128 bytes each, a new string replacing whatever its slot held,
//! so what a client sends can neither grow it nor make a lookup cost more than
//! one hash and one compare. Names (tokens, ASCII) are made internalized:
//! lib/ uses them as property keys (`req.headers`).
use std::cell::RefCell;

use crate::v8::{Global, Local, Scope, Value};

const SLOTS: usize = 256;
/// Longer strings are made each time: a long value is rarely repeated byte for
/// byte (cookies, tokens) and a typical User-Agent fits.
pub(super) const MAX_CACHED: usize = 128;

struct Slot {
    bytes: Vec<u8>,
    string: Option<Global>,
}

/// The slots and the isolate their strings belong to.
struct Table {
    isolate: usize,
    slots: Vec<Slot>,
}

thread_local! {
    // A thread runs one isolate at a time (a worker has its own thread); the
    // isolate is checked anyway, so strings never outlive theirs into another.
    static TABLE: RefCell<Table> = const {
        RefCell::new(Table { isolate: 0, slots: Vec::new() })
    };
}

/// FxHash-style mixing over 8-byte words: the strings are short, and a client
/// choosing colliding strings only makes them miss (a slot holds one string).
fn hash(bytes: &[u8]) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        // Byte by byte: a copy of a variable length (up to 7) is a memcpy call.
        let word = rest
            .iter()
            .rev()
            .fold(0u64, |w, &b| (w << 8) | u64::from(b));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    (h >> 32) as usize % SLOTS
}

fn make<'s>(s: &Scope<'s>, bytes: &[u8], name: bool) -> Local<'s, Value> {
    if name && bytes.is_ascii() {
        // ASCII read as UTF-8 is the same text as read as Latin-1.
        if let Ok(text) = std::str::from_utf8(bytes) {
            return s.name(text).value();
        }
    }
    s.string_from_latin1(bytes)
        .map_or_else(|| s.string("").value(), |v| v.value())
}

/// Makes the strings of a head (bytes read as Latin-1, as llhttp's binding
/// does), through the table.
pub(super) struct HeadStrings {
    table: Vec<Slot>,
    isolate: usize,
}

impl HeadStrings {
    /// Takes the thread's table for the head being delivered (no JS runs
    /// while strings are made); `done` gives it back.
    pub(super) fn take(s: &Scope) -> HeadStrings {
        let isolate = s.isolate() as usize;
        let (owner, mut table) = TABLE.with(|t| {
            let mut t = t.borrow_mut();
            (t.isolate, std::mem::take(&mut t.slots))
        });
        if owner != isolate && !table.is_empty() {
            // Another isolate's handles: not ours to touch or free.
            for slot in table.drain(..) {
                std::mem::forget(slot.string);
            }
        }
        if table.is_empty() {
            table.reserve_exact(SLOTS);
            table.resize_with(SLOTS, || Slot {
                bytes: Vec::new(),
                string: None,
            });
        }
        HeadStrings { table, isolate }
    }

    pub(super) fn done(self) {
        TABLE.with(|t| {
            let mut t = t.borrow_mut();
            t.isolate = self.isolate;
            t.slots = self.table;
        });
    }

    /// The string of `bytes`; `name`: a field name (made internalized).
    pub(super) fn get<'s>(&mut self, s: &Scope<'s>, bytes: &[u8], name: bool) -> Local<'s, Value> {
        if bytes.len() > MAX_CACHED {
            return make(s, bytes, name);
        }
        let slot = &mut self.table[hash(bytes)];
        if let Some(string) = &slot.string {
            if slot.bytes == bytes {
                return string.get(s);
            }
        }
        let v = make(s, bytes, name);
        slot.bytes.clear();
        slot.bytes.extend_from_slice(bytes);
        slot.string = Some(Global::new(s, v));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_stays_in_the_table_and_separates_neighbours() {
        let samples: [&[u8]; 6] = [b"", b"/", b"host", b"Host", b"localhost:8080", &[0xff; 128]];
        for b in samples {
            assert!(hash(b) < SLOTS);
        }
        assert_ne!(hash(b"host"), hash(b"Host"));
        assert_ne!(hash(b"a"), hash(b"a\0"));
    }
}
