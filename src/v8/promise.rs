//! Promises settled from Rust (V8's Promise::Resolver): a binding call returns the
//! promise and the completion resolves or rejects it, with no resolve/reject
//! closures made in JS.
use super::object::Promise;
use super::scope::Scope;
use super::value::{Context, Local, Value};

#[repr(C)]
pub struct PromiseResolver {
    _opaque: [u8; 0],
}

extern "C" {
    fn v8__Promise__Resolver__New(ctx: *const Context) -> *const PromiseResolver;
    fn v8__Promise__Resolver__GetPromise(r: *const PromiseResolver) -> *const Promise;
    fn v8__Promise__Resolver__Resolve(
        r: *const PromiseResolver,
        ctx: *const Context,
        v: *const Value,
    ) -> i32;
    fn v8__Promise__Resolver__Reject(
        r: *const PromiseResolver,
        ctx: *const Context,
        v: *const Value,
    ) -> i32;
}

impl<'s> Local<'s, PromiseResolver> {
    /// A pending promise and its resolver (None only when V8 is terminating).
    pub fn new(scope: &Scope<'s>) -> Option<Self> {
        // SAFETY: live context handle.
        unsafe { Local::from_raw(v8__Promise__Resolver__New(scope.context().as_ptr())) }
    }

    /// The resolver back from a value that `promise()` returned (V8's resolver and
    /// its promise are one object).
    ///
    /// # Safety
    /// `v` must be a promise made by `PromiseResolver::new`.
    pub unsafe fn from_promise(v: Local<'s, Value>) -> Self {
        // SAFETY: by the caller's contract.
        unsafe { v.cast() }
    }

    pub fn promise(self) -> Local<'s, Promise> {
        // SAFETY: live resolver handle; GetPromise never fails.
        unsafe { Local::from_raw(v8__Promise__Resolver__GetPromise(self.as_ptr())) }
            .expect("a resolver has a promise")
    }

    /// Settles the promise (false when V8 refused: terminating); settling twice is
    /// a no-op, as in JS.
    pub fn resolve(self, scope: &Scope<'s>, v: Local<'s, Value>) -> bool {
        // SAFETY: live handles.
        unsafe {
            v8__Promise__Resolver__Resolve(self.as_ptr(), scope.context().as_ptr(), v.as_ptr()) == 1
        }
    }

    pub fn reject(self, scope: &Scope<'s>, v: Local<'s, Value>) -> bool {
        // SAFETY: live handles.
        unsafe {
            v8__Promise__Resolver__Reject(self.as_ptr(), scope.context().as_ptr(), v.as_ptr()) == 1
        }
    }
}
