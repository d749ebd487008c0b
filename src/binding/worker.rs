//! internalBinding('worker'): Worker threads for lib/internal/worker.js. A Worker
//! is a thread with its own isolate, context, loop and ring (src/runtime/worker.rs
//! runs it); the two sides talk over an entangled pair of MessagePorts (the
//! parent's is registered here, the worker's travels with the thread). The
//! worker's end is a post to the parent loop's `Remote` with its exit code; the
//! parent delivers what the worker sent before it, then emits 'exit'.
//! A running Worker holds an Async handle on the parent's loop (ref()/unref()).
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use slab::Slab;

use super::messaging::port::{Kind, Message, PortCore};
use super::messaging::{self, message_from_args};
use super::set_methods;
use crate::backend::Remote;
use crate::cli::Mode;
use crate::event_loop::{HandleId, HandleKind, LoopMetrics};
use crate::runtime::Runtime;
use crate::v8::{CallbackArgs, Global, IsolateHandle, Local, Object, Scope, ValueKind};

/// Owners of worker wake-ups carry this bit (request.rs routes them here).
pub const WORKER_WAKE: u64 = 1 << 60;
/// A worker's own loop is asked to stop (terminate()).
const TERMINATE: u64 = WORKER_WAKE | (1 << 58);

static NEXT_THREAD_ID: AtomicU64 = AtomicU64::new(1);

/// What the parent and the worker thread share.
#[derive(Default)]
pub struct Shared {
    /// Set while the worker's isolate exists: terminate() stops its JS through it.
    pub isolate: Mutex<Option<IsolateHandle>>,
    /// The worker loop's door, once it has one.
    pub remote: Mutex<Option<Remote>>,
    pub terminate: AtomicBool,
    /// The heap limit of resourceLimits was reached.
    pub out_of_memory: AtomicBool,
    /// The worker loop's idle time and start (worker.performance).
    pub metrics: Mutex<Option<Arc<LoopMetrics>>>,
}

/// Everything a worker thread starts from.
pub struct Spec {
    pub thread_id: u64,
    pub mode: Mode,
    pub argv: Vec<String>,
    pub exec_argv: Option<Vec<String>>,
    pub env: Vec<(String, String)>,
    /// SHARE_ENV: the worker's process.env is the process's environment.
    pub share_env: bool,
    /// [maxOldGenerationSizeMb, maxYoungGenerationSizeMb, codeRangeSizeMb, stackSizeMb].
    pub limits: [f64; 4],
    pub name: String,
    pub port: Arc<PortCore>,
    /// The worker's end of the channel carrying worker.stdin (options.stdin).
    pub stdin: Option<Arc<PortCore>>,
    /// trackUnmanagedFds: fds fs.open gave it are closed when it ends.
    pub track_fds: bool,
    pub init: Message,
    pub shared: Arc<Shared>,
    pub parent: Remote,
    pub parent_owner: u64,
}

/// The worker's view of itself, kept in its Runtime.
pub struct WorkerSelf {
    pub thread_id: u64,
    pub env: Vec<(String, String)>,
    pub share_env: bool,
    pub limits: [f64; 4],
    pub name: String,
    pub port: RefCell<Option<Arc<PortCore>>>,
    pub stdin: RefCell<Option<Arc<PortCore>>>,
    pub init: RefCell<Option<Message>>,
    pub shared: Arc<Shared>,
}

struct Entry {
    shared: Arc<Shared>,
    handle: HandleId,
    port: u64,
    thread: Option<JoinHandle<()>>,
}

thread_local! {
    static WORKERS: RefCell<Slab<Entry>> = const { RefCell::new(Slab::new()) };
    static ON_EXIT: RefCell<Option<Global>> = const { RefCell::new(None) };
}

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "setup" => setup,
            "spawn" => spawn,
            "terminate" => terminate,
            "setRef" => set_ref,
            "workerInit" => worker_init,
            "checkExecArgv" => check_exec_argv,
            "loopMetrics" => loop_metrics,
            "workerLoopMetrics" => worker_loop_metrics,
        ],
    );
    let rt = Runtime::get(s);
    let me = rt.worker.as_ref();
    target.set_str(s, "isMainThread", s.boolean(me.is_none()));
    let id = me.map_or(0, |w| w.thread_id);
    target.set_str(s, "threadId", s.number(id as f64));
}

fn setup<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let g = Global::new(s, a.get(0));
    ON_EXIT.with(|e| *e.borrow_mut() = Some(g));
}

