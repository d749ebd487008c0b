//! internalBinding('url'): WHATWG URL parsing through ada, Node's own parser (built
//! from third_party/ada with src/binding/url_ada.cc). One call per parse or setter: it
//! returns the serialized href and writes the component offsets into a shared
//! Int32Array (`componentsBuffer`), from which lib/internal/url.js slices every
//! getter without coming back here. `parse` tries url/fast.rs first (plain ASCII
//! special URLs, ada's results without ada) and gives ada the rest.
use std::cell::{Cell, RefCell};
use std::ffi::c_char;

use super::set_methods;
use crate::v8::{BackingStore, CallbackArgs, Local, Object, Scope};

mod fast;

/// Slots of the shared components array, ada's url_components: protocol_end,
/// username_end, host_start, host_end, port, pathname_start, search_start,
/// hash_start (an absent one is u32::MAX).
const SLOTS: usize = 8;

// src/binding/url_ada.cc. On success each writes the offsets into `out` and points
// href/len at the serialized URL, valid until the next call.
extern "C" {
    fn coil_url_parse(
        input: *const c_char,
        input_len: usize,
        base: *const c_char,
        base_len: usize,
        has_base: bool,
        out: *mut u32,
        href: *mut *const u8,
        len: *mut usize,
    ) -> bool;
    fn coil_url_can_parse(
        input: *const c_char,
        input_len: usize,
        base: *const c_char,
        base_len: usize,
        has_base: bool,
    ) -> bool;
    fn coil_url_update(
        href_in: *const c_char,
        href_len: usize,
        part: i32,
        value: *const c_char,
        value_len: usize,
        out: *mut u32,
        href: *mut *const u8,
        len: *mut usize,
    ) -> bool;
}

thread_local! {
    /// Keeps the shared array's memory alive and in place for the isolate's life.
    static STORE: RefCell<Option<BackingStore>> = const { RefCell::new(None) };
    static COMPONENTS: Cell<*mut u32> = const { Cell::new(std::ptr::null_mut()) };
    /// UTF-8 of the call's string arguments, reused across calls.
    static ARGS: RefCell<[Vec<u8>; 2]> = const { RefCell::new([Vec::new(), Vec::new()]) };
    static FAST: RefCell<FastState> = RefCell::new(FastState::default());
}

/// The fast path's result buffer and the last few bases it was given (as ada keeps
/// the last four: `new URL(path, base)` mostly repeats a few), each with its parse
/// when the fast path could parse it.
#[derive(Default)]
struct FastState {
    out: fast::Url,
    bases: [(Vec<u8>, Option<fast::Url>); 4],
    next_base: usize,
}

/// fast.rs's parse of input (against base) into `state.out`: false when the URL is
/// ada's to parse.
fn run_fast(state: &mut FastState, input: &[u8], base: Option<&[u8]>) -> bool {
    let Some(b) = base else {
        return fast::parse_absolute(input, &mut state.out);
    };
    let i = match state.bases.iter().position(|(text, _)| text == b) {
        Some(i) => i,
        None => {
            let i = state.next_base;
            state.next_base = (i + 1) % state.bases.len();
            let (text, parsed) = &mut state.bases[i];
            text.clear();
            text.extend_from_slice(b);
            let mut url = parsed.take().unwrap_or_default();
            *parsed = fast::parse_absolute(b, &mut url).then_some(url);
            i
        }
    };
    match &state.bases[i].1 {
        Some(base) => fast::parse_relative(input, base, &mut state.out),
        None => false,
    }
}

/// run_fast, its result written as coil_url_parse writes ada's.
fn parse_fast(s: &Scope, args: &CallbackArgs, input: &str, base: Option<&str>) -> bool {
    FAST.with(|state| {
        let state = &mut *state.borrow_mut();
        let done = run_fast(state, input.as_bytes(), base.map(str::as_bytes));
        if done {
            // SAFETY: `components()` is the shared array's 8 u32s, alive as long as STORE.
            unsafe { components().copy_from_nonoverlapping(state.out.parts.as_ptr(), SLOTS) };
            publish(
                s,
                args,
                input,
                state.out.href.as_ptr(),
                state.out.href.len(),
            );
        }
        done
    })
}

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    let ab = s.array_buffer(SLOTS * 4);
    let store = ab.backing_store();
    COMPONENTS.with(|c| c.set(store.data() as *mut u32));
    STORE.with(|st| *st.borrow_mut() = Some(store));
    target.set_str(s, "componentsBuffer", ab.value());
    set_methods(
        s,
        target,
        crate::methods![
            "parse" => parse,
            "canParse" => can_parse,
            "update" => update,
        ],
    );
}

