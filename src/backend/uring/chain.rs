//! Chain ops on the ring (op/read_file.rs): a sparse table of direct descriptors,
//! registered at setup, lends each running chain a slot. A phase's SQEs are
//! pushed together (never split across a submit, which would cut the link) with
//! user_data = key | (1 + step) << 48. A CQE goes to its op's `Chain::on_cqe`;
//! the op asks for its next phase or says it is done, and then the driver
//! closes the slot with one more SQE whose CQE (tagged SLOT_CLOSE_TAG) frees it.
//! JS never waits for that close. Ops find no free slot only when more chains
//! than slots are in flight: they wait in submit order for one.
//!
//! What completions ask for (next phases, closes, ops that got a slot) is queued
//! and pushed at the start of the next poll, so nothing is pushed while reaping
//! (pushing can reap, when the queue is full).
use std::collections::VecDeque;

use io_uring::{opcode, squeue, types, IoUring};
use rustc_hash::FxHashMap;

use super::fixed_fds::FixedFds;
use super::Uring;
use crate::backend::op::ChainStep;
use crate::backend::user_data::{split, SLOT_CLOSE_TAG, STEP_SHIFT};
use crate::backend::{Completion, Key};

/// Slots in the table: chains in flight at once (more wait for one).
const SLOTS: u32 = 256;

enum Todo {
    /// Op `key` holds a slot and needs its next phase submitted.
    Phase(Key),
    /// A finished chain left a file in this slot.
    Close(u32),
}

pub(super) struct Direct {
    free: Vec<u32>,
    waiting: VecDeque<Key>,
    held: FxHashMap<Key, u32>,
    todo: Vec<Todo>,
    scratch: Vec<squeue::Entry>,
}

impl Direct {
    /// The table, or None when the kernel refuses a sparse one (before 5.19, or a
    /// low RLIMIT_NOFILE): chain ops then run on the work pool. Its first slots
    /// mirror connections' fd numbers (fixed_fds.rs), as many as RLIMIT_NOFILE
    /// leaves room for; the chains' slots come after them.
    pub(super) fn register(ring: &IoUring) -> (Option<Direct>, Option<FixedFds>) {
        let fds = FixedFds::wanted(SLOTS);
        if fds > 0 && ring.submitter().register_files_sparse(fds + SLOTS).is_ok() {
            return (Some(Direct::new(fds)), Some(FixedFds::new(fds)));
        }
        let direct = ring.submitter().register_files_sparse(SLOTS).ok();
        (direct.map(|()| Direct::new(0)), None)
    }

    /// Chains' slots from `base` on.
    fn new(base: u32) -> Direct {
        Direct {
            free: (base..base + SLOTS).rev().collect(),
            waiting: VecDeque::new(),
            held: FxHashMap::default(),
            todo: Vec::new(),
            scratch: Vec::new(),
        }
    }
}

impl Uring {
    /// Op `key` (a chain, in the table) starts when a slot is free.
    pub(super) fn start_chain(&mut self, key: Key) {
        let Some(d) = self.direct.as_mut() else {
            return;
        };
        match d.free.pop() {
            Some(slot) => {
                d.held.insert(key, slot);
                self.push_phase(key, slot);
            }
            None => d.waiting.push_back(key),
        }
    }

    /// Pushes op `key`'s next phase, all of it in one go.
    fn push_phase(&mut self, key: Key, slot: u32) {
        let Some(d) = self.direct.as_mut() else {
            return;
        };
        let mut sqes = std::mem::take(&mut d.scratch);
        let Some(f) = self.ops.get_mut(key) else {
            return;
        };
        if let Some(chain) = f.op.as_opable().chain() {
            chain.sqes(slot, &mut sqes);
        }
        let name = f.op.name();
        // Room for the whole phase first: a submit between two linked SQEs would
        // send the first without its link.
        while self.sq_room() < sqes.len() && self.failed.is_none() {
            self.make_room();
        }
        for (step, sqe) in sqes.drain(..).enumerate() {
            let user_data = key | (step as u64 + 1) << STEP_SHIFT;
            if self.trace {
                let link = sqe_link(&sqe);
                eprintln!(
                    "uring: sqe    {name:<10} key={key} step={step} slot={slot}{link} {}",
                    opcode_name(&sqe)
                );
            }
            // SAFETY: the SQE points into the boxed op held in `self.ops` (its path,
            // its buffer's spare capacity), which stays there, unmoved and with
            // the buffer not reallocated, until the phase's last CQE is reaped.
            unsafe { self.push(&sqe.user_data(user_data)) };
        }
        if let Some(d) = self.direct.as_mut() {
            d.scratch = sqes;
        }
    }

    fn sq_room(&mut self) -> usize {
        let sq = self.ring.submission();
        sq.capacity() - sq.len()
    }

