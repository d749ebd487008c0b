//! A stream handle's write queue, as libuv keeps one per stream: JS hands its
//! writes over, one send op per socket is in flight at a time (so writes cannot
//! reorder), and what JS writes meanwhile is gathered behind it into the next send.
//!
//! Small writes are copied into the queue, so JS can be told at once that they
//! are taken — the Writable then goes on in the same turn, as node's does after a
//! write that `uv_try_write` finished — and the send's completion needs no call
//! into JS. Large buffers are not copied: the queue keeps their backing stores
//! until the kernel has sent them, and their writer waits (a request it gave)
//! until then, since once its callback has run it may reuse the buffer. A writer
//! of small buffers waits only when the queue holds more than HIGH_WATER bytes,
//! and is called when it has drained to half that.
//! A send that fails is reported to that waiter, or at the next write or shutdown.
mod encode;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::os::fd::RawFd;

use crate::backend::op::{IoBuf, Send, Shutdown};
use crate::backend::{Completion, Op, OpBox};
use crate::event_loop::HandleId;
use crate::runtime::{Finish, Runtime};
use crate::v8::{Array, Global, Local, Object, Scope, String, Value, ValueKind};

/// Buffers up to this size are copied into the queue rather than kept alive or
/// sent at once (`try_send`), on io_uring: a 16 KiB echo at 1,000 connections
/// took 8% less CPU per message copying its writes into warm spare buffers and
/// sending a turn's worth on the ring than with a send(2) per write, which woke
/// the peer eight times as often (docs/net.md, "Writes: a queue per socket").
const RING_COPY_MAX: usize = 16 * 1024;
/// The same on epoll, whose send is a syscall at submit anyway: a copy there
/// only adds to it (a 16 KiB echo took 30% more CPU per message with 16 KiB).
const COPY_MAX: usize = 4 * 1024;
/// Past this many unsent bytes, the writer waits for the queue to drain.
const HIGH_WATER: usize = 64 * 1024;
/// At most this many buffers go into one sendmsg.
const MAX_IOVS: usize = 64;

#[derive(Default)]
struct WriteQueue {
    /// Buffers waiting for the next send, in order.
    bufs: VecDeque<IoBuf>,
    /// Small writes being gathered at the tail (moved into `bufs` at the next send).
    tail: Vec<u8>,
    /// Bytes in `bufs` and `tail`.
    queued: usize,
    /// Bytes in the send in flight (0: none).
    in_flight: usize,
    /// A failed send's -errno, for the next write or shutdown.
    error: i32,
    /// A JS request waits for the queue to drain: `waiter`.
    waiting: bool,
    /// The last JS request that waited, kept after it was completed: a socket
    /// passes the same request (a function of its own) every time, and a Global
    /// made and destroyed per large write shows in a 16 KiB echo's profile.
    waiter: Option<Global>,
    /// The waiter's write has buffers of its own in the queue: it is done only
    /// when the queue is empty.
    waiter_kept: bool,
    /// A shutdown asked for while writes were queued.
    shutdown: Option<Global>,
    /// The fd is a pipe or a terminal: writev(2), not sendmsg(2) (tcp_wrap.openFd).
    plain: bool,
    /// Its close resets the connection (SO_LINGER 0: resetAndDestroy), or its
    /// FIN is already on its way (a shutdown was submitted): `sever` has nothing
    /// to do.
    resets: bool,
    shut: bool,
    /// RING_COPY_MAX or COPY_MAX, by the loop's backend (0: not yet known).
    copy_max: usize,
}

impl WriteQueue {
    /// Queues `bytes` (copied) or the buffer `keep` makes (kept alive); true if kept.
    fn push(&mut self, bytes: &[u8], keep: impl FnOnce() -> Option<IoBuf>) -> bool {
        self.queued += bytes.len();
        if bytes.len() <= self.copy_max {
            if self.tail.capacity() == 0 {
                self.tail = spare_tail();
            }
            self.tail.extend_from_slice(bytes);
            return false;
        }
        if let Some(buf) = keep() {
            self.flush_tail();
            self.bufs.push_back(buf);
        }
        true
    }

    fn flush_tail(&mut self) {
        if !self.tail.is_empty() {
            let tail = std::mem::take(&mut self.tail);
            self.bufs.push_back(IoBuf::from_vec(tail));
        }
    }

