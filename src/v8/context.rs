//! The engine side of the vm module: contexts whose global forwards to a sandbox
//! object, scripts compiled with line/column offsets and code caches, functions
//! compiled in another context with extension scopes, and the termination switch
//! the timeout watchdog pulls from its own thread. The C side is src/v8/context.cc.
use super::isolate::RawIsolate;
use super::object::{ArrayBuffer, Function, Object, Private};
use super::scope::Scope;
use super::value::{Context, Local, String, Value};

extern "C" {
    fn v8__Context__NewForwarding(
        current: *const Context,
        sandbox: *const Object,
        marker: *const Private,
        allow_strings: bool,
        allow_wasm: bool,
        own_microtasks: bool,
    ) -> *const Context;
    fn v8__Object__GetCreationContext(o: *const Object) -> *const Context;
    fn v8__Contextify__Check(
        current: *const Context,
        source: *const String,
        name: *const Value,
        line: i32,
        column: i32,
        cache: *const u8,
        cache_len: i32,
        rejected: *mut i32,
        source_map_url: *mut *const Value,
    ) -> bool;
    fn v8__ScriptCompiler__CodeCacheForFunction(function: *const Function) -> *const ArrayBuffer;
    fn v8__ArrayBuffer__Data(ab: *const ArrayBuffer) -> *mut u8;
    fn v8__ArrayBuffer__ByteLength(ab: *const ArrayBuffer) -> usize;
    fn v8__Contextify__CodeCache(
        current: *const Context,
        source: *const String,
        name: *const Value,
        line: i32,
        column: i32,
    ) -> *const ArrayBuffer;
    fn v8__Contextify__Run(
        target: *const Context,
        source: *const String,
        name: *const Value,
        line: i32,
        column: i32,
    ) -> *const Value;
    fn v8__Contextify__CompileFunction(
        target: *const Context,
        source: *const String,
        name: *const Value,
        line: i32,
        column: i32,
        argc: usize,
        params: *const *const String,
        extc: usize,
        extensions: *const *const Object,
        cache: *const u8,
        cache_len: i32,
        rejected: *mut i32,
        produce: bool,
        produced: *mut *const ArrayBuffer,
    ) -> *const Function;
    fn v8__Isolate__TerminateExecution(isolate: *mut RawIsolate);
    fn v8__Isolate__CancelTerminateExecution(isolate: *mut RawIsolate);
}

/// Source text with the origin V8 reports in stacks: file name and where line 1
/// column 1 of the text sits in that file.
#[derive(Clone, Copy)]
pub struct ScriptSource<'s> {
    pub code: Local<'s, String>,
    pub name: Local<'s, Value>,
    pub line: i32,
    pub column: i32,
}

/// A function compiled by `Scope::compile_function_in`, with what happened to the
/// code cache: `rejected` when one was offered, `produced` when one was asked for.
pub struct CompiledFunction<'s> {
    pub function: Local<'s, Function>,
    pub rejected: Option<bool>,
    pub produced: Option<Local<'s, ArrayBuffer>>,
}

/// Code-cache bytes as (pointer, length) for the shim; V8 only reads them while
/// compiling, so a borrowed slice is enough.
fn cache_parts(cache: Option<&[u8]>) -> (*const u8, i32) {
    cache
        .filter(|c| c.len() <= i32::MAX as usize)
        .map_or((std::ptr::null(), 0), |c| (c.as_ptr(), c.len() as i32))
}

