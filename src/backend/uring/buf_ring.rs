//! A provided-buffer ring (IORING_REGISTER_PBUF_RING, Linux 5.19): a page-aligned
//! array of (addr, len, bid) entries shared with the kernel, whose tail we advance
//! to hand buffers over. The kernel takes one per read that selects the group and
//! names it in the CQE's flags; `recycle` puts it back at the tail.
use std::io;
use std::sync::atomic::{AtomicU16, Ordering};

use io_uring::types::BufRingEntry;
use io_uring::Submitter;

use crate::backend::bufs::BufGroup;

pub struct BufRing {
    /// `entries` BufRingEntry values, mmapped (page-aligned, as the kernel needs).
    ring: *mut BufRingEntry,
    map_len: usize,
    tail: u16,
    pub group: BufGroup,
}

impl BufRing {
    pub fn register(
        submitter: &Submitter,
        bgid: u16,
        count: u16,
        size: usize,
    ) -> io::Result<BufRing> {
        let group = BufGroup::new(count, size)?;
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
        let mut br = BufRing {
            ring: ring.cast(),
            map_len,
            tail: 0,
            group,
        };
        for bid in 0..count {
            br.put(bid);
        }
        br.publish();
        // SAFETY: the mapping stays valid until Drop, which runs after the ring that
        // uses it has been closed (Uring's Drop) or the group unregistered.
        unsafe { submitter.register_buf_ring_with_flags(ring as u64, count, bgid, 0) }?;
        Ok(br)
    }

    fn put(&mut self, bid: u16) {
        let mask = self.group.count - 1;
        let addr = self.group.ptr(bid) as u64;
        // SAFETY: (tail & mask) < count: inside the mapping.
        let entry = unsafe { &mut *self.ring.add((self.tail & mask) as usize) };
        entry.set_addr(addr);
        entry.set_len(self.group.size as u32);
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
        if bid < self.group.count {
            self.put(bid);
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
