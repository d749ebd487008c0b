//! The loop's record of each op in flight, by key. The backends' keys are the
//! indexes of their own in-flight slabs, small and dense, so most records sit in a
//! vector indexed by key: a completion's lookup and an op's insert and removal
//! cost no hash probe (one each per message in a TCP echo). A key past
//! DENSE_MAX (a backend with very many ops in flight, or one whose keys are not
//! slab indexes) goes to a hash map instead; both hold the same kind of record.
use rustc_hash::FxHashMap;

use crate::backend::{Key, Owner};

use super::HandleId;

/// What the loop knows of an op in flight: whose it is, and whether it keeps the
/// loop alive (a request does; a handle's op counts through its handle).
pub(super) struct InFlight {
    pub handle: Option<HandleId>,
    pub owner: Owner,
}

/// Keys below this go into the vector (which grows to the highest one seen).
const DENSE_MAX: Key = 1 << 20;

#[derive(Default)]
pub(super) struct OpIndex {
    dense: Vec<Option<InFlight>>,
    sparse: FxHashMap<Key, InFlight>,
}

impl OpIndex {
    pub fn insert(&mut self, key: Key, op: InFlight) {
        if key >= DENSE_MAX {
            self.sparse.insert(key, op);
            return;
        }
        let i = key as usize;
        if i >= self.dense.len() {
            self.dense.resize_with((i + 1).next_power_of_two(), || None);
        }
        self.dense[i] = Some(op);
    }

    pub fn get(&self, key: &Key) -> Option<&InFlight> {
        if *key >= DENSE_MAX {
            return self.sparse.get(key);
        }
        self.dense.get(*key as usize)?.as_ref()
    }

    pub fn contains_key(&self, key: &Key) -> bool {
        self.get(key).is_some()
    }

    pub fn remove(&mut self, key: &Key) -> Option<InFlight> {
        if *key >= DENSE_MAX {
            return self.sparse.remove(key);
        }
        self.dense.get_mut(*key as usize)?.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_and_sparse_keys_are_kept_apart_and_found() {
        let mut ops = OpIndex::default();
        for key in [0, 3, DENSE_MAX - 1, DENSE_MAX, u64::MAX - 7] {
            assert!(!ops.contains_key(&key));
            ops.insert(
                key,
                InFlight {
                    handle: Some(key as usize),
                    owner: key ^ 1,
                },
            );
        }
        assert_eq!(ops.get(&3).map(|f| f.owner), Some(2));
        assert_eq!(ops.get(&DENSE_MAX).map(|f| f.owner), Some(DENSE_MAX ^ 1));
        assert!(ops.get(&4).is_none());
        assert!(ops.remove(&3).is_some());
        assert!(ops.remove(&3).is_none());
        assert!(ops.remove(&(u64::MAX - 7)).is_some());
        assert!(!ops.contains_key(&(u64::MAX - 7)));
        assert!(ops.contains_key(&0) && ops.contains_key(&(DENSE_MAX - 1)));
    }
}
