//! The ring's side of the work pool and of other threads: an op lent to the
//! pool, and the results posted back through the `Remote` (a pool job's, which
//! returns its op to its owner, or another thread's message), turned into
//! completions like the ring's own.
use super::Uring;
use crate::backend::op::Op;
use crate::backend::user_data;
use crate::backend::wake::Posted;
use crate::backend::{Completion, Key, Owner};
use io_uring::opcode;

impl Uring {
    /// The results posted through the `Remote`: a pool job's (its key is the op's,
    /// which goes back to its owner now) or another thread's (key REMOTE).
    pub(super) fn deliver_posted(&mut self, out: &mut Vec<Completion>) {
        let mut posted: Vec<Posted> = Vec::new();
        self.remote.drain(&mut posted);
        self.stats.eventfd_reads += 1;
        self.hand_over(posted, out);
    }

    pub(super) fn hand_over(&mut self, posted: Vec<Posted>, out: &mut Vec<Completion>) {
        for p in posted {
            if p.key == user_data::REMOTE {
                out.push(Completion::posted(p.owner, p.result));
                continue;
            }
            let Some(f) = self.ops.remove(p.key) else {
                continue;
            };
            if self.trace {
                let name = f.op.name();
                eprintln!(
                    "uring: pool   {name:<10} key={} owner={} res={}",
                    p.key, f.owner, p.result
                );
            }
            out.push(Completion {
                key: p.key,
                owner: f.owner,
                result: p.result,
                flags: 0,
                op: Some(f.op),
                more: false,
            });
        }
    }

    /// Lends `key`'s op to the work pool. Without a poll on the ring to hear the
    /// pool's wake-up (a kernel without IORING_OP_POLL_ADD), it runs here instead.
    pub(super) fn run_on_pool(&mut self, key: Key, owner: Owner) -> bool {
        if !self.supports(opcode::PollAdd::CODE) {
            return false;
        }
        self.wake_wanted.set(true);
        let op: *mut Op = &mut *self.ops.get_mut(key).expect("just inserted").op;
        if self.trace {
            let name = self.ops.get(key).map_or("", |f| f.op.name());
            eprintln!("uring: pool   {name:<10} key={key} owner={owner} queued");
        }
        self.pool.run(key, owner, op);
        true
    }

    pub(super) fn on_pool(&self, key: Key) -> bool {
        let op = self.ops.get(key);
        op.is_some_and(|f| f.op.as_opable_ref().needs_pool())
    }
}
