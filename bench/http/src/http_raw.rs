//! The raw HTTP responder: what this machine and wrk allow, with no JavaScript. One
//! thread, one ring: multishot accept, multishot recv into a provided-buffer ring
//! (each buffer given back as soon as it is scanned), and one send in flight per
//! connection carrying every answer due. It reads requests without bodies (wrk's
//! GETs): a request ends at its empty line, and each gets the same fixed answer —
//! status line, Content-Type, Content-Length: 5, `hello`; no Date header (node
//! sends one, and a Connection/Keep-Alive pair). Pipelined requests are answered
//! in order, keep-alive is the HTTP/1.1 default, `Connection: close` (or HTTP/1.0
//! without keep-alive) closes after the answer. `http-raw PORT` listens on 0.0.0.0.
use coil_bench_net::{listen, push, raise_nofile, ring, Buffers};
use io_uring::{cqueue, opcode, types, IoUring};

const BUF_SIZE: usize = 4 * 1024;
const BUF_COUNT: u16 = 1024;
const BGID: u16 = 0;
/// Longest header line looked at: enough for `connection: keep-alive, close`.
const LINE_MAX: usize = 64;
/// A connection whose unanswered request head grows past this is closed.
const HEAD_MAX: usize = 16 * 1024;

const KEEP_ALIVE: &[u8] =
    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";
/// HTTP/1.0 keeps the connection only when both sides say so.
const KEEP_ALIVE_10: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello";
const CLOSE: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello";

const OP_ACCEPT: u64 = 1;
const OP_RECV: u64 = 2;
const OP_SEND: u64 = 3;

/// user_data: op in bits 56.., connection slot in bits 0..32.
fn tag(op: u64, slot: usize) -> u64 {
    (op << 56) | slot as u64
}

/// Where the connection's current request head is, kept across recvs.
#[derive(Default)]
struct Head {
    /// The current line, cut at LINE_MAX bytes (only its start matters).
    line: Vec<u8>,
    /// Bytes of this head so far.
    len: usize,
    seen_request_line: bool,
    http10: bool,
    close: bool,
    keep_alive: bool,
}

impl Head {
    /// Feeds bytes; for each request completed, pushes its answer onto `out`.
    /// Returns true once a request asks to close (later bytes are ignored) or the
    /// head is too long.
    fn feed(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool {
        for &b in data {
            self.len += 1;
            if b != b'\n' {
                if self.line.len() < LINE_MAX {
                    self.line.push(b);
                }
                continue;
            }
            if self.line.last() == Some(&b'\r') {
                self.line.pop();
            }
            if self.line.is_empty() {
                // Empty lines before a request line are allowed and skipped.
                if self.seen_request_line {
                    if self.answer(out) {
                        return true;
                    }
                    *self = Head {
                        line: std::mem::take(&mut self.line),
                        ..Head::default()
                    };
                }
            } else if !self.seen_request_line {
                self.seen_request_line = true;
                self.http10 = self.line.ends_with(b"HTTP/1.0");
            } else if self.line.len() > 11 && self.line[..11].eq_ignore_ascii_case(b"connection:") {
                let value = self.line[11..].to_ascii_lowercase();
                let has = |word: &[u8]| value.windows(word.len()).any(|w| w == word);
                self.close |= has(b"close");
                self.keep_alive |= has(b"keep-alive");
            }
            self.line.clear();
        }
        self.len > HEAD_MAX
    }

    /// Queues this request's answer; true if the connection closes after it.
    fn answer(&self, out: &mut Vec<u8>) -> bool {
        if self.close || (self.http10 && !self.keep_alive) {
            out.extend_from_slice(CLOSE);
            true
        } else {
            out.extend_from_slice(if self.http10 {
                KEEP_ALIVE_10
            } else {
                KEEP_ALIVE
            });
            false
        }
    }
}

struct Conn {
    fd: i32,
    head: Head,
    /// Answers queued while a send is in flight.
    out: Vec<u8>,
    /// The bytes of the send in flight (not touched until it completes) and how
    /// many of them the kernel has taken.
    sending: Vec<u8>,
    sent: usize,
    in_send: bool,
    receiving: bool,
    /// No more requests are read: close once the answers are out.
    last_answered: bool,
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

    /// Sends what is left of `sending`, or starts sending `out` if that is done.
    fn flush(&mut self, slot: usize) {
        let conn = self.conns[slot].as_mut().unwrap();
        if conn.in_send {
            return;
        }
        if conn.sent == conn.sending.len() {
            conn.sending.clear();
            conn.sent = 0;
            std::mem::swap(&mut conn.sending, &mut conn.out);
        }
        if conn.sending.is_empty() {
            if conn.last_answered {
                self.close(slot);
            }
            return;
        }
        conn.in_send = true;
        let rest = &conn.sending[conn.sent..];
        let sqe = opcode::Send::new(types::Fd(conn.fd), rest.as_ptr(), rest.len() as u32)
            .build()
            .user_data(tag(OP_SEND, slot));
        // SAFETY: `sending` is neither written nor dropped until this send completes
        // (in_send), and close waits for it.
        unsafe { push(&mut self.uring, &sqe) };
    }

    fn on_accept(&mut self, res: i32, flags: u32) {
        if res >= 0 {
            let conn = Conn {
                fd: res,
                head: Head::default(),
                out: Vec::new(),
                sending: Vec::new(),
                sent: 0,
                in_send: false,
                receiving: false,
                last_answered: false,
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
        if let Some(bid) = cqueue::buffer_select(flags) {
            if res > 0 && !conn.last_answered && !conn.closing {
                let data = self.bufs.bytes(bid, res as usize);
                conn.last_answered = conn.head.feed(data, &mut conn.out);
            }
            self.bufs.give_back(bid);
        }
        if res == -libc::ENOBUFS {
            if !more {
                self.starved.push(slot);
            }
        } else if res <= 0 {
            self.close(slot);
            return;
        } else if !more && !self.conns[slot].as_ref().unwrap().last_answered {
            self.arm_recv(slot);
        }
        self.flush(slot);
    }

    fn on_send(&mut self, slot: usize, res: i32) {
        let conn = self.conns[slot].as_mut().unwrap();
        conn.in_send = false;
        if res < 0 || conn.closing {
            self.close(slot);
            return;
        }
        conn.sent += res as usize;
        self.flush(slot);
    }

    /// Closes once neither a send nor the recv is in flight; shutdown ends the recv.
    fn close(&mut self, slot: usize) {
        let conn = self.conns[slot].as_mut().unwrap();
        if !conn.closing {
            conn.closing = true;
            // SAFETY: fd is this connection's open socket.
            unsafe { libc::shutdown(conn.fd, libc::SHUT_RDWR) };
        }
        if conn.in_send || conn.receiving {
            return;
        }
        let conn = self.conns[slot].take().unwrap();
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
                    if self.conns[slot].as_ref().is_some_and(|c| !c.closing) {
                        self.arm_recv(slot);
                    }
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
            eprintln!("usage: http-raw PORT");
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
    };
    server.run();
}
