//! internalBinding('async_context'): what lib/internal/async_context.js needs from
//! V8 to carry AsyncLocalStorage's stores and async_hooks' ids along promise
//! continuations: the continuation-preserved value, and the context's promise hooks.
use std::sync::atomic::{AtomicBool, Ordering};

use super::set_methods;
use crate::v8::{CallbackArgs, Function, Local, Object, Scope, ValueKind};

/// Set once lib/ starts tracking async context (async_hooks was loaded): from then
/// on each loop callback starts in the empty context and leaves none behind.
static ACTIVE: AtomicBool = AtomicBool::new(false);

pub fn is_active() -> bool {
    ACTIVE.load(Ordering::Relaxed)
}

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "getContinuationData" => get_continuation_data,
            "setContinuationData" => set_continuation_data,
            "setPromiseHooks" => set_promise_hooks,
            "activate" => activate,
        ],
    );
}

fn get_continuation_data<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.continuation_data());
}

fn set_continuation_data<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    s.set_continuation_data(args.get(0));
}

fn activate<'s>(_s: &Scope<'s>, _args: &CallbackArgs<'s>) {
    ACTIVE.store(true, Ordering::Relaxed);
}

/// (init, before, after, resolve): each a function or undefined.
fn set_promise_hooks<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let pick = |i| args.get(i).to::<Function>(ValueKind::Function);
    s.set_promise_hooks([pick(0), pick(1), pick(2), pick(3)]);
}
