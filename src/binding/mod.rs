//! `internalBinding(name)`: the only door from lib/ into Rust. One file per binding,
//! named like Node's; each starts with its method table. An unknown name throws.
use crate::runtime::Runtime;
use crate::v8::{
    CallbackArgs, ErrorKind, Global, Local, NativeTrampoline, Object, Scope, ValueKind,
};

/// Provided-buffer group ids, named in one place so that no two bindings share one.
pub mod buffer_groups {
    /// Stream reads copied out of buffers of the backend's (kernels before 6.12).
    pub const STREAM_COPY: u16 = 1;
    /// Datagrams (udp_wrap).
    pub const DGRAM: u16 = 2;
    /// Stream reads into lent slabs of JS memory (tcp_wrap/read.rs).
    pub const STREAM_LENT: u16 = 3;
}

pub mod async_context;
mod b64_vbmi;
mod buffer;
pub mod builtins;
mod byte_scan;
mod cares_wrap;
mod codec;
pub mod compile_cache;
mod contextify;
mod crypto;
pub mod errno;
mod errors;
pub mod fs;
mod handle_wrap;
pub(crate) mod http_parser;
pub mod messaging;
mod module_wrap;
pub mod napi;
mod options;
mod os;
mod process_methods;
mod process_wrap;
mod serdes;
mod signal_wrap;
pub mod stream_wrap;
mod task_queue;
mod tcp_wrap;
mod timers;
pub mod tls;
mod tty_wrap;
mod types;
mod udp_wrap;
mod uring;
mod url;
mod util;
mod v8;
pub mod worker;
mod zlib;

type Init = for<'s> fn(&Scope<'s>, Local<'s, Object>);

/// Every binding, listed once.
const BINDINGS: &[(&str, Init)] = &[
    ("async_context", async_context::init),
    ("buffer", buffer::init),
    ("builtins", builtins::init),
    ("cares_wrap", cares_wrap::init),
    ("compile_cache", compile_cache::init),
    ("contextify", contextify::init),
    ("crypto", crypto::init),
    ("errors", errors::init),
    ("fs", fs::init),
    ("http_parser", http_parser::init),
    ("messaging", messaging::init),
    ("module_wrap", module_wrap::init),
    ("napi", napi::init),
    ("options", options::init),
    ("os", os::init),
    ("process_methods", process_methods::init),
    ("process_wrap", process_wrap::init),
    ("serdes", serdes::init),
    ("v8", v8::init),
    ("signal_wrap", signal_wrap::init),
    ("task_queue", task_queue::init),
    ("tcp_wrap", tcp_wrap::init),
    ("tls_wrap", tls::init),
    ("timers", timers::init),
    ("tty_wrap", tty_wrap::init),
    ("types", types::init),
    ("udp_wrap", udp_wrap::init),
    ("uring", uring::init),
    ("url", url::init),
    ("util", util::init),
    ("worker", worker::init),
    ("zlib", zlib::init),
];

/// internalBinding(name) -> the binding's object, made on first use.
pub fn internal_binding<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let name = args.get(0).to_rust_string(s);
    let rt = Runtime::get(s);
    if let Some(g) = rt.bindings.borrow().get(&name) {
        return args.ret(g.get(s));
    }
    let Some((_, init)) = BINDINGS.iter().find(|(n, _)| *n == name) else {
        return s.throw_error(ErrorKind::Error, &format!("No such binding: {name}"));
    };
    let obj = s.object();
    init(s, obj);
    rt.bindings
        .borrow_mut()
        .insert(name, Global::new(s, obj.value()));
    args.ret(obj.value());
}

/// Puts each native method on `target` under its JS name.
pub fn set_methods(s: &Scope, target: Local<Object>, methods: &[(&str, NativeTrampoline)]) {
    for (name, f) in methods {
        if let Some(func) = s.function(*f, name) {
            target.set_str(s, name, func.value());
        }
    }
}

/// Argument i as a string, or throw ERR_INVALID_ARG_TYPE-like TypeError and None.
pub fn arg_string(s: &Scope, args: &CallbackArgs, i: usize, name: &str) -> Option<String> {
    let v = args.get(i);
    if !v.is(ValueKind::String) {
        s.throw_error(
            ErrorKind::TypeError,
            &format!("The \"{name}\" argument must be of type string"),
        );
        return None;
    }
    Some(v.to_rust_string(s))
}
