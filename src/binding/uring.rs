//! internalBinding('uring'): the backend's counters for JS (`stats()`: the same
//! figures `--stats` prints, on either driver), and `httpServed`, an 8-byte
//! ArrayBuffer the http server counts requests into as a Float64Array so that
//! `--stats` can say how many syscalls one request cost.
use super::set_methods;
use crate::runtime::Runtime;
use crate::v8::{CallbackArgs, Local, Object, Scope};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(s, target, crate::methods!["stats" => stats]);
    let ab = s.array_buffer(8);
    *Runtime::get(s).http_served.borrow_mut() = Some(ab.backing_store());
    target.set_str(s, "httpServed", ab.value());
}

/// stats() -> { backend, setup, loopTurns, syscalls, enterCalls, ..., 'op.NAME.KIND' }.
fn stats<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let rt = Runtime::get(s);
    let o = s.object();
    o.set_str(s, "backend", s.string(rt.lp.backend_name()).value());
    o.set_str(s, "setup", s.string(rt.lp.backend_state().0).value());
    for (name, v) in rt.stats_fields() {
        o.set_str(s, &name, s.number(v));
    }
    args.ret(o.value());
}