    /// The buffers of the next send, with their total length. The usual send
    /// is the tail alone: it goes straight into a shared list, and the queue's
    /// own deque (memory of this socket's, cold with many sockets) is not
    /// touched.
    fn next_send(&mut self) -> (Vec<IoBuf>, usize) {
        let mut bufs = SPARE_LISTS.with_borrow_mut(Vec::pop).unwrap_or_default();
        if self.bufs.is_empty() {
            let tail = std::mem::take(&mut self.tail);
            let total = tail.len();
            bufs.push(IoBuf::from_vec(tail));
            return (bufs, total);
        }
        self.flush_tail();
        let n = self.bufs.len().min(MAX_IOVS);
        bufs.extend(self.bufs.drain(..n));
        let total = bufs.iter().map(IoBuf::len).sum();
        (bufs, total)
    }

    /// Why a write cannot be taken: an earlier send's -errno (reported once), or
    /// -EBADF when the handle has no fd; 0 when it can.
    fn refusal(&mut self, fd_ok: bool) -> i32 {
        let error = std::mem::take(&mut self.error);
        if error < 0 {
            error
        } else if !fd_ok {
            -libc::EBADF
        } else {
            0
        }
    }

    /// After a write was queued: if the queue keeps the writer's own buffers
    /// (`kept`) or holds too much, `req` waits for it to drain; true then.
    fn wait_if_full(&mut self, s: &Scope, req: Local<Object>, kept: bool) -> bool {
        let full = kept || self.queued + self.in_flight > HIGH_WATER;
        if full {
            self.wait(s, req, kept);
        }
        full
    }

    /// A large buffer written to an idle socket: sent at once, as much as the
    /// kernel takes, as node's stream writes try the syscall first
    /// (uv_try_write). All of it taken: Some(0), done, the writer goes on (with a
    /// Writable's length back below its mark, as node's). Part of it: the rest is
    /// queued and the writer waits (Some(1)). A failure: Some(-errno). None: the
    /// kernel took nothing (or the write is small, or the queue is busy) and it
    /// goes through the queue. Small writes are copied into the queue and taken
    /// at once anyway, so they keep their one batched send per turn.
    fn try_send<'s>(
        &mut self,
        s: &Scope<'s>,
        fd: RawFd,
        bytes: &[u8],
        item: Local<'s, Value>,
        req: Local<'s, Object>,
    ) -> Option<i32> {
        let idle = self.queued == 0 && self.in_flight == 0 && self.shutdown.is_none();
        if bytes.len() <= self.copy_max || !idle || self.plain {
            return None;
        }
        let flags = libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL;
        // SAFETY: bytes is a live view of V8 memory for the length given; the call
        // is synchronous and keeps no pointer.
        let n = unsafe { libc::send(fd, bytes.as_ptr().cast(), bytes.len(), flags) };
        if n < 0 {
            let e = std::io::Error::last_os_error()
                .raw_os_error()
                .unwrap_or(libc::EIO);
            return (e != libc::EAGAIN && e != libc::EINTR).then_some(-e);
        }
        let n = n as usize;
        if n == bytes.len() {
            return Some(0);
        }
        let rest = &bytes[n..];
        let kept = self.push(rest, || super::fs::args::buffer(s, item, n, rest.len()));
        Some(i32::from(self.wait_if_full(s, req, kept)))
    }

    /// `req` waits for the queue to drain (all of it when `kept`).
    fn wait(&mut self, s: &Scope, req: Local<Object>, kept: bool) {
        if !self
            .waiter
            .as_ref()
            .is_some_and(|g| g.get(s).same(req.value()))
        {
            self.waiter = Some(Global::new(s, req.value()));
        }
        self.waiting = true;
        self.waiter_kept = kept;
    }

    /// The next send of handle `h`'s queue, unless one is in flight or nothing
    /// is queued (the common case after a send completed: then the handle's fd
    /// is not even looked up). The caller submits it once the queue is let go.
    fn take_send(&mut self, rt: &Runtime, h: HandleId) -> Option<Op> {
        if self.in_flight > 0 || self.queued == 0 {
            return None;
        }
        let fd = rt.lp.handle_fd(h)?;
        let (bufs, total) = self.next_send();
        self.queued -= total;
        self.in_flight = total;
        Some(if self.plain {
            Send::plain(fd, bufs).into()
        } else {
            Send::new(fd, bufs).into()
        })
    }
}

