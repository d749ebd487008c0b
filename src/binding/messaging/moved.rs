//! Ports moved into a vm context (worker_threads.moveMessagePortToContext; the JS
//! side is lib/internal/worker/context_port.js). A moved port keeps its place in
//! this thread's table; what changes is where its messages are rebuilt: with the
//! target context entered, so their objects, arrays and ArrayBuffers belong to
//! it, and the ports they carry become ports of that context too (made by JS's
//! `adopt`, then moved like it). JS's `dispatch(port, kind, value, ports)` gets
//! the result (kind 0: a message, 1: the error rebuilding it threw, 2: closed).
use std::cell::RefCell;
use std::collections::HashMap;

use super::port::{Kind, Message};
use super::{core_of, hold_open, id_arg, readable, register};
use crate::binding::contextify::context_of;
use crate::runtime::Runtime;
use crate::v8::{CallbackArgs, Context, Function, Global, Local, Scope, Value, ValueKind};

const MESSAGE: f64 = 0.0;
const MESSAGE_ERROR: f64 = 1.0;
const CLOSED: f64 = 2.0;

/// A moved port: its object, and the contextified sandbox whose context its
/// messages are rebuilt in.
struct Moved {
    sandbox: Global,
    port: Global,
}

/// JS's adopt(sibling, id) -> a new port of `sibling`'s context for binding port
/// `id`, and dispatch.
struct Hooks {
    adopt: Global,
    dispatch: Global,
}

thread_local! {
    static MOVED: RefCell<HashMap<u64, Moved>> = RefCell::new(HashMap::new());
    static HOOKS: RefCell<Option<Hooks>> = const { RefCell::new(None) };
}

/// setupMoved(adopt, dispatch).
pub fn setup<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let hooks = Hooks {
        adopt: Global::new(s, a.get(0)),
        dispatch: Global::new(s, a.get(1)),
    };
    HOOKS.with(|h| *h.borrow_mut() = Some(hooks));
}

fn hook<'s>(s: &Scope<'s>, pick: impl Fn(&Hooks) -> &Global) -> Option<Local<'s, Function>> {
    HOOKS
        .with(|h| h.borrow().as_ref().map(|h| pick(h).get(s)))
        .and_then(|f| f.to::<Function>(ValueKind::Function))
}

/// moveToContext(id, sandbox, port): port `id`'s messages go to `port` from now
/// on, rebuilt in `sandbox`'s context.
pub fn move_to_context<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = id_arg(s, a, 0);
    if context_of(s, a.get(1)).is_some() && core_of(id).is_some() {
        keep(s, Runtime::get(s), id, a.get(1), a.get(2));
    }
}

fn keep<'s>(
    s: &Scope<'s>,
    rt: &Runtime,
    id: u64,
    sandbox: Local<'s, Value>,
    port: Local<'s, Value>,
) {
    let moved = Moved {
        sandbox: Global::new(s, sandbox),
        port: Global::new(s, port),
    };
    MOVED.with(|m| m.borrow_mut().insert(id, moved));
    hold_open(rt, id);
}

/// Port `id`'s sandbox and object, when it was moved.
fn entry<'s>(s: &Scope<'s>, id: u64) -> Option<(Local<'s, Value>, Local<'s, Value>)> {
    MOVED.with(|m| {
        let m = m.borrow();
        let e = m.get(&id)?;
        Some((e.sandbox.get(s), e.port.get(s)))
    })
}

/// Port `id` left this thread (transferred) or closed.
pub fn forget(id: u64) {
    MOVED.with(|m| {
        let mut m = m.borrow_mut();
        if !m.is_empty() {
            m.remove(&id);
        }
    });
}

/// At a worker's end, before its isolate goes.
pub fn clear() {
    let all = MOVED.with(|m| std::mem::take(&mut *m.borrow_mut()));
    drop(all);
}

/// Delivers `msg` when port `id` was moved; otherwise gives it back.
pub fn emit(rt: &Runtime, id: u64, msg: Message) -> Option<Message> {
    let moved = MOVED.with(|m| {
        let m = m.borrow();
        !m.is_empty() && m.contains_key(&id)
    });
    if !moved {
        return Some(msg);
    }
    rt.isolate.scope(&rt.context, |s| {
        let (Some(dispatch), Some((sandbox, port))) = (hook(s, |h| &h.dispatch), entry(s, id))
        else {
            return;
        };
        match msg.kind {
            Kind::Close => {
                forget(id);
                rt.make_callback(s, dispatch, s.undefined(), &[port, s.number(CLOSED)]);
            }
            Kind::Message => {
                let Some((value, failed, ports)) = rebuild(s, rt, sandbox, port, msg) else {
                    return;
                };
                let kind = s.number(if failed { MESSAGE_ERROR } else { MESSAGE });
                rt.make_callback(s, dispatch, s.undefined(), &[port, kind, value, ports]);
            }
            _ => {}
        }
    });
    None
}

/// A message's value rebuilt in `sandbox`'s context (or the error that threw,
/// `failed`), and the ports it carried as an Array of that context. None when JS
/// was terminated.
fn rebuild<'s>(
    s: &Scope<'s>,
    rt: &Runtime,
    sandbox: Local<'s, Value>,
    port: Local<'s, Value>,
    mut msg: Message,
) -> Option<(Local<'s, Value>, bool, Local<'s, Value>)> {
    let adopt = hook(s, |h| &h.adopt)?;
    let context: Local<'s, Context> = context_of(s, sandbox)?;
    let mut carried = Vec::new();
    for core in std::mem::take(&mut msg.ports) {
        let id = register(rt, core);
        let made = s.try_catch(|_| adopt.call(s, s.undefined(), &[port, s.number(id as f64)]));
        let Some(made) = made else { continue };
        keep(s, rt, id, sandbox, made);
        carried.push(made);
    }
    s.in_context(context, |t| {
        let (value, failed) = super::fast::deserialize(t, &msg, &carried, true);
        Some((value?, failed, t.array(&carried).value()))
    })
}

/// receiveMoved(id) -> [value] of the next message, rebuilt in the port's context,
/// or undefined (receiveMessageOnPort); throws what rebuilding it threw.
pub fn receive<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = id_arg(s, a, 0);
    let (Some(core), Some((sandbox, port))) = (core_of(id), entry(s, id)) else {
        return;
    };
    let Some(msg) = readable(&core) else { return };
    let Some((value, failed, _)) = rebuild(s, Runtime::get(s), sandbox, port, msg) else {
        return;
    };
    if failed {
        return s.throw(value);
    }
    a.ret(s.array(&[value]).value());
}
