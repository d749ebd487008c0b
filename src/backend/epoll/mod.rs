//! The epoll driver (Reactor), libuv's model on Linux: ops on pollable fds wait
//! for readiness and then try their syscall without blocking (monoio's
//! legacy_call: `OpAble::readiness` + `run_blocking`); file ops, which have no
//! readiness, run on a thread pool whose results wake the loop through the
//! `Remote`'s eventfd; the next timer bounds epoll_wait. Level-triggered, one
//! registration per fd covering every op waiting on it.
//!
//! An op's life is the io_uring driver's: boxed in the in-flight table under its
//! key, completed by key, handed back at its last completion. A multishot op stays
//! registered and completes once per readiness event until cancelled.
use std::collections::HashMap;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::time::Duration;

use super::bufs::{BufGroup, LentBufs};
use super::inflight::Table;
use super::op::Op;
use super::op::Picked;
use super::user_data::{REMOTE, WAKE};
use super::wake::Posted;
use super::{Backend, Completion, Key, Owner, Remote, Stats};

#[cfg(test)]
mod tests;

use super::pool::Pool;

/// IORING_CQE_F_BUFFER, IORING_CQE_F_MORE and IORING_CQE_F_BUF_MORE, so completions
/// read the same on both drivers.
const F_BUFFER: u32 = 1;
const F_MORE: u32 = 2;
const F_BUF_MORE: u32 = 16;
/// IORING_CQE_BUFFER_SHIFT: the buffer id sits in the flags' upper 16 bits.
const BUFFER_SHIFT: u32 = 16;
const MAX_EVENTS: usize = 1024;

pub struct Epoll {
    epfd: OwnedFd,
    ops: Table,
    /// Ops waiting for readiness, per fd, and the events registered for that fd.
    waiting: HashMap<RawFd, (Vec<Key>, u32)>,
    /// Completions known on this thread (cancelled waits): delivered at the next poll.
    ready: Vec<(Key, i32, u32)>,
    pool: Pool,
    remote: Remote,
    groups: HashMap<u16, BufGroup>,
    lent: HashMap<u16, LentBufs>,
    /// Fds whose receive found every buffer lent out this turn. Level-triggered
    /// epoll hands ready fds back in the same order turn after turn, so without
    /// this the first sockets of the list would take the buffers every time and
    /// the rest wait indefinitely: these go first at the next turn.
    starved: rustc_hash::FxHashSet<RawFd>,
    /// A read found a lent group empty (`take_lent_starved`).
    lent_starved: bool,
    stats: Stats,
    pub trace: bool,
    /// epoll_wait's event array, kept between turns (12 KiB: allocating and
    /// zeroing it per turn cost more than the events it usually carries).
    events: Vec<libc::epoll_event>,
}

impl Epoll {
    pub fn new() -> io::Result<Epoll> {
        // SAFETY: no pointers.
        let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a fresh fd we own.
        let epfd = unsafe { OwnedFd::from_raw_fd(fd) };
        let remote = Remote::new()?;
        let mut ep = Epoll {
            epfd,
            ops: Table::default(),
            waiting: HashMap::new(),
            ready: Vec::new(),
            pool: Pool::new(remote.clone()),
            remote,
            groups: HashMap::new(),
            lent: HashMap::new(),
            starved: Default::default(),
            lent_starved: false,
            stats: Stats::default(),
            trace: false,
            events: Vec::new(),
        };
        let wake_fd = ep.remote.fd();
        ep.ctl(libc::EPOLL_CTL_ADD, wake_fd, libc::EPOLLIN as u32, WAKE)?;
        Ok(ep)
    }