/// Writes argument i (a string: JS has made it one) as UTF-8 into `buf`; false if it
/// is not a string. Lone surrogates become U+FFFD, as the URL standard's USVString.
fn utf8_arg<'b>(s: &Scope, args: &CallbackArgs, i: usize, buf: &'b mut Vec<u8>) -> Option<&'b str> {
    let v = args.get(i);
    // URLs are mostly ASCII in one-byte strings: a Latin-1 copy (a memcpy, in one
    // call into V8) is their UTF-8 once checked, and much cheaper than V8's UTF-8
    // writer.
    if v.read_one_byte(s, buf)? && buf.is_ascii() {
        // SAFETY: ASCII is UTF-8.
        return Some(unsafe { std::str::from_utf8_unchecked(buf) });
    }
    let text = v.to_string(s)?;
    buf.clear();
    // At most 3 bytes per UTF-16 unit: one pass, no length scan first.
    buf.reserve(text.len() * 3);
    // SAFETY: spare capacity is only written by V8 and then exposed up to n.
    unsafe {
        let spare = std::slice::from_raw_parts_mut(buf.as_mut_ptr(), buf.capacity());
        let (n, _) = text.write_utf8(s, spare);
        buf.set_len(n);
    }
    // SAFETY: V8 writes well-formed UTF-8 (unpaired surrogates replaced).
    Some(unsafe { std::str::from_utf8_unchecked(buf) })
}

/// After a successful coil_url_* call: its href (ASCII: ada serializes hosts in
/// punycode and percent-encodes the rest) as the call's result. An href the same as
/// argument 0 (`input`, its UTF-8), as most absolute URLs are, is that string
/// itself: no new string.
fn publish(s: &Scope, args: &CallbackArgs, input: &str, href: *const u8, len: usize) {
    // SAFETY: href/len point at the url_ada.cc's current URL, unchanged until the next
    // call into it.
    let bytes = unsafe { std::slice::from_raw_parts(href, len) };
    if bytes == input.as_bytes() {
        args.ret(args.get(0));
    } else if let Some(href) = s.string_from_latin1(bytes) {
        args.ret(href.value());
    }
}

fn components() -> *mut u32 {
    COMPONENTS.with(|c| c.get())
}

/// parse(input, base?) -> href, or undefined when input (or base) is not a URL.
fn parse<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    ARGS.with(|bufs| {
        let [input, base] = &mut *bufs.borrow_mut();
        let Some(input) = utf8_arg(s, args, 0, input) else {
            return;
        };
        let base = utf8_arg(s, args, 1, base);
        if parse_fast(s, args, input, base) {
            return;
        }
        let (b, blen) = base.map_or((std::ptr::null(), 0), |b| (b.as_ptr(), b.len()));
        let (mut href, mut len) = (std::ptr::null(), 0);
        // SAFETY: byte slices live across the call; `components()` is the shared
        // array's 8 u32s, alive as long as STORE; no JS runs meanwhile.
        let ok = unsafe {
            coil_url_parse(
                input.as_ptr().cast(),
                input.len(),
                b.cast(),
                blen,
                base.is_some(),
                components(),
                &mut href,
                &mut len,
            )
        };
        if ok {
            publish(s, args, input, href, len);
        }
    })
}

/// canParse(input, base?) -> boolean.
fn can_parse<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let ok = ARGS.with(|bufs| {
        let [input, base] = &mut *bufs.borrow_mut();
        let Some(input) = utf8_arg(s, args, 0, input) else {
            return false;
        };
        let base = utf8_arg(s, args, 1, base);
        // What the fast path parses, ada would.
        if FAST.with(|state| {
            run_fast(
                &mut state.borrow_mut(),
                input.as_bytes(),
                base.map(str::as_bytes),
            )
        }) {
            return true;
        }
        let (b, blen) = base.map_or((std::ptr::null(), 0), |b| (b.as_ptr(), b.len()));
        // SAFETY: byte slices live across the call.
        unsafe {
            coil_url_can_parse(
                input.as_ptr().cast(),
                input.len(),
                b.cast(),
                blen,
                base.is_some(),
            )
        }
    });
    args.ret(s.boolean(ok));
}

/// update(href, part, value) -> the new href, or false when the setter refused the
/// value (the URL is then unchanged). `part` numbers follow lib/internal/url.js.
fn update<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let part = args.get(1).integer(s).unwrap_or(-1) as i32;
    let done = ARGS.with(|bufs| {
        let [href_in, value] = &mut *bufs.borrow_mut();
        let (Some(href_in), Some(value)) =
            (utf8_arg(s, args, 0, href_in), utf8_arg(s, args, 2, value))
        else {
            return false;
        };
        let (mut href, mut len) = (std::ptr::null(), 0);
        // SAFETY: as in parse.
        let ok = unsafe {
            coil_url_update(
                href_in.as_ptr().cast(),
                href_in.len(),
                part,
                value.as_ptr().cast(),
                value.len(),
                components(),
                &mut href,
                &mut len,
            )
        };
        if ok {
            publish(s, args, href_in, href, len);
        }
        ok
    });
    if !done {
        args.ret(s.boolean(false));
    }
}
