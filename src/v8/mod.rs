//! coil's binding to V8, the engine inside the system's libnode.
//!
//! `binding.cc` exposes one `extern "C"` function per V8 call; the files here wrap
//! them in safe Rust, one file per group of classes, each with its own extern block.
//!
//! Scopes: every `Local<'s, T>` lives in a V8 HandleScope, and `'s` is the life of the
//! `Scope<'s>` that made it. Scopes are only opened through closures
//! (`Isolate::scope`, `Scope::inner`, `Scope::try_catch`) so their C++ objects sit in
//! a stack frame that does not move and closes in LIFO order. Always create handles
//! through the innermost scope you have: V8 puts a new handle in the innermost open
//! HandleScope whatever Rust believes.
//!
//! Each thread (the main one, each worker) runs its own isolate and never touches
//! another's, so the binding has no locking (v8::Locker is not needed).
#![allow(non_snake_case)]

mod async_context;
mod callback;
mod context;
mod fast_call;
mod flags;
pub mod heap;
mod isolate;
mod keys;
mod message;
mod module;
mod object;
mod promise;
mod scope;
mod script;
mod serializer;
mod value;
mod worker;

pub use callback::{dispatch, CallbackArgs, NativeTrampoline};
pub use context::{code_cache_bytes, ScriptSource};
pub use fast_call::FastCall;
pub use flags::DEFAULT_V8_FLAGS;
pub use isolate::{init, version, Isolate, RawIsolate};
pub use object::{
    set_zero_fill_field, Array, ArrayBuffer, BackingStore, ErrorKind, Free, Function, Global,
    Object, Promise, Proxy, RawCallbackInfo, Reclaim,
};
pub use promise::PromiseResolver;
pub use scope::Scope;
pub use script::code_cache_counts;
pub use script::Message;
pub use serializer::{Deserializer, Serializer};
pub use value::{Context, Local, String, Value, ValueKind};
pub use worker::{terminate_near_heap_limit, IsolateHandle, SendStore};