    fn ctl(&mut self, op: i32, fd: RawFd, events: u32, token: u64) -> io::Result<()> {
        self.stats.epoll_ctl += 1;
        if self.trace {
            let what = match op {
                libc::EPOLL_CTL_ADD => "add",
                libc::EPOLL_CTL_MOD => "mod",
                _ => "del",
            };
            eprintln!("epoll: ctl    {what:<10} fd={fd} events={events:#x}");
        }
        let mut ev = libc::epoll_event { events, u64: token };
        // SAFETY: ev is a local the kernel only reads.
        if unsafe { libc::epoll_ctl(self.epfd.as_raw_fd(), op, fd, &mut ev) } < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Brings `fd`'s epoll registration in line with the ops waiting on it.
    fn sync_interest(&mut self, fd: RawFd) {
        let want = self.waiting.get(&fd).map_or(0, |(keys, _)| {
            keys.iter()
                .filter_map(|k| self.ops.get(*k))
                .filter_map(|f| f.op.as_opable_ref().readiness())
                .fold(0u32, |acc, ev| acc | ev as u16 as u32)
        });
        let had = self.waiting.get(&fd).map_or(0, |w| w.1);
        let res = match (had, want) {
            (0, 0) => Ok(()),
            (0, w) => self.ctl(libc::EPOLL_CTL_ADD, fd, w, fd as u64),
            (_, 0) => self.ctl(libc::EPOLL_CTL_DEL, fd, 0, 0),
            (h, w) if h != w => self.ctl(libc::EPOLL_CTL_MOD, fd, w, fd as u64),
            _ => Ok(()),
        };
        if want == 0 {
            self.waiting.remove(&fd);
        } else if let Some(w) = self.waiting.get_mut(&fd) {
            w.1 = want;
        }
        if let Err(e) = res {
            // A bad fd (closed, or a regular file): fail its ops now.
            let errno = e.raw_os_error().unwrap_or(libc::EIO);
            if let Some((keys, _)) = self.waiting.remove(&fd) {
                self.ready.extend(keys.into_iter().map(|k| (k, -errno, 0)));
            }
        }
    }

    /// `fd` is ready: try every op waiting on it (the Reactor's legacy_call).
    fn on_ready(&mut self, fd: RawFd, revents: u32, out: &mut Vec<Completion>) {
        let keys = self
            .waiting
            .get(&fd)
            .map(|w| w.0.clone())
            .unwrap_or_default();
        let mut done = Vec::new();
        for key in keys {
            // A multishot receive into provided buffers may take several arrivals
            // per readiness event (`shots_per_event`: datagrams), as libuv reads up
            // to 32 times per event: one epoll_wait turn per datagram would cap a
            // burst at one datagram a turn.
            let shots = self
                .ops
                .get(key)
                .map_or(1, |f| f.op.as_opable_ref().shots_per_event());
            for shot in 0..shots {
                if !self.shoot(key, shot, revents, &mut done, out) {
                    break;
                }
            }
        }
        if !done.is_empty() {
            if let Some(w) = self.waiting.get_mut(&fd) {
                w.0.retain(|k| !done.contains(k));
            }
            self.sync_interest(fd);
        }
    }

    /// One try of op `key` on a ready fd; true when a multishot op took an
    /// arrival and stays armed (the caller may try it again at once).
    fn shoot(
        &mut self,
        key: Key,
        shot: usize,
        revents: u32,
        done: &mut Vec<Key>,
        out: &mut Vec<Completion>,
    ) -> bool {
        let Some(f) = self.ops.get_mut(key) else {
            done.push(key);
            return false;
        };
        let op = f.op.as_opable();
        let want = op.readiness().unwrap_or(0) as u16 as u32;
        let errors = (libc::EPOLLERR | libc::EPOLLHUP) as u32;
        if revents & (want | errors) == 0 {
            return false;
        }
        let repeatable = op.multishot();
        if shot > 0 && !repeatable {
            return false;
        }
        let mut flags = 0;
        let mut picked = None;
        let group = op.buffer_group();
        let lent = group.and_then(|g| self.lent.get_mut(&g));
        let is_lent = lent.is_some();
        if let Some(group) = group {
            let p = match lent {
                Some(l) => l.head(),
                None => self.groups.get_mut(&group).and_then(|g| {
                    g.take().map(|bid| Picked {
                        ptr: g.ptr(bid),
                        bid,
                        len: g.size as u32,
                    })
                }),
            };
            if p.is_none() {
                self.stats.enobufs += 1;
                // Every buffer is lent out in this turn; they all come back when its
                // completions are delivered, so the op just waits for the next
                // event (level-triggered: the next turn) instead of failing, and
                // goes first then.
                self.lent_starved |= is_lent;
                if let Some(fd) = op.fd() {
                    self.starved.insert(fd);
                }
                return false;
            }
            op.pick(p);
            picked = p.map(|p| p.bid);
        }
        let f = self.ops.get_mut(key).expect("present");
        let result = f.op.as_opable().run_blocking();
        let name = f.op.name();
        self.stats.counts.of(name).ready += 1;
        if self.trace {
            eprintln!(
                "epoll: ready  {name:<10} key={key} owner={} res={result}",
                f.owner
            );
        }
        if let (Some(bid), Some(group), true, false) = (picked, group, result < 0, is_lent) {
            // Not used (EAGAIN, an error): back to the free list at once.
            if let Some(g) = self.groups.get_mut(&group) {
                g.give_back(bid);
            }
        }
        if f.op.as_opable_ref().must_wait(result) {
            return false; // spurious or taken by someone else: wait again
        }
        if let Some(bid) = picked.filter(|_| result >= 0) {
            match group.and_then(|g| self.lent.get_mut(&g)) {
                // A lent buffer is named only when bytes went into it, as the kernel
                // does; BUF_MORE while it has room left.
                Some(l) if result > 0 => {
                    flags |= F_BUFFER | (bid as u32) << BUFFER_SHIFT;
                    if l.consume(result as u32) {
                        flags |= F_BUF_MORE;
                    }
                }
                Some(_) => {}
                None => flags |= F_BUFFER | (bid as u32) << BUFFER_SHIFT,
            }
        }
        let owner = f.owner;
        let op = f.op.as_opable_ref();
        let multishot = op.multishot() && !op.multishot_ends(result);
        if multishot {
            out.push(Completion {
                key,
                owner,
                result,
                flags: flags | F_MORE,
                op: None,
                more: true,
            });
            repeatable
        } else {
            done.push(key);
            out.push(self.finish(key, result, flags));
            false
        }
    }

    /// The last completion of `key`: the op leaves the table and goes back.
    fn finish(&mut self, key: Key, result: i32, flags: u32) -> Completion {
        let mut f = self.ops.remove(key).expect("a finished op is in the table");
        if f.op.as_opable_ref().multishot() {
            self.stats.multishot_ends += 1;
        }
        if flags & F_BUFFER != 0 {
            f.op.as_opable().set_buffer((flags >> BUFFER_SHIFT) as u16);
        }
        if self.trace {
            let name = f.op.name();
            eprintln!(
                "epoll: done   {name:<10} key={key} owner={} res={result}",
                f.owner
            );
        }
        Completion {
            key,
            owner: f.owner,
            result,
            flags,
            op: Some(f.op),
            more: false,
        }
    }

    /// A `try_first` op: make the syscall now. True when it is done (the result
    /// is delivered at the next poll); false when it must wait for readiness.
    fn try_now(&mut self, key: Key) -> bool {
        let Some(f) = self.ops.get_mut(key) else {
            return false;
        };
        let op = f.op.as_opable();
        if !op.try_first() || op.multishot() {
            return false;
        }
        let result = op.run_blocking();
        let name = op.name();
        self.stats.counts.of(name).inline += 1;
        if self.trace {
            eprintln!(
                "epoll: inline {name:<10} key={key} owner={} res={result}",
                f.owner
            );
        }
        if op.must_wait(result) {
            return false;
        }
        self.ready.push((key, result, 0));
        true
    }

    fn deliver_posted(&mut self, out: &mut Vec<Completion>) {
        let mut posted: Vec<Posted> = Vec::new();
        self.remote.drain(&mut posted);
        self.stats.eventfd_reads += 1;
        self.hand_over(posted, out);
    }

    fn hand_over(&mut self, posted: Vec<Posted>, out: &mut Vec<Completion>) {
        for p in posted {
            if p.key == REMOTE {
                out.push(Completion::posted(p.owner, p.result));
            } else if self.ops.get(p.key).is_some() {
                out.push(self.finish(p.key, p.result, 0));
            }
        }
    }
}

impl Backend for Epoll {
    fn submit(&mut self, op: Op, owner: Owner) -> Key {
        let readiness = op.as_opable_ref().readiness();
        let fd = op.as_opable_ref().fd();
        let name = op.name();
        if op.as_opable_ref().multishot() {
            self.stats.multishot_arms += 1;
        }
        let key = self.ops.insert(op, owner);
        self.stats.sqes_submitted += 1;
        if self.trace {
            eprintln!("epoll: submit {name:<10} key={key} owner={owner}");
        }
        match (readiness, fd) {
            // Done without waiting: it completes at the next poll.
            (Some(_), Some(_)) if self.try_now(key) => {}
            (Some(_), Some(fd)) => {
                self.waiting.entry(fd).or_default().0.push(key);
                self.sync_interest(fd);
            }
            _ => {
                self.stats.counts.of(name).pool += 1;
                if self.trace {
                    eprintln!("epoll: pool   {name:<10} key={key} owner={owner} queued");
                }
                let op: *mut Op = &mut *self.ops.get_mut(key).expect("just inserted").op;
                self.pool.run(key, owner, op);
            }
        }
        key
    }

