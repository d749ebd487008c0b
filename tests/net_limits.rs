//! Sockets at the fd limit: a server whose accept fails with EMFILE (run under
//! `ulimit -n 64`, which a JS test cannot set for itself) keeps listening, does not
//! spin, and accepts again once fds are freed, on both backends, as node's does.
use std::process::Command;
use std::time::{Duration, Instant};

const EXPECTED: &str = "some clients saw EMFILE: true\nstill listening: true\n\
accepts again: true\nnot spinning: true\nclosed\n";

fn run_limited(backend: &str, script: &str) -> (String, Duration) {
    let script = format!("{}/tests/net_limits/{script}", env!("CARGO_MANIFEST_DIR"));
    let bin = env!("CARGO_BIN_EXE_coil");
    let started = Instant::now();
    let out = Command::new("sh")
        .args(["-c", "ulimit -n 64 && exec timeout 20 \"$0\" \"$1\"", bin, &script])
        .env_remove("NODE_OPTIONS")
        .env("COIL_BACKEND", backend)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{backend}: {:?}\n{stdout}\n{stderr}", out.status);
    (stdout, started.elapsed())
}

#[test]
fn emfile_on_accept_backs_off_and_recovers() {
    for backend in ["uring", "epoll"] {
        let (stdout, took) = run_limited(backend, "emfile.js");
        assert_eq!(stdout, EXPECTED, "{backend}");
        assert!(took < Duration::from_secs(10), "{backend}: took {took:?}");
    }
}
