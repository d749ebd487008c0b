//! Loops talking ring to ring (IORING_OP_MSG_RING, Linux 5.18): a thread posts a
//! completion straight into another loop's ring through its own, with no eventfd
//! write to wake it and no eventfd read there. The receiving ring sees a CQE whose
//! user_data carries MSG_TAG and the owner's low bits, and whose result carries
//! the owner's kind bits (owners are a kind bit above bit 48 plus an index); it
//! becomes a posted completion for that owner, as a `Remote` post would.
//!
//! The SQE is submitted at once (one io_uring_enter, as the eventfd write it
//! replaces was one write): a thread that posts and then keeps computing must not
//! hold the message back.
use std::os::fd::AsRawFd;

use io_uring::{opcode, squeue, types};

use super::Uring;
use crate::backend::user_data::{KEY_MASK, MSG_SENT, MSG_TAG, STEP_SHIFT};
use crate::backend::{Completion, Owner, RingDoor, SharedFd};

impl Uring {
    /// This ring's door (made once: a duplicate of the ring's fd).
    pub(super) fn door(&mut self) -> Option<RingDoor> {
        if !self.supports(opcode::MsgRingData::CODE) {
            return None;
        }
        if self.door.is_none() {
            // SAFETY: duplicates the ring's fd, owned by the returned value.
            let fd = unsafe { libc::fcntl(self.ring.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 0) };
            if fd < 0 {
                return None;
            }
            self.door = Some(RingDoor::of(SharedFd::owned(fd)));
        }
        self.door.clone()
    }

    pub(super) fn send_msg(&mut self, door: &RingDoor, owner: Owner) -> bool {
        if !self.supports(opcode::MsgRingData::CODE) {
            return false;
        }
        let kind = (owner >> STEP_SHIFT) as u32;
        let sqe = opcode::MsgRingData::new(
            types::Fd(door.fd()),
            kind as i32,
            (MSG_TAG << STEP_SHIFT) | (owner & KEY_MASK),
            None,
        )
        .build()
        // No CQE on success here: one would wake this loop's busy-poll for nothing.
        .flags(squeue::Flags::SKIP_SUCCESS)
        .user_data(MSG_SENT);
        if self.trace {
            eprintln!("uring: msg_ring fd={} owner={owner}", door.fd());
        }
        // SAFETY: the message carries no pointers; the target fd is held by `door`
        // until the kernel has taken the SQE (submitted below).
        unsafe { self.push(&sqe) };
        self.ring.submit().is_ok()
    }

    /// Completions wait to be reaped: in the CQ, overflowed, or held by the kernel
    /// as task work (IORING_SQ_TASKRUN, which TASKRUN_FLAG rings show; a plain ring
    /// posts its CQEs without our entering).
    pub(super) fn cqes_waiting(&mut self) -> bool {
        let sq = self.ring.submission();
        if sq.taskrun() || sq.cq_overflow() {
            return true;
        }
        drop(sq);
        !self.ring.completion().is_empty()
    }

    /// A CQE another loop posted here with `send_msg`.
    pub(super) fn msg_cqe(key: u64, result: i32) -> Completion {
        let owner = ((result as u32 as u64) << STEP_SHIFT) | (key & KEY_MASK);
        Completion::posted(owner, 0)
    }
}
