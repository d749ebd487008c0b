//! internalBinding('builtins'): the lib/ sources embedded at build time, compiled on
//! first require as functions of (exports, require, module, process, internalBinding).
use super::set_methods;
use crate::v8::{CallbackArgs, ErrorKind, Function, Local, Object, Scope};

include!(concat!(env!("OUT_DIR"), "/builtins.rs"));

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "compileBuiltin" => compile_builtin,
            "hasBuiltin" => has_builtin,
        ],
    );
    let public: Vec<_> = BUILTINS
        .iter()
        .filter(|(id, _)| !id.starts_with("internal/"))
        .map(|(id, _)| s.string(id).value())
        .collect();
    target.set_str(s, "builtinIds", s.array(&public).value());
}

pub fn source(id: &str) -> Option<&'static str> {
    BUILTINS
        .binary_search_by(|(k, _)| k.cmp(&id))
        .ok()
        .map(|i| BUILTINS[i].1)
}

/// Compiles built-in `id` as a function with `params`; None if it threw (syntax error).
pub fn compile<'s>(s: &Scope<'s>, id: &str, params: &[&str]) -> Option<Local<'s, Function>> {
    let src = source(id)?;
    // Built-in sources are ASCII-only, so V8 can read them in place, uncopied.
    let code = if src.is_ascii() {
        s.static_latin1(src)
    } else {
        s.string(src)
    };
    let params: Vec<_> = params.iter().map(|p| s.name(p)).collect();
    let name = s.string(&format!("node:{id}"));
    s.compile_function(code, name.value(), &params)
}

fn compile_builtin<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let id = args.get(0).to_rust_string(s);
    if source(&id).is_none() {
        return s.throw_error(ErrorKind::Error, &format!("No such built-in module: {id}"));
    }
    if let Some(f) = compile(
        s,
        &id,
        &["exports", "require", "module", "process", "internalBinding"],
    ) {
        args.ret(f.value());
    }
}

fn has_builtin<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let id = args.get(0).to_rust_string(s);
    args.ret(s.boolean(source(&id).is_some()));
}
