//! Compiling JS (scripts and CommonJS-style functions) and reading error messages.
use super::object::Function;
use super::scope::Scope;
use super::value::{Context, Local, String, Value};

#[repr(C)]
pub struct Message {
    _opaque: [u8; 0],
}

extern "C" {
    fn v8__Script__CompileAndRun(
        ctx: *const Context,
        src: *const String,
        name: *const Value,
    ) -> *const Value;
    fn v8__ScriptCompiler__CompileFunction(
        ctx: *const Context,
        src: *const String,
        name: *const Value,
        argc: usize,
        params: *const *const String,
        cache: *const u8,
        cache_len: i32,
    ) -> *const Function;
    fn v8__ScriptCompiler__CacheCounts(used: *mut i32, rejected: *mut i32);
    fn v8__Exception__CreateMessage(
        isolate: *mut super::isolate::RawIsolate,
        exception: *const Value,
    ) -> *const Message;
    fn v8__Message__GetScriptResourceName(m: *const Message) -> *const Value;
    fn v8__Message__GetLineNumber(m: *const Message, ctx: *const Context) -> i32;
    fn v8__Message__GetStartColumn(m: *const Message) -> i32;
    fn v8__Message__GetEndColumn(m: *const Message) -> i32;
    fn v8__Message__GetScriptOffsets(m: *const Message, line: *mut i32, column: *mut i32);
    fn v8__Message__GetSourceLine(m: *const Message, ctx: *const Context) -> *const String;
}

impl<'s> Scope<'s> {
    /// Compiles and runs a classic script; None if compiling or running threw.
    pub fn run_script(
        &self,
        source: Local<String>,
        name: Local<Value>,
    ) -> Option<Local<'s, Value>> {
        // SAFETY: live handles in this scope.
        unsafe {
            Local::from_raw(v8__Script__CompileAndRun(
                self.context().as_ptr(),
                source.as_ptr(),
                name.as_ptr(),
            ))
        }
    }

    /// Compiles `source` as the body of a function with `params`; None on a syntax error.
    pub fn compile_function(
        &self,
        source: Local<String>,
        name: Local<Value>,
        params: &[Local<String>],
    ) -> Option<Local<'s, Function>> {
        self.compile_function_cached(source, name, params, None)
    }

    /// As `compile_function`, from V8's code cache for exactly this source and these
    /// params when there is one (V8 checks it, and compiles when it does not fit).
    pub fn compile_function_cached(
        &self,
        source: Local<String>,
        name: Local<Value>,
        params: &[Local<String>],
        cache: Option<&'static [u8]>,
    ) -> Option<Local<'s, Function>> {
        let (ptr, len) = cache
            .filter(|c| !c.is_empty() && c.len() <= i32::MAX as usize)
            .map_or((std::ptr::null(), 0), |c| (c.as_ptr(), c.len() as i32));
        // SAFETY: live handles; Local<String> is one pointer, so params is a String*
        // array; the cache is static, so it outlives V8's use of it.
        unsafe {
            Local::from_raw(v8__ScriptCompiler__CompileFunction(
                self.context().as_ptr(),
                source.as_ptr(),
                name.as_ptr(),
                params.len(),
                params.as_ptr() as *const *const String,
                ptr,
                len,
            ))
        }
    }
}

/// (used, rejected): how many built-in code caches V8 took and turned down so far.
pub fn code_cache_counts() -> (i32, i32) {
    let (mut used, mut rejected) = (0, 0);
    // SAFETY: plain reads of two counters.
    unsafe { v8__ScriptCompiler__CacheCounts(&mut used, &mut rejected) };
    (used, rejected)
}

impl Message {
    /// The message V8 would report for `exception` thrown now: for an Error, its
    /// location is where the error was made (from its captured stack).
    pub fn create<'s>(
        scope: &Scope<'s>,
        exception: Local<'s, Value>,
    ) -> Option<Local<'s, Message>> {
        // SAFETY: exception is a live handle in scope; V8 returns a handle in it.
        unsafe {
            Local::from_raw(v8__Exception__CreateMessage(
                scope.isolate(),
                exception.as_ptr(),
            ))
        }
    }
}

impl<'s> Local<'s, Message> {
    /// "file:line\nsource line\n    ^^^\n": where an exception was thrown, as Node prints it.
    pub fn arrow(self, scope: &Scope<'s>) -> std::string::String {
        let ctx = scope.context().as_ptr();
        // SAFETY: live message handle; results are fresh handles in `scope` or null.
        unsafe {
            let name = Local::from_raw(v8__Message__GetScriptResourceName(self.as_ptr()))
                .map(|v| v.to_rust_string(scope))
                .unwrap_or_default();
            let line = v8__Message__GetLineNumber(self.as_ptr(), ctx);
            let source = Local::from_raw(v8__Message__GetSourceLine(self.as_ptr(), ctx))
                .map(|s: Local<String>| s.to_rust(scope))
                .unwrap_or_default();
            let (mut line_offset, mut column_offset) = (0, 0);
            v8__Message__GetScriptOffsets(self.as_ptr(), &mut line_offset, &mut column_offset);
            // V8's columns on a script's first line count its column offset; the
            // source line printed does not.
            let shift = if line - line_offset == 1 {
                column_offset
            } else {
                0
            };
            let mut start = v8__Message__GetStartColumn(self.as_ptr());
            let mut end = v8__Message__GetEndColumn(self.as_ptr());
            if start >= shift {
                start -= shift;
                end -= shift;
            }
            let start = start.max(0) as usize;
            let end = (end.max(0) as usize).max(start + 1);
            let end = end.min(source.chars().count().max(start + 1));
            let pad: std::string::String = source
                .chars()
                .take(start)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            format!(
                "{name}:{line}\n{source}\n{pad}{}\n",
                "^".repeat(end - start)
            )
        }
    }
}