fn strings<'s>(s: &Scope<'s>, v: Local<'s, crate::v8::Value>) -> Option<Vec<String>> {
    let arr = v.to::<crate::v8::Array>(ValueKind::Array)?;
    Some(
        (0..arr.length())
            .filter_map(|i| arr.object().get_index(s, i))
            .map(|v| v.to_rust_string(s))
            .collect(),
    )
}

/// spawn(kind, source, argv, execArgv, env, limits, name, stdin, trackUnmanagedFds,
/// ...message) ->
/// [slot, threadId, portId, stdin portId or -1]. kind 'file' (source: an absolute path), 'url' (a data: URL) or
/// 'eval'; env a flat
/// [k, v, k, v...] list; the message (workerData) as messaging.post takes it.
fn spawn<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let rt = Runtime::get(s);
    let source = a.get(1).to_rust_string(s);
    let mode = match a.get(0).to_rust_string(s).as_str() {
        "eval" => Mode::Eval(source),
        "url" => Mode::Url(source),
        _ => Mode::File(source),
    };
    let argv = strings(s, a.get(2)).unwrap_or_default();
    let exec_argv = strings(s, a.get(3));
    let share_env = a.get(4).is(ValueKind::Null);
    let flat = strings(s, a.get(4)).unwrap_or_default();
    let env = flat
        .chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .collect();
    let mut limits = [0.0; 4];
    if let Some(arr) = a.get(5).to::<crate::v8::Array>(ValueKind::Array) {
        for (i, l) in limits.iter_mut().enumerate() {
            *l = arr
                .object()
                .get_index(s, i as u32)
                .and_then(|v| v.number(s))
                .unwrap_or(0.0);
        }
    }
    let name = a.get(6).to_rust_string(s);
    let track_fds = a.get(8).boolean(s);
    let Some(init) = message_from_args(s, a, 9) else {
        return;
    };
    let (mine, theirs) = PortCore::pair();
    let port = messaging::register(rt, mine);
    // worker.stdin's bytes travel on a channel of their own, so that the worker
    // reading them does not start its parentPort.
    let (stdin_port, stdin) = if a.get(7).boolean(s) {
        let (mine, theirs) = PortCore::pair();
        (messaging::register(rt, mine) as f64, Some(theirs))
    } else {
        (-1.0, None)
    };
    let shared = Arc::new(Shared::default());
    let handle = rt.lp.handle_open(HandleKind::Async, None);
    rt.lp.handle_set_active(handle, true);
    let slot = WORKERS.with(|w| {
        w.borrow_mut().insert(Entry {
            shared: shared.clone(),
            handle,
            port,
            thread: None,
        })
    });
    let thread_id = NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed);
    let spec = Spec {
        thread_id,
        mode,
        argv,
        exec_argv,
        env,
        share_env,
        limits,
        name,
        port: theirs,
        stdin,
        track_fds,
        init,
        shared,
        parent: rt.lp.remote(),
        parent_owner: WORKER_WAKE | slot as u64,
    };
    match crate::runtime::spawn_worker(spec, rt) {
        Ok(t) => WORKERS.with(|w| {
            if let Some(e) = w.borrow_mut().get_mut(slot) {
                e.thread = Some(t);
            }
        }),
        Err(e) => {
            WORKERS.with(|w| w.borrow_mut().try_remove(slot));
            rt.close_native_handle(handle);
            return s.throw_error(
                crate::v8::ErrorKind::Error,
                &format!("Worker thread could not start: {e}"),
            );
        }
    }
    a.ret(
        s.array(&[
            s.number(slot as f64),
            s.number(thread_id as f64),
            s.number(port as f64),
            s.number(stdin_port),
        ])
        .value(),
    );
}

/// checkExecArgv(list) -> undefined, or what ERR_WORKER_INVALID_EXEC_ARGV reports.
fn check_exec_argv<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let list = strings(s, a.get(0)).unwrap_or_default();
    let parent = &Runtime::get(s).options.values;
    if let Err(bad) = crate::cli::worker_option_values(&list, parent) {
        a.ret(s.string(&bad).value());
    }
}

/// [idle ms, loop start on process.hrtime's clock in ms (0: not started)].
fn metrics_array<'s>(s: &Scope<'s>, m: &LoopMetrics) -> Local<'s, crate::v8::Value> {
    let idle = m.idle_ns.load(Ordering::Relaxed) as f64 / 1e6;
    let start = m.start_ns.load(Ordering::Relaxed) as f64 / 1e6;
    s.array(&[s.number(idle), s.number(start)]).value()
}

