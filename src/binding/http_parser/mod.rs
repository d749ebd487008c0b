//! internalBinding('http_parser'): one HTTP/1.x parser per connection for
//! lib/_http_common.js. A parser is a slot here (an id for JS) holding the Rust
//! parser (parse.rs) and the JS functions it calls: per message head ONE call
//! `onHead(methodIndex|status, url|reason, versionMinor, [name, value, ...], flags)`
//! (a message without a body is complete with it), per body part
//! `onBody(start, length)` (offsets into the buffer JS passed to execute, so the
//! body is a view of the socket's read, never copied), and `onComplete(trailers)`
//! at the end of a message with a body. Each call's `this` is the receiver given
//! at create. A call returning 1 skips the body of a head (a response to HEAD);
//! returning 2 stops execute there (execute returns the bytes consumed); returning
//! 3 from an upgrade head reads it as a plain message (nobody takes the upgrade).
//!
//! execute(id, buffer) -> bytes consumed, or [code, reason, bytesParsed] on a
//! parse error (lib/ makes Node's `Parse Error: reason` from it); an exception
//! thrown by a callback propagates to execute's caller.
mod chunked;
pub(crate) mod consume;
mod fields;
mod head_size;
mod lenient;
mod message;
mod methods;
mod parse;
mod strings;

use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::rc::Rc;

use message::{Head, Kind, Next, ParseError, Sink};
use parse::Parser;
use slab::Slab;

use super::set_methods;
use crate::v8::{
    CallbackArgs, ErrorKind, Function, Global, Local, Object, Scope, Value, ValueKind,
};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "create" => create,
            "execute" => execute,
            "finish" => finish,
            "free" => free,
            "consume" => consume::consume,
            "unconsume" => consume::unconsume,
            "takeBytes" => consume::take_bytes,
        ],
    );
    let methods: Vec<Local<Value>> = parse::METHODS.iter().map(|m| s.string(m).value()).collect();
    target.set_str(s, "methods", s.array(&methods).value());
    target.set_str(
        s,
        "maxHeaderSize",
        s.number(parse::DEFAULT_MAX_HEADER_SIZE as f64),
    );
}

/// A parser and the JS values it calls. The handles are ManuallyDrop: a slot
/// still here when the thread's storage is torn down (after the isolate) must
/// not reach V8; `free` drops them while the isolate lives.
struct Slot {
    parser: Option<Box<Parser>>,
    /// The receiver of the calls (a server's Connection).
    recv: ManuallyDrop<Global>,
    callbacks: ManuallyDrop<Rc<Callbacks>>,
    freed: bool,
    /// The stream handle whose reads this parser consumes (consume.rs).
    consumer: Option<crate::event_loop::HandleId>,
    /// Bytes parsed from that handle's reads and not yet taken by JS.
    consumed_bytes: u64,
}

/// onHead, onBody, onComplete: one set shared by the parsers made with the
/// same functions (a server's connections all are), so a request touches the
/// per-connection receiver's handle and these warm ones, not four of its own.
struct Callbacks([Global; 3]);

impl Slot {
    /// Drops the slot's handles (while the isolate lives; never at teardown).
    fn drop_handles(mut self) {
        consume::forget(&self);
        // SAFETY: the slot left the table and is consumed here, so its handles
        // are dropped exactly once.
        unsafe {
            ManuallyDrop::drop(&mut self.recv);
            ManuallyDrop::drop(&mut self.callbacks);
        }
    }
}

/// The callbacks for `f`: the last set made when they are the same functions.
fn callbacks_for(s: &Scope, f: [Local<Value>; 3]) -> Rc<Callbacks> {
    LAST_CALLBACKS.with_borrow_mut(|last| {
        if let Some(c) = last.as_ref() {
            if (0..3).all(|i| c.0[i].get(s).same(f[i])) {
                return Rc::clone(c);
            }
        }
        let made = Rc::new(Callbacks(f.map(|v| Global::new(s, v))));
        if let Some(old) = last.replace(ManuallyDrop::new(Rc::clone(&made))) {
            drop(ManuallyDrop::into_inner(old));
        }
        made
    })
}

thread_local! {
    /// The callbacks made last (kept for the thread's life: never dropped
    /// after the isolate).
    static LAST_CALLBACKS: RefCell<Option<ManuallyDrop<Rc<Callbacks>>>> = const { RefCell::new(None) };
    /// The read slab's store `execute` parsed last (see there).
    static LAST_STORE: RefCell<Option<crate::v8::BackingStore>> = const { RefCell::new(None) };
    static PARSERS: RefCell<Slab<Slot>> = const { RefCell::new(Slab::new()) };
}

