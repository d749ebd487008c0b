//! Native functions called from JS: the trampoline V8 calls, the arguments and
//! return slot of one call (read in place, as V8's inline accessors read them),
//! and the method-table macros the bindings use.
use super::isolate::RawIsolate;
use super::object::RawCallbackInfo;
use super::scope::Scope;
use super::value::{Local, Value};

extern "C" {
    fn v8__FunctionCallbackInfo__SetReturnInt32(info: *const RawCallbackInfo, v: i32);
    fn v8__FunctionCallbackInfo__Get(info: *const RawCallbackInfo, i: i32) -> *const Value;
    fn v8__FunctionCallbackInfo__SetReturnValue(info: *const RawCallbackInfo, v: *const Value);
}

pub type NativeTrampoline = extern "C" fn(info: *const RawCallbackInfo);

/// A native function callable from JS: it reads its arguments and sets a return
/// value through `CallbackArgs`, and throws through `Scope::throw`.
pub type NativeFn = for<'s> fn(&Scope<'s>, &CallbackArgs<'s>);

/// The leading fields of V8 10.2's FunctionCallbackInfo (v8-function-callback.h).
#[repr(C)]
struct CallbackInfoLayout {
    implicit_args: *const usize,
    values: *const usize,
    length: i32,
}

/// The arguments, receiver and return slot of one native call from JS.
pub struct CallbackArgs<'s> {
    info: *const RawCallbackInfo,
    _life: std::marker::PhantomData<&'s ()>,
}

impl<'s> CallbackArgs<'s> {
    /// The call's fields as V8's inline accessors read them (the header's codegen
    /// offsets kValuesOffset/kLengthOffset; binding.cc asserts the size).
    fn layout(&self) -> &CallbackInfoLayout {
        // SAFETY: info is the live FunctionCallbackInfo of this call, whose first
        // three words are implicit_args_, values_ and length_.
        unsafe { &*(self.info as *const CallbackInfoLayout) }
    }
    pub fn len(&self) -> usize {
        self.layout().length.max(0) as usize
    }
    /// Argument i, or undefined past the end (as V8 does). Read in place, as
    /// `info[i]` is in C++: an argument is the slot `values_ + i`.
    pub fn get(&self, i: usize) -> Local<'s, Value> {
        let l = self.layout();
        if i < l.length.max(0) as usize {
            // SAFETY: i < length, so the slot is one of this call's arguments, live
            // for the call; a Local is the address of its slot.
            return unsafe { Local::from_raw(l.values.add(i) as *const Value) }.unwrap();
        }
        // SAFETY: V8 returns undefined for i >= Length.
        unsafe { Local::from_raw(v8__FunctionCallbackInfo__Get(self.info, i as i32)) }.unwrap()
    }
    pub fn ret(&self, v: Local<Value>) {
        // SAFETY: as above.
        unsafe { v8__FunctionCallbackInfo__SetReturnValue(self.info, v.as_ptr()) }
    }
    /// Returns an integer: a Smi stored in place, no heap number or handle.
    pub fn ret_i32(&self, v: i32) {
        // SAFETY: as above.
        unsafe { v8__FunctionCallbackInfo__SetReturnInt32(self.info, v) }
    }
}

/// Runs a NativeFn for a JS call: the trampoline body behind `native_fn!`.
///
/// # Safety
/// `info` must be the FunctionCallbackInfo V8 passed to the current callback.
pub unsafe fn dispatch(info: *const RawCallbackInfo, f: NativeFn) {
    let args = CallbackArgs {
        info,
        _life: std::marker::PhantomData,
    };
    // The isolate is implicit_args_[kIsolateIndex] (1), as GetIsolate() reads it.
    let isolate = *args.layout().implicit_args.add(1) as *mut RawIsolate;
    let scope = Scope::for_callback(isolate);
    f(&scope, &args);
}

/// Turns a `NativeFn` into the extern "C" function V8 calls.
#[macro_export]
macro_rules! native_fn {
    ($f:path) => {{
        extern "C" fn trampoline(info: *const $crate::v8::RawCallbackInfo) {
            // SAFETY: V8 calls this with the live FunctionCallbackInfo of the call.
            unsafe { $crate::v8::dispatch(info, $f) }
        }
        trampoline as $crate::v8::NativeTrampoline
    }};
}

/// A binding's method table: `methods!["name" => rust_fn, ...]`.
#[macro_export]
macro_rules! methods {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(($name, $crate::native_fn!($f))),*]
    };
}
