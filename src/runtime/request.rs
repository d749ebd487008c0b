//! Requests: a JS object waiting for an op (Node's FSReqCallback). The op goes to
//! the loop with the request's slab key as its owner; at each completion the key
//! finds the request again, `finish` turns the result (and the op handed back, with
//! its buffers) into JS values, and `req.oncomplete(err, value)` runs as a loop
//! callback. The request is released at its op's LAST completion: a multishot op
//! calls `oncomplete` once per shot. A handle's close callback is a request too,
//! completed in the loop's closing phase.
use std::rc::Rc;

use slab::Slab;

use super::Runtime;
use crate::backend::{Completion, Key, Op};
use crate::event_loop::HandleId;
use crate::v8::{
    Function, Global, Local, Object, Promise, PromiseResolver, Scope, Value, ValueKind,
};

/// Turns a completion (its result, its flags — a provided buffer's id — and, at
/// the last one, the op handed back) into `Ok(value)` or `Err(error)` for JS;
/// called once per completion (more than once for a multishot op).
pub type Finish =
    Box<dyn for<'s> FnMut(&Scope<'s>, Completion) -> Result<Local<'s, Value>, Local<'s, Value>>>;

/// What a request keeps to finish with: a boxed closure, or an fs call's `done`
/// function and error context held in the request itself (an fs call is then not
/// a malloc and a free for its closure).
pub enum Finisher {
    Boxed(Finish),
    Fs(crate::binding::fs::FsFinish),
}

impl From<Finish> for Finisher {
    fn from(f: Finish) -> Finisher {
        Finisher::Boxed(f)
    }
}

impl Finisher {
    fn run<'s>(
        &mut self,
        s: &Scope<'s>,
        c: Completion,
    ) -> Result<Local<'s, Value>, Local<'s, Value>> {
        match self {
            Finisher::Boxed(f) => f(s, c),
            Finisher::Fs(f) => f.run(s, c),
        }
    }
}

/// A completion Rust handles itself, with no JS object waiting (a stream's queued
/// writes): it may still call into JS (through a Global it keeps) when it decides to.
pub type NativeFinish = Box<dyn for<'s> FnMut(&Scope<'s>, Completion)>;

/// Owners of native requests carry this bit; JS requests' slab keys never reach it.
const NATIVE: u64 = 1 << 62;
/// A stream's queued send: the owner is this bit and the handle id, and the
/// completion goes straight to stream_wrap (no boxed continuation, no table
/// entry, no V8 scope unless JS is to be called).
const STREAM_SEND: u64 = 1 << 58;

pub struct Request {
    /// The JS request object, or the promise a promise request settles.
    req: Global,
    /// For a promise request: Some, with the function (if any) the value goes
    /// through before it resolves the promise (shared: lib/ passes the same few
    /// functions, and a Global per call is a malloc and a free).
    settle: Option<Option<Rc<Global>>>,
    /// Taken out while it runs (JS may submit more requests meanwhile).
    finish: Option<Finisher>,
    /// The op's key, for cancelling (None: a close callback, or not yet submitted).
    key: Option<Key>,
}

#[derive(Default)]
pub struct Requests(Slab<Request>, Slab<Option<NativeFinish>>);

impl Runtime {
    fn add_request(&self, s: &Scope, req: Local<Object>, finish: Finisher) -> u64 {
        self.requests.borrow_mut().0.insert(Request {
            req: Global::new(s, req.value()),
            settle: None,
            finish: Some(finish),
            key: None,
        }) as u64
    }

    fn set_key(&self, id: u64, key: Option<Key>) {
        if let Some(r) = self.requests.borrow_mut().0.get_mut(id as usize) {
            r.key = key;
        }
    }

    /// Sends `op` to the loop on behalf of the JS object `req`; returns the
    /// request's id (for cancelling it).
    pub fn submit_request(
        &self,
        s: &Scope,
        req: Local<Object>,
        op: Op,
        finish: impl Into<Finisher>,
    ) -> u64 {
        let id = self.add_request(s, req, finish.into());
        let key = self.lp.submit(op, id);
        self.set_key(id, Some(key));
        id
    }

