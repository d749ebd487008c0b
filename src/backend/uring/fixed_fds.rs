//! Connections' fds in the ring's file table (IOSQE_FIXED_FILE). A send SQE on a
//! plain fd makes the kernel look the number up and take a reference on the
//! file (`fget`), and drop it at completion: an atomic on a line of the
//! connection's own each way, 1-2% of a 64-byte echo's CPU at 1,000
//! connections. Registered once per connection, its sends and reads name the
//! table slot instead and the kernel takes no reference.
//!
//! Slot = fd number: the table's first `len` slots mirror fd numbers (the chain
//! ops' slots come after them, chain.rs), so an SQE needs only the flag, its fd
//! field already names the slot. Only accepted connections whose fd this ring
//! closes (`SharedFd::closes_through_ring`, fd.rs) are registered: their last
//! holder queues the number for the ring's close, and `unfix_closing` empties
//! the slot in the same submit, before the number's own close, so the file is
//! released (the peer sees the close) and no slot outlives its fd. Any other fd
//! (a client's, a listener's, one closed with close(2)) keeps plain SQEs.
use io_uring::{opcode, squeue, types, IoUring};

use super::Uring;
use crate::backend::user_data::CLOSE_FD;
use crate::backend::SharedFd;

/// At most this many fd numbers mirrored (the table's memory is the kernel's: 8
/// bytes a slot).
const MAX_FDS: u32 = 8192;

pub(super) struct FixedFds {
    /// Slot `fd` holds fd `fd`'s file.
    registered: Vec<bool>,
}

impl FixedFds {
    /// How many fd numbers to mirror, beside `chain_slots` for chains: the table
    /// may be no larger than RLIMIT_NOFILE.
    pub(super) fn wanted(chain_slots: u32) -> u32 {
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit writes the struct given, nothing else.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 {
            return 0;
        }
        let cur = lim.rlim_cur.min(u64::from(u32::MAX)) as u32;
        cur.saturating_sub(chain_slots).min(MAX_FDS)
    }

    pub(super) fn new(len: u32) -> FixedFds {
        FixedFds {
            registered: vec![false; len as usize],
        }
    }

    /// Registers (`fd`) or empties (-1) slot `slot` at once.
    fn update(ring: &IoUring, slot: u32, fd: i32) -> bool {
        ring.submitter().register_files_update(slot, &[fd]).is_ok()
    }
}

impl Uring {
    /// The flag for an SQE on `fd`: FIXED_FILE once the connection's fd is in the
    /// table (registered at its first send or read), else none.
    pub(super) fn fixed_flag(&mut self, fd: Option<&SharedFd>) -> squeue::Flags {
        let none = squeue::Flags::empty();
        let Some(fd) = fd.filter(|fd| fd.closes_through_ring()) else {
            return none;
        };
        let n = fd.raw();
        let Some(fixed) = self.fixed.as_mut() else {
            return none;
        };
        if !self.ring_closes || n < 0 || n as usize >= fixed.registered.len() {
            return none;
        }
        if !fixed.registered[n as usize] {
            if !FixedFds::update(&self.ring, n as u32, n) {
                return none;
            }
            fixed.registered[n as usize] = true;
        }
        squeue::Flags::FIXED_FILE
    }

    /// `fd` is about to be closed by the ring: its slot is emptied first (an SQE
    /// pushed before the close's), so no reference outlives the number.
    pub(super) fn unfix_closing(&mut self, fd: i32) {
        let Some(fixed) = self.fixed.as_mut() else {
            return;
        };
        match fixed.registered.get_mut(fd as usize) {
            Some(slot) if fd >= 0 && *slot => *slot = false,
            _ => return,
        }
        if self.trace {
            eprintln!("uring: sqe    close      slot={fd} (connection's fd)");
        }
        let sqe = opcode::Close::new(types::Fixed(fd as u32))
            .build()
            .user_data(CLOSE_FD);
        // SAFETY: a close of a table slot carries no pointers.
        unsafe { self.push(&sqe) };
    }
}
