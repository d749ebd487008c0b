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

/// Reserved values start here; slab keys stay below.
pub const FIRST_RESERVED: u64 = u64::MAX - 255;

pub fn is_reserved(user_data: u64) -> bool {
    user_data >= FIRST_RESERVED
}