    fn cancel(&mut self, key: Key) {
        let Some(fd) = self.ops.get(key).and_then(|f| {
            let op = f.op.as_opable_ref();
            op.readiness().and(op.fd())
        }) else {
            self.pool.cancel(key);
            return;
        };
        let Some(w) = self.waiting.get_mut(&fd) else {
            return;
        };
        let before = w.0.len();
        w.0.retain(|k| *k != key);
        if w.0.len() != before {
            self.ready.push((key, -libc::ECANCELED, 0));
            self.sync_interest(fd);
        }
    }

    fn cancel_fd(&mut self, fd: RawFd) {
        for key in self.ops.on_fd(fd) {
            self.cancel(key);
        }
    }

    /// Everything in `ready` is a readiness op's (done at submit, or cancelled).
    fn take_done(&mut self, out: &mut Vec<Completion>) {
        for (key, result, flags) in std::mem::take(&mut self.ready) {
            if self.ops.get(key).is_some() {
                out.push(self.finish(key, result, flags));
            }
        }
    }

    fn poll(&mut self, timeout: Option<Duration>, out: &mut Vec<Completion>) -> io::Result<()> {
        let mut timeout = timeout;
        let mut quiet = Vec::new();
        if self.remote.drain_quiet(&mut quiet) {
            self.hand_over(quiet, out);
            timeout = Some(Duration::ZERO);
        }
        if !self.ready.is_empty() {
            for (key, result, flags) in std::mem::take(&mut self.ready) {
                if self.ops.get(key).is_some() {
                    out.push(self.finish(key, result, flags));
                }
            }
            timeout = Some(Duration::ZERO);
        }
        if self.ops.is_empty() && timeout == Some(Duration::ZERO) {
            return Ok(());
        }
        let ms = match timeout {
            None => -1,
            // Round up: waking a little early would spin until the timer is due.
            Some(d) => d.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32,
        };
        let mut events = std::mem::take(&mut self.events);
        events.resize(MAX_EVENTS, libc::epoll_event { events: 0, u64: 0 });
        self.stats.enter_calls += 1;
        if self.trace {
            eprintln!(
                "epoll: wait   in_flight={} fds={} timeout_ms={ms}",
                self.ops.len(),
                self.waiting.len()
            );
        }
        // SAFETY: events has MAX_EVENTS writable entries.
        let n = unsafe {
            libc::epoll_wait(
                self.epfd.as_raw_fd(),
                events.as_mut_ptr(),
                MAX_EVENTS as i32,
                ms,
            )
        };
        if n < 0 {
            let e = io::Error::last_os_error();
            self.events = events;
            return if e.raw_os_error() == Some(libc::EINTR) {
                Ok(())
            } else {
                Err(e)
            };
        }
        let batch = &mut events[..n as usize];
        self.stats.max_batch = self.stats.max_batch.max(n as u64);
        if !self.starved.is_empty() {
            let starved = std::mem::take(&mut self.starved);
            // A stable sort: the starved first, each group in the kernel's order.
            batch.sort_by_key(|ev| !starved.contains(&(ev.u64 as RawFd)));
        }
        for ev in batch.iter() {
            let (token, revents) = (ev.u64, ev.events);
            self.stats.cqes_reaped += 1;
            if self.trace {
                if token == WAKE {
                    eprintln!("epoll: event  fd=wake events={revents:#x}");
                } else {
                    eprintln!("epoll: event  fd={token} events={revents:#x}");
                }
            }
            if token == WAKE {
                self.deliver_posted(out);
            } else {
                self.on_ready(token as RawFd, revents, out);
            }
        }
        self.events = events;
        Ok(())
    }

