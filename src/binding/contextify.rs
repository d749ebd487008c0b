//! internalBinding('contextify'): compiling user code, and the engine half of the
//! vm module. CommonJS files become functions (V8's CompileFunction, so line and
//! column numbers stay the file's own); -e code runs as a classic script; vm's
//! contexts are V8 contexts whose global forwards to a sandbox object (see
//! src/v8/context.cc), and its timeouts are a watchdog thread that terminates the
//! script. A syntax error carries its arrow text.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use super::set_methods;
use crate::runtime::decorate;
use crate::v8::{
    CallbackArgs, Context, ErrorKind, Local, Message, Object, Scope, ScriptSource, ValueKind,
};

/// The private key under which a contextified sandbox keeps its context's global.
const CONTEXT_MARKER: &str = "coil:vm:contextGlobal";

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "compileFunction" => compile_function,
            "runScript" => run_script,
            "makeContext" => make_context,
            "isContext" => is_context,
            "checkScript" => check_script,
            "runScriptIn" => run_script_in,
            "createCachedData" => create_cached_data,
            "compileFunctionIn" => compile_function_in,
        ],
    );
}

/// compileFunction(code, filename, params[]) -> Function; throws SyntaxError.
fn compile_function<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(code) = args.get(0).to_string(s) else {
        return;
    };
    let filename = args.get(1);
    let params = strings_of(s, args.get(2));
    returning_decorated(s, args, |s| {
        s.compile_function(code, filename, &params)
            .map(|f| f.value())
    });
}

/// runScript(code, filename) -> completion value.
fn run_script<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(code) = args.get(0).to_string(s) else {
        return;
    };
    returning_decorated(s, args, |s| s.run_script(code, args.get(1)));
}

/// makeContext(sandbox, allowStrings, allowWasm, ownMicrotasks): gives `sandbox` a context.
fn make_context<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(sandbox) = args.get(0).to::<Object>(ValueKind::Object) else {
        return s.throw_error(ErrorKind::TypeError, "sandbox must be an object");
    };
    let marker = s.private(CONTEXT_MARKER);
    let (strings, wasm) = (args.get(1).boolean(s), args.get(2).boolean(s));
    let own_microtasks = args.get(3).boolean(s);
    if s.new_forwarding_context(sandbox, marker, strings, wasm, own_microtasks)
        .is_none()
    {
        s.throw_error(ErrorKind::Error, "could not create a context");
    }
}

/// The context `sandbox` was given by makeContext.
pub(crate) fn context_of<'s>(
    s: &Scope<'s>,
    sandbox: Local<'s, crate::v8::Value>,
) -> Option<Local<'s, Context>> {
    sandbox
        .to::<Object>(ValueKind::Object)?
        .get_private(s, s.private(CONTEXT_MARKER))?
        .to::<Object>(ValueKind::Object)?
        .creation_context()
}

/// isContext(object) -> whether makeContext was called on it.
fn is_context<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.boolean(context_of(s, args.get(0)).is_some()));
}

/// Arguments 0..4 as the source and its origin: (code, filename, line, column).
fn source_of<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) -> Option<ScriptSource<'s>> {
    Some(ScriptSource {
        code: args.get(0).to_string(s)?,
        name: args.get(1),
        line: args.get(2).integer(s).unwrap_or(0) as i32,
        column: args.get(3).integer(s).unwrap_or(0) as i32,
    })
}

/// checkScript(code, filename, line, column, cachedData?) -> [whether V8 rejected
/// the cache (undefined without one), sourceMappingURL]; throws the SyntaxError.
fn check_script<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(src) = source_of(s, args) else {
        return;
    };
    let cache = args.get(4).view_bytes().map(|b| b.to_vec());
    // As node, a syntax error's stack starts with its arrow.
    s.try_catch(|tc| match s.check_script(src, cache.as_deref()) {
        Some((rejected, url)) => {
            let rejected = rejected.map_or(s.undefined(), |r| s.boolean(r));
            args.ret(s.array(&[rejected, url]).value())
        }
        None => {
            if let (Some(e), Some(m)) = (tc.exception(s), tc.message(s)) {
                decorate_stack(s, e, m);
            }
            tc.rethrow();
        }
    });
}

/// createCachedData(code, filename, line, column) -> ArrayBuffer.
fn create_cached_data<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(src) = source_of(s, args) else {
        return;
    };
    returning_decorated(s, args, |s| s.script_code_cache(src).map(|b| b.value()));
}

/// runScriptIn(code, filename, line, column, sandbox, timeout, displayErrors,
/// timedOut) -> completion value, or `timedOut` itself when the timeout stopped
/// the script (JS throws ERR_SCRIPT_EXECUTION_TIMEOUT). Without a sandbox the
/// script runs in the caller's context.
fn run_script_in<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(src) = source_of(s, args) else {
        return;
    };
    let target = match args.get(4) {
        v if v.is_undefined() || v.is(ValueKind::Null) => s.context(),
        v => match context_of(s, v) {
            Some(c) => c,
            None => return s.throw_error(ErrorKind::TypeError, "not a contextified object"),
        },
    };
    let timeout = args.get(5).integer(s).unwrap_or(0).max(0) as u64;
    let display_errors = args.get(6).boolean(s);
    let timed_out = args.get(7);
    s.try_catch(|tc| {
        let (result, fired) = watched(s, timeout, || s.run_script_in(target, src));
        if fired {
            // Ours: stop terminating. (If the script finished first, the request may
            // still be pending; cancelling clears it too.)
            s.cancel_terminate();
            if result.is_none() {
                tc.reset();
                return args.ret(timed_out);
            }
        }
        match result {
            Some(v) => args.ret(v),
            // Someone else's termination (an outer timeout): let it go on.
            None if tc.has_terminated() => {}
            None => {
                if let (true, Some(e), Some(m)) = (display_errors, tc.exception(s), tc.message(s)) {
                    decorate_stack(s, e, m);
                }
                tc.rethrow();
            }
        }
    });
}

