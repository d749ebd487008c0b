//! The thread-safe half of a MessagePort: its queue of incoming messages and the
//! loop it lives on. Sending is a push into the peer's queue plus, when the peer
//! has no wake-up outstanding, one wake-up of the peer's loop: a completion posted
//! straight into its ring through the sending thread's own (IORING_OP_MSG_RING),
//! or, where either side has no ring (epoll, an old kernel, a thread without a
//! loop), a post to its `Remote` (an eventfd write). The receiving loop drains the
//! queue on its own thread. Nothing here touches V8: a message is serialized bytes
//! plus the memory and ports it carries.
use std::cell::Cell;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::backend::{Remote, RingDoor};
use crate::event_loop::Loop;
use crate::v8::SendStore;

thread_local! {
    /// This thread's loop, for MSG_RING wake-ups (the Runtime's, which lives until
    /// `forget_loop`).
    static LOCAL_LOOP: Cell<*const Loop> = const { Cell::new(std::ptr::null()) };
}

/// Wake-ups this thread sends go through `lp`'s ring from now on. `lp` is the
/// thread's Runtime's loop: it stays where it is until the Runtime is destroyed,
/// which calls `forget_loop` first.
pub fn set_loop(lp: &Loop) {
    LOCAL_LOOP.with(|l| l.set(lp));
}

/// The loop is going away: wake-ups go through Remotes again.
pub fn forget_loop() {
    LOCAL_LOOP.with(|l| l.set(std::ptr::null()));
}

/// Posts `owner` into the ring behind `door` through this thread's loop.
fn ring(door: &RingDoor, owner: u64) -> bool {
    let lp = LOCAL_LOOP.try_with(|l| l.get()).unwrap_or(std::ptr::null());
    // SAFETY: set from the Runtime's loop, which lives until forget_loop clears it.
    !lp.is_null() && unsafe { &*lp }.msg_ring(door, owner)
}

/// What a queued message is: a user's message, or the runtime's own traffic on a
/// worker's internal channel.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Message = 0,
    /// The worker started running JS (its 'online' event).
    Online = 1,
    /// An uncaught error in the worker, serialized (its 'error' event).
    Error = 2,
    /// The other side closed: the last thing a port receives.
    Close = 3,
    /// A worker's process.stdout / process.stderr bytes (not serialized).
    Stdout = 4,
    Stderr = 5,
    /// The parent asks a worker for a heap snapshot (worker.getHeapSnapshot): the
    /// worker's loop answers natively, whether or not its port is started.
    SnapshotRequest = 6,
    /// The answer: the snapshot's JSON bytes (not serialized).
    Snapshot = 7,
}

pub struct Message {
    pub kind: Kind,
    /// V8's serializer's output.
    pub data: Vec<u8>,
    /// ArrayBuffers in the transfer list, detached at the sender.
    pub buffers: Vec<SendStore>,
    /// SharedArrayBuffers met while serializing: the same memory on both sides.
    pub shared: Vec<SendStore>,
    /// MessagePorts in the transfer list.
    pub ports: Vec<Arc<PortCore>>,
}

impl Message {
    pub fn signal(kind: Kind) -> Message {
        Message {
            kind,
            data: Vec::new(),
            buffers: Vec::new(),
            shared: Vec::new(),
            ports: Vec::new(),
        }
    }
}

/// Where a port's messages wake up: its loop, and the owner value that names the
/// port there.
struct Receiver {
    remote: Remote,
    door: Option<RingDoor>,
    owner: u64,
}

#[derive(Default)]
struct State {
    queue: VecDeque<Message>,
    /// Where this port's sends go; None once either side closed.
    peer: Option<Arc<PortCore>>,
    receiver: Option<Receiver>,
    /// A wake-up is posted and not yet handled: later messages need none.
    wake_pending: bool,
}

#[derive(Default)]
pub struct PortCore {
    state: Mutex<State>,
}

impl PortCore {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Two entangled ports (a MessageChannel).
    pub fn pair() -> (Arc<PortCore>, Arc<PortCore>) {
        let a = Arc::new(PortCore::default());
        let b = Arc::new(PortCore::default());
        a.lock().peer = Some(b.clone());
        b.lock().peer = Some(a.clone());
        (a, b)
    }

