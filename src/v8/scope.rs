//! HandleScope and TryCatch, each living in a stack frame for one closure call.
//!
//! A V8 HandleScope frees every Local made while it was the innermost one. A TryCatch
//! registers its own address with the isolate, so it must never move: both are built
//! in place in a local buffer of the function that runs the closure.
use std::cell::Cell;
use std::marker::PhantomData;
use std::mem::MaybeUninit;

use super::isolate::{Isolate, RawIsolate};
use super::object::Global;
use super::script::Message;
use super::value::{Context, Local, Value};

extern "C" {
    fn v8__HandleScope__CONSTRUCT(buf: *mut MaybeUninit<[usize; 3]>, isolate: *mut RawIsolate);
    fn v8__HandleScope__DESTRUCT(buf: *mut MaybeUninit<[usize; 3]>);
    fn v8__TryCatch__CONSTRUCT(buf: *mut TryCatchBuf, isolate: *mut RawIsolate);
    fn v8__TryCatch__DESTRUCT(buf: *mut TryCatchBuf);
    fn v8__TryCatch__HasCaught(tc: *const TryCatchBuf) -> bool;
    fn v8__TryCatch__HasTerminated(tc: *const TryCatchBuf) -> bool;
    fn v8__TryCatch__Exception(tc: *const TryCatchBuf) -> *const Value;
    fn v8__TryCatch__Message(tc: *const TryCatchBuf) -> *const Message;
    fn v8__TryCatch__ReThrow(tc: *mut TryCatchBuf);
    fn v8__TryCatch__Reset(tc: *mut TryCatchBuf);
    fn v8__Context__Enter(ctx: *const Context);
    fn v8__Context__Exit(ctx: *const Context);
}

/// Room for a v8::TryCatch (binding.cc static_asserts that it fits).
type TryCatchBuf = MaybeUninit<[usize; 8]>;

/// An open HandleScope in a context: everything that makes a Local takes one.
pub struct Scope<'s> {
    isolate: *mut RawIsolate,
    /// Null until first asked for in a callback's scope: asking V8 makes a handle,
    /// a tenth of a small native call's time, and most calls never need it.
    context: Cell<*const Context>,
    _life: PhantomData<&'s mut ()>,
}

