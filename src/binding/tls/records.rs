//! Records: the plaintext and ciphertext a connection exchanges with JS, one
//! crossing each way. connRead feeds the ciphertext a socket read and hands back
//! all the plaintext it holds; connWrite encrypts a whole write (a string, bytes,
//! or a _writev's list, as one SSL_write: head and body of a response in one
//! record) and hands back the ciphertext to send. What they hand back is copied
//! into the socket read slab (tcp_wrap's `copy_to_js`), so no ArrayBuffer is made
//! per record, and `info` (a Float64Array lib/_tls_wrap.js gives once) says where
//! it lies and what else the connection has waiting, so lib/ makes no call to ask.
use std::cell::RefCell;

use openssl::ssl::ErrorCode;

use super::conn::{failure, pending_sessions, with_conn};
use super::{arg_id, arg_view};
use crate::binding::tcp_wrap::copy_to_js;
use crate::v8::{Array, BackingStore, CallbackArgs, Local, Scope, String, ValueKind};

/// info slots: where the bytes returned lie, and what the connection has waiting.
const OFFSET: usize = 0;
const LENGTH: usize = 1;
/// Ciphertext waiting to be sent (a read can make some: alerts, key updates).
const OUT_WAITING: usize = 2;
/// 1 when connRead stopped with plaintext still to come (call again).
const AGAIN: usize = 3;
/// Sessions (tickets) received and not yet taken (a client's).
const SESSIONS: usize = 4;
const INFO_SLOTS: usize = 5;

/// The most plaintext one connRead hands back.
const READ_MAX: usize = 1 << 20;
const READ_STEP: usize = 16 * 1024;

thread_local! {
    static INFO: RefCell<Option<(BackingStore, usize)>> = const { RefCell::new(None) };
    /// Plaintext on its way out of (or into) OpenSSL, reused by every connection.
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// setInfo(Float64Array(5)).
pub(super) fn set_info<'s>(_s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some((ab, offset, len)) = args.get(0).view() {
        if len == INFO_SLOTS * 8 {
            INFO.with(|i| *i.borrow_mut() = Some((ab.backing_store(), offset)));
        }
    }
}

fn set(values: &[(usize, f64)]) {
    INFO.with(|i| {
        if let Some((store, at)) = &*i.borrow() {
            for &(slot, v) in values {
                // SAFETY: setInfo checked INFO_SLOTS f64s at `at` of this store, which
                // the thread keeps alive.
                unsafe {
                    store
                        .data()
                        .add(at + slot * 8)
                        .cast::<f64>()
                        .write_unaligned(v)
                };
            }
        }
    });
}

/// The connection's waiting output and sessions into info.
fn set_waiting(id: usize, again: bool) {
    let (out, sessions) = with_conn(id, |c| {
        (c.stream.get_ref().output.len(), pending_sessions(c))
    })
    .unwrap_or((0, 0));
    set(&[
        (OUT_WAITING, out as f64),
        (SESSIONS, sessions as f64),
        (AGAIN, f64::from(u8::from(again))),
    ]);
}

/// Hands `bytes` to JS: an ArrayBuffer, with info = [offset, length].
fn hand_over<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>, bytes: &[u8]) {
    let (ab, offset) = copy_to_js(s, bytes);
    set_pair(offset, bytes.len());
    args.ret(ab);
}

/// Returns the Error of a failed read or write, with info's length -1 (lib/ tells
/// it from an ArrayBuffer by that, with no call to ask).
fn fail<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>, e: &openssl::ssl::Error) {
    set(&[(LENGTH, -1.0)]);
    args.ret(failure(s, e));
}

fn set_pair(offset: usize, len: usize) {
    INFO.with(|i| {
        if let Some((store, at)) = &*i.borrow() {
            // SAFETY: as in `set`.
            unsafe {
                let p = store.data().add(at + OFFSET * 8).cast::<f64>();
                p.write_unaligned(offset as f64);
                p.add(LENGTH).write_unaligned(len as f64);
            }
        }
    });
}

