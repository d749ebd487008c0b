//! A Worker's thread: its own backend (its own io_uring), loop, isolate and
//! context — the same Runtime the main thread runs — started from a `Spec` and
//! torn down when its loop ends, after which the parent's loop is told the exit
//! code. process.exit() and terminate() stop it through `stop_worker`.
use std::sync::atomic::{AtomicBool, Ordering};

use super::Runtime;
use crate::binding::messaging::port::{Kind, Message};
use crate::binding::worker::{Spec, WorkerSelf};
use crate::v8::{Isolate, IsolateHandle};

const MIB: f64 = 1024.0 * 1024.0;

/// Set once a worker thread was started (by its parent, before the thread runs):
/// the process's end must then not run the C++ static destructors (V8's platform,
/// libnode's globals) under running workers, and young_gen.rs stops asking for
/// scavenges.
static WORKERS_STARTED: AtomicBool = AtomicBool::new(false);

pub fn workers_started() -> bool {
    WORKERS_STARTED.load(Ordering::SeqCst)
}

/// Ends the process with `code`. With workers about, stdout and stderr are flushed
/// and the process leaves with _exit: a worker still in V8 would otherwise crash on
/// the static destructors that exit() runs.
pub fn exit_process(code: i32) -> ! {
    if WORKERS_STARTED.load(Ordering::SeqCst) {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        // SAFETY: _exit ends the process at once; nothing runs after it.
        unsafe { libc::_exit(code) }
    }
    std::process::exit(code)
}

/// Starts the thread for `spec`; `parent` lends its options (backend, flags).
pub fn spawn_worker(spec: Spec, parent: &Runtime) -> std::io::Result<std::thread::JoinHandle<()>> {
    let mut options = parent.options.clone();
    options.mode = spec.mode.clone();
    options.script_args = spec.argv.clone();
    if let Some(e) = &spec.exec_argv {
        options.exec_args = e.clone();
        // Checked by the Worker constructor (checkExecArgv) before it got here.
        if let Ok(values) = crate::cli::worker_option_values(e, &parent.options.values) {
            options.values = values;
        }
    }
    options.stats = false;
    options.check = false;
    // node's default stackSizeMb is 4; the thread gets a little more than V8 may use.
    WORKERS_STARTED.store(true, Ordering::SeqCst);
    let stack_mb = if spec.limits[3] > 0.0 {
        spec.limits[3]
    } else {
        4.0
    };
    std::thread::Builder::new()
        .name(format!("coil-worker-{}", spec.thread_id))
        .stack_size((stack_mb * MIB) as usize + (2 << 20))
        .spawn(move || {
            // Signals belong to the main loop thread (src/signal_mask.rs).
            crate::signal_mask::block_async_signals();
            let parent = spec.parent.clone();
            let owner = spec.parent_owner;
            let code = run(spec, options);
            parent.post(owner, code);
        })
}

fn run(spec: Spec, options: crate::cli::Options) -> i32 {
    let backend =
        match crate::backend::create(options.backend, options.trace_uring, options.trace_epoll) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("coil: a worker's event loop could not be set up: {e}");
                return 1;
            }
        };
    let isolate = Isolate::with_limits(
        (spec.limits[0] * MIB) as usize,
        (spec.limits[1] * MIB) as usize,
    );
    let shared = spec.shared.clone();
    if spec.limits[0] > 0.0 || spec.limits[1] > 0.0 {
        // SAFETY: `shared` lives in the runtime's WorkerSelf until after the isolate
        // is disposed (destroy below), so the flag outlives the isolate.
        unsafe {
            crate::v8::terminate_near_heap_limit(isolate.raw(), &shared.out_of_memory);
        }
    }
    let me = WorkerSelf {
        thread_id: spec.thread_id,
        env: spec.env,
        share_env: spec.share_env,
        limits: spec.limits,
        name: spec.name,
        port: std::cell::RefCell::new(Some(spec.port.clone())),
        stdin: std::cell::RefCell::new(spec.stdin),
        init: std::cell::RefCell::new(Some(spec.init)),
        shared: spec.shared,
    };
    if spec.track_fds {
        crate::binding::fs::tracked::start();
    }
    let rt = Runtime::build(options, backend, isolate, Some(me));
    *shared.isolate.lock().unwrap_or_else(|p| p.into_inner()) =
        Some(IsolateHandle::new(rt.isolate.raw()));
    *shared.remote.lock().unwrap_or_else(|p| p.into_inner()) = Some(rt.lp.remote());
    *shared.metrics.lock().unwrap_or_else(|p| p.into_inner()) = Some(rt.lp.metrics());
    if shared.terminate.load(Ordering::SeqCst) {
        rt.stop_worker(1);
    } else {
        spec.port.send(Message::signal(Kind::Online));
    }
    let code = rt.run();
    crate::binding::messaging::close_all();
    crate::binding::fs::tracked::close_all();
    *shared.isolate.lock().unwrap_or_else(|p| p.into_inner()) = None;
    *shared.remote.lock().unwrap_or_else(|p| p.into_inner()) = None;
    rt.lp.shutdown();
    // SAFETY: the loop has ended and no JS runs any more on this thread; nothing
    // keeps a reference to the runtime past this point.
    unsafe { Runtime::destroy(rt) };
    drop(shared);
    code
}

impl Runtime {
    /// Ends this worker with `code`: its JS stops (V8's TerminateExecution) and its
    /// loop ends after the current turn; 'exit' was emitted by JS if it is due.
    pub fn stop_worker(&self, code: i32) {
        if self.stopping.get().is_none() {
            self.stopping.set(Some(code));
        }
        IsolateHandle::new(self.isolate.raw()).terminate();
        self.lp.stop();
    }

    /// Whether this worker was asked to stop (terminate(), or its heap limit),
    /// noting it so the loop ends.
    pub(crate) fn worker_stop_requested(&self) -> bool {
        let Some(me) = &self.worker else {
            return false;
        };
        if self.stopping.get().is_some() {
            return true;
        }
        let s = &me.shared;
        if s.terminate.load(Ordering::SeqCst) || s.out_of_memory.load(Ordering::SeqCst) {
            self.stop_worker(1);
            return true;
        }
        false
    }
}
