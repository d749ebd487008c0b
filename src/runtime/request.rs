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
    /// Sends `op` to the loop on behalf of the JS object `req`.
    pub fn submit_request(&self, s: &Scope, req: Local<Object>, op: Op, finish: Finish) {
        let key = self.requests.borrow_mut().0.insert(Request {
            req: Global::new(s, req.value()),
            finish,
        });
        self.lp.submit(op, key as u64);
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
