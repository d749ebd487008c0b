//! The runtime: one isolate, one context, one loop, and the JS functions the loop
//! calls back (timers, immediates, the nextTick queue, fatal exceptions). It lives
//! for the whole process; native functions find it through the isolate's slot.
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::cli::Options;
use crate::event_loop::timer::TimerId;
use crate::event_loop::{HandleId, HandleKind, Loop};
use crate::v8::{self, BackingStore, Global, Isolate, Scope};

mod bootstrap;
mod callback;
pub use callback::{arrow_of, decorate, on_prepare_stack_trace};
mod host;
mod request;
pub use request::{completion_handled, Finish, Finisher};
mod stats;
mod worker;
pub use worker::{exit_process, spawn_worker};
mod wake;
pub use wake::Waker;
pub use young_gen::user_set_flags;
mod young_gen;

/// JS functions registered by lib/ at bootstrap, called from Rust.
#[derive(Default)]
pub struct Hooks {
    /// processTicksAndRejections: drains nextTick, microtasks and rejections.
    pub tick: Option<Global>,
    /// processTimers(now) -> next expiry (negative: unreferenced; 0: none).
    pub timers: Option<Global>,
    /// processImmediate(): runs the setImmediate queue.
    pub immediate: Option<Global>,
    /// (type, promise, reason) from V8's promise-reject callback.
    pub promise_reject: Option<Global>,
    /// (error, fromPromise): 'uncaughtException' or print and exit.
    pub fatal: Option<Global>,
    /// Emits 'beforeExit'; `exit` emits 'exit' and returns the exit code.
    pub before_exit: Option<Global>,
    pub exit: Option<Global>,
    /// (error, callSites) -> error.stack, with --enable-source-maps.
    pub prepare_stack_trace: Option<Global>,
}

pub struct Runtime {
    pub isolate: Isolate,
    pub context: Global,
    pub lp: Loop,
    pub options: Options,
    pub hooks: RefCell<Hooks>,
    /// Shared with JS: [has tick scheduled, has rejection to warn, ticks running
    /// in a callback, drained at a callback's end] (one byte each).
    pub tick_info: RefCell<Option<BackingStore>>,
    /// Where tick_info's bytes are (null until set): see `tick_byte`.
    pub tick_bytes: std::cell::Cell<*mut u8>,
    /// Shared with JS: u32 [immediate count, referenced count, has outstanding].
    pub immediate_info: RefCell<Option<BackingStore>>,
    /// The one loop timer behind all JS timers (JS keeps its own lists).
    pub js_timer: TimerId,
    pub timer_handle: HandleId,
    pub immediate_handle: HandleId,
    /// internalBinding(name) objects, made once.
    pub bindings: RefCell<HashMap<String, Global>>,
    /// JS requests waiting for an op's completion, keyed by the op's owner.
    pub requests: RefCell<request::Requests>,
    /// Shared with JS (internalBinding('uring').httpServed): a Float64Array whose
    /// [0] the http server adds one to per request it reads, for --stats.
    pub http_served: RefCell<Option<BackingStore>>,
    /// In a Worker: who it is and what it shares with its parent; None on the main thread.
    pub worker: Option<crate::binding::worker::WorkerSelf>,
    /// A worker told to stop (process.exit, terminate()): its exit code.
    pub stopping: Cell<Option<i32>>,
    /// Native callbacks other threads wake the loop for (wake.rs).
    pub wakeups: RefCell<wake::WakeUps>,
}