    /// Sends to the peer; false when the channel is closed (the message is dropped,
    /// as node drops it).
    pub fn send(&self, msg: Message) -> bool {
        let peer = self.lock().peer.clone();
        match peer {
            Some(p) => {
                if msg.kind == Kind::Message {
                    p.note_reply_likely();
                }
                p.push(msg);
                true
            }
            None => false,
        }
    }

    /// A user message to a port on another thread's loop: this thread's loop may
    /// busy-poll for the answer before it sleeps (src/loop/spin.rs).
    fn note_reply_likely(&self) {
        let st = self.lock();
        let Some(r) = &st.receiver else { return };
        let remote = r.remote.clone();
        drop(st);
        let lp = LOCAL_LOOP.try_with(|l| l.get()).unwrap_or(std::ptr::null());
        // SAFETY: set from the Runtime's loop, which lives until forget_loop clears it.
        if let Some(lp) = unsafe { lp.as_ref() } {
            if !lp.owns_remote(&remote) {
                lp.expect_reply();
            }
        }
    }

    /// Queues a message on this port and wakes its loop if it needs waking.
    pub fn push(&self, msg: Message) {
        let mut st = self.lock();
        st.queue.push_back(msg);
        self.wake_locked(st);
    }

    fn wake_locked(&self, mut st: MutexGuard<'_, State>) {
        if st.wake_pending {
            return;
        }
        let Some(r) = &st.receiver else {
            return; // in transit: its new loop is woken when it arrives
        };
        let (remote, door, owner) = (r.remote.clone(), r.door.clone(), r.owner);
        st.wake_pending = true;
        drop(st);
        if remote.post_to_spinner(owner) {
            return; // its loop is busy-polling: it sees this without a kernel call
        }
        if door.is_some_and(|d| ring(&d, owner)) {
            return;
        }
        remote.post(owner, 0);
    }

    /// The port now lives on the loop behind `remote` (and `door`, its ring),
    /// named `owner` there; a message that came while it moved wakes it at once.
    pub fn attach(&self, remote: Remote, door: Option<RingDoor>, owner: u64) {
        let mut st = self.lock();
        st.receiver = Some(Receiver {
            remote,
            door,
            owner,
        });
        st.wake_pending = false;
        if !st.queue.is_empty() {
            self.wake_locked(st);
        }
    }

    /// Leaves its loop (the port is being transferred).
    pub fn detach(&self) {
        let mut st = self.lock();
        st.receiver = None;
        st.wake_pending = false;
    }

    /// Asks for a wake-up (a port started with messages already queued).
    pub fn wake(&self) {
        let st = self.lock();
        if !st.queue.is_empty() {
            self.wake_locked(st);
        }
    }

    /// The loop took the wake-up: the next message needs a new one.
    pub fn woken(&self) {
        self.lock().wake_pending = false;
    }

    pub fn pop(&self) -> Option<Message> {
        self.lock().queue.pop_front()
    }

    /// Takes the queued messages of `kind`, wherever they are in the queue.
    pub fn take_kind(&self, kind: Kind) -> Vec<Message> {
        let mut st = self.lock();
        if !st.queue.iter().any(|m| m.kind == kind) {
            return Vec::new();
        }
        let (taken, kept): (VecDeque<Message>, VecDeque<Message>) = std::mem::take(&mut st.queue)
            .into_iter()
            .partition(|m| m.kind == kind);
        st.queue = kept;
        taken.into()
    }

    pub fn queued(&self) -> usize {
        self.lock().queue.len()
    }

    pub fn has_close(&self) -> bool {
        self.lock().queue.iter().any(|m| m.kind == Kind::Close)
    }

    /// Ends the channel from this side: each side gets a Close after what it has
    /// queued (a port closed from its 'message' listener still receives what had
    /// arrived, as node's does).
    pub fn close(&self) {
        let peer = self.lock().peer.take();
        if let Some(p) = peer {
            p.lock().peer = None;
            p.push(Message::signal(Kind::Close));
        }
        self.push(Message::signal(Kind::Close));
    }
}
