//! The engine side of async context tracking: the value V8 carries along promise
//! continuations (continuation-preserved embedder data) and the context's promise
//! hooks. The C side is src/v8/async_context.cc.
use super::isolate::RawIsolate;
use super::object::Function;
use super::scope::Scope;
use super::value::{Local, Value};

extern "C" {
    fn v8__AsyncContext__Get(isolate: *mut RawIsolate) -> *const Value;
    fn v8__AsyncContext__Set(isolate: *mut RawIsolate, value: *const Value);
    fn v8__AsyncContext__SetPromiseHooks(
        isolate: *mut RawIsolate,
        init: *const Function,
        before: *const Function,
        after: *const Function,
        resolve: *const Function,
    );
}

impl<'s> Scope<'s> {
    /// The value promise reactions made now will run with (undefined at first).
    pub fn continuation_data(&self) -> Local<'s, Value> {
        // SAFETY: a context is entered while a Scope exists; V8 returns a live handle.
        unsafe { Local::from_raw(v8__AsyncContext__Get(self.isolate())) }
            .unwrap_or_else(|| self.undefined())
    }

    pub fn set_continuation_data(&self, value: Local<Value>) {
        // SAFETY: live handle, context entered.
        unsafe { v8__AsyncContext__Set(self.isolate(), value.as_ptr()) }
    }

    /// Installs (or, with all None, removes) the current context's promise hooks.
    pub fn set_promise_hooks(&self, hooks: [Option<Local<Function>>; 4]) {
        let raw = hooks.map(|h| h.map_or(std::ptr::null(), |f| f.as_ptr()));
        // SAFETY: live handles or null, context entered.
        unsafe { v8__AsyncContext__SetPromiseHooks(self.isolate(), raw[0], raw[1], raw[2], raw[3]) }
    }
}
