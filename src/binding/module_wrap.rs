//! internalBinding('module_wrap'): ES module records for lib/internal/modules/esm.
//! A module is an integer id (src/v8/module.rs); JS keeps the module map, resolves
//! and loads, records each module's links, then instantiates and evaluates. The
//! host callbacks for import() and import.meta are JS functions registered here.
use super::set_methods;
use crate::runtime::decorate;
use crate::v8::{Array, CallbackArgs, ErrorKind, Function, Local, Object, Scope, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "compileModule" => compile_module,
            "createSyntheticModule" => create_synthetic_module,
            "setExport" => set_export,
            "getRequests" => get_requests,
            "link" => link,
            "instantiate" => instantiate,
            "evaluate" => evaluate,
            "getStatus" => get_status,
            "getError" => get_error,
            "getNamespace" => get_namespace,
            "isGraphAsync" => is_graph_async,
            "setHostCallbacks" => set_host_callbacks,
        ],
    );
    // Module::Status, as node's module_wrap names them.
    let statuses = [
        "kUninstantiated",
        "kInstantiating",
        "kInstantiated",
        "kEvaluating",
        "kEvaluated",
        "kErrored",
    ];
    for (i, name) in statuses.iter().enumerate() {
        target.set_str(s, name, s.number(i as f64));
    }
}

fn id_arg(s: &Scope, args: &CallbackArgs) -> i32 {
    args.get(0).integer(s).unwrap_or(-1) as i32
}

fn array_arg<'s>(args: &CallbackArgs<'s>, i: usize) -> Option<Local<'s, Array>> {
    args.get(i).to::<Array>(ValueKind::Array)
}

/// compileModule(source, url) -> id; throws the SyntaxError with its arrow.
fn compile_module<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(source) = args.get(0).to_string(s) else {
        return;
    };
    let url = args.get(1);
    s.try_catch(|tc| match s.compile_module(source, url) {
        Some(id) => args.ret(s.number(id as f64)),
        None => {
            if let (Some(e), Some(m)) = (tc.exception(s), tc.message(s)) {
                decorate(s, e, m);
            }
            tc.rethrow();
        }
    });
}

/// createSyntheticModule(url, exportNames[], steps) -> id.
fn create_synthetic_module<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(url), Some(names), Some(steps)) = (
        args.get(0).to_string(s),
        array_arg(args, 1),
        args.get(2).to::<Function>(ValueKind::Function),
    ) else {
        return s.throw_error(
            ErrorKind::TypeError,
            "createSyntheticModule(url, names, steps)",
        );
    };
    args.ret(s.number(s.synthetic_module(url, names, steps) as f64));
}

/// setExport(id, name, value).
fn set_export<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(name) = args.get(1).to_string(s) else {
        return;
    };
    s.module_set_export(id_arg(s, args), name, args.get(2));
}

/// getRequests(id) -> [specifier, type, ...].
fn get_requests<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(list) = s.module_requests(id_arg(s, args)) {
        args.ret(list.value());
    }
}

/// link(id, specifiers[], ids[]): what each request resolved to.
fn link<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let (Some(specifiers), Some(ids)) = (array_arg(args, 1), array_arg(args, 2)) {
        s.module_link(id_arg(s, args), specifiers, ids);
    }
}

/// instantiate(id): throws a link error (a missing export, say) with its arrow.
fn instantiate<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let id = id_arg(s, args);
    s.try_catch(|tc| {
        if !s.module_instantiate(id) {
            if let (Some(e), Some(m)) = (tc.exception(s), tc.message(s)) {
                decorate(s, e, m);
            }
            tc.rethrow();
        }
    });
}

/// evaluate(id) -> the promise of its evaluation.
fn evaluate<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(p) = s.module_evaluate(id_arg(s, args)) {
        args.ret(p);
    }
}

fn get_status<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.number(s.module_status(id_arg(s, args)) as f64));
}

fn get_error<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(e) = s.module_exception(id_arg(s, args)) {
        args.ret(e);
    }
}

fn get_namespace<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    match s.module_namespace(id_arg(s, args)) {
        Some(ns) => args.ret(ns),
        None => s.throw_error(ErrorKind::Error, "the module is not instantiated"),
    }
}

fn is_graph_async<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.boolean(s.module_is_graph_async(id_arg(s, args))));
}

/// setHostCallbacks(importModuleDynamically, initializeImportMeta).
fn set_host_callbacks<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(import_fn), Some(meta_fn)) = (
        args.get(0).to::<Function>(ValueKind::Function),
        args.get(1).to::<Function>(ValueKind::Function),
    ) else {
        return s.throw_error(ErrorKind::TypeError, "setHostCallbacks(import, meta)");
    };
    s.set_module_host_callbacks(import_fn, meta_fn);
}
