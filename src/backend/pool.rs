//! The work pool, as libuv's threadpool: `COIL_THREADPOOL_SIZE` threads (default 4,
//! started on first use) run, as plain blocking calls, the work that has no
//! readiness and no opcode and may block for long. Both drivers own one: the epoll
//! driver sends every file op here (files have no readiness); the io_uring driver
//! sends only ops that declare `OpAble::needs_pool` (getaddrinfo, getnameinfo; zlib
//! and key derivation later), since its fs ops go through the ring. A finished job
//! posts its key and result through the loop's `Remote`; its eventfd wakes the
//! loop where it already waits (epoll_wait, or the poll armed on the ring), so the
//! loop still waits in exactly one place.
use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::backend::op::Op;
use crate::backend::{Key, Owner, Remote};

/// An op lent to a pool thread. The op stays boxed in the driver's in-flight table
/// (which owns it); the loop thread does not touch it until the job's result is
/// posted back, so exactly one thread uses it at a time.
struct Job {
    key: Key,
    owner: Owner,
    op: *mut Op,
    queued_at: Instant,
}

// SAFETY: see `Job`: the op is used by one thread at a time, handed over through the
// queue's mutex and back through the Remote's mutex (both synchronise memory).
unsafe impl Send for Job {}

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    /// Keys of the jobs in `jobs`, so cancelling a job no longer queued needs no scan.
    queued: HashSet<Key>,
    /// Jobs taken by a thread and not yet posted back.
    running: usize,
    /// Jobs taken, and the nanoseconds they waited queued (--stats).
    taken: u64,
    wait_ns: u64,
    shutdown: bool,
}

pub struct Pool {
    shared: Arc<(Mutex<Queue>, Condvar)>,
    threads: Vec<JoinHandle<()>>,
    size: usize,
    remote: Remote,
}

impl Pool {
    pub fn new(remote: Remote) -> Pool {
        let size = std::env::var("COIL_THREADPOOL_SIZE")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
            .map_or(4, |n| n.clamp(1, 1024));
        Pool {
            shared: Arc::default(),
            threads: Vec::new(),
            size,
            remote,
        }
    }

    /// Queues `op` (boxed in the caller's table, which keeps it until `key` is posted).
    pub fn run(&mut self, key: Key, owner: Owner, op: *mut Op) {
        if self.threads.len() < self.size {
            self.spawn();
        }
        let (lock, cv) = &*self.shared;
        let mut q = lock.lock().unwrap_or_else(|p| p.into_inner());
        q.queued.insert(key);
        q.jobs.push_back(Job {
            key,
            owner,
            op,
            queued_at: Instant::now(),
        });
        drop(q);
        cv.notify_one();
    }

    /// A job not yet started leaves the queue and completes at once with ECANCELED
    /// (as uv_cancel); a running one finishes.
    pub fn cancel(&mut self, key: Key) {
        let (lock, _) = &*self.shared;
        let mut q = lock.lock().unwrap_or_else(|p| p.into_inner());
        if !q.queued.remove(&key) {
            return;
        }
        if let Some(i) = q.jobs.iter().position(|j| j.key == key) {
            let job = q.jobs.remove(i).expect("position is in range");
            drop(q);
            self.remote.post_keyed(job.key, job.owner, -libc::ECANCELED);
        }
    }

    fn spawn(&mut self) {
        let shared = self.shared.clone();
        let remote = self.remote.clone();
        let n = self.threads.len();
        // The thread inherits a mask that blocks every signal (src/signal_mask.rs).
        let mask = crate::signal_mask::block_async_signals();
        let t = std::thread::Builder::new()
            .name(format!("coil-pool-{n}"))
            .spawn(move || worker(&shared, &remote))
            .expect("a pool thread");
        crate::signal_mask::restore(&mask);
        self.threads.push(t);
    }

    /// (jobs taken by a thread, nanoseconds they waited in the queue in all).
    /// Counted under the queue's lock, which the job takes anyway.
    pub fn counts(&self) -> (u64, u64) {
        let q = self.shared.0.lock().unwrap_or_else(|p| p.into_inner());
        (q.taken, q.wait_ns)
    }

    /// Jobs queued or running.
    #[cfg(test)]
    pub fn busy(&self) -> usize {
        let q = self.shared.0.lock().unwrap_or_else(|p| p.into_inner());
        q.jobs.len() + q.running
    }

    #[cfg(test)]
    pub fn threads(&self) -> usize {
        self.threads.len()
    }
}

fn worker(shared: &(Mutex<Queue>, Condvar), remote: &Remote) {
    let (lock, cv) = shared;
    loop {
        let job = {
            let mut q = lock.lock().unwrap_or_else(|p| p.into_inner());
            loop {
                if let Some(job) = q.jobs.pop_front() {
                    q.running += 1;
                    q.taken += 1;
                    q.wait_ns += job.queued_at.elapsed().as_nanos() as u64;
                    q.queued.remove(&job.key);
                    break Some(job);
                }
                if q.shutdown {
                    break None;
                }
                q = cv.wait(q).unwrap_or_else(|p| p.into_inner());
            }
        };
        let Some(job) = job else { return };
        // SAFETY: see `Job`: this thread alone uses the op until it posts the key.
        let result = unsafe { (*job.op).as_opable().run_blocking() };
        // Posted before `running` drops, so a shutdown that sees 0 running knows no
        // thread touches an op any more.
        remote.post_keyed(job.key, job.owner, result);
        lock.lock().unwrap_or_else(|p| p.into_inner()).running -= 1;
        cv.notify_all();
    }
}

/// How long teardown waits for running jobs (a read of a terminal or a FIFO may
/// never return; node does not wait for its pool at exit either).
const SHUTDOWN_WAIT: Duration = Duration::from_millis(200);

impl Pool {
    /// Drops queued jobs and waits (bounded) for running ones. True when no thread
    /// uses an op any more (the threads are joined); false when a job is still
    /// blocked in its syscall: its thread is left behind, and the caller must not
    /// free the ops.
    pub fn shutdown(&mut self) -> bool {
        let (lock, cv) = &*self.shared;
        let mut q = lock.lock().unwrap_or_else(|p| p.into_inner());
        q.shutdown = true;
        q.jobs.clear();
        q.queued.clear();
        cv.notify_all();
        let deadline = Instant::now() + SHUTDOWN_WAIT;
        while q.running > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                self.threads.clear(); // detached
                return false;
            }
            q = cv
                .wait_timeout(q, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        drop(q);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
        true
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.shutdown();
    }
}