impl Runtime {
    /// Builds the main thread's runtime and leaks it: it lives until the process exits.
    pub fn create(options: Options) -> anyhow::Result<&'static Runtime> {
        let backend =
            crate::backend::create(options.backend, options.trace_uring, options.trace_epoll)
                .map_err(|e| anyhow::anyhow!("no event loop backend could be set up: {e}"))?;
        Ok(Runtime::build(options, backend, Isolate::new(), None))
    }

    /// A runtime over `backend` and `isolate` (entered on this thread), leaked; a
    /// worker's is freed by `destroy` at its thread's end.
    pub(crate) fn build(
        options: Options,
        backend: Box<dyn crate::backend::Backend>,
        isolate: Isolate,
        worker: Option<crate::binding::worker::WorkerSelf>,
    ) -> &'static Runtime {
        let lp = Loop::new(backend);
        let js_timer = lp.timer_create();
        let timer_handle = lp.handle_open(HandleKind::Timer, None);
        let immediate_handle = lp.handle_open(HandleKind::Immediate, None);
        let context = Global::new_context(&isolate);
        let rt: &'static Runtime = Box::leak(Box::new(Runtime {
            isolate,
            context,
            lp,
            options,
            hooks: RefCell::default(),
            tick_info: RefCell::new(None),
            tick_bytes: std::cell::Cell::new(std::ptr::null_mut()),
            immediate_info: RefCell::new(None),
            js_timer,
            timer_handle,
            immediate_handle,
            bindings: RefCell::default(),
            requests: RefCell::default(),
            http_served: RefCell::new(None),
            worker,
            stopping: Cell::new(None),
            wakeups: RefCell::default(),
        }));
        rt.isolate
            .set_slot(rt as *const Runtime as *mut std::ffi::c_void);
        rt.isolate
            .set_promise_reject_callback(callback::on_promise_reject);
        rt.isolate.set_oom_error_handler(callback::on_out_of_memory);
        young_gen::watch(rt);
        rt
    }

    /// Frees a worker's runtime: the isolate is disposed first (the handles the
    /// other fields hold go with it).
    ///
    /// # Safety
    /// `rt` came from `build`, its loop has ended, no JS runs and no reference to
    /// it is used afterwards.
    pub(crate) unsafe fn destroy(rt: &'static Runtime) {
        crate::binding::messaging::port::forget_loop();
        young_gen::unwatch(rt);
        // SAFETY: the caller's contract; `build` made it with Box::new.
        drop(unsafe { Box::from_raw(rt as *const Runtime as *mut Runtime) });
    }

    /// The runtime of the isolate running `scope`.
    pub fn get(scope: &Scope) -> &'static Runtime {
        Self::from_isolate(scope.isolate())
    }

    pub fn from_isolate(isolate: *mut v8::RawIsolate) -> &'static Runtime {
        let p = Isolate::slot(isolate) as *const Runtime;
        // SAFETY: the slot was set in `create` to the leaked, never-freed Runtime.
        unsafe { &*p }
    }

    /// Runs the program: bootstrap, the main script, the loop until nothing is left
    /// ('beforeExit' may add more), then 'exit'. Returns the exit code.
    pub fn run(&'static self) -> i32 {
        self.isolate.scope(&self.context, |s| {
            if !self.worker_stop_requested() {
                self.bootstrap(s);
            }
            loop {
                if self.worker_stop_requested() {
                    return self.stopping.get().unwrap_or(1);
                }
                if let Err(e) = self.lp.run(self) {
                    // The backend cannot go on: say why and end (EX_SOFTWARE), without
                    // running more JS on a loop that cannot deliver its completions.
                    eprintln!(
                        "coil: the {} event loop failed: {e}",
                        self.lp.backend_name()
                    );
                    return 70;
                }
                if self.worker_stop_requested() {
                    return self.stopping.get().unwrap_or(1);
                }
                self.call_hook(s, |h| &h.before_exit, &[]);
                if !self.lp.alive() && !self.worker_stop_requested() {
                    break;
                }
            }
            let code = self
                .call_hook(s, |h| &h.exit, &[])
                .and_then(|v| v.integer(s))
                .unwrap_or(0);
            crate::binding::compile_cache::flush(s);
            code as i32
        })
    }

    /// tick_info's bytes (null until task_queue made them): read and written
    /// around every callback, through a pointer taken once rather than a borrow
    /// and a call into V8 for the store's address each time.
    fn tick_byte(&self, i: usize) -> Option<*mut u8> {
        let p = self.tick_bytes.get();
        // SAFETY: a non-null pointer is the start of tick_info's 4-byte store,
        // which `tick_info` keeps alive.
        (!p.is_null()).then(|| unsafe { p.add(i) })
    }

    /// Reads and clears tick_info[i] (JS only writes it while Rust is not
    /// reading: one thread).
    fn take_tick_byte(&self, i: usize) -> bool {
        // SAFETY: tick_byte gives a live byte of the store.
        self.tick_byte(i)
            .is_some_and(|p| unsafe { std::mem::take(&mut *p) } != 0)
    }

    pub(crate) fn tick_flags(&self) -> (bool, bool) {
        // SAFETY: tick_byte gives live bytes of the store.
        let byte = |i| self.tick_byte(i).is_some_and(|p| unsafe { *p } != 0);
        (byte(0), byte(1))
    }

    /// Whether a callback's exception came from the ticks it ran itself
    /// (runTicksNow in lib/internal/process/task_queues.js): then the rest of
    /// the queue runs at once, as when the loop runs the ticks. Clears the mark.
    pub(crate) fn take_ticks_threw(&self) -> bool {
        self.take_tick_byte(2)
    }

    /// Reads and clears tick_info[3]: the callback that just returned ended by
    /// running the ticks and microtasks itself (runTicksNow), so the microtask
    /// queue is empty (lib/internal/process/task_queues.js).
    pub(crate) fn take_drained_in_callback(&self) -> bool {
        self.take_tick_byte(3)
    }

    /// immediate_info[i] (0 count, 1 referenced count, 2 has outstanding).
    pub(crate) fn immediate_info(&self, i: usize) -> u32 {
        match &*self.immediate_info.borrow() {
            // SAFETY: the store holds three u32s (checked when registered), aligned as
            // every ArrayBuffer is.
            Some(bs) => unsafe { *(bs.data() as *const u32).add(i) },
            None => 0,
        }
    }
}
