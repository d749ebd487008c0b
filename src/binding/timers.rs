//! internalBinding('timers'): the one loop timer behind lib/internal/timers.js's
//! lists, the check-phase switch for setImmediate, and the loop's clock.
use super::set_methods;
use crate::runtime::Runtime;
use crate::v8::{CallbackArgs, Global, Local, Object, Scope};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "setupTimers" => setup_timers,
            "scheduleTimer" => schedule_timer,
            "toggleTimerRef" => toggle_timer_ref,
            "toggleImmediateRef" => toggle_immediate_ref,
            "getLibuvNow" => get_now,
            "setExitHooks" => set_exit_hooks,
        ],
    );
    // u32 [count, referenced count, has outstanding]: JS writes, the check phase reads.
    let ab = s.array_buffer(12);
    *Runtime::get(s).immediate_info.borrow_mut() = Some(ab.backing_store());
    target.set_str(s, "immediateInfo", ab.value());
}

/// setupTimers(processImmediate, processTimers)
fn setup_timers<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let mut hooks = Runtime::get(s).hooks.borrow_mut();
    hooks.immediate = Some(Global::new(s, args.get(0)));
    hooks.timers = Some(Global::new(s, args.get(1)));
}

/// setExitHooks(emitBeforeExit, emitExit)
fn set_exit_hooks<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let mut hooks = Runtime::get(s).hooks.borrow_mut();
    hooks.before_exit = Some(Global::new(s, args.get(0)));
    hooks.exit = Some(Global::new(s, args.get(1)));
}

/// scheduleTimer(ms): the earliest JS list is due in `ms` from the loop's now.
fn schedule_timer<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let rt = Runtime::get(s);
    let ms = args.get(0).number(s).unwrap_or(1.0).max(1.0);
    rt.lp.timer_start(rt.js_timer, ms as u64);
    rt.lp.handle_set_active(rt.timer_handle, true);
}

fn toggle_timer_ref<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let rt = Runtime::get(s);
    rt.lp
        .handle_set_ref(rt.timer_handle, args.get(0).boolean(s));
}

fn toggle_immediate_ref<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let rt = Runtime::get(s);
    rt.lp
        .handle_set_active(rt.immediate_handle, args.get(0).boolean(s));
}

/// getLibuvNow(): the loop clock, refreshed first (as Node does) so a timer started
/// after a long synchronous stretch counts from the real now.
fn get_now<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let rt = Runtime::get(s);
    rt.lp.update_time();
    args.ret(s.number(rt.lp.now() as f64));
}
