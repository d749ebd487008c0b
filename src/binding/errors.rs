//! internalBinding('errors'): the fatal-exception hook and the arrow text
//! ("file:line", the source line, carets) recorded where an exception was thrown.
use super::set_methods;
use crate::runtime::{arrow_of, Runtime};
use crate::v8::{CallbackArgs, Global, Local, Object, Scope};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "setFatalExceptionHandler" => set_fatal_exception_handler,
            "getArrowMessage" => get_arrow_message,
        ],
    );
}

fn set_fatal_exception_handler<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    Runtime::get(s).hooks.borrow_mut().fatal = Some(Global::new(s, args.get(0)));
}

fn get_arrow_message<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.string(&arrow_of(s, args.get(0))).value());
}