    /// A CQE whose user_data carries a step tag.
    pub(super) fn chain_cqe(&mut self, user_data: u64, result: i32, out: &mut Vec<Completion>) {
        let (key, tag) = split(user_data);
        if tag == SLOT_CLOSE_TAG {
            if self.trace {
                eprintln!("uring: cqe    close      slot={key} res={result}");
            }
            self.free_slot(key as u32);
            return;
        }
        let Some(f) = self.ops.get_mut(key) else {
            return;
        };
        let owner = f.owner;
        let Some(chain) = f.op.as_opable().chain() else {
            return;
        };
        let step = chain.on_cqe(tag as usize - 1, result);
        if self.trace {
            let name = f.op.name();
            eprintln!(
                "uring: cqe    {name:<10} key={key} step={} res={result}",
                tag - 1
            );
        }
        let Some(d) = self.direct.as_mut() else {
            return;
        };
        match step {
            ChainStep::Wait => {}
            ChainStep::Next => d.todo.push(Todo::Phase(key)),
            ChainStep::Done { result, opened } => {
                if let Some(slot) = d.held.remove(&key) {
                    if opened {
                        d.todo.push(Todo::Close(slot));
                    } else {
                        self.free_slot(slot);
                    }
                }
                if let Some(f) = self.ops.remove(key) {
                    out.push(Completion {
                        key,
                        owner,
                        result,
                        flags: 0,
                        op: Some(f.op),
                        more: false,
                    });
                }
            }
        }
    }

    /// A slot is empty again: the oldest waiting chain takes it.
    fn free_slot(&mut self, slot: u32) {
        let Some(d) = self.direct.as_mut() else {
            return;
        };
        match d.waiting.pop_front() {
            Some(key) => {
                d.held.insert(key, slot);
                d.todo.push(Todo::Phase(key));
            }
            None => d.free.push(slot),
        }
    }

    /// Pushes what completions asked for since the last poll.
    pub(super) fn flush_chains(&mut self) {
        loop {
            let Some(d) = self.direct.as_mut() else {
                return;
            };
            if d.todo.is_empty() {
                return;
            }
            for todo in std::mem::take(&mut d.todo) {
                match todo {
                    Todo::Phase(key) => {
                        let slot = self.direct.as_ref().and_then(|d| d.held.get(&key).copied());
                        if let Some(slot) = slot {
                            self.push_phase(key, slot);
                        }
                    }
                    Todo::Close(slot) => {
                        let sqe = opcode::Close::new(types::Fixed(slot))
                            .build()
                            .user_data(SLOT_CLOSE_TAG << STEP_SHIFT | slot as u64);
                        if self.trace {
                            eprintln!("uring: sqe    close      slot={slot} (direct descriptor)");
                        }
                        // SAFETY: a close of a table slot carries no pointers.
                        unsafe { self.push(&sqe) };
                    }
                }
            }
        }
    }

    /// Whether `key` is a chain op (its SQEs carry step tags).
    pub(super) fn is_chain(&self, key: Key) -> bool {
        self.direct
            .as_ref()
            .is_some_and(|d| d.held.contains_key(&key) || d.waiting.contains(&key))
    }

    /// Cancels chain op `key`: one ASYNC_CANCEL per step it may have in flight,
    /// or, still waiting for a slot, it completes with ECANCELED at the next poll.
    pub(super) fn cancel_chain(&mut self, key: Key) {
        let Some(d) = self.direct.as_mut() else {
            return;
        };
        if let Some(i) = d.waiting.iter().position(|k| *k == key) {
            d.waiting.remove(i);
            self.inline_done.push((key, -libc::ECANCELED));
            return;
        }
        for step in 1..=3u64 {
            let sqe = opcode::AsyncCancel::new(key | step << STEP_SHIFT)
                .build()
                .user_data(crate::backend::user_data::CANCEL);
            // SAFETY: ASYNC_CANCEL carries no pointers.
            unsafe { self.push(&sqe) };
        }
    }
}

/// " link" / " hardlink" for the trace.
fn sqe_link(sqe: &squeue::Entry) -> &'static str {
    // The flags byte sits at offset 1 of the 64-byte SQE.
    // SAFETY: squeue::Entry is the kernel's io_uring_sqe, 64 bytes, repr(C).
    let flags = unsafe { *(sqe as *const squeue::Entry as *const u8).add(1) };
    if flags & squeue::Flags::IO_HARDLINK.bits() != 0 {
        " hardlink"
    } else if flags & squeue::Flags::IO_LINK.bits() != 0 {
        " link"
    } else {
        ""
    }
}

fn opcode_name(sqe: &squeue::Entry) -> &'static str {
    // SAFETY: as above; the opcode is the SQE's first byte.
    match unsafe { *(sqe as *const squeue::Entry as *const u8) } {
        opcode::OpenAt::CODE => "openat",
        opcode::Read::CODE => "read",
        opcode::Close::CODE => "close",
        _ => "",
    }
}