fn id_arg(s: &Scope, a: &CallbackArgs, i: usize) -> Option<usize> {
    a.get(i).integer(s).and_then(|v| usize::try_from(v).ok())
}

/// create(kind: 0 request | 1 response, receiver, onHead, onBody, onComplete,
/// maxHeaderSize, lenient) -> id.
fn create<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let kind = if a.get(0).integer(s) == Some(1) {
        Kind::Response
    } else {
        Kind::Request
    };
    for i in 2..5 {
        if !a.get(i).is(ValueKind::Function) {
            return s.throw_error(
                ErrorKind::TypeError,
                "http_parser callbacks must be functions",
            );
        }
    }
    let max = a
        .get(5)
        .integer(s)
        .filter(|n| *n > 0)
        .map_or(parse::DEFAULT_MAX_HEADER_SIZE, |n| n as usize);
    let callbacks = callbacks_for(s, [a.get(2), a.get(3), a.get(4)]);
    let mut parser = Box::new(Parser::new(kind, max));
    parser.lenient = a.get(6).boolean(s);
    let slot = Slot {
        parser: Some(parser),
        recv: ManuallyDrop::new(Global::new(s, a.get(1))),
        callbacks: ManuallyDrop::new(callbacks),
        freed: false,
        consumer: None,
        consumed_bytes: 0,
    };
    let id = PARSERS.with(|p| p.borrow_mut().insert(slot));
    a.ret(s.number(id as f64));
}

/// free(id): the parser goes now, or at the end of the execute running it.
fn free<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(id) = id_arg(s, a, 0) else { return };
    let removed = PARSERS.with(|p| {
        let mut p = p.borrow_mut();
        match p.get_mut(id) {
            Some(slot) if slot.parser.is_some() => Some(p.remove(id)),
            Some(slot) => {
                slot.freed = true;
                None
            }
            None => None,
        }
    });
    if let Some(slot) = removed {
        slot.drop_handles();
    }
}

/// The JS side of one execute: calls go to the functions given at create.
struct JsSink<'s, 'a> {
    s: &'a Scope<'s>,
    recv: Local<'s, Value>,
    on_head: Local<'s, Function>,
    /// onBody and onComplete are looked up when called (a GET calls neither).
    callbacks: Rc<Callbacks>,
    threw: bool,
    /// A consumed read (consume.rs): its ArrayBuffer and where the read starts
    /// in it, passed to onBody as (start in the buffer, length, buffer).
    read: Option<(Local<'s, Value>, usize)>,
    /// A callback said Stop.
    stopped: bool,
    /// A callback's answer carried AFTER_READ: JS wants onExecute after this read.
    after: bool,
}

/// Bit of a callback's answer: call onExecute after this read (consume.rs).
const AFTER_READ: i32 = 8;

impl<'s> JsSink<'s, '_> {
    /// Calls callback `i` (1 onBody, 2 onComplete).
    fn call(&mut self, i: usize, args: &[Local<'s, Value>]) -> Next {
        let f = self.callbacks.0[i]
            .get(self.s)
            .to::<Function>(ValueKind::Function);
        let r = f.and_then(|f| f.call(self.s, self.recv, args));
        self.next(r)
    }

    /// Reads a callback's answer; an exception stops the parse.
    fn next(&mut self, r: Option<Local<Value>>) -> Next {
        match r {
            None => {
                self.threw = true;
                Next::Stop
            }
            Some(v) if v.is(ValueKind::Int32) => {
                let n = v.integer(self.s).unwrap_or(0) as i32;
                self.after |= n & AFTER_READ != 0;
                match n & !AFTER_READ {
                    1 => Next::SkipBody,
                    2 => {
                        self.stopped = true;
                        Next::Stop
                    }
                    3 => Next::NotUpgrade,
                    _ => Next::Go,
                }
            }
            Some(_) => Next::Go,
        }
    }
}

/// The flat [name, value, ...] array of a head's fields, the strings through
/// the head-string table (strings.rs).
fn fields<'s>(
    s: &Scope<'s>,
    strings: &mut strings::HeadStrings,
    headers: &[httparse::Header],
) -> Local<'s, Value> {
    // Most heads have a few fields: their handles are gathered on the stack.
    const ON_STACK: usize = 16;
    if headers.len() <= ON_STACK {
        let mut items = [s.undefined(); 2 * ON_STACK];
        for (i, h) in headers.iter().enumerate() {
            items[2 * i] = strings.get(s, h.name.as_bytes(), true);
            items[2 * i + 1] = strings.get(s, fields::trim(h.value), false);
        }
        return s.array(&items[..2 * headers.len()]).value();
    }
    let mut items = Vec::with_capacity(headers.len() * 2);
    for h in headers {
        items.push(strings.get(s, h.name.as_bytes(), true));
        items.push(strings.get(s, fields::trim(h.value), false));
    }
    s.array(&items).value()
}

