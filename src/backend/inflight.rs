//! The ops a driver has in flight: a slab whose key is the op's key (io_uring's
//! user_data), and an index by fd so that a closing handle cancels its ops without
//! a scan. An op's slot lives until its last completion; the op is boxed so the
//! memory the kernel (or a pool thread) uses never moves meanwhile.
use std::os::fd::RawFd;

use rustc_hash::FxHashMap;
use slab::Slab;

use super::{Key, Op, Owner};

pub struct InFlight {
    pub op: Box<Op>,
    pub owner: Owner,
    fd: Option<RawFd>,
}

#[derive(Default)]
pub struct Table {
    ops: Slab<InFlight>,
    /// A socket has a few ops in flight at most; its list is kept when it empties
    /// (no allocation per op), and there are at most as many lists as fd numbers.
    by_fd: FxHashMap<RawFd, Vec<Key>>,
    /// Boxes of finished ops (holding a Nop), reused by the next inserts: an op
    /// costs no malloc and free of its box in a steady state. (Boxes, not ops:
    /// the table hands out boxes, whose heap blocks are what is reused.)
    #[allow(clippy::vec_box)]
    spare: Vec<Box<Op>>,
}

/// Boxes kept for reuse.
const SPARE_MAX: usize = 256;

impl Table {
    pub fn insert(&mut self, op: Op, owner: Owner) -> Key {
        let fd = op.as_opable_ref().fd();
        let op = match self.spare.pop() {
            Some(mut b) => {
                *b = op;
                b
            }
            None => Box::new(op),
        };
        let key = self.ops.insert(InFlight { op, owner, fd }) as Key;
        if let Some(fd) = fd {
            self.by_fd.entry(fd).or_default().push(key);
        }
        key
    }

    /// The op out of a removed entry's box, the box kept for the next insert.
    pub fn unbox(&mut self, mut b: Box<Op>) -> Op {
        if self.spare.len() >= SPARE_MAX {
            return *b;
        }
        let op = std::mem::replace(&mut *b, Op::Nop(super::op::Nop));
        self.spare.push(b);
        op
    }

    pub fn get(&self, key: Key) -> Option<&InFlight> {
        self.ops.get(usize::try_from(key).ok()?)
    }

    pub fn get_mut(&mut self, key: Key) -> Option<&mut InFlight> {
        self.ops.get_mut(usize::try_from(key).ok()?)
    }

    pub fn remove(&mut self, key: Key) -> Option<InFlight> {
        let f = self.ops.try_remove(usize::try_from(key).ok()?)?;
        if let Some(fd) = f.fd {
            if let Some(keys) = self.by_fd.get_mut(&fd) {
                if let Some(i) = keys.iter().position(|k| *k == key) {
                    keys.swap_remove(i);
                }
            }
        }
        Some(f)
    }

    /// The keys of the ops in flight on `fd`.
    pub fn on_fd(&self, fd: RawFd) -> Vec<Key> {
        self.by_fd.get(&fd).cloned().unwrap_or_default()
    }

    pub fn keys(&self) -> Vec<Key> {
        self.ops.iter().map(|(k, _)| k as Key).collect()
    }

    pub fn len(&self) -> usize {
        self.ops.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Gives up the ops without dropping them: at teardown, memory the kernel may
    /// still write must not be freed.
    pub fn forget(&mut self) {
        std::mem::forget(std::mem::take(&mut self.ops));
    }
}
