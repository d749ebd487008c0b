//! The echo benchmark's load generator: CONNS connections to 127.0.0.1:PORT, each
//! sending a SIZE-byte message and waiting for all of it to come back before the
//! next (one message in flight per connection), over one io_uring on one thread.
//! After WARMUP seconds it counts for DURATION seconds and prints one line:
//! `msgs_per_s=.. mb_per_s=.. p50_us=.. p99_us=.. conns=.. active=.. size=..`
//! (MB/s counts one direction; `active` is how many connections completed a
//! message while counting; `wait_pct` is the share of the counted time this
//! thread was runnable but not running: another process had its core). Given
//! the server's pid, it also reports over the counted time the server's CPU use
//! (`server_cpu`, all its threads, in cores), the share its main thread waited for
//! its core (`server_wait_pct`), and messages per CPU-second the server spent
//! (`msgs_per_cpu_s`, which other work on the machine disturbs far less than the
//! rate). Every echo is checked byte for byte.
use coil_bench_net::{check, push, raise_nofile, ring};
use io_uring::{opcode, types, IoUring};
use std::time::{Duration, Instant};

const OP_SEND: u64 = 1;
const OP_RECV: u64 = 2;

struct Conn {
    fd: i32,
    sent: usize,
    got: usize,
    buf: Vec<u8>,
    started: Instant,
    done: u64,
}

struct Args {
    port: u16,
    conns: usize,
    size: usize,
    duration: f64,
    warmup: f64,
    server: Option<u32>,
}

fn args() -> Args {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let parsed = (|| {
        Some(Args {
            port: a.first()?.parse().ok()?,
            conns: a.get(1)?.parse().ok()?,
            size: a.get(2)?.parse().ok()?,
            duration: a.get(3)?.parse().ok()?,
            warmup: a.get(4).map_or(Some(1.0), |w| w.parse().ok())?,
            server: a.get(5).and_then(|p| p.parse().ok()),
        })
    })();
    parsed.unwrap_or_else(|| {
        eprintln!("usage: echo-load PORT CONNS SIZE DURATION_S [WARMUP_S [SERVER_PID]]");
        std::process::exit(2);
    })
}

/// A blocking connect; a few at a time, so that a server with a small backlog
/// (node's is 511) is not overrun while it accepts.
fn connect(port: u16) -> i32 {
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
                libc::IPPROTO_TCP,
                libc::TCP_NODELAY,
                &one as *const _ as *const _,
                len,
            ),
            "TCP_NODELAY",
        );
        let mut addr: libc::sockaddr_in = std::mem::zeroed();
        addr.sin_family = libc::AF_INET as libc::sa_family_t;
        addr.sin_port = port.to_be();
        addr.sin_addr.s_addr = u32::from_be_bytes([127, 0, 0, 1]).to_be();
        let alen = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
        check(
            libc::connect(fd, &addr as *const _ as *const libc::sockaddr, alen),
            "connect",
        );
        fd
    }
}

struct Load {
    uring: IoUring,
    msg: Vec<u8>,
    conns: Vec<Conn>,
}

impl Load {
    fn send(&mut self, i: usize) {
        let c = &mut self.conns[i];
        let rest = &self.msg[c.sent..];
        let sqe = opcode::Send::new(types::Fd(c.fd), rest.as_ptr(), rest.len() as u32)
            .build()
            .user_data((OP_SEND << 56) | i as u64);
        // SAFETY: msg lives as long as self, and is never written after start.
        unsafe { push(&mut self.uring, &sqe) };
    }

    fn recv(&mut self, i: usize) {
        let c = &mut self.conns[i];
        let rest = &mut c.buf[c.got..];
        let sqe = opcode::Recv::new(types::Fd(c.fd), rest.as_mut_ptr(), rest.len() as u32)
            .build()
            .user_data((OP_RECV << 56) | i as u64);
        // SAFETY: buf belongs to the connection, which lives as long as self.
        unsafe { push(&mut self.uring, &sqe) };
    }

    /// Starts a message: its send, and the recv that waits for the echo.
    fn start(&mut self, i: usize, now: Instant) {
        let c = &mut self.conns[i];
        c.sent = 0;
        c.got = 0;
        c.started = now;
        self.send(i);
        self.recv(i);
    }

    fn fail(&self, what: &str, res: i32) -> ! {
        eprintln!(
            "echo-load: {what}: {}",
            std::io::Error::from_raw_os_error(-res)
        );
        std::process::exit(1);
    }
}

/// Nanoseconds this thread has waited on a run queue (/proc/thread-self/schedstat).
fn run_queue_wait_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// A process's CPU time (all threads) and its main thread's run-queue wait, in seconds.
fn process_times(pid: u32) -> (f64, f64) {
    // SAFETY: sysconf has no preconditions.
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let cpu = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            let f: Vec<&str> = s.rsplit_once(')')?.1.split_whitespace().collect();
            Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) / tick)
        });
    let wait = std::fs::read_to_string(format!("/proc/{pid}/schedstat"))
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<f64>().ok());
    (cpu.unwrap_or(0.0), wait.unwrap_or(0.0) / 1e9)
}