/// Heads of up to this many fields hand them to onHead as arguments
/// (lib/_http_common.js, rawHeadersOf).
const FIELDS_AS_ARGS: usize = 4;

impl Sink for JsSink<'_, '_> {
    fn on_head(&mut self, h: &Head) -> Next {
        let s = self.s;
        let mut strings = strings::HeadStrings::take(s);
        let mut args = [s.undefined(); 5 + 2 * FIELDS_AS_ARGS];
        args[0] = s.int32(i32::from(h.method_or_status));
        args[1] = strings.get(s, h.target, false);
        args[2] = s.int32(i32::from(h.minor));
        let ends_read = h.ends_input && self.read.is_some();
        let flags = h.flags | if ends_read { message::F_ENDS_READ } else { 0 };
        args[4] = s.int32(flags as i32);
        // A head of a few fields passes them as arguments and their count in
        // rawHeaders' place: JS's array literal is a bump allocation in optimized
        // code, where Array::New from here is ~500 instructions (cachesim).
        let n = if h.headers.len() <= FIELDS_AS_ARGS {
            for (i, f) in h.headers.iter().enumerate() {
                args[5 + 2 * i] = strings.get(s, f.name.as_bytes(), true);
                args[6 + 2 * i] = strings.get(s, fields::trim(f.value), false);
            }
            args[3] = s.int32(2 * h.headers.len() as i32);
            5 + 2 * h.headers.len()
        } else {
            args[3] = fields(s, &mut strings, h.headers);
            5
        };
        strings.done();
        let r = self.on_head.call(s, self.recv, &args[..n]);
        self.next(r)
    }
    fn on_body(&mut self, start: usize, len: usize) -> Next {
        let s = self.s;
        match self.read {
            None => self.call(1, &[s.number(start as f64), s.number(len as f64)]),
            Some((ab, at)) => {
                let args = [s.number((at + start) as f64), s.number(len as f64), ab];
                self.call(1, &args)
            }
        }
    }
    fn on_complete(&mut self, trailers: &[httparse::Header]) -> Next {
        let s = self.s;
        let arg = if trailers.is_empty() {
            s.undefined()
        } else {
            let mut strings = strings::HeadStrings::take(s);
            let arg = fields(s, &mut strings, trailers);
            strings.done();
            arg
        };
        self.call(2, &[arg])
    }
}

/// Runs `f` with the parser `id` taken out of the table (so callbacks into JS may
/// create, free or execute parsers) and its JS values; puts it back after unless
/// JS freed it meanwhile. None: no such parser, or it is already running.
fn with_parser<'s, R>(
    s: &Scope<'s>,
    id: usize,
    read: Option<(Local<'s, Value>, usize)>,
    f: impl FnOnce(&mut Parser, &mut JsSink<'s, '_>) -> R,
) -> Option<(R, Executed<'s>)> {
    let taken = PARSERS.with(|p| {
        let mut p = p.borrow_mut();
        let slot = p.get_mut(id)?;
        let parser = slot.parser.take()?;
        Some((parser, slot.recv.get(s), Rc::clone(&slot.callbacks)))
    })?;
    let (mut parser, recv, callbacks) = taken;
    let Some(on_head) = callbacks.0[0].get(s).to::<Function>(ValueKind::Function) else {
        PARSERS.with_borrow_mut(|p| {
            if let Some(slot) = p.get_mut(id) {
                slot.parser = Some(parser);
            }
        });
        return None;
    };
    let mut sink = JsSink {
        s,
        recv,
        on_head,
        callbacks,
        threw: false,
        read,
        stopped: false,
        after: false,
    };
    let r = f(&mut parser, &mut sink);
    let done = Executed {
        threw: sink.threw,
        stopped: sink.stopped,
        after: sink.after,
        at_start: parser.at_message_start(),
        mid_head: parser.mid_request_head(),
        recv: sink.recv,
    };
    let freed = PARSERS.with(|p| {
        let mut p = p.borrow_mut();
        let slot = p.get_mut(id)?;
        if slot.freed {
            return Some(p.remove(id));
        }
        slot.parser = Some(parser);
        None
    });
    if let Some(slot) = freed {
        slot.drop_handles();
    }
    Some((r, done))
}

