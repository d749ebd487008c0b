//! internalBinding('task_queue'): what process.nextTick and promises need from
//! Rust: the shared tick flags, running V8's microtask queue, and the hooks.
use super::set_methods;
use crate::runtime::Runtime;
use crate::v8::{CallbackArgs, Function, Global, Isolate, Local, Object, Scope, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "runMicrotasks" => run_microtasks,
            "enqueueMicrotask" => enqueue_microtask,
            "setTickCallback" => set_tick_callback,
            "setPromiseRejectCallback" => set_promise_reject_callback,
        ],
    );
    // [0] has tick scheduled, [1] has rejection to warn, [2] ticks are running
    // from inside a loop callback (runTicksNow), [3] that callback's last act was
    // to run the ticks and microtasks (runTicksNow): JS writes, Rust reads.
    let ab = s.array_buffer(4);
    let store = ab.backing_store();
    let rt = Runtime::get(s);
    rt.tick_bytes.set(store.data());
    *rt.tick_info.borrow_mut() = Some(store);
    target.set_str(s, "tickInfo", s.uint8_array(ab, 0, 4).value());
}

fn run_microtasks<'s>(s: &Scope<'s>, _args: &CallbackArgs<'s>) {
    Isolate::perform_microtask_checkpoint(s.isolate());
}

fn enqueue_microtask<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(f) = args.get(0).to::<Function>(ValueKind::Function) {
        Isolate::enqueue_microtask(s, f);
    }
}

fn set_tick_callback<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    Runtime::get(s).hooks.borrow_mut().tick = Some(Global::new(s, args.get(0)));
}

fn set_promise_reject_callback<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    Runtime::get(s).hooks.borrow_mut().promise_reject = Some(Global::new(s, args.get(0)));
}