fn main() {
    let a = args();
    raise_nofile();
    let msg: Vec<u8> = (0..a.size).map(|i| (i * 7 + 13) as u8).collect();
    let mut conns = Vec::with_capacity(a.conns);
    for i in 0..a.conns {
        if i > 0 && i % 64 == 0 {
            std::thread::sleep(Duration::from_millis(5));
        }
        let now = Instant::now();
        conns.push(Conn {
            fd: connect(a.port),
            sent: 0,
            got: 0,
            buf: vec![0; a.size],
            started: now,
            done: 0,
        });
    }
    let uring = ring(4096).expect("io_uring_setup");
    let mut load = Load { uring, msg, conns };
    let begin = Instant::now();
    for i in 0..a.conns {
        load.start(i, begin);
    }
    let measure_from = begin + Duration::from_secs_f64(a.warmup);
    let end = measure_from + Duration::from_secs_f64(a.duration);
    let mut measuring = false;
    let mut counted_from = measure_from;
    let mut waited_from = 0;
    let mut server_from = (0.0, 0.0);
    let mut latencies: Vec<u32> = Vec::with_capacity(1 << 20);
    let mut count: u64 = 0;
    let tick = types::Timespec::new().nsec(10_000_000);
    let mut cqes: Vec<(u64, i32)> = Vec::with_capacity(8192);
    let counted_until = loop {
        let args = types::SubmitArgs::new().timespec(&tick);
        match load.uring.submitter().submit_with_args(1, &args) {
            Ok(_) => {}
            Err(e)
                if e.raw_os_error() == Some(libc::ETIME)
                    || e.raw_os_error() == Some(libc::EINTR) => {}
            Err(e) => panic!("io_uring_enter: {e}"),
        }
        cqes.extend(load.uring.completion().map(|c| (c.user_data(), c.result())));
        let now = Instant::now();
        if !measuring && now >= measure_from {
            measuring = true;
            counted_from = now;
            waited_from = run_queue_wait_ns();
            server_from = a.server.map_or((0.0, 0.0), process_times);
            latencies.clear();
            count = 0;
            for c in &mut load.conns {
                c.done = 0;
            }
        }
        if now >= end {
            break now;
        }
        for &(ud, res) in &cqes {
            let i = (ud & 0xffff_ffff) as usize;
            let is_send = ud >> 56 == OP_SEND;
            if res <= 0 {
                load.fail(
                    if is_send {
                        "send"
                    } else {
                        "recv (server closed?)"
                    },
                    if res == 0 { -libc::ECONNRESET } else { res },
                );
            }
            let c = &mut load.conns[i];
            if is_send {
                c.sent += res as usize;
                if c.sent < a.size {
                    load.send(i);
                    continue;
                }
            } else {
                c.got += res as usize;
                if c.got < a.size {
                    load.recv(i);
                    continue;
                }
            }
            // A send's CQE may come after its echo's: the message ends when both have.
            if c.sent < a.size || c.got < a.size {
                continue;
            }
            if c.buf != load.msg {
                eprintln!("echo-load: connection {i} got back different bytes");
                std::process::exit(1);
            }
            c.done += 1;
            count += 1;
            latencies.push(
                now.duration_since(c.started)
                    .as_nanos()
                    .min(u32::MAX as u128) as u32,
            );
            load.start(i, now);
        }
        cqes.clear();
    };
    let secs = counted_until.duration_since(counted_from).as_secs_f64();
    let wait_pct = (run_queue_wait_ns() - waited_from) as f64 / 1e7 / secs;
    let server = a.server.map(|pid| {
        let (cpu, wait) = process_times(pid);
        let cpu = cpu - server_from.0;
        let per_cpu = if cpu > 0.0 { count as f64 / cpu } else { 0.0 };
        format!(
            " server_cpu={:.2} server_wait_pct={:.1} msgs_per_cpu_s={:.0}",
            cpu / secs,
            (wait - server_from.1) * 100.0 / secs,
            per_cpu
        )
    });
    let active = load.conns.iter().filter(|c| c.done > 0).count();
    latencies.sort_unstable();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * p) as usize)
            .map_or(0.0, |&n| n as f64 / 1000.0)
    };
    println!(
        "msgs_per_s={:.0} mb_per_s={:.1} p50_us={:.1} p99_us={:.1} conns={} active={} size={} wait_pct={:.1}{}",
        count as f64 / secs,
        count as f64 * a.size as f64 / secs / 1e6,
        pct(0.5),
        pct(0.99),
        a.conns,
        active,
        a.size,
        wait_pct,
        server.unwrap_or_default()
    );
}