/// Keeps a finished send's memory (its copy buffers, its emptied list) for the next ones.
fn recycle(mut bufs: Vec<IoBuf>) {
    SPARE_TAILS.with_borrow_mut(|spare| {
        for v in bufs.drain(..).filter_map(IoBuf::into_vec) {
            if spare.len() < SPARE_TAILS_MAX && v.capacity() <= SPARE_TAIL_SIZE {
                spare.push(v);
            }
        }
    });
    SPARE_LISTS.with_borrow_mut(|lists| {
        if lists.len() < SPARE_TAILS_MAX && bufs.capacity() <= MAX_IOVS {
            lists.push(bufs);
        }
    });
}

/// A copy buffer for a queue's tail: the one a send gave back last, if any.
fn spare_tail() -> Vec<u8> {
    let mut v = SPARE_TAILS
        .with(|spare| spare.borrow_mut().pop())
        .unwrap_or_default();
    v.clear();
    v
}

/// At most this many copy buffers wait for reuse, each of at most SPARE_TAIL_SIZE bytes.
const SPARE_TAILS_MAX: usize = 64;
const SPARE_TAIL_SIZE: usize = 64 * 1024;

thread_local! {
    /// Copy buffers of finished sends, shared by every socket and reused last
    /// freed first: the next write copies into memory still in the cache, which
    /// the kernel then reads from the cache too. A buffer kept per socket was
    /// two cache misses per line and message at 1,000 connections.
    static SPARE_TAILS: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
    /// Emptied buffer lists of finished sends, reused last freed first as well.
    static SPARE_LISTS: RefCell<Vec<Vec<IoBuf>>> = const { RefCell::new(Vec::new()) };

    /// Indexed by handle id (the loop's slab keys: small and dense), so that a
    /// message's two or three visits to its queue cost no hash probe.
    static QUEUES: RefCell<Vec<Option<WriteQueue>>> = RefCell::default();
}

fn with_queue<R>(h: HandleId, f: impl FnOnce(&mut WriteQueue) -> R) -> R {
    QUEUES.with(|q| {
        let mut queues = q.borrow_mut();
        if h >= queues.len() {
            queues.resize_with(h + 1, || None);
        }
        f(queues[h].get_or_insert_with(WriteQueue::default))
    })
}

/// Takes `items` (typed arrays; an array of them, or one) for handle `h`'s queue. Returns 0 (taken: the
/// writer goes on), 1 (taken, but the queue is full: `req.oncomplete(null, 0 |
/// -errno)` follows when it has drained), or -errno (an earlier send failed).
pub fn write<'s>(
    s: &Scope<'s>,
    h: HandleId,
    fd: Option<RawFd>,
    req: Local<'s, Object>,
    items: Local<'s, Value>,
) -> i32 {
    let r = with_queue(h, |q| {
        if q.copy_max == 0 {
            let ring = Runtime::get(s).lp.backend_name() == "io_uring";
            q.copy_max = if ring { RING_COPY_MAX } else { COPY_MAX };
        }
        let refused = q.refusal(fd.is_some());
        if refused < 0 {
            return refused;
        }
        // One buffer (a socket's usual write) is looked at once.
        let single = items.view_bytes();
        if let (Some(fd), Some(bytes)) = (fd, single) {
            if let Some(r) = q.try_send(s, fd, bytes, items, req) {
                return r;
            }
        }
        let mut kept = false;
        let mut take = |item: Local<'s, Value>, bytes: Option<&[u8]>| {
            let bytes = bytes.or_else(|| item.view_bytes()).unwrap_or(&[]);
            kept |= q.push(bytes, || super::fs::args::buffer(s, item, 0, bytes.len()));
        };
        if single.is_some() {
            take(items, single);
        } else if let Some(list) = items.to::<Array>(ValueKind::Array) {
            (0..list.length())
                .filter_map(|i| list.object().get_index(s, i))
                .for_each(|item| take(item, None));
        }
        i32::from(q.wait_if_full(s, req, kept))
    });
    if r >= 0 {
        start_send(Runtime::get(s), h);
    }
    r
}