impl<'s> Scope<'s> {
    pub(super) fn open<R>(
        isolate: *mut RawIsolate,
        context: &Global,
        f: impl for<'t> FnOnce(&Scope<'t>) -> R,
    ) -> R {
        let mut buf = MaybeUninit::<[usize; 3]>::uninit();
        // SAFETY: buf has the size binding.cc asserts for HandleScope and stays in this
        // frame until DESTRUCT below.
        unsafe { v8__HandleScope__CONSTRUCT(&mut buf, isolate) };
        let ctx = context.get_raw(isolate) as *const Context;
        let scope = Scope {
            isolate,
            context: Cell::new(ctx),
            _life: PhantomData,
        };
        let r = f(&scope);
        // SAFETY: constructed above; inner scopes were closure-bound and are closed.
        unsafe { v8__HandleScope__DESTRUCT(&mut buf) };
        r
    }

    /// The scope of a native callback: V8 already opened a HandleScope around it.
    ///
    /// # Safety
    /// Only inside a V8 function callback on `isolate`, for that call's duration.
    pub unsafe fn for_callback(isolate: *mut RawIsolate) -> Scope<'s> {
        Scope {
            isolate,
            context: Cell::new(std::ptr::null()),
            _life: PhantomData,
        }
    }

    /// A nested HandleScope: handles made inside die when the closure returns.
    pub fn inner<R>(&self, f: impl for<'t> FnOnce(&Scope<'t>) -> R) -> R {
        let mut buf = MaybeUninit::<[usize; 3]>::uninit();
        // SAFETY: as in `open`; the context pointer stays valid (outer handle).
        unsafe { v8__HandleScope__CONSTRUCT(&mut buf, self.isolate) };
        let scope = Scope {
            isolate: self.isolate,
            context: Cell::new(self.context.get()),
            _life: PhantomData,
        };
        let r = f(&scope);
        // SAFETY: constructed above.
        unsafe { v8__HandleScope__DESTRUCT(&mut buf) };
        r
    }

    /// Runs the closure with `context` entered (a vm context): the objects V8 makes
    /// there without being told a context (a deserialized message's, a new
    /// Array's) belong to it. Handles made inside live in this scope.
    pub fn in_context<R>(&self, context: Local<'s, Context>, f: impl FnOnce(&Scope<'s>) -> R) -> R {
        // SAFETY: a live context handle; entered and exited in pairs around `f`.
        unsafe { v8__Context__Enter(context.as_ptr()) };
        let scope = Scope {
            isolate: self.isolate,
            context: Cell::new(context.as_ptr()),
            _life: PhantomData,
        };
        let r = f(&scope);
        // SAFETY: entered above.
        unsafe { v8__Context__Exit(context.as_ptr()) };
        r
    }

    /// Runs the closure under a TryCatch: exceptions thrown inside stop there.
    pub fn try_catch<R>(&self, f: impl FnOnce(&TryCatch<'_>) -> R) -> R {
        let mut buf: TryCatchBuf = MaybeUninit::uninit();
        // SAFETY: buf fits a TryCatch (asserted in binding.cc) and stays in this frame.
        unsafe { v8__TryCatch__CONSTRUCT(&mut buf, self.isolate) };
        let tc = TryCatch {
            buf: &mut buf as *mut TryCatchBuf,
            _life: PhantomData,
        };
        let r = f(&tc);
        // SAFETY: constructed above, destroyed once.
        unsafe { v8__TryCatch__DESTRUCT(&mut buf) };
        r
    }

    pub fn isolate(&self) -> *mut RawIsolate {
        self.isolate
    }

    pub fn context(&self) -> Local<'s, Context> {
        let mut ctx = self.context.get();
        if ctx.is_null() {
            // Only a callback's scope starts without one; V8 has a context entered
            // there. The handle lands in this scope's HandleScope, alive as long.
            ctx = Isolate::current_context(self.isolate);
            self.context.set(ctx);
        }
        // SAFETY: the context handle was made in this or an outer open scope.
        unsafe { Local::from_raw(ctx) }.expect("scope without context")
    }

    /// Throws `exception` in JS; the native caller should return right after.
    pub fn throw(&self, exception: Local<Value>) {
        // SAFETY: exception is a live handle; throwing is allowed in callbacks.
        unsafe { super::isolate::v8__Isolate__ThrowException(self.isolate, exception.as_ptr()) };
    }
}

/// A V8 TryCatch, valid inside `Scope::try_catch`.
pub struct TryCatch<'t> {
    buf: *mut TryCatchBuf,
    _life: PhantomData<&'t ()>,
}

impl<'t> TryCatch<'t> {
    pub fn has_caught(&self) -> bool {
        // SAFETY: buf holds a constructed TryCatch for 't.
        unsafe { v8__TryCatch__HasCaught(self.buf) }
    }
    pub fn has_terminated(&self) -> bool {
        // SAFETY: as above.
        unsafe { v8__TryCatch__HasTerminated(self.buf) }
    }
    pub fn exception<'s>(&self, _scope: &Scope<'s>) -> Option<Local<'s, Value>> {
        // SAFETY: as above; the handle is made in the caller's scope.
        unsafe { Local::from_raw(v8__TryCatch__Exception(self.buf)) }
    }
    pub fn message<'s>(&self, _scope: &Scope<'s>) -> Option<Local<'s, Message>> {
        // SAFETY: as above.
        unsafe { Local::from_raw(v8__TryCatch__Message(self.buf)) }
    }
    /// Passes the exception on to the next handler. A termination (a worker being
    /// stopped) needs no rethrow, and rethrowing one would turn it into a catchable
    /// `null`: V8 goes on terminating once this handler returns.
    pub fn rethrow(&self) {
        if self.has_terminated() {
            return;
        }
        // SAFETY: as above.
        unsafe { v8__TryCatch__ReThrow(self.buf) }
    }
    pub fn reset(&self) {
        // SAFETY: as above.
        unsafe { v8__TryCatch__Reset(self.buf) }
    }
}
