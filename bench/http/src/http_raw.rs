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

/// The answers, byte for byte what node's http sends for bench/http/hello.js
/// (`writeHead(200, {'Content-Type': 'text/plain'})`, `end('hello')`): a Date
/// header, Connection and Keep-Alive, and a chunked body, since writeHead fixed
/// the head before end() knew the length. HTTP/1.0 gets the body unframed and the
/// connection closed. wrk parses every byte of them, so the raw responder sends the
/// same ones as the JS servers: its rate is the machine's limit for this answer.
/// `--minimal` answers as sessions 4-15 measured it instead: Content-Length and no
/// Date, Connection or Keep-Alive (69 bytes against 172).
struct Answers {
    minimal: bool,
    /// The second the Date in the answers below is for.
    second: u64,
    keep_alive: Vec<u8>,
    keep_alive_10: Vec<u8>,
    close: Vec<u8>,
    /// HTTP/1.0 (node closes it: the body has no framing without chunks).
    close_10: Vec<u8>,
}

impl Answers {
    fn new(minimal: bool) -> Answers {
        let mut a = Answers {
            minimal,
            second: u64::MAX,
            keep_alive: Vec::new(),
            keep_alive_10: Vec::new(),
            close: Vec::new(),
            close_10: Vec::new(),
        };
        a.refresh();
        a
    }

    /// Renews the Date once a second (checked once per loop turn).
    fn refresh(&mut self) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        if now == self.second {
            return;
        }
        self.second = now;
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n";
        if self.minimal {
            let fixed =
                |extra: &str| format!("{head}Content-Length: 5\r\n{extra}\r\nhello").into_bytes();
            self.keep_alive = fixed("");
            self.keep_alive_10 = fixed("Connection: keep-alive\r\n");
            self.close = fixed("Connection: close\r\n");
            self.close_10 = self.close.clone();
            return;
        }
        let date = http_date(now);
        let chunked = "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        self.keep_alive = format!(
            "{head}Date: {date}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n{chunked}"
        )
        .into_bytes();
        self.close = format!("{head}Date: {date}\r\nConnection: close\r\n{chunked}").into_bytes();
        self.close_10 =
            format!("{head}Date: {date}\r\nConnection: close\r\n\r\nhello").into_bytes();
    }
}

/// `secs` since the epoch as an HTTP date (IMF-fixdate, RFC 9110 5.6.7):
/// "Mon, 07 Dec 2026 14:17:51 GMT".
fn http_date(secs: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = secs / 86_400;
    let rem = secs % 86_400;
    // The civil date of a day count, with years starting in March so that the
    // leap day comes last (400-year eras of 146,097 days).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        DAYS[(days % 7) as usize],
        MONTHS[(month - 1) as usize],
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

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
    fn feed(&mut self, data: &[u8], answers: &Answers, out: &mut Vec<u8>) -> bool {
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
                    if self.answer(answers, out) {
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
    /// Node closes an HTTP/1.0 connection even when asked to keep it: its body
    /// has no framing without chunks (the minimal answer's Content-Length has).
    fn answer(&self, answers: &Answers, out: &mut Vec<u8>) -> bool {
        let closes = self.close || (self.http10 && !(self.keep_alive && answers.minimal));
        out.extend_from_slice(match (self.http10, closes) {
            (false, false) => &answers.keep_alive,
            (false, true) => &answers.close,
            (true, false) => &answers.keep_alive_10,
            (true, true) => &answers.close_10,
        });
        closes
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
    answers: Answers,
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
                conn.last_answered = conn.head.feed(data, &self.answers, &mut conn.out);
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
            self.answers.refresh();
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
    let minimal = std::env::args().any(|a| a == "--minimal");
    let port: u16 = std::env::args()
        .skip(1)
        .find(|a| a != "--minimal")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| {
            eprintln!("usage: http-raw [--minimal] PORT");
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
        answers: Answers::new(minimal),
    };
    server.run();
}
