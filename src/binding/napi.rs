//! internalBinding('napi'): loads Node-API addons (process.dlopen) and connects
//! coil's own Node-API (src/v8/napi/*.cc) to the loop: async work runs on the work
//! pool and completes as a request; a thread-safe function's calls from other
//! threads arrive through a wake-up (src/runtime/wake.rs). The addon's undefined
//! `napi_*` symbols bind to the executable's definitions (see docs/addons.md).
use std::ffi::{c_char, c_void, CStr, CString};

use super::set_methods;
use crate::backend::op::{Inline, InlineOutput};
use crate::runtime::{Runtime, Waker};
use crate::v8::{CallbackArgs, Isolate, Local, Object, RawIsolate, Scope, Value, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(s, target, crate::methods!["dlopen" => dlopen]);
}

extern "C" {
    fn coil_napi_legacy_reset();
    fn coil_napi_legacy_take() -> *mut c_void;
    fn coil_napi_node_module_seen() -> bool;
    fn coil_napi_register(
        isolate: *mut RawIsolate,
        init: *mut c_void,
        api_version: i32,
        module: *const Object,
        exports: *const Object,
        buffer_proto: *const Object,
        filename_url: *const c_char,
    ) -> bool;
    fn coil_napi_teardown();
    fn coil_napi_work_execute(work: *mut c_void);
    fn coil_napi_work_complete(work: *mut c_void, cancelled: bool);
    fn coil_napi_tsfn_dispatch(tsfn: *mut c_void);
}

// One function of each src/v8/napi/*.cc file (their real signatures do not matter:
// they are never called from here). Referencing them makes the linker take every
// object file of the Node-API archive into the executable, which exports them.
extern "C" {
    fn napi_get_version();
    fn napi_create_object();
    fn napi_define_class();
    fn napi_create_function();
    fn napi_wrap();
    fn napi_throw();
    fn napi_create_buffer();
    fn napi_create_async_work();
}
#[used]
static KEEP_NAPI: [unsafe extern "C" fn(); 8] = [
    napi_get_version,
    napi_create_object,
    napi_define_class,
    napi_create_function,
    napi_wrap,
    napi_throw,
    napi_create_buffer,
    napi_create_async_work,
];

/// The ABI versions of Node's own C++ addon API (node.h, NAN): an addon exporting
/// one of these was built for a particular Node, not for Node-API.
const NODE_ABI_VERSIONS: &[u32] = &[83, 88, 93, 102, 108, 115, 120, 127, 131, 137];

fn dlerror() -> String {
    // SAFETY: dlerror returns null or a NUL-terminated string valid until the next dl* call.
    let e = unsafe { libc::dlerror() };
    if e.is_null() {
        return "unknown dlopen error".into();
    }
    // SAFETY: non-null, NUL-terminated (above).
    unsafe { CStr::from_ptr(e) }.to_string_lossy().into_owned()
}

fn symbol(handle: *mut c_void, name: &str) -> *mut c_void {
    let name = CString::new(name).expect("no NUL in symbol names");
    // SAFETY: a live handle from dlopen and a NUL-terminated name.
    unsafe { libc::dlsym(handle, name.as_ptr()) }
}

/// `path` as a file: URL (node_api_get_module_file_name).
fn file_url(path: &str) -> String {
    let mut url = String::from("file://");
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// dlopen(module, exports, filename, flags, Buffer.prototype) -> undefined, or the
/// message of ERR_DLOPEN_FAILED (a string); an exception from the addon's init
/// propagates.
fn dlopen<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let (Some(module), Some(exports), Some(proto)) = (
        a.get(0).to::<Object>(ValueKind::Object),
        a.get(1).to::<Object>(ValueKind::Object),
        a.get(4).to::<Object>(ValueKind::Object),
    ) else {
        return;
    };
    let filename = a.get(2).to_rust_string(s);
    let flags = a.get(3).integer(s).unwrap_or(libc::RTLD_LAZY as i64) as i32;
    let fail = |msg: String| a.ret(s.string(&msg).value());
    let Ok(cpath) = CString::new(filename.clone()) else {
        return fail(format!("{filename}: invalid file name"));
    };
    // SAFETY: resets a thread-local the addon's static constructors may set.
    unsafe { coil_napi_legacy_reset() };
    // SAFETY: a NUL-terminated path; loading runs the library's constructors, which
    // is what loading an addon means.
    let handle = unsafe { libc::dlopen(cpath.as_ptr(), flags) };
    if handle.is_null() {
        return fail(dlerror());
    }
    // SAFETY: takes what napi_module_register stored during dlopen, if anything.
    let mut init = unsafe { coil_napi_legacy_take() };
    if init.is_null() {
        init = symbol(handle, "napi_register_module_v1");
    }
    if init.is_null() {
        // SAFETY: reads a thread-local set while dlopen ran the constructors.
        let native = unsafe { coil_napi_node_module_seen() }
            || NODE_ABI_VERSIONS
                .iter()
                .any(|v| !symbol(handle, &format!("node_register_module_v{v}")).is_null());
        // SAFETY: the handle came from dlopen above and nothing of it is in use.
        unsafe { libc::dlclose(handle) };
        return fail(if native {
            format!(
                "{filename}: this addon was built against Node's C++ API (node.h/NAN) for one \
                 Node version; coil loads Node-API addons only"
            )
        } else {
            format!("Module did not self-register: '{filename}'.")
        });
    }
    let get_version = symbol(handle, "node_api_module_get_api_version_v1");
    let version = if get_version.is_null() {
        8
    } else {
        // SAFETY: the symbol Node-API defines with this signature: int32_t (void).
        let f: extern "C" fn() -> i32 = unsafe { std::mem::transmute(get_version) };
        f()
    };
    let url = CString::new(file_url(&filename)).unwrap_or_default();
    // SAFETY: `init` is the addon's register function; the handles are live in
    // this scope; the C side copies the URL.
    let ok = unsafe {
        coil_napi_register(
            s.isolate(),
            init,
            version,
            module.as_ptr(),
            exports.as_ptr(),
            proto.as_ptr(),
            url.as_ptr(),
        )
    };
    if ok {
        a.ret(s.undefined());
    }
}