/// Encodes `pieces` (UTF-8, or Latin-1 when `latin1`; None skipped) in order
/// straight into handle `h`'s queue, where a Buffer made from them in JS would
/// only have been copied: as `write`, but a result >= 0 is the bytes taken times
/// two, plus 1 when the queue is full. The caller keeps the pieces short enough
/// that they fit in COPY_MAX bytes. `sized`: the second piece is a chunk of
/// chunked coding, written after its size line.
pub fn write_string<'s>(
    s: &Scope<'s>,
    h: HandleId,
    fd_ok: bool,
    req: Local<'s, Object>,
    pieces: &[Option<Local<'s, String>>],
    latin1: bool,
    sized: bool,
) -> i64 {
    let r = with_queue(h, |q| {
        let refused = q.refusal(fd_ok);
        if refused < 0 {
            return refused.into();
        }
        if q.tail.capacity() == 0 {
            q.tail = spare_tail();
        }
        let n: usize = pieces
            .iter()
            .enumerate()
            .filter_map(|(i, text)| Some((i, (*text)?)))
            .map(|(i, text)| {
                if i == 1 && sized {
                    encode::chunk(s, &mut q.tail, text, latin1)
                } else {
                    encode::piece(s, &mut q.tail, text, latin1, i)
                }
            })
            .sum();
        q.queued += n;
        ((n as i64) << 1) | i64::from(q.wait_if_full(s, req, false))
    });
    if r >= 0 {
        start_send(Runtime::get(s), h);
    }
    r
}

/// Waits until every queued write has gone: 0 if none is queued, else 1 and
/// `req.oncomplete(null, 0 | -errno)` once the queue is empty. The caller has no
/// write of its own waiting (an IPC channel about to pass an fd with a send of
/// its own, which must not overtake or interleave with queued bytes).
pub fn flush<'s>(s: &Scope<'s>, h: HandleId, req: Local<'s, Object>) -> i32 {
    with_queue(h, |q| {
        if q.error < 0 {
            return std::mem::take(&mut q.error);
        }
        if q.queued == 0 && q.in_flight == 0 {
            return 0;
        }
        q.wait(s, req, true);
        1
    })
}

/// shutdown(SHUT_WR) after every queued write: now if none, else when drained.
pub fn shutdown<'s>(s: &Scope<'s>, h: HandleId, req: Local<'s, Object>) -> i32 {
    let (error, busy) = with_queue(h, |q| (std::mem::take(&mut q.error), q.in_flight > 0));
    if error < 0 {
        return error;
    }
    if busy {
        with_queue(h, |q| q.shutdown = Some(Global::new(s, req.value())));
        return 0;
    }
    submit_shutdown(s, h, req)
}

/// Submits the shutdown op: 0, or -EBADF (the handle is closing).
fn submit_shutdown<'s>(s: &Scope<'s>, h: HandleId, req: Local<'s, Object>) -> i32 {
    let rt = Runtime::get(s);
    let Some(fd) = rt.lp.handle_fd(h) else {
        return -libc::EBADF;
    };
    let op = Shutdown {
        fd,
        how: libc::SHUT_WR,
    };
    let finish: Finish = Box::new(|s, c| Ok(s.number(c.result as f64)));
    rt.submit_handle_request(s, h, req, op.into(), finish);
    with_queue(h, |q| q.shut = true);
    0
}

/// Handle `h` writes to a pipe or a terminal, not a socket.
pub fn set_plain(h: HandleId) {
    with_queue(h, |q| q.plain = true);
}

/// A connected socket is being destroyed: node's close(2) ends the connection at
/// once, but this one's fd stays open until its cancelled ops have completed (a
/// loop turn later: an op in flight holds the socket), and anything written
/// meanwhile, to this peer's other sockets too, would reach it before the FIN.
/// So it gets its FIN now (shutdown), unless something of its own is still to
/// be sent (close(2) would have let that go first), its FIN is already on the
/// way (end), or its close is to reset the connection: SO_LINGER 0, or bytes
/// left unread, with which close(2) sends a RST (left to the fd's close).
pub fn sever(h: HandleId, fd: Option<RawFd>) {
    let idle = QUEUES.with(|q| {
        q.borrow()
            .get(h)
            .and_then(Option::as_ref)
            .is_none_or(|q| q.queued == 0 && q.in_flight == 0 && !q.plain && !q.resets && !q.shut)
    });
    let Some(fd) = fd.filter(|_| idle) else {
        return;
    };
    let mut unread: libc::c_int = 0;
    // SAFETY: fd is the handle's open fd; FIONREAD writes one int.
    if unsafe { libc::ioctl(fd, libc::FIONREAD, &mut unread) } == 0 && unread == 0 {
        // SAFETY: as above; shutdown takes no pointer. A pipe or terminal (no
        // queue says so before its first write) fails with ENOTSOCK, harmlessly.
        unsafe { libc::shutdown(fd, libc::SHUT_WR) };
    }
}

