//! Provided buffers: a group of equal buffers that ops read into without naming
//! one — the driver (io_uring: the kernel, from a ring registered with
//! IORING_REGISTER_PBUF_RING; epoll: the driver itself) picks a free buffer and the
//! completion says which (`Completion::buffer_id`). The owner reads it and gives it
//! back (`recycle`). The bytes live here, not in any op, so a cancelled op that
//! already took a buffer cannot leave the kernel writing into freed memory.
//!
//! Lent buffers (`LentBufs`) are the other kind: memory the owner lends one
//! buffer at a time, filled front to back by consecutive reads (io_uring's
//! incremental consumption, IOU_PBUF_RING_INC), so that reads land side by side
//! in the owner's memory and nothing is copied out. A buffer is the driver's until
//! the read that fills it; the owner then lends another in its place.
use std::collections::VecDeque;
use std::io;

use super::op::Picked;

pub struct BufGroup {
    bytes: Vec<u8>,
    pub size: usize,
    pub count: u16,
    /// The epoll driver's free list (the kernel keeps its own in the ring).
    free: Vec<u16>,
}

impl BufGroup {
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn new(count: u16, size: usize) -> io::Result<BufGroup> {
        if count == 0 || !count.is_power_of_two() || count > 32768 || size == 0 {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        Ok(BufGroup {
            bytes: vec![0; count as usize * size],
            size,
            count,
            free: (0..count).rev().collect(),
        })
    }

    pub fn ptr(&mut self, bid: u16) -> *mut u8 {
        self.bytes[bid as usize * self.size..].as_mut_ptr()
    }

    #[cfg_attr(not(test), allow(dead_code))]
    pub fn slice(&self, bid: u16, len: usize) -> &[u8] {
        let at = bid as usize * self.size;
        &self.bytes[at..at + len.min(self.size)]
    }

    /// Takes a free buffer (the epoll driver's pick); None when all are lent.
    pub fn take(&mut self) -> Option<u16> {
        self.free.pop()
    }

    pub fn give_back(&mut self, bid: u16) {
        if bid < self.count && !self.free.contains(&bid) {
            self.free.push(bid);
        }
    }
}

/// The epoll driver's side of a lent group: the buffers in the order they were
/// lent, the head one being filled (the kernel keeps the same queue in the ring).
#[derive(Default)]
pub struct LentBufs {
    queue: VecDeque<Picked>,
}

impl LentBufs {
    pub fn lend(&mut self, buf: Picked) {
        self.queue.push_back(buf);
    }

    /// Where the next read goes: the room left in the head buffer.
    pub fn head(&self) -> Option<Picked> {
        self.queue.front().copied()
    }

    /// A read put `n` bytes at the head; true when the head buffer still has room
    /// (IORING_CQE_F_BUF_MORE: it stays lent), false when it was used up.
    pub fn consume(&mut self, n: u32) -> bool {
        let Some(head) = self.queue.front_mut() else {
            return false;
        };
        let n = n.min(head.len);
        // SAFETY: n <= head.len, so the pointer stays inside the lent buffer.
        head.ptr = unsafe { head.ptr.add(n as usize) };
        head.len -= n;
        if head.len > 0 {
            return true;
        }
        self.queue.pop_front();
        false
    }
}
