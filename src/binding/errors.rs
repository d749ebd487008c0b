//! internalBinding('errors'): the fatal-exception hook and the arrow text
//! ("file:line", the source line, carets) recorded where an exception was thrown.
use super::set_methods;
use crate::runtime::{arrow_of, on_prepare_stack_trace, Runtime};
use crate::v8::{CallbackArgs, Global, Local, Message, Object, Scope, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "setFatalExceptionHandler" => set_fatal_exception_handler,
            "getArrowMessage" => get_arrow_message,
            "setPrepareStackTraceCallback" => set_prepare_stack_trace_callback,
            "noSideEffectsToString" => no_side_effects_to_string,
        ],
    );
}

/// noSideEffectsToString(value): a value as text without running any of its code,
/// as node names an unhandled rejection's non-Error reason.
fn no_side_effects_to_string<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(text) = args.get(0).to_detail_string(s) {
        args.ret(text.value());
    }
}

fn set_fatal_exception_handler<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    Runtime::get(s).hooks.borrow_mut().fatal = Some(Global::new(s, args.get(0)));
}

/// setPrepareStackTraceCallback(fn(error, callSites)): from now on V8 asks `fn`
/// for every error's `stack` (--enable-source-maps).
fn set_prepare_stack_trace_callback<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    Runtime::get(s).hooks.borrow_mut().prepare_stack_trace = Some(Global::new(s, args.get(0)));
    crate::v8::Isolate::set_prepare_stack_trace_callback(s.isolate(), on_prepare_stack_trace);
}

/// getArrowMessage(error, atCreation): the arrow recorded where `error` was thrown;
/// with `atCreation`, if none was (a promise's rejection is never thrown through a
/// TryCatch), the one of the place the Error was made, from its captured stack.
fn get_arrow_message<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let error = args.get(0);
    let mut arrow = arrow_of(s, error);
    if arrow.is_empty() && args.get(1).boolean(s) && error.is(ValueKind::NativeError) {
        if let Some(msg) = Message::create(s, error) {
            arrow = msg.arrow(s);
        }
    }
    args.ret(s.string(&arrow).value());
}
