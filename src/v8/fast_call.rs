//! V8's fast API calls from the Rust side (the C++ side is fast_api.cc): a native
//! function that also hands optimized code a plain C function to call directly.
use std::ffi::c_void;

use super::callback::NativeTrampoline;
use super::object::Function;
use super::scope::Scope;
use super::value::{Context, Local, String, Value};

extern "C" {
    fn v8__Function__NewWithFastCall(
        ctx: *const Context,
        f: NativeTrampoline,
        name: *const String,
        fast: *const c_void,
        sig: i32,
    ) -> *const Function;
}

/// What optimized code may call instead of a native function's trampoline (V8's
/// fast API calls, src/v8/fast_api.cc): a plain C function that must not allocate,
/// throw or run JS, and must answer as the slow function does.
#[derive(Clone, Copy)]
pub enum FastCall {
    /// `(receiver, value) -> bool`; Value pointers are handles, as elsewhere.
    ValueToBool(extern "C" fn(*const Value, *const Value) -> bool),
    /// `(receiver) -> f64`.
    NoArgsToF64(extern "C" fn(*const Value) -> f64),
}

impl<'s> Scope<'s> {
    /// As `function`, plus `fast` for callers TurboFan has optimized.
    pub fn function_with_fast_call(
        &self,
        trampoline: NativeTrampoline,
        name: &str,
        fast: FastCall,
    ) -> Option<Local<'s, Function>> {
        let (address, sig) = match fast {
            FastCall::ValueToBool(f) => (f as *const c_void, 0),
            FastCall::NoArgsToF64(f) => (f as *const c_void, 1),
        };
        // SAFETY: live context; `address` has the C signature numbered `sig`.
        self.handle(unsafe {
            v8__Function__NewWithFastCall(
                self.context().as_ptr(),
                trampoline,
                self.name(name).as_ptr(),
                address,
                sig,
            )
        })
    }
}