/// Environment clean-up when the program ends by itself (not at process.exit or a
/// fatal exception, as node): hooks, then the finalizers not yet run.
pub fn teardown(rt: &Runtime) {
    rt.isolate.scope(&rt.context, |_| {
        // SAFETY: on the loop thread with the isolate entered; runs the hooks addons added.
        unsafe { coil_napi_teardown() }
    });
}

fn runtime() -> &'static Runtime {
    Runtime::from_isolate(Isolate::current())
}

#[no_mangle]
extern "C" fn coil_napi_rs_uncaught(isolate: *mut RawIsolate, exception: *const Value) {
    let rt = Runtime::from_isolate(isolate);
    // SAFETY: called on the loop thread from a Node-API call, a HandleScope open.
    let s = unsafe { Scope::for_callback(isolate) };
    // SAFETY: a live handle from that scope.
    let exc = unsafe { Local::from_raw(exception) }.unwrap_or_else(|| s.undefined());
    let arrow = crate::runtime::arrow_of(&s, exc);
    rt.fatal_exception(&s, exc, false, &arrow);
}

#[no_mangle]
extern "C" fn coil_napi_rs_drain_ticks(isolate: *mut RawIsolate) {
    let rt = Runtime::from_isolate(isolate);
    // SAFETY: on the loop thread, from a Node-API call with a HandleScope open.
    let s = unsafe { Scope::for_callback(isolate) };
    rt.drain_ticks(&s);
}

/// A napi_async_work, lent to a pool thread.
struct Work(*mut c_void);
// SAFETY: the pool thread only calls the addon's execute (no V8), and the loop
// thread does not touch the work until the job's completion comes back.
unsafe impl Send for Work {}

#[no_mangle]
extern "C" fn coil_napi_rs_queue_work(work: *mut c_void) -> u64 {
    let rt = runtime();
    let job = Work(work);
    let op = Inline::on_pool("napi_work", move || {
        let job = job;
        // SAFETY: see `Work`; execute runs without V8, as Node-API requires.
        unsafe { coil_napi_work_execute(job.0) };
        Ok(Box::new(()) as InlineOutput)
    });
    let done = Work(work);
    rt.submit_native_request(
        op.into(),
        Box::new(move |s, c| {
            // SAFETY: on the loop thread in a scope; the work lives until the addon
            // deletes it (not before its complete callback, as Node-API requires).
            unsafe { coil_napi_work_complete(done.0, c.result == -libc::ECANCELED) };
            runtime().drain_ticks(s);
        }),
    )
}

#[no_mangle]
extern "C" fn coil_napi_rs_cancel_work(key: u64) {
    runtime().lp.cancel(key);
}

#[no_mangle]
extern "C" fn coil_napi_rs_wake_open(tsfn: *mut c_void) -> *mut Waker {
    Box::into_raw(runtime().wake_open(coil_napi_tsfn_dispatch, tsfn))
}

#[no_mangle]
extern "C" fn coil_napi_rs_wake_send(waker: *const Waker) {
    // SAFETY: the C side keeps the waker until it closes it, and closes it only
    // when no thread holds the thread-safe function any more.
    unsafe { (*waker).send() }
}

#[no_mangle]
extern "C" fn coil_napi_rs_wake_ref(waker: *const Waker, referenced: bool) {
    // SAFETY: a waker from coil_napi_rs_wake_open, not yet closed (loop thread).
    runtime().wake_ref(unsafe { &*waker }, referenced);
}

#[no_mangle]
extern "C" fn coil_napi_rs_wake_close(waker: *mut Waker) {
    let rt = runtime();
    // SAFETY: on the loop thread inside the wake-up's own scope.
    let s = unsafe { Scope::for_callback(Isolate::current()) };
    // SAFETY: made by Box::into_raw in coil_napi_rs_wake_open, closed once.
    let waker = unsafe { Box::from_raw(waker) };
    rt.wake_close(&s, *waker);
}
