//! Provided buffers: a group of equal buffers that ops read into without naming
//! one — the driver (io_uring: the kernel, from a ring registered with
//! IORING_REGISTER_PBUF_RING; epoll: the driver itself) picks a free buffer and the
//! completion says which (`Completion::buffer_id`). The owner reads it and gives it
//! back (`recycle`). The bytes live here, not in any op, so a cancelled op that
//! already took a buffer cannot leave the kernel writing into freed memory.
use std::io;

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
