//! internalBinding('messaging'): MessagePorts for lib/internal/worker/io.js. Each
//! thread keeps a table of the ports that live on its loop; a port is named by its
//! index there. JS serializes (V8's ValueSerializer, internalBinding('serdes')) and
//! hands `post` the bytes, the ArrayBuffers to move, the SharedArrayBuffers to share
//! and the ports to transfer; the receiving loop is woken through its `Remote`, and
//! `on_wake` gives each queued message to the JS hook `emit(id, kind, data,
//! buffers, shared, ports)`. Each port has an Async handle: active while started,
//! so a started, referenced port keeps its loop alive, as node's does.
use std::cell::RefCell;
use std::sync::Arc;

use slab::Slab;

use super::set_methods;
use crate::event_loop::{HandleId, HandleKind};
use crate::runtime::Runtime;
use crate::v8::{
    Array, ArrayBuffer, CallbackArgs, Global, Local, Object, Scope, SendStore, Value, ValueKind,
};

mod broadcast;
mod fast;
mod moved;
pub mod port;
use port::{Kind, Message, PortCore};

/// Owners of port wake-ups carry this bit (request.rs routes them here; 61 is
/// runtime/wake.rs's, 62 native requests', 60 workers').
pub const PORT_WAKE: u64 = 1 << 59;

struct Entry {
    core: Arc<PortCore>,
    handle: HandleId,
    started: bool,
}

thread_local! {
    static PORTS: RefCell<Slab<Entry>> = const { RefCell::new(Slab::new()) };
    static EMIT: RefCell<Option<Global>> = const { RefCell::new(None) };
}

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "setup" => setup,
            "newChannel" => new_channel,
            "hostObject" => host_object,
            "post" => post,
            "postValue" => fast::post_value,
            "postTransfer" => fast::post_transfer,
            "start" => start,
            "stop" => stop,
            "setRef" => set_ref,
            "close" => close,
            "receive" => receive,
            "broadcastJoin" => broadcast_join,
            "broadcastPost" => broadcast_post,
            "broadcastLeave" => broadcast_leave,
            "setupMoved" => moved::setup,
            "moveToContext" => moved::move_to_context,
            "receiveMoved" => moved::receive,
        ],
    );
}

/// Puts `core` in this thread's table; returns its id.
pub fn register(rt: &Runtime, core: Arc<PortCore>) -> u64 {
    let handle = rt.lp.handle_open(HandleKind::Async, None);
    let id = PORTS.with(|p| {
        p.borrow_mut().insert(Entry {
            core: core.clone(),
            handle,
            started: false,
        })
    }) as u64;
    port::set_loop(&rt.lp);
    core.attach(rt.lp.remote(), rt.lp.ring_door(), PORT_WAKE | id);
    id
}

fn core_of(id: u64) -> Option<Arc<PortCore>> {
    PORTS.with(|p| p.borrow().get(id as usize).map(|e| e.core.clone()))
}

/// Takes a port off this thread (transferred, or closed): its handle closes.
fn unregister(rt: &Runtime, id: u64) -> Option<Arc<PortCore>> {
    let e = PORTS.with(|p| p.borrow_mut().try_remove(id as usize))?;
    rt.close_native_handle(e.handle);
    Some(e.core)
}

fn id_arg(s: &Scope, a: &CallbackArgs, i: usize) -> u64 {
    a.get(i).integer(s).unwrap_or(-1) as u64
}

/// setup(emit, emitValue, hostIndex, cloneError, revive, unavailable): the
/// functions each message is given to (fast.rs's for the common ones).
fn setup<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let g = Global::new(s, a.get(0));
    EMIT.with(|e| *e.borrow_mut() = Some(g));
    fast::setup(s, a, 1);
}

/// newChannel() -> [id1, id2].
fn new_channel<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let rt = Runtime::get(s);
    let (x, y) = PortCore::pair();
    let (i, j) = (register(rt, x), register(rt, y));
    a.ret(s.array(&[s.number(i as f64), s.number(j as f64)]).value());
}

/// hostObject() -> an object V8's serializer hands to _writeHostObject.
fn host_object<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(o) = s.host_object() {
        a.ret(o.value());
    }
}

pub(super) fn array_items<'s>(s: &Scope<'s>, v: Local<'s, Value>) -> Vec<Local<'s, Value>> {
    let Some(arr) = v.to::<Array>(ValueKind::Array) else {
        return Vec::new();
    };
    (0..arr.length())
        .filter_map(|i| arr.object().get_index(s, i))
        .collect()
}

