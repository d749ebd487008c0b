//! The meaning of an SQE's user_data (and of a Completion's key): a slab key for
//! ordinary ops, or one of the reserved values below (from the top of the range,
//! far above any slab key) for what the driver submits for itself.

/// The timeout the driver arms when the kernel cannot bound the wait itself
/// (no IORING_FEAT_EXT_ARG).
pub const WAIT_TIMEOUT: u64 = u64::MAX;
/// An ASYNC_CANCEL request: its own completion carries nothing the loop needs.
pub const CANCEL: u64 = u64::MAX - 1;
/// The multishot poll on the wake-up eventfd.
pub const WAKE: u64 = u64::MAX - 2;
/// The key of a completion posted from another thread through a `Remote`.
pub const REMOTE: u64 = u64::MAX - 3;

/// An IORING_OP_CLOSE of an fd whose last holder let go (fd.rs): nobody waits for it.
pub const CLOSE_FD: u64 = u64::MAX - 4;

/// The sender's own completion of an IORING_OP_MSG_RING (uring/msg_ring.rs).
pub const MSG_SENT: u64 = u64::MAX - 5;

/// Reserved values start here; slab keys stay below.
pub const FIRST_RESERVED: u64 = u64::MAX - 255;

pub fn is_reserved(user_data: u64) -> bool {
    user_data >= FIRST_RESERVED
}

/// A chain op's SQEs (op/read_file.rs) carry 1 + their step in the phase in these
/// bits above the key, so each CQE says which SQE of the chain it is for.
pub const STEP_SHIFT: u32 = 48;
pub const KEY_MASK: u64 = (1 << STEP_SHIFT) - 1;
/// The step tag of the close the driver submits for a finished chain's direct
/// descriptor; the low bits are the slot.
pub const SLOT_CLOSE_TAG: u64 = 0xFF;
/// The tag of a completion another loop posted into this ring with MSG_RING.
pub const MSG_TAG: u64 = 0xFE;

/// A tagged user_data: (key, tag), tag 0 for an ordinary op's.
pub fn split(user_data: u64) -> (u64, u64) {
    (user_data & KEY_MASK, user_data >> STEP_SHIFT)
}
