//! internalBinding('contextify'): compiling user code. CommonJS files become
//! functions (V8's CompileFunction, so line and column numbers stay the file's own);
//! -e code runs as a classic script. A syntax error carries its arrow text.
use super::set_methods;
use crate::runtime::decorate;
use crate::v8::{CallbackArgs, Local, Object, Scope, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "compileFunction" => compile_function,
            "runScript" => run_script,
        ],
    );
}

/// compileFunction(code, filename, params[]) -> Function; throws SyntaxError.
fn compile_function<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(code) = args.get(0).to_string(s) else {
        return;
    };
    let filename = args.get(1);
    let mut params = Vec::new();
    if let Some(list) = args.get(2).to::<crate::v8::Array>(ValueKind::Array) {
        for i in 0..list.length() {
            if let Some(p) = list.object().get_index(s, i).and_then(|v| v.to_string(s)) {
                params.push(p);
            }
        }
    }
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