    fn register_buffers(&mut self, group: u16, count: u16, size: usize) -> io::Result<()> {
        self.groups.insert(group, BufGroup::new(count, size)?);
        Ok(())
    }

    fn register_lent_buffers(&mut self, group: u16, _count: u16) -> io::Result<()> {
        self.lent.insert(group, LentBufs::default());
        Ok(())
    }

    unsafe fn lend_buffer(&mut self, group: u16, bid: u16, ptr: *mut u8, len: u32) {
        if let Some(l) = self.lent.get_mut(&group) {
            l.lend(Picked { ptr, bid, len });
            self.stats.buffer_refills += 1;
        }
    }

    fn take_lent_starved(&mut self) -> bool {
        std::mem::take(&mut self.lent_starved)
    }

    fn buffer(&self, group: u16, bid: u16, len: usize) -> &[u8] {
        self.groups.get(&group).map_or(&[], |g| g.slice(bid, len))
    }

    fn recycle(&mut self, group: u16, bid: u16) {
        if let Some(g) = self.groups.get_mut(&group) {
            g.give_back(bid);
            self.stats.buffer_refills += 1;
        }
    }

    fn remote(&self) -> Remote {
        self.remote.clone()
    }

    fn in_flight(&self) -> usize {
        self.ops.len()
    }

    fn stats(&self) -> Stats {
        self.stats.with_threads(&self.pool, &self.remote)
    }

    fn name(&self) -> &'static str {
        "epoll"
    }

    fn setup(&self) -> &'static str {
        "level-triggered"
    }
}

impl Drop for Epoll {
    /// Teardown: the pool's threads finish what they run and are joined before the
    /// in-flight table (dropped after this fn) frees the ops they used. A job still
    /// blocked (a read of a terminal) keeps its op: the ops are leaked, not freed
    /// under a running syscall.
    fn drop(&mut self) {
        if !self.pool.shutdown() {
            self.ops.forget();
        }
    }
}
