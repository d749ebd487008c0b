//! The runtime: one isolate, one context, one loop, and the JS functions the loop
//! calls back (timers, immediates, the nextTick queue, fatal exceptions). It lives
//! for the whole process; native functions find it through the isolate's slot.
use std::cell::RefCell;
use std::collections::HashMap;

use crate::backend::uring::Uring;
use crate::cli::Options;
use crate::event_loop::timer::TimerId;
use crate::event_loop::{HandleState, Loop};
use crate::v8::{self, BackingStore, Global, Isolate, Scope};

mod bootstrap;
mod callback;
pub use callback::{arrow_of, decorate, on_prepare_stack_trace};
mod host;
mod request;
pub use request::Finish;

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
    /// Shared with JS: [has tick scheduled, has rejection to warn] (one byte each).
    pub tick_info: RefCell<Option<BackingStore>>,
    /// Shared with JS: u32 [immediate count, referenced count, has outstanding].
    pub immediate_info: RefCell<Option<BackingStore>>,
    /// The one loop timer behind all JS timers (JS keeps its own lists).
    pub js_timer: TimerId,
    pub timer_handle: HandleState,
    pub immediate_handle: HandleState,
    /// internalBinding(name) objects, made once.
    pub bindings: RefCell<HashMap<String, Global>>,
    /// JS requests waiting for an op's completion, keyed by the op's owner.
    pub requests: RefCell<request::Requests>,
}

impl Runtime {
    /// Builds the runtime and leaks it: it lives until the process exits.
    pub fn create(options: Options) -> anyhow::Result<&'static Runtime> {
        let mut backend = Uring::new().map_err(|e| {
            anyhow::anyhow!("io_uring is not available here ({e}); coil needs Linux 5.11+ with io_uring enabled")
        })?;
        backend.trace = options.trace_uring;
        let lp = Loop::new(Box::new(backend));
        let js_timer = lp.timer_create();
        let isolate = Isolate::new();
        let context = Global::new_context(&isolate);
        let rt: &'static Runtime = Box::leak(Box::new(Runtime {
            isolate,
            context,
            lp,
            options,
            hooks: RefCell::default(),
            tick_info: RefCell::new(None),
            immediate_info: RefCell::new(None),
            js_timer,
            timer_handle: HandleState::new(),
            immediate_handle: HandleState::new(),
            bindings: RefCell::default(),
            requests: RefCell::default(),
        }));
        rt.isolate
            .set_slot(rt as *const Runtime as *mut std::ffi::c_void);
        rt.isolate
            .set_promise_reject_callback(callback::on_promise_reject);
        rt.isolate.set_oom_error_handler(callback::on_out_of_memory);
        Ok(rt)
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
            self.bootstrap(s);
            loop {
                self.lp.run(self);
                self.call_hook(s, |h| &h.before_exit, &[]);
                if !self.lp.alive() {
                    break;
                }
            }
            let code = self
                .call_hook(s, |h| &h.exit, &[])
                .and_then(|v| v.integer(s))
                .unwrap_or(0);
            code as i32
        })
    }

    /// `--stats`: what went through the ring, what ran inline, and the process's
    /// threads: coil's own (the main thread and V8's platform workers; I/O adds
    /// none) apart from the kernel's io-wq workers ("iou-wrk-*"), which io_uring
    /// runs for ops that cannot complete without blocking.
    pub fn print_stats(&self) {
        let st = self.lp.stats();
        let (threads, io_wq) = thread_counts();
        let (setup, in_flight) = self.lp.backend_state();
        eprintln!(
            "coil stats: backend={} setup={setup} in_flight={in_flight} sqes_submitted={} cqes_reaped={} enter_calls={} cq_overflows={} loop_turns={} kernel_io_workers={io_wq} threads={threads}",
            self.lp.backend_name(),
            st.sqes_submitted,
            st.cqes_reaped,
            st.enter_calls,
            st.cq_overflows,
            self.lp.turns()
        );
        for (name, (ring, inline)) in &st.ops {
            eprintln!("coil stats: op {name}: ring={ring} inline={inline}");
        }
        let (used, rejected) = v8::code_cache_counts();
        eprintln!("coil stats: code_cache_used={used} code_cache_rejected={rejected}");
    }

    pub(crate) fn tick_flags(&self) -> (bool, bool) {
        match &*self.tick_info.borrow() {
            Some(bs) => {
                // SAFETY: the store is 2+ bytes, kept alive here; JS only writes it
                // while we are not reading (one thread).
                let b = unsafe { std::slice::from_raw_parts(bs.data(), 2) };
                (b[0] != 0, b[1] != 0)
            }
            None => (false, false),
        }
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

/// (user threads, kernel io-wq workers) of this process, from /proc/self/task.
fn thread_counts() -> (usize, usize) {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return (0, 0);
    };
    let names: Vec<String> = tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("comm")).ok())
        .collect();
    let io_wq = names.iter().filter(|n| n.starts_with("iou-")).count();
    (names.len() - io_wq, io_wq)
}