/// compileFunctionIn(code, filename, line, column, params[], sandbox, extensions[],
/// cachedData?, produceCachedData) -> [function, cachedDataRejected, cachedData].
fn compile_function_in<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(src) = source_of(s, args) else {
        return;
    };
    let params = strings_of(s, args.get(4));
    let target = match args.get(5) {
        v if v.is_undefined() || v.is(ValueKind::Null) => s.context(),
        v => match context_of(s, v) {
            Some(c) => c,
            None => return s.throw_error(ErrorKind::TypeError, "not a contextified object"),
        },
    };
    let mut extensions = Vec::new();
    if let Some(list) = args.get(6).to::<crate::v8::Array>(ValueKind::Array) {
        for i in 0..list.length() {
            if let Some(o) = list
                .object()
                .get_index(s, i)
                .and_then(|v| v.to::<Object>(ValueKind::Object))
            {
                extensions.push(o);
            }
        }
    }
    let cache = args.get(7).view_bytes().map(|b| b.to_vec());
    let produce = args.get(8).boolean(s);
    returning_decorated(s, args, |s| {
        let compiled =
            s.compile_function_in(target, src, &params, &extensions, cache.as_deref(), produce)?;
        let rejected = compiled.rejected.map_or(s.undefined(), |r| s.boolean(r));
        let produced = compiled.produced.map_or(s.undefined(), |b| b.value());
        Some(
            s.array(&[compiled.function.value(), rejected, produced])
                .value(),
        )
    });
}

/// The strings of a JS array (other items skipped); empty for a non-array.
fn strings_of<'s>(
    s: &Scope<'s>,
    v: Local<'s, crate::v8::Value>,
) -> Vec<Local<'s, crate::v8::String>> {
    let mut out = Vec::new();
    if let Some(list) = v.to::<crate::v8::Array>(ValueKind::Array) {
        for i in 0..list.length() {
            if let Some(p) = list.object().get_index(s, i).and_then(|v| v.to_string(s)) {
                out.push(p);
            }
        }
    }
    out
}

/// Runs `run`; with a timeout (ms, 0 for none) a watchdog thread terminates the
/// isolate's JS when it is up. Returns what `run` gave and whether the watchdog fired.
fn watched<R>(s: &Scope, timeout: u64, run: impl FnOnce() -> R) -> (R, bool) {
    if timeout == 0 {
        return (run(), false);
    }
    let fired = Arc::new(AtomicBool::new(false));
    let (done, wait) = mpsc::channel::<()>();
    let terminator = s.terminator();
    let flag = fired.clone();
    // The watchdog takes no signal meant for the loop thread (src/signal_mask.rs).
    let mask = crate::signal_mask::block_async_signals();
    let watchdog = std::thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) =
            wait.recv_timeout(Duration::from_millis(timeout))
        {
            flag.store(true, Ordering::SeqCst);
            terminator.terminate();
        }
    });
    crate::signal_mask::restore(&mask);
    let result = run();
    drop(done);
    let _ = watchdog.join();
    (result, fired.load(Ordering::SeqCst))
}

/// displayErrors: the error's `stack` starts with where it was thrown, as node
/// prints it (file:line, the source line, carets, a blank line).
fn decorate_stack<'s>(s: &Scope<'s>, e: Local<'s, crate::v8::Value>, m: Local<'s, Message>) {
    decorate(s, e, m);
    let Some(obj) = e.to::<Object>(ValueKind::Object) else {
        return;
    };
    if !e.is(ValueKind::NativeError) {
        return;
    }
    let Some(stack) = obj.get_str(s, "stack").filter(|v| v.is(ValueKind::String)) else {
        return;
    };
    let arrow = m.arrow(s);
    let stack = stack.to_rust_string(s);
    if stack.starts_with(&arrow) {
        return;
    }
    obj.set_str(s, "stack", s.string(&format!("{arrow}\n{stack}")).value());
}

/// Returns what `run` produced; if it threw, the exception goes on to the caller
/// carrying the arrow text of where it was thrown (compile errors included).
fn returning_decorated<'s>(
    s: &Scope<'s>,
    args: &CallbackArgs<'s>,
    run: impl FnOnce(&Scope<'s>) -> Option<crate::v8::Local<'s, crate::v8::Value>>,
) {
    s.try_catch(|tc| match run(s) {
        Some(v) => args.ret(v),
        None => {
            if let (Some(e), Some(m)) = (tc.exception(s), tc.message(s)) {
                decorate(s, e, m);
            }
            tc.rethrow();
        }
    });
}