/// Builds a message from post()'s arguments (kind, data, buffers, shared, ports),
/// detaching the buffers and taking the ports off this thread.
pub fn message_from_args<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>, first: usize) -> Option<Message> {
    let rt = Runtime::get(s);
    let kind = match a.get(first).integer(s).unwrap_or(0) {
        1 => Kind::Online,
        2 => Kind::Error,
        4 => Kind::Stdout,
        5 => Kind::Stderr,
        6 => Kind::SnapshotRequest,
        _ => Kind::Message,
    };
    let data = a.get(first + 1).view_bytes()?.to_vec();
    let mut buffers = Vec::new();
    for v in array_items(s, a.get(first + 2)) {
        let ab = v.to::<ArrayBuffer>(ValueKind::ArrayBuffer)?;
        buffers.push(SendStore::of_array_buffer(ab));
        ab.detach();
    }
    let shared = array_items(s, a.get(first + 3))
        .into_iter()
        .filter(|v| v.is(ValueKind::SharedArrayBuffer))
        .map(SendStore::of_shared)
        .collect();
    let mut ports = Vec::new();
    for v in array_items(s, a.get(first + 4)) {
        let id = v.integer(s).unwrap_or(-1) as u64;
        moved::forget(id);
        if let Some(core) = unregister(rt, id) {
            core.detach();
            ports.push(core);
        }
    }
    Some(Message {
        kind,
        data,
        buffers,
        shared,
        ports,
    })
}

/// post(id, kind, data, buffers, shared, ports) -> false when the channel is closed.
fn post<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(core) = core_of(id_arg(s, a, 0)) else {
        return a.ret(s.boolean(false));
    };
    let Some(msg) = message_from_args(s, a, 1) else {
        return;
    };
    a.ret(s.boolean(core.send(msg)));
}

/// As a port node makes natively (a moved one): not started, yet active and
/// referenced, so it keeps the loop alive until it closes or is unref()ed.
fn hold_open(rt: &Runtime, id: u64) {
    set_started(rt, id, false);
    if let Some(h) = PORTS.with(|p| p.borrow().get(id as usize).map(|e| e.handle)) {
        rt.lp.handle_set_active(h, true);
        rt.lp.handle_set_ref(h, true);
    }
}

fn set_started(rt: &Runtime, id: u64, on: bool) {
    let handle = PORTS.with(|p| {
        let mut p = p.borrow_mut();
        let e = p.get_mut(id as usize)?;
        e.started = on;
        Some(e.handle)
    });
    if let Some(h) = handle {
        rt.lp.handle_set_active(h, on);
    }
}

/// start(id): messages flow (and a queued one is delivered soon).
fn start<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = id_arg(s, a, 0);
    set_started(Runtime::get(s), id, true);
    if let Some(core) = core_of(id) {
        core.wake();
    }
}

fn stop<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    set_started(Runtime::get(s), id_arg(s, a, 0), false);
}

/// setRef(id, on).
fn set_ref<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = id_arg(s, a, 0);
    let on = a.get(1).boolean(s);
    if let Some(h) = PORTS.with(|p| p.borrow().get(id as usize).map(|e| e.handle)) {
        Runtime::get(s).lp.handle_set_ref(h, on);
    }
}

/// close(id): both sides get a Close (their 'close' events). This side's loop
/// stays alive until its 'close' is emitted, as a closing handle's does.
fn close<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = id_arg(s, a, 0);
    let Some(core) = core_of(id) else { return };
    if let Some(h) = PORTS.with(|p| p.borrow().get(id as usize).map(|e| e.handle)) {
        let lp = &Runtime::get(s).lp;
        lp.handle_set_active(h, true);
        lp.handle_set_ref(h, true);
    }
    core.close();
}

/// receive(id) -> [kind, data, buffers, shared, ports] or undefined
/// (receiveMessageOnPort). A Close stays queued for the port's loop.
fn receive<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = id_arg(s, a, 0);
    let Some(msg) = core_of(id).and_then(|core| readable(&core)) else {
        return;
    };
    let rt = Runtime::get(s);
    a.ret(message_to_js(s, rt, msg).value());
}

/// The next message receiveMessageOnPort may take (a Close stays queued).
fn readable(core: &PortCore) -> Option<Message> {
    if core.queued() == 0 || core.has_close() && core.queued() == 1 {
        return None;
    }
    let msg = core.pop()?;
    if msg.kind == Kind::Close {
        core.push(msg);
        return None;
    }
    Some(msg)
}