/// How a run of the parser went, beside its result.
struct Executed<'s> {
    /// A callback threw (the exception is pending).
    threw: bool,
    stopped: bool,
    after: bool,
    /// The parser waits for a new message (parse.rs, at_message_start).
    at_start: bool,
    /// A request's head is partly read (execute's result is then negative).
    mid_head: bool,
    /// The receiver given at create.
    recv: Local<'s, Value>,
}

fn error_value<'s>(s: &Scope<'s>, e: &ParseError, at: usize) -> Local<'s, Value> {
    let items = [
        s.string(e.code).value(),
        s.string(e.reason).value(),
        s.number(at as f64),
    ];
    s.array(&items).value()
}

/// execute(id, buffer) -> consumed | -1 - consumed (a request's head is partly
/// read: the server times it from then) | [code, reason, bytesParsed].
fn execute<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(id) = id_arg(s, a, 0) else { return };
    let Some((ab, off, len)) = a.get(1).view() else {
        return s.throw_error(
            ErrorKind::TypeError,
            "The \"buffer\" argument must be a Buffer",
        );
    };
    let Some((r, done)) = execute_in(s, id, ab, off, len, None) else {
        return a.ret(s.number(0.0));
    };
    if done.threw {
        return;
    }
    if let (Ok(n), true) = (&r, done.mid_head) {
        return a.ret(s.number(-1.0 - *n as f64));
    }
    a.ret(execute_result(s, r));
}

/// A run's result: bytes consumed, or the error and where it was found.
type ExecuteResult = Result<usize, (ParseError, usize)>;

/// What execute returns to JS for a run's result.
fn execute_result<'s>(s: &Scope<'s>, r: ExecuteResult) -> Local<'s, Value> {
    match r {
        Ok(n) => s.number(n as f64),
        Err((e, at)) => error_value(s, &e, at),
    }
}

/// Runs parser `id` over `len` bytes at `off` in `ab` (None: no such parser, or
/// it is running). `read`: a consumed read's buffer, for onBody (consume.rs).
fn execute_in<'s>(
    s: &Scope<'s>,
    id: usize,
    ab: Local<'s, crate::v8::ArrayBuffer>,
    off: usize,
    len: usize,
    read: Option<(Local<'s, Value>, usize)>,
) -> Option<(ExecuteResult, Executed<'s>)> {
    // The callbacks run JS: a reference to the store, held in this frame, keeps
    // the bytes alive and in place whatever it does with the buffer (lib/ never
    // writes into a buffer it parses). Reads share 256 KiB slabs, so the store of
    // the last call is usually asked for again: it is kept between calls and
    // compared by address (a store cannot be freed, nor its address reused,
    // while it is held).
    let base = ab.data();
    let mut held = LAST_STORE.with(|last| last.borrow_mut().take());
    if !base.is_null() && held.as_ref().is_none_or(|st| st.data() != base) {
        held = Some(ab.backing_store());
    }
    let data: &[u8] = if len == 0 || base.is_null() {
        &[]
    } else {
        // SAFETY: the view's bytes lie inside the store `held` keeps until the
        // end of this call.
        unsafe { std::slice::from_raw_parts(base.add(off), len) }
    };
    let result = with_parser(s, id, read, |p, sink| p.execute(data, sink));
    LAST_STORE.with(|last| *last.borrow_mut() = held);
    result
}

/// finish(id): the peer ended its side -> 0 | [code, reason, 0].
fn finish<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(id) = id_arg(s, a, 0) else { return };
    let Some((r, done)) = with_parser(s, id, None, |p, sink| p.finish(sink)) else {
        return a.ret(s.number(0.0));
    };
    if done.threw {
        return;
    }
    match r {
        Ok(()) => a.ret(s.number(0.0)),
        Err(e) => a.ret(error_value(s, &e, 0)),
    }
}