/// connRead(id, ciphertext?) -> the plaintext the connection holds now (an
/// ArrayBuffer; info says where), undefined when none yet, null at the peer's
/// close_notify, or an Error. info[AGAIN] is 1 when it stopped early (more
/// plaintext, or the stop, is still to be seen); info also says what is waiting.
pub(super) fn conn_read<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let id = arg_id(s, args, 0);
    let input = arg_view(args, 1);
    SCRATCH.with(|scratch| {
        let mut out = scratch.borrow_mut();
        let r = with_conn(id, |c| {
            if let Some(bytes) = input {
                c.stream.get_mut().feed(bytes);
            }
            let mut at = 0;
            loop {
                if out.len() < at + READ_STEP {
                    out.resize(at + READ_STEP, 0);
                }
                match c.stream.ssl_read(&mut out[at..]) {
                    Ok(n) => at += n,
                    Err(e) => return (at, Some(e)),
                }
                if at >= READ_MAX {
                    return (at, None);
                }
            }
        });
        let Some((n, stop)) = r else {
            set_waiting(id, false);
            return;
        };
        if n > 0 {
            // What came before a stop is handed over; the stop is seen again.
            let again = match &stop {
                None => true,
                Some(e) => !matches!(e.code(), ErrorCode::WANT_READ | ErrorCode::WANT_WRITE),
            };
            set_waiting(id, again);
            return hand_over(s, args, &out[..n]);
        }
        set_waiting(id, false);
        let Some(e) = stop else { return };
        match e.code() {
            ErrorCode::WANT_READ | ErrorCode::WANT_WRITE => {}
            ErrorCode::ZERO_RETURN => args.ret(s.null()),
            ErrorCode::SYSCALL if e.ssl_error().is_none() => args.ret(s.null()),
            _ => fail(s, args, &e),
        }
    });
}

/// Appends a chunk of a write (a string, latin1 or UTF-8, or bytes) to `out`.
fn gather(s: &Scope, out: &mut Vec<u8>, chunk: Local<crate::v8::Value>, latin1: bool) -> bool {
    if let Some(text) = chunk.to::<String>(ValueKind::String) {
        let start = out.len();
        // UTF-8 takes up to 2 bytes for a Latin-1 character, 3 for any other unit.
        let per_unit = if latin1 {
            1
        } else if text.is_one_byte() {
            2
        } else {
            3
        };
        let most = per_unit * text.len();
        out.resize(start + most, 0);
        let n = if latin1 {
            text.write_latin1(s, 0, &mut out[start..])
        } else {
            text.write_utf8(s, &mut out[start..]).0
        };
        out.truncate(start + n);
        return true;
    }
    match chunk.view_bytes() {
        Some(bytes) => {
            out.extend_from_slice(bytes);
            true
        }
        None => false,
    }
}

/// connWrite(id, data, latin1) -> the ciphertext to send (an ArrayBuffer; info
/// says where), undefined when there is none, or an Error. `data` is bytes, a
/// string (Latin-1 when `latin1`, else UTF-8) or an array of bytes and UTF-8
/// strings, all encrypted by one SSL_write.
pub(super) fn conn_write<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let id = arg_id(s, args, 0);
    let data = args.get(1);
    let latin1 = args.get(2).boolean(s);
    SCRATCH.with(|scratch| {
        let mut gathered = scratch.borrow_mut();
        gathered.clear();
        let plain: &[u8] = match data.view_bytes() {
            Some(bytes) => bytes,
            None => {
                let ok = match data.to::<Array>(ValueKind::Array) {
                    Some(list) => (0..list.length()).all(|i| {
                        let item = list.object().get_index(s, i);
                        item.is_some_and(|v| gather(s, &mut gathered, v, false))
                    }),
                    None => gather(s, &mut gathered, data, latin1),
                };
                if !ok {
                    return s.throw_error(
                        crate::v8::ErrorKind::TypeError,
                        "connWrite: expected bytes or a string",
                    );
                }
                &gathered
            }
        };
        let r = with_conn(id, |c| {
            if !plain.is_empty() {
                c.stream.ssl_write(plain)?;
            }
            Ok(std::mem::take(&mut c.stream.get_mut().output))
        });
        match r {
            None => {}
            Some(Err(e)) => fail(s, args, &e),
            Some(Ok(out)) => {
                if !out.is_empty() {
                    hand_over(s, args, &out);
                }
                give_back(id, out);
            }
        }
    });
}

/// connTakeOut(id) -> the ciphertext waiting to be sent (an ArrayBuffer; info
/// says where), or undefined.
pub(super) fn conn_take_out<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let id = arg_id(s, args, 0);
    let out = with_conn(id, |c| std::mem::take(&mut c.stream.get_mut().output));
    let Some(out) = out.filter(|o| !o.is_empty()) else {
        return;
    };
    hand_over(s, args, &out);
    give_back(id, out);
}

/// The output buffer goes back to connection `id` for its next record (its
/// capacity kept), unless the connection has started another meanwhile.
fn give_back(id: usize, mut out: Vec<u8>) {
    with_conn(id, |c| {
        let o = &mut c.stream.get_mut().output;
        if o.is_empty() {
            out.clear();
            *o = out;
        }
    });
}

/// connFeed(id, ciphertext): received while nothing can read it yet (a handshake
/// waiting for the SNICallback).
pub(super) fn conn_feed<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(bytes) = arg_view(args, 1) {
        with_conn(arg_id(s, args, 0), |c| c.stream.get_mut().feed(bytes));
    }
}
