//! Entering JS from the loop, as Node's InternalCallbackScope does: call under a
//! TryCatch, send an exception to the fatal-exception hook, then drain
//! process.nextTick's queue and V8's microtasks until both are empty.
use std::ffi::c_int;

use super::{Hooks, Runtime};
use crate::v8::{Function, Global, Isolate, Local, Message, Promise, Scope, Value, ValueKind};

/// The private key under which an error carries its "file:line / source / ^^^" text.
const ARROW: &str = "coil:arrowMessage";

impl Runtime {
    /// Calls `f` as a loop callback; None if it threw (the exception was handled).
    pub fn make_callback<'s>(
        &self,
        s: &Scope<'s>,
        f: Local<'s, Function>,
        recv: Local<'s, Value>,
        args: &[Local<'s, Value>],
    ) -> Option<Local<'s, Value>> {
        self.callback_scope(s, || f.call(s, recv, args))
    }

    /// Runs `body` (which calls into JS, None when a call threw) as one loop
    /// callback: a parsed read's several calls (src/binding/http_parser/consume.rs)
    /// are one callback as a JS read callback would be.
    pub fn callback_scope<'s, R>(
        &self,
        s: &Scope<'s>,
        body: impl FnOnce() -> Option<R>,
    ) -> Option<R> {
        // Once async context is tracked, a callback from the loop starts with no
        // store and leaves its own (an enterWith in it) behind it.
        let saved = crate::binding::async_context::is_active().then(|| {
            let outer = s.continuation_data();
            s.set_continuation_data(s.undefined());
            outer
        });
        // A mark left by a callback that did not end in runTicksNow (one that
        // called a socket's request itself) must not count for this one.
        self.take_drained_in_callback();
        let r = self.run_catching(s, body);
        // As node's InternalCallbackScope: a callback that threw leaves the queues
        // alone (what it queued runs from the next callback; the fatal-exception
        // hook schedules an immediate for that), so the rest of a failed immediate
        // queue runs before them. A tick the callback ran itself that threw is
        // a tick's failure: the rest of the queue runs now. A callback that ended
        // by draining the ticks and microtasks (a socket's read, once a message)
        // leaves nothing for a checkpoint of V8's to find.
        let drained = self.take_drained_in_callback() && self.tick_flags() == (false, false);
        if (r.is_some() && !drained) || self.take_ticks_threw() {
            self.drain_ticks(s);
        }
        if let Some(outer) = saved {
            s.set_continuation_data(outer);
        }
        r
    }

    /// Calls `f`; an exception goes to the fatal-exception hook (which may exit).
    pub fn call_catching<'s>(
        &self,
        s: &Scope<'s>,
        f: Local<'s, Function>,
        recv: Local<'s, Value>,
        args: &[Local<'s, Value>],
    ) -> Option<Local<'s, Value>> {
        self.run_catching(s, || f.call(s, recv, args))
    }

    /// Runs `body` under a TryCatch; when it returns None after an exception,
    /// the exception goes to the fatal-exception hook (which may exit).
    pub fn run_catching<'s, R>(
        &self,
        s: &Scope<'s>,
        body: impl FnOnce() -> Option<R>,
    ) -> Option<R> {
        s.try_catch(|tc| {
            let r = body();
            if r.is_none() && tc.has_caught() && !tc.has_terminated() {
                let exc = tc.exception(s).unwrap_or_else(|| s.undefined());
                let mut arrow = String::new();
                if let Some(msg) = tc.message(s) {
                    decorate(s, exc, msg);
                    // Primitives cannot carry the arrow: pass it along as well.
                    arrow = msg.arrow(s);
                }
                tc.reset();
                self.fatal_exception(s, exc, false, &arrow);
            }
            r
        })
    }

    /// The hook JS registered under `pick`, if it did and it is a function.
    pub fn hook<'s>(
        &self,
        s: &Scope<'s>,
        pick: impl Fn(&Hooks) -> &Option<Global>,
    ) -> Option<Local<'s, Function>> {
        let v = pick(&self.hooks.borrow()).as_ref().map(|g| g.get(s))?;
        v.to::<Function>(ValueKind::Function)
    }

    /// Calls a registered hook (if JS registered it) as a loop callback.
    pub fn call_hook<'s>(
        &self,
        s: &Scope<'s>,
        pick: impl Fn(&Hooks) -> &Option<Global>,
        args: &[Local<'s, Value>],
    ) -> Option<Local<'s, Value>> {
        let f = self.hook(s, pick)?;
        self.make_callback(s, f, s.undefined(), args)
    }

    /// nextTick queue, then microtasks, until both are empty (the tick hook loops
    /// itself; it is re-entered only if a callback in it threw).
    pub fn drain_ticks(&self, s: &Scope) {
        loop {
            let (tick, rejection) = self.tick_flags();
            if !tick && !rejection {
                Isolate::perform_microtask_checkpoint(s.isolate());
                let (tick, rejection) = self.tick_flags();
                if !tick && !rejection {
                    return;
                }
            }
            let Some(f) = self.hook(s, |h| &h.tick) else {
                return;
            };
            if self.call_catching(s, f, s.undefined(), &[]).is_some() {
                return;
            }
        }
    }

    /// Hands an uncaught exception to JS ('uncaughtException' or print and exit).
    pub fn fatal_exception(&self, s: &Scope, exc: Local<Value>, from_promise: bool, arrow: &str) {
        s.inner(|s| {
            let handled = self.hook(s, |h| &h.fatal).and_then(|f| {
                s.try_catch(|tc| {
                    let r = f.call(
                        s,
                        s.undefined(),
                        &[exc, s.boolean(from_promise), s.string(arrow).value()],
                    );
                    if tc.has_caught() && !tc.has_terminated() {
                        // The handler itself threw: print it as node does (where it
                        // was thrown, then its stack) and exit with 7.
                        let e = tc.exception(s).unwrap_or_else(|| s.undefined());
                        let arrow = tc.message(s).map(|m| m.arrow(s)).unwrap_or_default();
                        eprint!("{}", handler_failure_text(s, e, &arrow));
                        self.exit_process_or_worker(7);
                    }
                    r
                })
            });
            if handled.is_none() {
                if self.worker_stop_requested() {
                    return; // a worker being stopped: its JS cannot run
                }
                // Before bootstrap finished: no JS hook to ask.
                eprintln!("{arrow}{}", exc.to_rust_string(s));
                self.exit_process_or_worker(1);
            }
        })
    }
}

