//! The ops a driver has in flight: a slab whose key is the op's key (io_uring's
//! user_data), and an index by fd so that a closing handle cancels its ops without
//! a scan. An op's slot lives until its last completion; the op is boxed so the
//! memory the kernel (or a pool thread) uses never moves meanwhile.
//!
//! The index by fd is intrusive: the ops on one fd form a doubly linked list
//! through their own slab entries, and its head sits in a vector indexed by the
//! fd number (fds are small and dense). Inserting or removing an op is then a few
//! stores next to memory the op's insert or removal touches anyway; a hash map of
//! per-fd lists cost a hash probe and a miss on the list per op, growing with the
//! connection count (docs/net.md, "The in-flight table").
use std::collections::HashMap;
use std::os::fd::RawFd;

use slab::Slab;

use super::{Key, Op, OpBox, Owner};

/// No entry: the end of an fd's list, or an fd without ops.
const NIL: u32 = u32::MAX;

pub struct InFlight {
    pub op: OpBox,
    pub owner: Owner,
    fd: Option<RawFd>,
    /// The neighbours in the list of ops on `fd` (slab indexes, NIL at the ends).
    prev: u32,
    next: u32,
}

#[derive(Default)]
pub struct Table {
    ops: Slab<InFlight>,
    /// The first op on each fd (NIL: none), indexed by the fd number; it grows to
    /// the highest fd that had an op, 4 bytes an fd, up to DENSE_FDS.
    heads: Vec<u32>,
    /// The same for fds from DENSE_FDS on: a program may hand any number to
    /// fs.fstat (Node's tests probe from 2^30 down for a bad fd), and a vector
    /// grown to it would take gigabytes for one EBADF.
    far_heads: HashMap<usize, u32>,
}

/// The fds whose list heads sit in the vector: the default fs.nr_open, so every fd
/// a process can have on a stock system (4 MiB of heads at most).
const DENSE_FDS: usize = 1 << 20;

impl Table {
    pub fn insert(&mut self, op: Op, owner: Owner) -> Key {
        let fd = op.as_opable_ref().fd();
        let op = OpBox::new(op);
        let entry = self.ops.vacant_entry();
        let index = entry.key();
        let mut next = NIL;
        let fd = fd.filter(|_| u32::try_from(index).is_ok_and(|i| i != NIL));
        if let Some(fd) = fd.and_then(|fd| usize::try_from(fd).ok()) {
            let head = Self::head_mut(&mut self.heads, &mut self.far_heads, fd);
            next = std::mem::replace(head, index as u32);
        }
        entry.insert(InFlight {
            op,
            owner,
            fd,
            prev: NIL,
            next,
        });
        if next != NIL {
            self.ops[next as usize].prev = index as u32;
        }
        index as Key
    }

    /// Where the first op on `fd` is kept (NIL when there is none yet). A function
    /// of the two fields, not of `self`, so a slab entry may stay borrowed meanwhile.
    fn head_mut<'a>(
        heads: &'a mut Vec<u32>,
        far_heads: &'a mut HashMap<usize, u32>,
        fd: usize,
    ) -> &'a mut u32 {
        if fd >= DENSE_FDS {
            return far_heads.entry(fd).or_insert(NIL);
        }
        if fd >= heads.len() {
            heads.resize((fd + 1).next_power_of_two(), NIL);
        }
        &mut heads[fd]
    }

    pub fn get(&self, key: Key) -> Option<&InFlight> {
        self.ops.get(usize::try_from(key).ok()?)
    }

    pub fn get_mut(&mut self, key: Key) -> Option<&mut InFlight> {
        self.ops.get_mut(usize::try_from(key).ok()?)
    }

    pub fn remove(&mut self, key: Key) -> Option<InFlight> {
        let f = self.ops.try_remove(usize::try_from(key).ok()?)?;
        if let Some(fd) = f.fd.and_then(|fd| usize::try_from(fd).ok()) {
            match f.prev {
                NIL if fd >= DENSE_FDS && f.next == NIL => {
                    self.far_heads.remove(&fd);
                }
                NIL => *Self::head_mut(&mut self.heads, &mut self.far_heads, fd) = f.next,
                prev => self.ops[prev as usize].next = f.next,
            }
            if f.next != NIL {
                self.ops[f.next as usize].prev = f.prev;
            }
        }
        Some(f)
    }

    /// The keys of the ops in flight on `fd`.
    pub fn on_fd(&self, fd: RawFd) -> Vec<Key> {
        let mut keys = Vec::new();
        let head = usize::try_from(fd)
            .ok()
            .and_then(|fd| match fd < DENSE_FDS {
                true => self.heads.get(fd),
                false => self.far_heads.get(&fd),
            });
        let mut at = head.copied().unwrap_or(NIL);
        while at != NIL {
            keys.push(Key::from(at));
            at = self.ops[at as usize].next;
        }
        keys
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::op::Shutdown;
    use crate::backend::SharedFd;

    fn shutdown(fd: RawFd) -> Op {
        Shutdown {
            fd: SharedFd::borrowed(fd),
            how: libc::SHUT_WR,
        }
        .into()
    }

    fn sorted(mut keys: Vec<Key>) -> Vec<Key> {
        keys.sort_unstable();
        keys
    }

    #[test]
    fn ops_are_listed_by_fd_through_inserts_and_removals() {
        let mut t = Table::default();
        let a = t.insert(shutdown(5), 0);
        let b = t.insert(shutdown(5), 0);
        let other = t.insert(shutdown(9), 0);
        let c = t.insert(shutdown(5), 0);
        let nop = t.insert(Op::Nop(crate::backend::op::Nop), 0);
        assert_eq!(sorted(t.on_fd(5)), vec![a, b, c]);
        // The middle, the head (the last inserted) and the tail of the list.
        assert!(t.remove(b).is_some());
        assert_eq!(sorted(t.on_fd(5)), vec![a, c]);
        assert!(t.remove(c).is_some());
        assert_eq!(t.on_fd(5), vec![a]);
        // A freed slot reused for another fd is not listed under the old one.
        let d = t.insert(shutdown(7), 0);
        assert_eq!(t.on_fd(7), vec![d]);
        assert_eq!(t.on_fd(5), vec![a]);
        assert!(t.remove(a).is_some());
        assert!(t.on_fd(5).is_empty());
        assert_eq!(t.on_fd(9), vec![other]);
        assert!(t.on_fd(1000).is_empty());
        assert!(t.remove(a).is_none());
        assert!(t.remove(nop).is_some());
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn a_huge_fd_is_listed_without_growing_the_vector() {
        let mut t = Table::default();
        let huge = (1 << 30) - 1;
        let a = t.insert(shutdown(huge), 0);
        let b = t.insert(shutdown(huge), 0);
        assert!(t.heads.len() <= DENSE_FDS);
        assert_eq!(sorted(t.on_fd(huge)), vec![a, b]);
        assert!(t.remove(b).is_some());
        assert_eq!(t.on_fd(huge), vec![a]);
        assert!(t.remove(a).is_some());
        assert!(t.on_fd(huge).is_empty());
        assert!(t.far_heads.is_empty());
    }
}
