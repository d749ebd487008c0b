//! `--stats` and `internalBinding('uring').stats()`: the backend's counters, the
//! loop's turns, the process's threads, and — when an http server read requests
//! (lib/internal/http/server_connection.js counts them into a shared Float64Array)
//! — syscalls per request, the figure that tells the Reactor from the Proactor.
use super::Runtime;

impl Runtime {
    /// Requests the http servers of this process read (0 when none ran).
    pub fn http_requests(&self) -> u64 {
        match &*self.http_served.borrow() {
            // SAFETY: the store holds one f64 (made by the binding), aligned as every
            // ArrayBuffer is; JS writes it only while Rust is not reading (one thread).
            Some(bs) => (unsafe { *(bs.data() as *const f64) }) as u64,
            None => 0,
        }
    }

    /// Every counter by name, in print order: what `--stats` prints and what
    /// `internalBinding('uring').stats()` returns.
    pub fn stats_fields(&self) -> Vec<(String, f64)> {
        let st = self.lp.stats();
        let syscalls = st.syscalls();
        let requests = self.http_requests();
        let mut f: Vec<(String, f64)> = vec![
            ("loopTurns".into(), self.lp.turns() as f64),
            ("syscalls".into(), syscalls as f64),
            ("enterCalls".into(), st.enter_calls as f64),
            ("epollCtl".into(), st.epoll_ctl as f64),
            ("eventfdReads".into(), st.eventfd_reads as f64),
            ("eventfdWrites".into(), st.eventfd_writes as f64),
            ("closes".into(), crate::backend::fd_closes() as f64),
            ("sqesSubmitted".into(), st.sqes_submitted as f64),
            ("cqesReaped".into(), st.cqes_reaped as f64),
            (
                "sqesPerEnter".into(),
                ratio(st.sqes_submitted, st.enter_calls),
            ),
            ("maxBatch".into(), st.max_batch as f64),
            ("cqOverflows".into(), st.cq_overflows as f64),
            ("multishotArms".into(), st.multishot_arms as f64),
            ("multishotEnds".into(), st.multishot_ends as f64),
            ("bufferRefills".into(), st.buffer_refills as f64),
            ("enobufs".into(), st.enobufs as f64),
            ("poolJobs".into(), st.pool_jobs as f64),
            ("poolWaitUs".into(), st.pool_wait_ns as f64 / 1e3),
            ("httpRequests".into(), requests as f64),
        ];
        if requests > 0 {
            f.push(("syscallsPerRequest".into(), ratio(syscalls, requests)));
            f.push(("entersPerRequest".into(), ratio(st.enter_calls, requests)));
        }
        for (name, c) in &st.ops {
            for (kind, n) in [
                ("ring", c.ring),
                ("inline", c.inline),
                ("ready", c.ready),
                ("pool", c.pool),
            ] {
                if n > 0 {
                    f.push((format!("op.{name}.{kind}"), n as f64));
                }
            }
        }
        f
    }

    /// `--stats`: the counters on stderr, a few lines: the loop, the syscalls by
    /// kind, the ring or the readiness set, and each op's path. Threads: coil's
    /// own (the main thread, V8's platform workers, the pool) apart from the
    /// kernel's io-wq workers ("iou-wrk-*"), which io_uring runs for ops that
    /// cannot complete without blocking.
    pub fn print_stats(&self) {
        let st = self.lp.stats();
        let (threads, io_wq) = thread_counts();
        let (setup, in_flight) = self.lp.backend_state();
        let backend = self.lp.backend_name();
        let enter = if backend == "io_uring" {
            "io_uring_enter"
        } else {
            "epoll_wait"
        };
        eprintln!(
            "coil stats: backend={backend} setup={setup} in_flight={in_flight} loop_turns={} kernel_io_workers={io_wq} threads={threads}",
            self.lp.turns()
        );
        let op_calls: u64 = st.ops.values().map(|c| c.inline + c.ready).sum();
        eprintln!(
            "coil stats: syscalls={} {enter}={} epoll_ctl={} op_syscalls_on_loop={op_calls} eventfd_reads={} eventfd_writes={} close={} pool_jobs={}",
            st.syscalls(),
            st.enter_calls,
            st.epoll_ctl,
            st.eventfd_reads,
            st.eventfd_writes,
            crate::backend::fd_closes(),
            st.pool_jobs,
        );
        eprintln!(
            "coil stats: sqes_submitted={} cqes_reaped={} enter_calls={} sqes_per_enter={:.2} max_batch={} cq_overflows={} multishot_arms={} multishot_ends={} buffer_refills={} enobufs={} pool_wait_us={:.0}",
            st.sqes_submitted,
            st.cqes_reaped,
            st.enter_calls,
            ratio(st.sqes_submitted, st.enter_calls),
            st.max_batch,
            st.cq_overflows,
            st.multishot_arms,
            st.multishot_ends,
            st.buffer_refills,
            st.enobufs,
            st.pool_wait_ns as f64 / 1e3,
        );
        let requests = self.http_requests();
        if requests > 0 {
            eprintln!(
                "coil stats: http_requests={requests} syscalls_per_request={:.3} enters_per_request={:.3} turns_per_request={:.3}",
                ratio(st.syscalls(), requests),
                ratio(st.enter_calls, requests),
                ratio(self.lp.turns(), requests),
            );
        }
        for (name, c) in &st.ops {
            eprintln!(
                "coil stats: op {name}: ring={} inline={} ready={} pool={}",
                c.ring, c.inline, c.ready, c.pool
            );
        }
        let (used, rejected) = crate::v8::code_cache_counts();
        eprintln!("coil stats: code_cache_used={used} code_cache_rejected={rejected}");
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
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