    /// Sends `op` to the loop and returns a promise its completion settles from
    /// here (node's FSReqPromise): rejected with the error, or resolved with the
    /// value, passed first through `map` when there is one (a Stats maker). No JS
    /// request object, no resolve/reject closures, no `oncomplete` call.
    pub fn submit_promise<'s>(
        &self,
        s: &Scope<'s>,
        map: Option<Local<'s, Function>>,
        op: Op,
        finish: impl Into<Finisher>,
    ) -> Option<Local<'s, Promise>> {
        let resolver = Local::<PromiseResolver>::new(s)?;
        let promise = resolver.promise();
        let (id, pending) = {
            let mut reqs = self.requests.borrow_mut();
            let id = reqs.0.insert(Request {
                req: Global::new(s, promise.value()),
                settle: Some(map.map(|f| shared_map(s, f))),
                finish: Some(finish.into()),
                key: None,
            }) as u64;
            (id, reqs.0.len())
        };
        super::young_gen::added(self, pending);
        let key = self.lp.submit(op, id);
        self.set_key(id, Some(key));
        Some(promise)
    }

    /// Settles a promise request's promise, then runs ticks and microtasks as
    /// after any loop callback.
    fn settle<'s>(
        &self,
        s: &Scope<'s>,
        promise: Local<'s, Value>,
        map: Option<Local<'s, Value>>,
        result: Result<Local<'s, Value>, Local<'s, Value>>,
    ) {
        // SAFETY: a promise request's `req` is the promise of a resolver (submit_promise).
        let resolver = unsafe { Local::<PromiseResolver>::from_promise(promise) };
        let saved = crate::binding::async_context::is_active().then(|| {
            let outer = s.continuation_data();
            s.set_continuation_data(s.undefined());
            outer
        });
        let map = map.and_then(|f| f.to::<Function>(ValueKind::Function));
        match (result, map) {
            (Err(e), _) => {
                resolver.reject(s, e);
            }
            (Ok(v), None) => {
                resolver.resolve(s, v);
            }
            // A maker that throws (it should not) rejects the promise with that.
            (Ok(v), Some(f)) => s.try_catch(|tc| match f.call(s, s.undefined(), &[v]) {
                Some(v) => {
                    resolver.resolve(s, v);
                }
                None if tc.has_caught() && !tc.has_terminated() => {
                    let e = tc.exception(s).unwrap_or_else(|| s.undefined());
                    tc.reset();
                    resolver.reject(s, e);
                }
                None => {}
            }),
        }
        self.drain_ticks(s);
        if let Some(outer) = saved {
            s.set_continuation_data(outer);
        }
    }

    /// The JS objects of the requests with an op in flight (a promise request's
    /// promise), in slot order, for process._getActiveRequests: lib/ keeps
    /// the kinds node lists and drops the rest (reads, accepts, close callbacks).
    pub fn pending_request_objects<'s>(&self, s: &Scope<'s>) -> Vec<Local<'s, Value>> {
        let reqs = self.requests.borrow();
        let waiting = reqs.0.iter().filter(|(_, r)| r.key.is_some());
        waiting.map(|(_, r)| r.req.get(s)).collect()
    }

    /// Sends `op` for handle `handle` (its ops count through the handle, and are
    /// cancelled when it closes).
    pub fn submit_handle_request(
        &self,
        s: &Scope,
        handle: HandleId,
        req: Local<Object>,
        op: Op,
        finish: Finish,
    ) -> u64 {
        let id = self.add_request(s, req, finish.into());
        let key = self.lp.handle_submit(handle, op, id);
        self.set_key(id, key);
        id
    }

    /// What a request's completion calls: the request itself when it is a
    /// function (lib/net.js's per-socket read and write requests: no property
    /// lookup per completion, which from Rust is a call into V8's runtime), else
    /// its `oncomplete`.
    pub fn callback_of<'s>(
        &self,
        s: &Scope<'s>,
        req: Local<'s, Object>,
    ) -> Option<Local<'s, Function>> {
        if let Some(f) = req.value().to::<Function>(ValueKind::Function) {
            return Some(f);
        }
        req.get(s, self.oncomplete(s))
            .and_then(|f| f.to::<Function>(ValueKind::Function))
    }

    /// The name "oncomplete", made once: looking a fresh string up in V8's string
    /// table at every completion shows in profiles.
    pub fn oncomplete<'s>(&self, s: &Scope<'s>) -> Local<'s, Value> {
        thread_local! {
            static NAME: std::cell::OnceCell<Global> = const { std::cell::OnceCell::new() };
        }
        NAME.with(|n| {
            n.get_or_init(|| Global::new(s, s.name("oncomplete").value()))
                .get(s)
        })
    }

    /// Sends handle `handle`'s queued writes (`op`, a send); its completion goes
    /// to `stream_wrap::sent`.
    pub fn submit_stream_send(&self, handle: HandleId, op: Op) {
        self.lp
            .handle_submit(handle, op, STREAM_SEND | handle as u64);
    }

    /// Sends `op` as a request (it keeps the loop alive) with a Rust continuation:
    /// `finish` runs at its completion, in a scope. Returns the op's key.
    pub fn submit_native_request(&self, op: Op, finish: NativeFinish) -> Key {
        let id = self.requests.borrow_mut().1.insert(Some(finish)) as u64;
        self.lp.submit(op, id | NATIVE)
    }

    fn deliver_native(&self, c: Completion) {
        let id = (c.owner & !NATIVE) as usize;
        let Some(mut finish) = self
            .requests
            .borrow_mut()
            .1
            .get_mut(id)
            .and_then(Option::take)
        else {
            return;
        };
        let last = !c.more;
        self.isolate.scope(&self.context, |s| finish(s, c));
        let mut reqs = self.requests.borrow_mut();
        if last {
            reqs.1.try_remove(id);
        } else if let Some(slot) = reqs.1.get_mut(id) {
            *slot = Some(finish);
        }
    }

    /// Asks the loop to stop request `id`'s op; its last completion still comes.
    pub fn cancel_request(&self, id: u64) {
        let key = self
            .requests
            .borrow()
            .0
            .get(id as usize)
            .and_then(|r| r.key);
        if let Some(key) = key {
            self.lp.cancel_owned(key, id);
        }
    }

    /// Closes `handle`; `req.oncomplete()` runs in the closing phase, after the
    /// handle's last op completed and its fd was released.
    pub fn close_handle(&self, s: &Scope, handle: HandleId, req: Local<Object>) {
        let id = self.add_request(s, req, Finisher::Boxed(Box::new(|s, _| Ok(s.undefined()))));
        self.lp.handle_close(handle, id);
    }

    /// Closes a stream `handle` as libuv does: `req.oncomplete()` runs in this
    /// turn's closing phase; its ops still in flight keep the fd and their buffers
    /// until their own completions (`Loop::handle_close_now`).
    pub fn close_stream_handle(&self, s: &Scope, handle: HandleId, req: Local<Object>) {
        let id = self.add_request(s, req, Finisher::Boxed(Box::new(|s, _| Ok(s.undefined()))));
        self.lp.handle_close_now(handle, id);
    }

    /// Closes a handle no JS object waits on (a MessagePort's, a Worker's).
    pub fn close_native_handle(&self, handle: HandleId) {
        let id = self
            .requests
            .borrow_mut()
            .1
            .insert(Some(Box::new(|_, _| {}))) as u64;
        self.lp.handle_close(handle, id | NATIVE);
    }

    /// A request's op completed (once, or once more for a multishot op), or another
    /// thread posted to this loop (a port's message, a worker's end).
    pub fn complete_request(&self, c: Completion) {
        if c.owner & !(STREAM_SEND - 1) == STREAM_SEND {
            let handle = (c.owner & (STREAM_SEND - 1)) as HandleId;
            crate::binding::stream_wrap::sent(self, handle, c);
        } else if c.owner & super::wake::WAKE != 0 {
            self.deliver_wake(c);
        } else if c.owner & crate::binding::messaging::PORT_WAKE != 0 && c.owner & NATIVE == 0 {
            crate::binding::messaging::on_wake(self, c.owner);
        } else if c.owner & crate::binding::worker::WORKER_WAKE != 0 && c.owner & NATIVE == 0 {
            crate::binding::worker::on_wake(self, c.owner, c.result);
        } else if c.owner & NATIVE != 0 {
            self.deliver_native(c);
        } else {
            self.deliver(c);
        }
    }

    /// A handle's close finished: its close request completes.
    pub fn run_close_callback(&self, token: u64) {
        self.complete_request(Completion::posted(token, 0));
    }

    fn deliver(&self, c: Completion) {
        let (id, last) = (c.owner, !c.more);
        self.isolate.scope(&self.context, |s| {
            // Take what is needed and let go of the table before JS runs: the
            // callback may submit (or cancel) requests.
            // The request's JS object is looked at only when it is called: a read
            // parsed in Rust (src/binding/http_parser/consume.rs) touches none
            // of it.
            let taken = {
                let mut reqs = self.requests.borrow_mut();
                if last {
                    reqs.0.try_remove(id as usize).map(|mut r| {
                        let settle = settle_of(s, &r);
                        let finish = r.finish.take();
                        (Some(r.req), settle, finish)
                    })
                } else {
                    reqs.0
                        .get_mut(id as usize)
                        .map(|r| (None, settle_of(s, r), r.finish.take()))
                }
            };
            let Some((removed, settle, Some(mut finish))) = taken else {
                return;
            };
            let req_of = |removed: Option<Global>| match removed {
                Some(g) => Some(g.get(s)),
                None => self
                    .requests
                    .borrow()
                    .0
                    .get(id as usize)
                    .map(|r| r.req.get(s)),
            };
            if let Some(map) = settle {
                // A promise request has a single completion.
                super::young_gen::settled(self.requests.borrow().0.len());
                let result = finish.run(s, c);
                let Some(req) = req_of(removed) else { return };
                return self.settle(s, req, map, result);
            }
            let result = finish.run(s, c);
            if !last {
                if let Some(r) = self.requests.borrow_mut().0.get_mut(id as usize) {
                    r.finish = Some(finish);
                }
            }
            if HANDLED.replace(false) {
                return;
            }
            let (err, value) = match result {
                Ok(v) => (s.null(), v),
                Err(e) => (e, s.undefined()),
            };
            let Some(req) = req_of(removed) else { return };
            let args = [err, value, s.boolean(!last)];
            // A function request (a socket's read) is its own callback: one type
            // check per completion, not two.
            if let Some(f) = req.to::<Function>(ValueKind::Function) {
                self.make_callback(s, f, req, &args);
                return;
            }
            let Some(req) = req.to::<Object>(ValueKind::Object) else {
                return;
            };
            let f = req.get(s, self.oncomplete(s));
            if let Some(f) = f.and_then(|f| f.to::<Function>(ValueKind::Function)) {
                self.make_callback(s, f, req.value(), &args);
            }
        });
    }
}

thread_local! {
    /// Set by a completion's `finish` that handled the completion itself (and ran
    /// whatever JS it needed in a callback scope of its own): its request's
    /// callback is not called.
    static HANDLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Called from a request's `finish`: this completion needs no call of the
/// request's callback (`finish`'s value is dropped).
pub fn completion_handled() {
    HANDLED.set(true);
}

/// A Global of `f`, shared with the last request that had the same function.
fn shared_map(s: &Scope, f: Local<Function>) -> Rc<Global> {
    thread_local! {
        static LAST: std::cell::RefCell<Option<Rc<Global>>> = const { std::cell::RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some(g) if g.get(s).same(f) => g.clone(),
            _ => {
                let g = Rc::new(Global::new(s, f.value()));
                *last = Some(g.clone());
                g
            }
        }
    })
}

/// A request's promise settling, as handles: None for an `oncomplete` request.
fn settle_of<'s>(s: &Scope<'s>, r: &Request) -> Option<Option<Local<'s, Value>>> {
    r.settle.as_ref().map(|map| map.as_ref().map(|g| g.get(s)))
}