/// [kind, data, buffers, shared, port ids] for JS; the ports now live on this thread.
pub fn message_to_js<'s>(s: &Scope<'s>, rt: &Runtime, msg: Message) -> Local<'s, Array> {
    let data = s.array_buffer_from_vec(msg.data);
    let buffers: Vec<_> = msg
        .buffers
        .iter()
        .filter_map(|b| b.array_buffer(s).map(|ab| ab.value()))
        .collect();
    let shared: Vec<_> = msg
        .shared
        .iter()
        .filter_map(|b| b.shared_array_buffer(s))
        .collect();
    let ports: Vec<_> = msg
        .ports
        .into_iter()
        .map(|core| s.number(register(rt, core) as f64))
        .collect();
    s.array(&[
        s.number(msg.kind as u32 as f64),
        data.value(),
        s.array(&buffers).value(),
        s.array(&shared).value(),
        s.array(&ports).value(),
    ])
}

/// A wake-up for port `owner` (PORT_WAKE | id): deliver what is queued now. A port
/// not started keeps its messages, except that a Close is still delivered.
pub fn on_wake(rt: &Runtime, owner: u64) {
    deliver(rt, owner & !PORT_WAKE);
}

/// Delivers port `id`'s queue (as many messages as were there when it began).
pub fn deliver(rt: &Runtime, id: u64) {
    let Some(core) = core_of(id) else { return };
    core.woken();
    for _ in core.take_kind(Kind::SnapshotRequest) {
        let json = rt
            .isolate
            .scope(&rt.context, |s| crate::v8::heap::snapshot(s.isolate()));
        let mut answer = Message::signal(Kind::Snapshot);
        answer.data = json;
        core.send(answer);
    }
    let mut budget = core.queued();
    while budget > 0 {
        budget -= 1;
        let started = PORTS.with(|p| p.borrow().get(id as usize).map(|e| e.started));
        let Some(started) = started else { return };
        if !started && !core.has_close() {
            return;
        }
        let Some(msg) = core.pop() else { return };
        if !started && msg.kind != Kind::Close {
            continue; // closing: what was never read goes
        }
        let closing = msg.kind == Kind::Close;
        if closing {
            unregister(rt, id);
        }
        emit(rt, id, msg);
        if closing {
            return;
        }
    }
    if core.queued() > 0 {
        core.wake();
    }
}

fn emit(rt: &Runtime, id: u64, msg: Message) {
    let Some(msg) = moved::emit(rt, id, msg).and_then(|msg| fast::emit_value(rt, id, msg)) else {
        return;
    };
    rt.isolate.scope(&rt.context, |s| {
        let Some(f) = EMIT
            .with(|e| e.borrow().as_ref().map(|g| g.get(s)))
            .and_then(|f| f.to::<crate::v8::Function>(ValueKind::Function))
        else {
            return;
        };
        let parts = message_to_js(s, rt, msg);
        let mut args = vec![s.number(id as f64)];
        for i in 0..parts.length() {
            args.push(
                parts
                    .object()
                    .get_index(s, i)
                    .unwrap_or_else(|| s.undefined()),
            );
        }
        rt.make_callback(s, f, s.undefined(), &args);
    });
}

/// broadcastJoin(name) -> id of a new port that receives the channel's messages.
fn broadcast_join<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let name = a.get(0).to_rust_string(s);
    let core = Arc::new(PortCore::default());
    broadcast::join(&name, &core);
    a.ret(s.number(register(Runtime::get(s), core) as f64));
}

/// broadcastPost(id, name, data, shared).
fn broadcast_post<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let (Some(core), Some(data)) = (core_of(id_arg(s, a, 0)), a.get(2).view_bytes()) else {
        return;
    };
    let shared: Vec<_> = array_items(s, a.get(3))
        .into_iter()
        .filter(|v| v.is(ValueKind::SharedArrayBuffer))
        .map(SendStore::of_shared)
        .collect();
    broadcast::post(&a.get(1).to_rust_string(s), &core, data, &shared);
}

/// broadcastLeave(id, name): the channel closes (no 'close' event).
fn broadcast_leave<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = id_arg(s, a, 0);
    if let Some(core) = unregister(Runtime::get(s), id) {
        broadcast::leave(&a.get(1).to_rust_string(s), &core);
        core.detach();
    }
}

/// At a worker's end: every port still on this thread closes, so their peers
/// elsewhere see 'close'.
pub fn close_all() {
    moved::clear();
    let cores: Vec<_> = PORTS.with(|p| p.borrow_mut().drain().map(|e| e.core).collect());
    for c in cores {
        c.close();
        c.detach();
    }
}
