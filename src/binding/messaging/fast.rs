//! The common message, natively: a postMessage with no transfer list is serialized
//! and queued in one call (`postValue`), and a received message that carries no
//! MessagePort is rebuilt here and handed to JS as its value (`emitValue(id,
//! value, failed)`), so neither side makes a serializer object, an ArrayBuffer for
//! the bytes or the arrays of the general path (mod.rs's post / emit).
use std::cell::RefCell;

use super::port::{Kind, Message};
use super::{array_items, core_of, id_arg};
use crate::runtime::Runtime;
use crate::v8::{
    ArrayBuffer, CallbackArgs, Function, Global, Local, Scope, SendStore, Value, ValueKind,
};

/// The JS side: emitValue, hostIndex(object) (a MessagePort outside a transfer
/// list: throws node's error; a KeyObject: its bytes), cloneError(message) (a
/// DataCloneError), revive(bytes) (a received JS transferable) and, for ports moved
/// to another vm context, unavailable(bytes) (throws node's error).
struct Hooks {
    emit_value: Global,
    host: Global,
    clone_error: Global,
    revive: Global,
    unavailable: Global,
}

thread_local! {
    static HOOKS: RefCell<Option<Hooks>> = const { RefCell::new(None) };
}

/// setup's arguments after `emit`: (emitValue, hostIndex, cloneError, revive,
/// unavailable).
pub fn setup<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>, first: usize) {
    if !a.get(first).is(ValueKind::Function) {
        return;
    }
    let hooks = Hooks {
        emit_value: Global::new(s, a.get(first)),
        host: Global::new(s, a.get(first + 1)),
        clone_error: Global::new(s, a.get(first + 2)),
        revive: Global::new(s, a.get(first + 3)),
        unavailable: Global::new(s, a.get(first + 4)),
    };
    HOOKS.with(|h| *h.borrow_mut() = Some(hooks));
}

fn hook<'s>(s: &Scope<'s>, pick: impl Fn(&Hooks) -> &Global) -> Option<Local<'s, Function>> {
    HOOKS
        .with(|h| h.borrow().as_ref().map(|h| pick(h).get(s)))
        .and_then(|f| f.to::<Function>(ValueKind::Function))
}

/// The DataCloneError maker: argument `i` when it is a function (a port of a vm
/// context throws its context's), else the main context's.
fn clone_error_of<'s>(
    s: &Scope<'s>,
    a: &CallbackArgs<'s>,
    i: usize,
) -> Option<Local<'s, Function>> {
    a.get(i)
        .to::<Function>(ValueKind::Function)
        .or_else(|| hook(s, |h| &h.clone_error))
}

/// postValue(id, value, cloneError?): serializes (throwing what serialization
/// throws, even on a closed port) and queues the message for the peer; false when
/// the channel is closed.
pub fn post_value<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let (Some(host), Some(clone_error)) = (hook(s, |h| &h.host), clone_error_of(s, a, 2)) else {
        return;
    };
    let mut shared = Vec::new();
    let Some(data) = s.serialize_message(a.get(1), &[], host, clone_error, &mut shared) else {
        return; // it threw
    };
    let Some(core) = core_of(id_arg(s, a, 0)) else {
        return a.ret(s.boolean(false));
    };
    let msg = Message {
        kind: Kind::Message,
        data,
        buffers: Vec::new(),
        shared,
        ports: Vec::new(),
    };
    a.ret(s.boolean(core.send(msg)));
}

/// postTransfer(id, value, buffers, cloneError?): postValue with a transfer list of
/// ArrayBuffers only (io.js checked it: no duplicates, nothing else in it). They
/// are written by index, detached here and moved with the message; on a closed
/// port the value is still serialized (its errors thrown) and the buffers
/// detached, as node's.
pub fn post_transfer<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let (Some(host), Some(clone_error)) = (hook(s, |h| &h.host), clone_error_of(s, a, 3)) else {
        return;
    };
    let list: Vec<Local<ArrayBuffer>> = array_items(s, a.get(2))
        .into_iter()
        .filter_map(|v| v.to::<ArrayBuffer>(ValueKind::ArrayBuffer))
        .collect();
    let mut shared = Vec::new();
    let Some(data) = s.serialize_message(a.get(1), &list, host, clone_error, &mut shared) else {
        return; // it threw
    };
    let buffers = list
        .iter()
        .map(|ab| {
            let store = SendStore::of_array_buffer(*ab);
            ab.detach();
            store
        })
        .collect();
    let Some(core) = core_of(id_arg(s, a, 0)) else {
        return a.ret(s.boolean(false));
    };
    let msg = Message {
        kind: Kind::Message,
        data,
        buffers,
        shared,
        ports: Vec::new(),
    };
    a.ret(s.boolean(core.send(msg)));
}

/// Delivers a user message without ports to JS as its value (or, when it cannot be
/// rebuilt, the error, as 'messageerror'). Returns the message when this path
/// does not take it.
pub fn emit_value(rt: &Runtime, id: u64, msg: Message) -> Option<Message> {
    if msg.kind != Kind::Message || !msg.ports.is_empty() {
        return Some(msg);
    }
    let taken = HOOKS.with(|h| h.borrow().is_some());
    if !taken {
        return Some(msg);
    }
    rt.isolate.scope(&rt.context, |s| {
        let Some(f) = hook(s, |h| &h.emit_value) else {
            return;
        };
        let (value, failed) = deserialize(s, &msg, &[], false);
        let Some(value) = value else { return };
        let args = [s.number(id as f64), value, s.boolean(failed)];
        rt.make_callback(s, f, s.undefined(), &args);
    });
    None
}

/// A message's value rebuilt in `s`'s current context with the ports it carries
/// (already made as JS ports), or the error that threw with `true`: (None, true)
/// when JS was terminated. In another vm context (`moved`) a JS transferable
/// cannot be rebuilt: node's ERR_MESSAGE_TARGET_CONTEXT_UNAVAILABLE.
pub(super) fn deserialize<'s>(
    s: &Scope<'s>,
    msg: &Message,
    ports: &[Local<'s, Value>],
    moved: bool,
) -> (Option<Local<'s, Value>>, bool) {
    let revive = if moved {
        hook(s, |h| &h.unavailable)
    } else {
        hook(s, |h| &h.revive)
    };
    let buffers: Vec<_> = msg
        .buffers
        .iter()
        .filter_map(|b| b.array_buffer(s))
        .collect();
    let shared: Vec<Local<Value>> = msg
        .shared
        .iter()
        .filter_map(|b| b.shared_array_buffer(s))
        .collect();
    s.try_catch(
        |tc| match s.deserialize_message(&msg.data, &buffers, &shared, ports, revive) {
            Some(v) => (Some(v), false),
            None if tc.has_terminated() => (None, true),
            None => (tc.exception(s), true),
        },
    )
}
