//! A parser that consumes a stream handle's reads (what node's
//! `parser.consume(handle)` is for): while an HTTP server connection's socket is
//! consumed, a read completion of its handle runs the connection's parser on the
//! received bytes here and calls the parser's JS callbacks (onHead, onBody,
//! onComplete) itself, without the socket's JS read path (its read callback,
//! a Buffer, the stream's checks, execute's crossing). Per request that touches
//! the parser's slot and the connection instead of the read's request, its
//! closure and the socket's stream state: what falls out of cache with many
//! connections (docs/benchmarks.md, "Session 11").
//!
//! lib/internal/http/server_connection.js arms it while the socket's reads would
//! go straight to the parser anyway, and disarms it (unconsume) on anything else
//! (a pause, another reader, a timeout, an upgrade, an error, a detach). Only a
//! read's bytes are taken here, and only while its multishot recv goes on: the
//! end of a read, EOF and errors always reach the socket's own path, and a
//! closed handle is forgotten (tcp_wrap's close).
//!
//! After the bytes are parsed, `onExecute(result, buffer, offset, length,
//! atMessageStart)` (this = the parser's receiver) is called only when JS has
//! something to do: a parse error (result is execute's error array), a callback
//! that said Stop (an upgrade), a message left unfinished by the read, or a
//! callback answer carrying AFTER_READ.
use std::cell::RefCell;
use std::mem::ManuallyDrop;

use super::{execute_in, execute_result, id_arg, Slot, PARSERS};
use crate::event_loop::HandleId;
use crate::runtime::{completion_handled, Runtime};
use crate::v8::{ArrayBuffer, CallbackArgs, Function, Global, Local, Scope, Value, ValueKind};

thread_local! {
    /// By handle id: the consuming parser's id + 1 (0: none).
    static CONSUMERS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    /// onExecute, the same function for every parser (kept for the thread's
    /// life: never dropped after the isolate).
    static ON_EXECUTE: RefCell<Option<ManuallyDrop<Global>>> = const { RefCell::new(None) };
}

/// The parser consuming handle `h`'s reads, if one does.
pub(crate) fn consumer_of(h: HandleId) -> Option<usize> {
    CONSUMERS.with_borrow(|c| match c.get(h) {
        Some(&p) if p != 0 => Some(p as usize - 1),
        _ => None,
    })
}

fn set_consumer(h: HandleId, parser: Option<usize>) {
    CONSUMERS.with_borrow_mut(|c| {
        if c.len() <= h {
            c.resize(h + 1, 0);
        }
        c[h] = parser.map_or(0, |p| p as u32 + 1);
    });
}

/// Handle `h` closes: its reads go to JS (where a closed socket drops them),
/// and a new handle with its id is not consumed.
pub(crate) fn handle_closed(h: HandleId) {
    let Some(p) = consumer_of(h) else { return };
    set_consumer(h, None);
    PARSERS.with_borrow_mut(|t| {
        if let Some(slot) = t.get_mut(p) {
            slot.consumer = None;
        }
    });
}

/// A freed parser's slot: its handle is no longer consumed.
pub(super) fn forget(slot: &Slot) {
    if let Some(h) = slot.consumer {
        set_consumer(h, None);
    }
}

/// consume(parser, handle, onExecute): `handle`'s reads go to the parser.
pub(super) fn consume<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let (Some(id), Some(h)) = (id_arg(s, a, 0), id_arg(s, a, 1)) else {
        return;
    };
    if !a.get(2).is(ValueKind::Function) || id >= u32::MAX as usize {
        return;
    }
    ON_EXECUTE.with_borrow_mut(|f| {
        if f.is_none() {
            *f = Some(ManuallyDrop::new(Global::new(s, a.get(2))));
        }
    });
    let before = PARSERS.with_borrow_mut(|t| {
        let slot = t.get_mut(id)?;
        Some(slot.consumer.replace(h))
    });
    let Some(before) = before else { return };
    if let Some(old) = before.filter(|old| *old != h) {
        set_consumer(old, None);
    }
    // A handle another parser consumed is this one's now.
    if let Some(other) = consumer_of(h).filter(|p| *p != id) {
        PARSERS.with_borrow_mut(|t| {
            if let Some(slot) = t.get_mut(other) {
                slot.consumer = None;
            }
        });
    }
    set_consumer(h, Some(id));
}

/// unconsume(parser) -> the bytes parsed from reads since the last take: the
/// handle's reads go to JS again.
pub(super) fn unconsume<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(id) = id_arg(s, a, 0) else { return };
    let (h, bytes) = PARSERS.with_borrow_mut(|t| match t.get_mut(id) {
        Some(slot) => (
            slot.consumer.take(),
            std::mem::take(&mut slot.consumed_bytes),
        ),
        None => (None, 0),
    });
    if let Some(h) = h {
        if consumer_of(h) == Some(id) {
            set_consumer(h, None);
        }
    }
    a.ret(s.number(bytes as f64));
}

/// takeBytes(parser) -> the bytes parsed from consumed reads since the last
/// take (the socket's bytesRead adds them).
pub(super) fn take_bytes<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(id) = id_arg(s, a, 0) else { return };
    let bytes = PARSERS.with_borrow_mut(|t| {
        t.get_mut(id)
            .map_or(0, |slot| std::mem::take(&mut slot.consumed_bytes))
    });
    a.ret(s.number(bytes as f64));
}

/// A read of `n` bytes at `off` in `ab` (an ArrayBuffer) arrived for handle
/// `h` and its recv goes on: parsed here when a parser consumes the handle,
/// with the JS it calls run as one loop callback. false: JS reads it as ever.
pub(crate) fn on_read<'s>(
    s: &Scope<'s>,
    h: HandleId,
    ab: Local<'s, Value>,
    off: usize,
    n: usize,
) -> bool {
    let Some(id) = consumer_of(h) else {
        return false;
    };
    let Some(buf) = ab.to::<ArrayBuffer>(ValueKind::ArrayBuffer) else {
        return false;
    };
    let ready = PARSERS.with_borrow_mut(|t| match t.get_mut(id) {
        Some(slot) if slot.parser.is_some() && !slot.freed => {
            slot.consumed_bytes += n as u64;
            true
        }
        _ => false,
    });
    if !ready {
        return false;
    }
    Runtime::get(s).callback_scope(s, || {
        let (r, done) = execute_in(s, id, buf, off, n, Some((ab, off)))?;
        if done.threw {
            return None;
        }
        let clean = matches!(r, Ok(k) if k == n) && !done.stopped && !done.after && done.at_start;
        if clean {
            return Some(());
        }
        let Some(f) = ON_EXECUTE
            .with_borrow(|f| f.as_ref().map(|g| g.get(s)))
            .and_then(|f| f.to::<Function>(ValueKind::Function))
        else {
            return Some(());
        };
        let args = [
            execute_result(s, r),
            ab,
            s.number(off as f64),
            s.number(n as f64),
            s.boolean(done.at_start),
        ];
        f.call(s, done.recv, &args).map(|_| ())
    });
    completion_handled();
    true
}