/// Handle `h`'s close resets its connection (`sever` leaves it alone).
pub fn set_resets(h: HandleId) {
    with_queue(h, |q| q.resets = true);
}

/// Forgets handle `h`'s queue (it is closing: its send in flight is cancelled).
pub fn close(h: HandleId) {
    // Taken out first: the queue's Globals are dropped with no borrow held.
    let queue = QUEUES.with(|q| q.borrow_mut().get_mut(h).and_then(Option::take));
    drop(queue);
}

/// Starts the next send of `h`'s queue unless one is in flight.
fn start_send(rt: &Runtime, h: HandleId) {
    if let Some(op) = with_queue(h, |q| q.take_send(rt, h)) {
        rt.submit_stream_send(h, op);
    }
}

/// A send of handle `h` completed: account for it, resubmit a short send's
/// rest, start the next, and tell JS what it waits for (a drained queue, a
/// shutdown's turn) — only then is a V8 scope opened.
pub fn sent(rt: &Runtime, h: HandleId, c: Completion) {
    let Some(Op::Send(send)) = c.op.map(OpBox::into_op) else {
        return;
    };
    let done = QUEUES.with(|queues| {
        // Closed meanwhile: the buffers go with the op.
        let mut queues = queues.borrow_mut();
        let q = queues.get_mut(h)?.as_mut()?;
        let total = q.in_flight;
        q.in_flight = 0;
        if c.result < 0 {
            q.error = c.result;
            q.bufs.clear();
            q.tail.clear();
            q.queued = 0;
        } else if (c.result as usize) < total {
            // A short send: what the kernel did not take goes back to the front.
            let mut skip = c.result as usize;
            let rest: Vec<IoBuf> = send
                .into_bufs()
                .into_iter()
                .filter_map(|mut b| {
                    if skip >= b.len() {
                        skip -= b.len();
                        return None;
                    }
                    b.advance(skip);
                    skip = 0;
                    Some(b)
                })
                .collect();
            q.queued += total - c.result as usize;
            for b in rest.into_iter().rev() {
                q.bufs.push_front(b);
            }
        } else {
            recycle(send.into_bufs());
        }
        let drained = if q.waiter_kept {
            q.queued == 0 && q.in_flight == 0
        } else {
            q.queued <= HIGH_WATER / 2
        };
        let drained = drained || q.error < 0;
        let waiter = drained && std::mem::take(&mut q.waiting);
        let shutdown = if q.queued == 0 || q.error < 0 {
            q.shutdown.take()
        } else {
            None
        };
        // A failure with a waiter is reported there, not again at the next write.
        let error = q.error;
        if error < 0 && (waiter || shutdown.is_some()) {
            q.error = 0;
        }
        Some((waiter, shutdown, error))
    });
    let Some((waiter, shutdown, error)) = done else {
        return;
    };
    start_send(rt, h);
    if !waiter && shutdown.is_none() {
        return;
    }
    rt.isolate.scope(&rt.context, |s| {
        if waiter {
            let req = QUEUES.with(|q| Some(q.borrow().get(h)?.as_ref()?.waiter.as_ref()?.get(s)));
            if let Some(req) = req.and_then(|w| w.to::<Object>(ValueKind::Object)) {
                complete(s, req, error.min(0));
            }
        }
        if let Some(req) = shutdown.and_then(|g| g.get(s).to::<Object>(ValueKind::Object)) {
            let r = if error < 0 {
                error
            } else {
                submit_shutdown(s, h, req)
            };
            if r < 0 {
                complete(s, req, r);
            }
        }
    });
}

/// req.oncomplete(null, result), entered as a loop callback.
fn complete<'s>(s: &Scope<'s>, req: Local<'s, Object>, result: i32) {
    if let Some(f) = Runtime::get(s).callback_of(s, req) {
        let args: [Local<Value>; 2] = [s.null(), s.number(result as f64)];
        Runtime::get(s).make_callback(s, f, req.value(), &args);
    }
}
