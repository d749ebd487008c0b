//! Sockets at their limits, in what a JS test cannot set up for itself: a server
//! whose accept fails with EMFILE (under `ulimit -n 64`) keeps listening, does not
//! spin, and accepts again once fds are freed; connects to a Unix listener whose
//! backlog is full fail with EAGAIN. On both backends, as node does (COIL_TEST_BIN=node
//! runs the same scripts under node).
use std::process::Command;
use std::time::{Duration, Instant};

const EXPECTED: &str = "some clients saw EMFILE: true\nstill listening: true\n\
accepts again: true\nnot spinning: true\nclosed\n";

fn run_limited(backend: &str, script: &str, arg: &str) -> (String, Duration) {
    let script = format!("{}/tests/net_limits/{script}", env!("CARGO_MANIFEST_DIR"));
    let bin = std::env::var("COIL_TEST_BIN").unwrap_or(env!("CARGO_BIN_EXE_coil").into());
    let started = Instant::now();
    let shell = "ulimit -n 64 && exec timeout 20 \"$0\" \"$1\" \"$2\"";
    let out = Command::new("sh")
        .args(["-c", shell, &bin, &script, arg])
        .env_remove("NODE_OPTIONS")
        .env("COIL_BACKEND", backend)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{backend}: {:?}\n{stdout}\n{stderr}",
        out.status
    );
    (stdout, started.elapsed())
}

#[test]
fn emfile_on_accept_backs_off_and_recovers() {
    for backend in ["uring", "epoll"] {
        let (stdout, took) = run_limited(backend, "emfile.js", "");
        assert_eq!(stdout, EXPECTED, "{backend}");
        assert!(took < Duration::from_secs(10), "{backend}: took {took:?}");
    }
}

/// A Unix listener with a backlog of one that never accepts (net cannot make one).
fn full_listener(path: &std::path::Path) -> std::os::fd::OwnedFd {
    use std::os::fd::FromRawFd;
    use std::os::unix::ffi::OsStrExt;
    // SAFETY: plain socket(2); the fd is owned at once.
    let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0) };
    assert!(fd >= 0);
    // SAFETY: fd was just returned by socket(2) and nothing else owns it.
    let owned = unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) };
    // SAFETY: sockaddr_un is plain data; all zeroes is a valid value.
    let mut addr: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    for (d, s) in addr.sun_path.iter_mut().zip(path.as_os_str().as_bytes()) {
        *d = *s as libc::c_char;
    }
    let len = std::mem::size_of::<libc::sockaddr_un>() as libc::socklen_t;
    // SAFETY: addr is a local sockaddr_un of the length given.
    let r = unsafe { libc::bind(fd, (&raw const addr).cast(), len) };
    assert_eq!(r, 0, "bind {}", std::io::Error::last_os_error());
    // SAFETY: listen(2) on the socket owned above.
    assert_eq!(unsafe { libc::listen(fd, 1) }, 0);
    owned
}

#[test]
fn unix_connect_to_a_full_backlog_fails_with_eagain() {
    let dir = std::env::temp_dir().join(format!("coil-net-limits-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let expected = "0 connect\n1 connect\n2 EAGAIN -11 connect true true\n\
3 EAGAIN -11 connect true true\n4 EAGAIN -11 connect true true\n";
    for backend in ["uring", "epoll"] {
        let path = dir.join(format!("{backend}.sock"));
        let listener = full_listener(&path);
        let (stdout, took) = run_limited(backend, "unix_backlog.js", path.to_str().unwrap());
        drop(listener);
        assert_eq!(stdout, expected, "{backend}");
        assert!(took < Duration::from_secs(2), "{backend}: took {took:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
