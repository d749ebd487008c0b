//! A provided-buffer ring (IORING_REGISTER_PBUF_RING, Linux 5.19): a page-aligned
//! array of (addr, len, bid) entries shared with the kernel, whose tail we advance
//! to hand buffers over. The kernel takes one per read that selects the group and
//! names it in the CQE's flags; `recycle` puts it back at the tail.
//!
//! A lent ring (IOU_PBUF_RING_INC, Linux 6.12) holds the owner's memory instead:
//! the kernel fills its head buffer front to back, one read after another, and
//! says IORING_CQE_F_BUF_MORE while the buffer has room; `lend` adds a buffer at
//! the tail when the owner has seen one used up.
use std::io;
use std::sync::atomic::{AtomicU16, Ordering};

use io_uring::types::BufRingEntry;
use io_uring::Submitter;

use crate::backend::bufs::BufGroup;

/// IOU_PBUF_RING_INC (Linux 6.12): buffers consumed incrementally.
const PBUF_RING_INC: u16 = 2;

pub struct BufRing {
    /// `entries` BufRingEntry values, mmapped (page-aligned, as the kernel needs).
    ring: *mut BufRingEntry,
    map_len: usize,
    tail: u16,
    count: u16,
    /// The buffers' memory, for a ring of our own buffers; None for a lent ring.
    pub group: Option<BufGroup>,
}

impl BufRing {
    pub fn register(
        submitter: &Submitter,
        bgid: u16,
        count: u16,
        size: usize,
    ) -> io::Result<BufRing> {
        let group = BufGroup::new(count, size)?;
        let mut br = BufRing::map(count, Some(group))?;
        for bid in 0..count {
            br.recycle(bid);
        }
        br.publish();
        // SAFETY: the mapping stays valid until Drop, which runs after the ring that
        // uses it has been closed (Uring's Drop) or the group unregistered.
        unsafe { submitter.register_buf_ring_with_flags(br.ring as u64, count, bgid, 0) }?;
        Ok(br)
    }

    /// A ring of `count` (a power of two) entries for lent buffers, empty until `lend`.
    pub fn register_lent(submitter: &Submitter, bgid: u16, count: u16) -> io::Result<BufRing> {
        if count == 0 || !count.is_power_of_two() || count > 32768 {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        let br = BufRing::map(count, None)?;
        // SAFETY: as in `register`.
        unsafe { submitter.register_buf_ring_with_flags(br.ring as u64, count, bgid, PBUF_RING_INC) }?;
        Ok(br)
    }

    fn map(count: u16, group: Option<BufGroup>) -> io::Result<BufRing> {
        let map_len = count as usize * std::mem::size_of::<BufRingEntry>();
        // SAFETY: an anonymous private mapping; no existing memory is touched.
        let ring = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if ring == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(BufRing {
            ring: ring.cast(),
            map_len,
            tail: 0,
            count,
            group,
        })
    }

    fn put(&mut self, addr: *mut u8, len: u32, bid: u16) {
        let mask = self.count - 1;
        // SAFETY: (tail & mask) < count: inside the mapping.
        let entry = unsafe { &mut *self.ring.add((self.tail & mask) as usize) };
        entry.set_addr(addr as u64);
        entry.set_len(len);
        entry.set_bid(bid);
        self.tail = self.tail.wrapping_add(1);
    }

    /// Makes entries written by `put` visible to the kernel.
    fn publish(&self) {
        // SAFETY: the tail field overlays the first entry's reserved u16, aligned;
        // the kernel reads it with acquire semantics, we store with release.
        let tail = unsafe { &*(BufRingEntry::tail(self.ring) as *const AtomicU16) };
        tail.store(self.tail, Ordering::Release);
    }

    pub fn recycle(&mut self, bid: u16) {
        let Some(g) = self.group.as_mut().filter(|g| bid < g.count) else {
            return;
        };
        let (addr, len) = (g.ptr(bid), g.size as u32);
        self.put(addr, len, bid);
        self.publish();
    }

    /// Adds a lent buffer at the tail (the caller keeps at most `count` lent).
    pub fn lend(&mut self, bid: u16, ptr: *mut u8, len: u32) {
        if self.group.is_none() {
            self.put(ptr, len, bid);
            self.publish();
        }
    }
}

impl Drop for BufRing {
    fn drop(&mut self) {
        // SAFETY: our own mapping, unmapped once.
        unsafe { libc::munmap(self.ring.cast(), self.map_len) };
    }
}
