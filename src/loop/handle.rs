//! Handles, as libuv has them: long-lived objects (a timer list, the immediate
//! queue, an fs watcher; TCP, pipes, UDP, signals, processes and async wake-ups
//! next) with two bits, active and referenced — only a handle that is both keeps
//! the loop alive. A handle may own an fd (a `SharedFd`) and has ops in flight.
//!
//! Closing is asynchronous, as `uv_close`: the handle stops counting, its in-flight
//! ops are cancelled, its own fd reference is dropped (the number is released when
//! the last op hands its clone back), and once its last op has completed its close
//! callback runs in the loop's closing phase — or, for a stream closed with
//! `handle_close_now`, in this turn's closing phase whatever is still in flight
//! (libuv closes a stream's fd at once; coil's ops keep the fd and their buffers
//! until their own completions, which then go nowhere visible).
use slab::Slab;

use crate::backend::{Key, SharedFd};

/// Every handle kind, listed once (TCP, pipe, UDP, signal, process: the next issues).
#[allow(dead_code)] // the kinds sockets, signals and processes bring (next issues)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandleKind {
    Timer,
    Immediate,
    FsWatcher,
    Tcp,
    Pipe,
    Udp,
    Signal,
    Process,
    Async,
}

impl HandleKind {
    /// A stream (TCP, pipe) is active exactly while it has ops in flight (reading,
    /// writing, connecting, accepting), as libuv starts and stops stream handles:
    /// a paused socket with nothing to write does not keep the loop alive. A UDP
    /// socket likewise: while it receives (a recvmsg is always in flight then).
    pub fn active_while_ops(self) -> bool {
        matches!(self, HandleKind::Tcp | HandleKind::Pipe | HandleKind::Udp)
    }
}

pub type HandleId = usize;

pub(super) struct Handle {
    pub kind: HandleKind,
    pub active: bool,
    pub referenced: bool,
    /// Set by `Loop::handle_close`: the close callback's token.
    pub closing: Option<u64>,
    /// The close callback was queued at close (`Loop::handle_close_now`): the
    /// handle stays in the table, keeping its id, until its last op completes.
    pub close_queued: bool,
    pub fd: Option<SharedFd>,
    /// Ops in flight on behalf of this handle (until their last completion): a
    /// few at most (a read, a write, a connect), so a list beats a hash set.
    pub ops: OpList,
}

/// How many keys a handle keeps inline: a socket has a read and a send in
/// flight (a connect or a shutdown now and then).
const INLINE_OPS: usize = 3;

/// A handle's in-flight keys, the first few inline in the handle: a socket's
/// send is added and removed once per message, and a list of its own on the
/// heap was one more cache line per message to miss at 1,000 connections.
#[derive(Default)]
pub(super) struct OpList {
    inline: [Key; INLINE_OPS],
    len: u8,
    more: Vec<Key>,
}

impl OpList {
    pub fn push(&mut self, key: Key) {
        let n = self.len as usize;
        if n < INLINE_OPS {
            self.inline[n] = key;
            self.len += 1;
        } else {
            self.more.push(key);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &Key> {
        self.inline[..self.len as usize]
            .iter()
            .chain(self.more.iter())
    }

    /// Forgets `key` (order is not kept); false if it was not there.
    pub fn remove(&mut self, key: Key) -> bool {
        if let Some(i) = self.more.iter().position(|k| *k == key) {
            self.more.swap_remove(i);
            return true;
        }
        let n = self.len as usize;
        let Some(i) = self.inline[..n].iter().position(|k| *k == key) else {
            return false;
        };
        self.inline[i] = self.inline[n - 1];
        self.len -= 1;
        // Keep the inline part full while keys overflowed.
        if let Some(k) = self.more.pop() {
            self.inline[n - 1] = k;
            self.len += 1;
        }
        true
    }
}

impl Handle {
    pub fn counts(&self) -> bool {
        self.active && self.referenced && self.closing.is_none()
    }
}

#[derive(Default)]
pub(super) struct HandleTable {
    pub handles: Slab<Handle>,
    /// Handles that are active, referenced and not closing: they keep the loop alive.
    pub counting: usize,
    /// Handles closed whose ops are still in flight: they keep the loop alive too,
    /// until their close callback has run.
    pub closing: usize,
}

impl HandleTable {
    pub fn open(&mut self, kind: HandleKind, fd: Option<SharedFd>) -> HandleId {
        self.handles.insert(Handle {
            kind,
            active: false,
            referenced: true,
            closing: None,
            close_queued: false,
            fd,
            ops: OpList::default(),
        })
    }

    /// Applies `change` to handle `id`, keeping `counting` right.
    pub fn update(&mut self, id: HandleId, change: impl FnOnce(&mut Handle)) {
        let Some(h) = self.handles.get_mut(id) else {
            return;
        };
        let before = h.counts();
        change(h);
        match (before, h.counts()) {
            (false, true) => self.counting += 1,
            (true, false) => self.counting -= 1,
            _ => {}
        }
    }
}