impl<'s> Scope<'s> {
    /// A new context whose global object forwards reads, writes, definitions,
    /// deletions and enumeration to `sandbox`; `sandbox` gets the new global under
    /// `marker`. `strings`/`wasm` say whether eval and WebAssembly may compile there;
    /// with `own_microtasks` its promise jobs run right after each script run in it.
    pub fn new_forwarding_context(
        &self,
        sandbox: Local<Object>,
        marker: Local<Private>,
        strings: bool,
        wasm: bool,
        own_microtasks: bool,
    ) -> Option<Local<'s, Context>> {
        // SAFETY: live handles in this scope; the new context is a handle in it.
        unsafe {
            Local::from_raw(v8__Context__NewForwarding(
                self.context().as_ptr(),
                sandbox.as_ptr(),
                marker.as_ptr(),
                strings,
                wasm,
                own_microtasks,
            ))
        }
    }

    /// Compiles `src` here without running it. None if it threw (a SyntaxError);
    /// else whether V8 rejected `cache` (None when no cache was given) and the
    /// script's sourceMappingURL comment (undefined without one).
    pub fn check_script(
        &self,
        src: ScriptSource,
        cache: Option<&[u8]>,
    ) -> Option<(Option<bool>, Local<'s, Value>)> {
        let (ptr, len) = cache_parts(cache);
        let mut rejected = -1;
        let mut url: *const Value = std::ptr::null();
        // SAFETY: live handles; the cache bytes outlive the call, which is all V8 needs.
        let ok = unsafe {
            v8__Contextify__Check(
                self.context().as_ptr(),
                src.code.as_ptr(),
                src.name.as_ptr(),
                src.line,
                src.column,
                ptr,
                len,
                &mut rejected,
                &mut url,
            )
        };
        // SAFETY: on success the shim wrote a fresh handle made in this scope.
        let url = unsafe { Local::from_raw(url) }.unwrap_or_else(|| self.undefined());
        ok.then(|| ((rejected >= 0).then_some(rejected == 1), url))
    }

    /// V8's code cache for `src`; None if compiling threw.
    pub fn script_code_cache(&self, src: ScriptSource) -> Option<Local<'s, ArrayBuffer>> {
        // SAFETY: live handles; the result is a fresh handle in this scope or null.
        unsafe {
            Local::from_raw(v8__Contextify__CodeCache(
                self.context().as_ptr(),
                src.code.as_ptr(),
                src.name.as_ptr(),
                src.line,
                src.column,
            ))
        }
    }

    /// V8's code cache of a function `compile_function_in` made, with the inner
    /// functions compiled by now; None if V8 could not make one.
    pub fn function_code_cache(&self, function: Local<Function>) -> Option<Local<'s, ArrayBuffer>> {
        // SAFETY: a live function handle; the result is a fresh handle in this scope or null.
        unsafe { Local::from_raw(v8__ScriptCompiler__CodeCacheForFunction(function.as_ptr())) }
    }

    /// Compiles and runs `src` with `target` entered; None if it threw.
    pub fn run_script_in(
        &self,
        target: Local<Context>,
        src: ScriptSource,
    ) -> Option<Local<'s, Value>> {
        // SAFETY: live handles; the shim enters and leaves `target` around the run.
        unsafe {
            Local::from_raw(v8__Contextify__Run(
                target.as_ptr(),
                src.code.as_ptr(),
                src.name.as_ptr(),
                src.line,
                src.column,
            ))
        }
    }

    /// Compiles `src` as a function body in `target` with `params`, its free
    /// names also looked up in `extensions`; None on a syntax error.
    pub fn compile_function_in(
        &self,
        target: Local<Context>,
        src: ScriptSource,
        params: &[Local<String>],
        extensions: &[Local<Object>],
        cache: Option<&[u8]>,
        produce: bool,
    ) -> Option<CompiledFunction<'s>> {
        let (ptr, len) = cache_parts(cache);
        let mut rejected = -1;
        let mut produced: *const ArrayBuffer = std::ptr::null();
        // SAFETY: live handles; a Local is one pointer, so the slices are arrays of
        // String*/Object*; the cache bytes outlive the call.
        let function = unsafe {
            Local::from_raw(v8__Contextify__CompileFunction(
                target.as_ptr(),
                src.code.as_ptr(),
                src.name.as_ptr(),
                src.line,
                src.column,
                params.len(),
                params.as_ptr() as *const *const String,
                extensions.len(),
                extensions.as_ptr() as *const *const Object,
                ptr,
                len,
                &mut rejected,
                produce,
                &mut produced,
            ))
        }?;
        Some(CompiledFunction {
            function,
            rejected: (rejected >= 0).then_some(rejected == 1),
            // SAFETY: null or a fresh handle made in this scope by the shim.
            produced: unsafe { Local::from_raw(produced) },
        })
    }

    /// A handle another thread may use to stop JS running on this isolate.
    pub fn terminator(&self) -> Terminator {
        Terminator(self.isolate())
    }

    /// Lets JS run again after a termination this code asked for.
    pub fn cancel_terminate(&self) {
        // SAFETY: live isolate, on its own thread.
        unsafe { v8__Isolate__CancelTerminateExecution(self.isolate()) }
    }
}

impl<'s> Local<'s, Object> {
    /// The context the object was made in (None for some API objects).
    pub fn creation_context(self) -> Option<Local<'s, Context>> {
        // SAFETY: live handle; the result is a handle in the current scope or null.
        unsafe { Local::from_raw(v8__Object__GetCreationContext(self.as_ptr())) }
    }
}

/// The isolate's "stop running JS now" switch, usable from the watchdog thread.
pub struct Terminator(*mut RawIsolate);

// SAFETY: V8 documents Isolate::TerminateExecution as callable from any thread; the
// isolate lives for the whole process, longer than any watchdog.
unsafe impl Send for Terminator {}

impl Terminator {
    pub fn terminate(&self) {
        // SAFETY: see the Send impl: thread-safe call on a live isolate.
        unsafe { v8__Isolate__TerminateExecution(self.0) }
    }
}

/// A copy of a code cache's bytes (an ArrayBuffer the shim made from V8's CachedData).
pub fn code_cache_bytes(buffer: Local<ArrayBuffer>) -> Vec<u8> {
    // SAFETY: live handle; Data() is valid for ByteLength() bytes (or null when
    // empty), and no JS runs during the copy.
    unsafe {
        let len = v8__ArrayBuffer__ByteLength(buffer.as_ptr());
        let data = v8__ArrayBuffer__Data(buffer.as_ptr());
        if data.is_null() || len == 0 {
            return Vec::new();
        }
        std::slice::from_raw_parts(data, len).to_vec()
    }
}