impl Runtime {
    /// A fatal error's end: the process's, or only this worker's.
    fn exit_process_or_worker(&self, code: i32) {
        if self.worker.is_some() {
            return self.stop_worker(code);
        }
        super::exit_process(code);
    }
}

/// "file:line / source / caret", a blank line, then the error's stack (or its text).
fn handler_failure_text(s: &Scope, e: Local<Value>, arrow: &str) -> String {
    let stack = e
        .to::<crate::v8::Object>(ValueKind::Object)
        .and_then(|o| s.try_catch(|_| o.get_str(s, "stack")))
        .filter(|v| v.is(ValueKind::String))
        .map(|v| v.to_rust_string(s))
        .unwrap_or_else(|| e.to_rust_string(s));
    if arrow.is_empty() {
        format!("{stack}\n")
    } else {
        format!("{arrow}\n{stack}\n")
    }
}

/// V8 asks for `error.stack` (installed only with --enable-source-maps): lib/'s
/// formatter maps the call sites. A throw in it propagates to whoever read `stack`.
pub extern "C" fn on_prepare_stack_trace(
    _ctx: *const crate::v8::Context,
    error: *const Value,
    sites: *const crate::v8::Array,
) -> *const Value {
    let isolate = Isolate::current();
    let rt = Runtime::from_isolate(isolate);
    // SAFETY: V8 calls this synchronously on its thread, inside its own HandleScope,
    // with the error's context entered; results made here live in that scope.
    let s = unsafe { Scope::for_callback(isolate) };
    // SAFETY: V8 passes live handles.
    let (e, sites) = unsafe { (Local::from_raw(error), Local::from_raw(sites)) };
    let undefined = s.undefined();
    let args = [
        e.unwrap_or(undefined),
        sites.map(|a| a.value()).unwrap_or(undefined),
    ];
    match rt.hook(&s, |h| &h.prepare_stack_trace) {
        Some(f) => f
            .call(&s, undefined, &args)
            .map_or(std::ptr::null(), |v| v.as_ptr()),
        None => undefined.as_ptr(),
    }
}

/// V8 ran out of memory: node's last words, then abort (exit by SIGABRT, as node).
pub extern "C" fn on_out_of_memory(location: *const std::ffi::c_char, is_heap_oom: bool) {
    let location = if location.is_null() {
        String::new()
    } else {
        // SAFETY: V8 passes a NUL-terminated string that lives for this call.
        unsafe { std::ffi::CStr::from_ptr(location) }
            .to_string_lossy()
            .into_owned()
    };
    let what = if is_heap_oom {
        "Allocation failed - JavaScript heap out of memory"
    } else {
        "Allocation failed - process out of memory"
    };
    eprintln!("FATAL ERROR: {location} {what}");
    std::process::abort();
}

/// Records where `exc` was thrown, once (the first throw site is the useful one).
pub fn decorate(s: &Scope, exc: Local<Value>, msg: Local<Message>) {
    let Some(obj) = exc.to::<crate::v8::Object>(ValueKind::Object) else {
        return;
    };
    let key = s.private(ARROW);
    if obj.get_private(s, key).is_some_and(|v| !v.is_undefined()) {
        return;
    }
    obj.set_private(s, key, s.string(&msg.arrow(s)).value());
}

/// The arrow text recorded on `exc`, or "".
pub fn arrow_of(s: &Scope, exc: Local<Value>) -> String {
    exc.to::<crate::v8::Object>(ValueKind::Object)
        .and_then(|o| o.get_private(s, s.private(ARROW)))
        .filter(|v| v.is(ValueKind::String))
        .map(|v| v.to_rust_string(s))
        .unwrap_or_default()
}

/// V8's promise-reject callback: forwards (type, promise, reason) to lib/'s handler,
/// which queues the rejection and sets tick_info so it is looked at after microtasks.
pub extern "C" fn on_promise_reject(event: c_int, promise: *const Promise, value: *const Value) {
    let isolate = Isolate::current();
    let rt = Runtime::from_isolate(isolate);
    // SAFETY: V8 calls this synchronously on its thread with a context entered.
    let outer = unsafe { Scope::for_callback(isolate) };
    outer.inner(|s| {
        let Some(f) = rt.hook(s, |h| &h.promise_reject) else {
            return;
        };
        // SAFETY: V8 passes live handles (value may be null for handler-added events).
        let (p, v) = unsafe { (Local::from_raw(promise), Local::from_raw(value)) };
        let Some(p) = p else { return };
        let v = v.unwrap_or_else(|| s.undefined());
        s.try_catch(|_| f.call(s, s.undefined(), &[s.number(event as f64), p.value(), v]));
    });
}
