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
    pub ops: Vec<Key>,
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
            ops: Vec::new(),
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
