//! --stats and --trace-epoll, run as a user would: an http server that serves
//! requests reports how many syscalls each cost on either driver, and the epoll
//! driver's trace shows its waits, readiness events, syscalls and epoll_ctl calls.
mod common;
use common::{coil, text};

/// An http server answering 30 requests from a client in the same process, one
/// after another, then closing.
const SERVE_30: &str = "const http = require('http');\
    const srv = http.createServer((q, r) => r.end('hi')).listen(0, () => {\
      const agent = new http.Agent({ keepAlive: true });\
      let left = 30;\
      const next = () => http.get({ port: srv.address().port, agent }, (res) => {\
        res.resume(); res.on('end', () => { if (--left) next(); else { agent.destroy(); srv.close(); } });\
      });\
      next();\
    });";

/// The number after `key` (which ends in '=') in `text`.
fn value_after(text: &str, key: &str) -> f64 {
    text.split(key)
        .nth(1)
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no number after {key} in {text}"))
}

#[test]
fn stats_count_syscalls_per_http_request_on_both_drivers() {
    let run = |backend: &str| {
        let out = coil(
            &["--stats", &format!("--backend={backend}"), "-e", SERVE_30],
            "",
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stderr)
    };
    let uring = run("uring");
    let epoll = run("epoll");
    for err in [&uring, &epoll] {
        assert_eq!(value_after(err, "http_requests="), 30.0, "{err}");
        assert!(value_after(err, "syscalls_per_request=") > 0.0, "{err}");
        assert!(value_after(err, "loop_turns=") >= 30.0, "{err}");
    }
    // The Reactor registers interest and makes each recv/send itself; the
    // Proactor only enters the ring.
    assert!(value_after(&epoll, "epoll_ctl=") >= 1.0, "{epoll}");
    assert!(value_after(&epoll, "epoll_wait=") >= 1.0, "{epoll}");
    assert_eq!(value_after(&uring, "epoll_ctl="), 0.0, "{uring}");
    assert_eq!(value_after(&uring, "op_syscalls_on_loop="), 0.0, "{uring}");
    assert!(
        value_after(&epoll, "syscalls=") > value_after(&uring, "syscalls="),
        "{uring}\n{epoll}"
    );
    // The server's multishot receive and the client's: armed, and ended at close.
    assert!(value_after(&uring, "multishot_arms=") >= 2.0, "{uring}");
}

/// 20 requests, each on a new connection (`Connection: close`).
const CLOSE_20: &str = "const http = require('http');\
    const srv = http.createServer((q, r) => r.end('hi')).listen(0, () => {\
      let left = 20;\
      const next = () => http.get({ port: srv.address().port, headers: { connection: 'close' } }, (res) => {\
        res.resume(); res.on('end', () => { if (--left) setImmediate(next); else srv.close(); });\
      });\
      next();\
    });";

#[test]
fn sockets_close_through_the_ring_on_io_uring_and_by_close_on_epoll() {
    let out = coil(&["--stats", "--backend=uring", "-e", CLOSE_20], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let uring = text(&out.stderr);
    assert_eq!(value_after(&uring, "http_requests="), 20.0, "{uring}");
    // The server's ends of 20 connections: an IORING_OP_CLOSE each, except the
    // last one when it is let go after the loop's last turn (since shutdown runs
    // inline, the last connection ends in the turn that ends the program): the
    // driver's teardown closes that one by close(). The client's ends (which
    // hold a port) are closed by close().
    let ring_closes = value_after(&uring, "op close_fd: ring=");
    assert!((19.0..=20.0).contains(&ring_closes), "{uring}");
    assert!(value_after(&uring, " close=") >= 20.0, "{uring}");
    assert!(value_after(&uring, " close=") < 40.0, "{uring}");
    let out = coil(&["--stats", "--backend=epoll", "-e", CLOSE_20], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let epoll = text(&out.stderr);
    assert!(value_after(&epoll, " close=") >= 40.0, "{epoll}");
    assert!(!epoll.contains("close_fd"), "{epoll}");
}

#[test]
fn a_program_without_a_server_prints_no_per_request_line() {
    let out = coil(&["--stats", "-e", "setTimeout(() => {}, 1)"], "");
    let err = text(&out.stderr);
    assert!(err.contains("coil stats: syscalls="), "{err}");
    assert!(!err.contains("syscalls_per_request"), "{err}");
}

#[test]
fn trace_epoll_shows_waits_events_syscalls_and_interest() {
    let out = coil(&["--trace-epoll", "--backend=epoll", "-e", SERVE_30], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    for prefix in [
        "epoll: ctl    add",
        "epoll: wait   in_flight=",
        "epoll: event  fd=",
        "epoll: ready  recv_multi",
        "epoll: submit send",
        "epoll: inline send",
    ] {
        assert!(
            err.lines().any(|l| l.starts_with(prefix)),
            "no '{prefix}' in {err}"
        );
    }
    // Each trace belongs to its driver alone.
    let out = coil(&["--trace-uring", "--backend=epoll", "-e", SERVE_30], "");
    assert!(
        !text(&out.stderr).contains("epoll: "),
        "{}",
        text(&out.stderr)
    );
    let out = coil(&["--trace-epoll", "--backend=uring", "-e", SERVE_30], "");
    assert!(
        !text(&out.stderr).contains("epoll: "),
        "{}",
        text(&out.stderr)
    );
}
