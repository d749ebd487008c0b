//! Requests: a JS object waiting for one op (Node's FSReqCallback). The op goes to
//! the loop with the request's slab key as its owner; at its completion the key
//! finds the request again, `finish` turns the result (and the op handed back, with
//! its buffers) into JS values, and `req.oncomplete(err, value)` runs as a loop
//! callback.
use slab::Slab;

use super::Runtime;
use crate::backend::{Completion, Op};
use crate::v8::{Function, Global, Local, Object, Scope, Value, ValueKind};

/// Turns a completion into `Ok(value)` or `Err(error)` for JS.
pub type Finish = Box<
    dyn for<'s> FnOnce(&Scope<'s>, i32, Option<Op>) -> Result<Local<'s, Value>, Local<'s, Value>>,
>;

pub struct Request {
    req: Global,
    finish: Finish,
}

#[derive(Default)]
pub struct Requests(Slab<Request>);

impl Runtime {
    /// Sends `op` to the loop on behalf of the JS object `req`; returns the
    /// request's id (for cancelling it or changing whether it keeps the loop alive).
    pub fn submit_request(&self, s: &Scope, req: Local<Object>, op: Op, finish: Finish) -> u64 {
        let key = self.requests.borrow_mut().0.insert(Request {
            req: Global::new(s, req.value()),
            finish,
        }) as u64;
        self.lp.submit(op, key);
        key
    }

    /// Asks the kernel to stop request `id`; its completion still comes (ECANCELED).
    pub fn cancel_request(&self, id: u64) {
        if self.requests.borrow().0.contains(id as usize) {
            self.lp.cancel(id);
        }
    }

    pub fn ref_request(&self, id: u64, referenced: bool) {
        if self.requests.borrow().0.contains(id as usize) {
            self.lp.set_req_ref(id, referenced);
        }
    }

    /// A request's op finished: call its `oncomplete(err, value)`.
    pub fn complete_request(&self, c: Completion) {
        let Some(r) = self.requests.borrow_mut().0.try_remove(c.owner as usize) else {
            return;
        };
        self.isolate.scope(&self.context, |s| {
            let Some(req) = r.req.get(s).to::<Object>(ValueKind::Object) else {
                return;
            };
            let (err, value) = match (r.finish)(s, c.result, c.op) {
                Ok(v) => (s.null(), v),
                Err(e) => (e, s.undefined()),
            };
            let Some(f) = req
                .get_str(s, "oncomplete")
                .and_then(|f| f.to::<Function>(ValueKind::Function))
            else {
                return;
            };
            self.make_callback(s, f, req.value(), &[err, value]);
        });
    }
}
