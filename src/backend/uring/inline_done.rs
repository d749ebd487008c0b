//! Ops the io_uring driver ran inline at submit (no opcode: a shutdown) that
//! wait on a stream's readiness: handed over right after the poll phase's batch
//! (`Backend::take_done`), in the turn they were started, as libuv completes
//! what its poll callbacks fed it; inline file ops still wait for the next poll.
use super::Uring;
use crate::backend::{Completion, Key};

impl Uring {
    pub(super) fn take_inline_stream_done(&mut self, out: &mut Vec<Completion>) {
        if !std::mem::take(&mut self.inline_stream) {
            return;
        }
        let mut done = std::mem::take(&mut self.inline_done);
        done.retain(|&(key, result)| {
            let stream = self
                .ops
                .get(key)
                .is_some_and(|f| f.op.as_opable_ref().readiness().is_some());
            if stream {
                out.extend(self.inline_completion(key, result));
            }
            !stream
        });
        self.inline_done = done;
    }

    /// The completion of an op run inline at submit, taken out of the slab
    /// (None if it is gone: cancelled meanwhile).
    pub(super) fn inline_completion(&mut self, key: Key, result: i32) -> Option<Completion> {
        let f = self.ops.remove(key)?;
        Some(Completion {
            key,
            owner: f.owner,
            result,
            flags: 0,
            op: Some(f.op),
            more: false,
        })
    }
}