/// loopMetrics(): this thread's loop's (performance.eventLoopUtilization).
fn loop_metrics<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    a.ret(metrics_array(s, &Runtime::get(s).lp.metrics()));
}

/// workerLoopMetrics(slot): a running worker's loop's, or undefined.
fn worker_loop_metrics<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(shared) = WORKERS.with(|w| w.borrow().get(slot_arg(s, a)).map(|e| e.shared.clone()))
    else {
        return;
    };
    let m = shared
        .metrics
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    if let Some(m) = m {
        a.ret(metrics_array(s, &m));
    }
}

fn slot_arg(s: &Scope, a: &CallbackArgs) -> usize {
    a.get(0).integer(s).unwrap_or(-1) as usize
}

/// terminate(slot): stops the worker's JS wherever it is, and its loop.
fn terminate<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(shared) = WORKERS.with(|w| w.borrow().get(slot_arg(s, a)).map(|e| e.shared.clone()))
    else {
        return;
    };
    shared.terminate.store(true, Ordering::SeqCst);
    if let Some(h) = *shared.isolate.lock().unwrap_or_else(|p| p.into_inner()) {
        h.terminate();
    }
    let remote = shared
        .remote
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    if let Some(r) = remote {
        r.post(TERMINATE, 0);
    }
}

/// setRef(slot, on): whether the running worker keeps this loop alive.
fn set_ref<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let on = a.get(1).boolean(s);
    if let Some(h) = WORKERS.with(|w| w.borrow().get(slot_arg(s, a)).map(|e| e.handle)) {
        Runtime::get(s).lp.handle_set_ref(h, on);
    }
}

/// In a worker: workerInit() -> [portId, workerData message parts, env [k, v...],
/// resourceLimits, name, stdin portId or -1, shares the environment]; the ports and message are handed
/// out once.
fn worker_init<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let rt = Runtime::get(s);
    let Some(me) = rt.worker.as_ref() else { return };
    let Some(core) = me.port.borrow_mut().take() else {
        return;
    };
    let port = messaging::register(rt, core);
    let stdin = me
        .stdin
        .borrow_mut()
        .take()
        .map_or(-1.0, |c| messaging::register(rt, c) as f64);
    let init = me
        .init
        .borrow_mut()
        .take()
        .unwrap_or_else(|| Message::signal(Kind::Message));
    let msg = messaging::message_to_js(s, rt, init);
    let env: Vec<_> = me
        .env
        .iter()
        .flat_map(|(k, v)| [s.string(k).value(), s.string(v).value()])
        .collect();
    let limits: Vec<_> = me.limits.iter().map(|l| s.number(*l)).collect();
    a.ret(
        s.array(&[
            s.number(port as f64),
            msg.value(),
            s.array(&env).value(),
            s.array(&limits).value(),
            s.string(&me.name).value(),
            s.number(stdin),
            s.boolean(me.share_env),
        ])
        .value(),
    );
}

/// A worker-related wake-up: TERMINATE on a worker's own loop, or a worker of
/// this thread has ended (`code` its exit code).
pub fn on_wake(rt: &Runtime, owner: u64, code: i32) {
    if owner == TERMINATE {
        if let Some(me) = &rt.worker {
            if me.shared.terminate.load(Ordering::SeqCst) {
                rt.stop_worker(1);
            }
        }
        return;
    }
    let slot = (owner & !WORKER_WAKE) as usize;
    let Some(mut e) = WORKERS.with(|w| w.borrow_mut().try_remove(slot)) else {
        return;
    };
    // What the worker sent before it ended comes first, then 'exit'.
    messaging::deliver(rt, e.port);
    if let Some(t) = e.thread.take() {
        let _ = t.join();
    }
    rt.close_native_handle(e.handle);
    let oom = e.shared.out_of_memory.load(Ordering::SeqCst);
    rt.isolate.scope(&rt.context, |s| {
        let Some(f) = ON_EXIT
            .with(|x| x.borrow().as_ref().map(|g| g.get(s)))
            .and_then(|f| f.to::<crate::v8::Function>(ValueKind::Function))
        else {
            return;
        };
        let args = [s.number(slot as f64), s.number(code as f64), s.boolean(oom)];
        rt.make_callback(s, f, s.undefined(), &args);
    });
}
