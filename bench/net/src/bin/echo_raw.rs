//! The raw echo server: what this machine and the load generator allow, with no
//! JavaScript. One thread, one ring: multishot accept, multishot recv into a
//! provided-buffer ring, and a send of each buffer received (one send in flight per
//! connection, the rest queued in order). `echo-raw PORT` listens on 0.0.0.0.
//! `ECHO_RAW_SPIN_NS=N` adds N ns of busy user-space work per message received: a
//! raw server as slow as a runtime, to tell what the kernel charges any server that
//! is the bottleneck from what a runtime makes it do (docs/benchmarks.md, session 10).
use coil_bench_net::{listen, push, raise_nofile, ring, Buffers};
use io_uring::{cqueue, opcode, types, IoUring};
use std::collections::VecDeque;

const BUF_SIZE: usize = 16 * 1024;
/// A power of two; pages of a buffer are touched only when the kernel fills them.
const BUF_COUNT: u16 = 2048;
const BGID: u16 = 0;

const OP_ACCEPT: u64 = 1;
const OP_RECV: u64 = 2;
const OP_SEND: u64 = 3;

/// user_data: op in bits 56.., connection slot in bits 0..32.
fn tag(op: u64, slot: usize) -> u64 {
    (op << 56) | slot as u64
}

/// A buffer received and not yet fully sent back.
struct Pending {
    bid: u16,
    off: u32,
    len: u32,
}

struct Conn {
    fd: i32,
    queue: VecDeque<Pending>,
    sending: bool,
    receiving: bool,
    closing: bool,
}

struct Server {
    uring: IoUring,
    bufs: Buffers,
    conns: Vec<Option<Conn>>,
    free: Vec<usize>,
    /// Connections whose multishot recv ended on ENOBUFS, re-armed once buffers return.
    starved: Vec<usize>,
    lfd: i32,
    /// ECHO_RAW_SPIN_NS: user-space work to add per message received (a diagnostic:
    /// a raw server as slow as a runtime, to tell the kernel's cost of being the
    /// bottleneck from a runtime's own).
    spin: std::time::Duration,
}

impl Server {
    fn arm_accept(&mut self) {
        let sqe = opcode::AcceptMulti::new(types::Fd(self.lfd))
            .flags(libc::SOCK_CLOEXEC)
            .build()
            .user_data(tag(OP_ACCEPT, 0));
        // SAFETY: no buffer.
        unsafe { push(&mut self.uring, &sqe) };
    }

    fn arm_recv(&mut self, slot: usize) {
        let conn = self.conns[slot].as_mut().unwrap();
        conn.receiving = true;
        let sqe = opcode::RecvMulti::new(types::Fd(conn.fd), BGID)
            .build()
            .user_data(tag(OP_RECV, slot));
        // SAFETY: the kernel writes only into ring buffers, which live until exit.
        unsafe { push(&mut self.uring, &sqe) };
    }

    fn send_front(&mut self, slot: usize) {
        let conn = self.conns[slot].as_mut().unwrap();
        let Some(p) = conn.queue.front() else { return };
        conn.sending = true;
        let sqe = opcode::Send::new(types::Fd(conn.fd), self.bufs.addr(p.bid, p.off), p.len)
            .build()
            .user_data(tag(OP_SEND, slot));
        // SAFETY: buffer p.bid is not given back until this send completes.
        unsafe { push(&mut self.uring, &sqe) };
    }

    fn on_accept(&mut self, res: i32, flags: u32) {
        if res >= 0 {
            let conn = Conn {
                fd: res,
                queue: VecDeque::new(),
                sending: false,
                receiving: false,
                closing: false,
            };
            let slot = match self.free.pop() {
                Some(s) => {
                    self.conns[s] = Some(conn);
                    s
                }
                None => {
                    self.conns.push(Some(conn));
                    self.conns.len() - 1
                }
            };
            self.arm_recv(slot);
        }
        if !cqueue::more(flags) {
            self.arm_accept();
        }
    }

