//! What the raw servers (bench/net's echo, bench/http's responder) and the load
//! generator share: the ring they are built on, the file limit, submitting an SQE,
//! a listening socket and a provided-buffer ring.
use io_uring::{squeue, types::BufRingEntry, IoUring};
use std::io;
use std::sync::atomic::{AtomicU16, Ordering};

/// One thread's ring: the kernel runs completions' task work only when this thread
/// asks for events (DEFER_TASKRUN), which is what a single-threaded server wants.
pub fn ring(entries: u32) -> io::Result<IoUring> {
    IoUring::builder()
        .setup_single_issuer()
        .setup_defer_taskrun()
        .setup_cqsize(entries * 4)
        .build(entries)
}

/// 1,000 connections need more than the usual soft limit of 1,024 descriptors.
pub fn raise_nofile() {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: lim is a valid rlimit the call fills in.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } == 0 && lim.rlim_cur < lim.rlim_max
    {
        lim.rlim_cur = lim.rlim_max;
        // SAFETY: lim is a valid rlimit.
        unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) };
    }
}

/// Queues one SQE, submitting what is queued first if the queue is full.
///
/// # Safety
/// Every buffer the SQE points at must stay valid until its CQE arrives.
pub unsafe fn push(ring: &mut IoUring, sqe: &squeue::Entry) {
    // SAFETY: the caller keeps the SQE's buffers alive until its CQE.
    while unsafe { ring.submission().push(sqe) }.is_err() {
        ring.submit().expect("io_uring_enter");
    }
}

pub fn check(ret: libc::c_int, what: &str) -> libc::c_int {
    if ret < 0 {
        eprintln!("{what}: {}", io::Error::last_os_error());
        std::process::exit(1);
    }
    ret
}

/// The provided-buffer ring: the kernel picks a buffer per recv, the server hands it
/// back once it is done with its bytes.
pub struct Buffers {
    ring: *mut BufRingEntry,
    tail: u16,
    mem: *mut u8,
    count: u16,
    size: usize,
    /// Some buffer was given back since the last publish.
    pub returned: bool,
}

impl Buffers {
    /// `count` buffers of `size` bytes in group `bgid`; `count` is a power of two.
    /// Pages of a buffer are touched only when the kernel fills them.
    pub fn new(uring: &IoUring, count: u16, size: usize, bgid: u16) -> Buffers {
        assert!(count.is_power_of_two());
        let ring_bytes = count as usize * std::mem::size_of::<BufRingEntry>();
        let ring = mmap(ring_bytes) as *mut BufRingEntry;
        let mem = mmap(count as usize * size);
        // SAFETY: ring is page-aligned memory for `count` entries that lives until exit.
        unsafe {
            uring
                .submitter()
                .register_buf_ring_with_flags(ring as u64, count, bgid, 0)
        }
        .expect("IORING_REGISTER_PBUF_RING");
        let mut bufs = Buffers {
            ring,
            tail: 0,
            mem,
            count,
            size,
            returned: false,
        };
        for bid in 0..count {
            bufs.give_back(bid);
        }
        bufs.publish();
        bufs
    }

    pub fn addr(&self, bid: u16, off: u32) -> *const u8 {
        assert!(bid < self.count && (off as usize) < self.size);
        // SAFETY: bid < count and off < size, inside the mapping.
        unsafe { self.mem.add(bid as usize * self.size + off as usize) }
    }

    /// The `len` bytes the kernel wrote at the start of buffer `bid`.
    pub fn bytes(&self, bid: u16, len: usize) -> &[u8] {
        assert!(len <= self.size);
        // SAFETY: inside buffer bid, which the kernel filled and does not touch
        // again until it is given back.
        unsafe { std::slice::from_raw_parts(self.addr(bid, 0), len) }
    }

    pub fn give_back(&mut self, bid: u16) {
        let idx = (self.tail & (self.count - 1)) as usize;
        // SAFETY: idx < count; the kernel reads entries only up to the published tail.
        let entry = unsafe { &mut *self.ring.add(idx) };
        entry.set_addr(self.addr(bid, 0) as u64);
        entry.set_len(self.size as u32);
        entry.set_bid(bid);
        self.tail = self.tail.wrapping_add(1);
        self.returned = true;
    }

    /// Makes the buffers given back visible to the kernel (one store per loop turn).
    pub fn publish(&mut self) {
        // SAFETY: the tail field overlays entry 0's reserved field, as the ABI defines.
        let tail = unsafe { &*(BufRingEntry::tail(self.ring) as *const AtomicU16) };
        tail.store(self.tail, Ordering::Release);
        self.returned = false;
    }
}

fn mmap(len: usize) -> *mut u8 {
    // SAFETY: an anonymous private mapping, no file involved.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    assert!(p != libc::MAP_FAILED, "mmap");
    p as *mut u8
}

/// A listening TCP socket on 0.0.0.0:port with a backlog of 4,096.
pub fn listen(port: u16) -> i32 {
    // SAFETY: plain socket calls on a descriptor this function owns.
    unsafe {
        let fd = check(
            libc::socket(libc::AF_INET, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0),
            "socket",
        );
        let one: libc::c_int = 1;
        let len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        check(
            libc::setsockopt(
                fd,
                libc::SOL_SOCKET,
                libc::SO_REUSEADDR,
                &one as *const _ as *const _,
                len,
            ),
            "SO_REUSEADDR",
        );
        let mut addr: libc::sockaddr_in = std::mem::zeroed();
        addr.sin_family = libc::AF_INET as libc::sa_family_t;
        addr.sin_port = port.to_be();
        let alen = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
        check(
            libc::bind(fd, &addr as *const _ as *const libc::sockaddr, alen),
            "bind",
        );
        check(libc::listen(fd, 4096), "listen");
        fd
    }
}
