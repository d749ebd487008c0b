//! internalBinding('async_context'): what lib/internal/async_context.js needs from
//! V8 to carry AsyncLocalStorage's stores and async_hooks' ids along promise
//! continuations: the continuation-preserved value, and the context's promise hooks.
use super::set_methods;
use crate::v8::{CallbackArgs, Function, Local, Object, Scope, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "getContinuationData" => get_continuation_data,
            "setContinuationData" => set_continuation_data,
            "setPromiseHooks" => set_promise_hooks,
        ],
    );
}

fn get_continuation_data<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.continuation_data());
}

fn set_continuation_data<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    s.set_continuation_data(args.get(0));
}

/// (init, before, after, resolve): each a function or undefined.
fn set_promise_hooks<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let pick = |i| args.get(i).to::<Function>(ValueKind::Function);
    s.set_promise_hooks([pick(0), pick(1), pick(2), pick(3)]);
}