    fn on_recv(&mut self, slot: usize, res: i32, flags: u32) {
        let more = cqueue::more(flags);
        let conn = self.conns[slot].as_mut().unwrap();
        if !more {
            conn.receiving = false;
        }
        if res > 0 && !self.spin.is_zero() {
            let t = std::time::Instant::now();
            while t.elapsed() < self.spin {
                std::hint::spin_loop();
            }
        }
        let conn = self.conns[slot].as_mut().unwrap();
        if let Some(bid) = cqueue::buffer_select(flags) {
            if res > 0 && !conn.closing {
                conn.queue.push_back(Pending {
                    bid,
                    off: 0,
                    len: res as u32,
                });
                if !conn.sending {
                    self.send_front(slot);
                }
            } else {
                self.bufs.give_back(bid);
            }
        }
        if res == -libc::ENOBUFS {
            if !more {
                self.starved.push(slot);
            }
        } else if res <= 0 {
            self.close(slot);
        } else if !more {
            self.arm_recv(slot);
        }
    }

    fn on_send(&mut self, slot: usize, res: i32) {
        let conn = self.conns[slot].as_mut().unwrap();
        conn.sending = false;
        if res < 0 || conn.closing {
            self.close(slot);
            return;
        }
        let p = conn.queue.front_mut().unwrap();
        p.off += res as u32;
        p.len -= res as u32;
        if p.len == 0 {
            let bid = p.bid;
            conn.queue.pop_front();
            self.bufs.give_back(bid);
        }
        self.send_front(slot);
    }

    /// Closes once neither a send nor the recv is in flight; shutdown ends the recv.
    fn close(&mut self, slot: usize) {
        let conn = self.conns[slot].as_mut().unwrap();
        if !conn.closing {
            conn.closing = true;
            // SAFETY: fd is this connection's open socket.
            unsafe { libc::shutdown(conn.fd, libc::SHUT_RDWR) };
        }
        if conn.sending || conn.receiving {
            return;
        }
        let conn = self.conns[slot].take().unwrap();
        for p in conn.queue {
            self.bufs.give_back(p.bid);
        }
        // SAFETY: no op on fd is in flight any more.
        unsafe { libc::close(conn.fd) };
        self.starved.retain(|&s| s != slot);
        self.free.push(slot);
    }

    fn run(&mut self) -> ! {
        let mut cqes: Vec<(u64, i32, u32)> = Vec::with_capacity(4096);
        self.arm_accept();
        loop {
            self.uring.submit_and_wait(1).expect("io_uring_enter");
            cqes.extend(
                self.uring
                    .completion()
                    .map(|c| (c.user_data(), c.result(), c.flags())),
            );
            for &(ud, res, flags) in &cqes {
                let slot = (ud & 0xffff_ffff) as usize;
                match ud >> 56 {
                    OP_ACCEPT => self.on_accept(res, flags),
                    OP_RECV => self.on_recv(slot, res, flags),
                    OP_SEND => self.on_send(slot, res),
                    _ => unreachable!(),
                }
            }
            cqes.clear();
            if self.bufs.returned {
                self.bufs.publish();
                for slot in std::mem::take(&mut self.starved) {
                    self.arm_recv(slot);
                }
            }
        }
    }
}

fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| {
            eprintln!("usage: echo-raw PORT");
            std::process::exit(2);
        });
    raise_nofile();
    let uring = ring(4096).expect("io_uring_setup");
    let bufs = Buffers::new(&uring, BUF_COUNT, BUF_SIZE, BGID);
    let lfd = listen(port);
    let mut server = Server {
        uring,
        bufs,
        conns: Vec::new(),
        free: Vec::new(),
        starved: Vec::new(),
        lfd,
        spin: std::time::Duration::from_nanos(
            std::env::var("ECHO_RAW_SPIN_NS")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
        ),
    };
    server.run();
}
