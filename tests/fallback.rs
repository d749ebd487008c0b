//! When io_uring cannot be set up, coil says so in one line and runs on epoll
//! (exit code and output as usual). Two ways to refuse it, both built at test time
//! with the system's C compiler: an LD_PRELOAD'd syscall() returning EPERM, and a
//! seccomp filter (as a container's profile) — skipped where seccomp is unavailable.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SCRIPT: &str = "setTimeout(() => require('fs').stat('/', (e) => \
     console.log(process.features.coil_backend, !e)), 1)";

fn build(src: &str, out: &str, shared: bool) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let out = dir.join(out);
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fallback")
        .join(src);
    let mut cc = Command::new("cc");
    if shared {
        cc.args(["-shared", "-fPIC"]);
    }
    let ok = cc
        .arg("-o")
        .arg(&out)
        .arg(&src)
        .arg("-ldl")
        .status()
        .ok()?
        .success();
    ok.then_some(out)
}

fn check(out: Output) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stdout, "epoll true\n");
    let warnings: Vec<_> = stderr.lines().collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(warnings[0].starts_with("coil: warning: io_uring is not available"));
    assert!(
        warnings[0].contains("Operation not permitted") && warnings[0].ends_with("using epoll")
    );
}

#[test]
fn a_refused_io_uring_setup_falls_back_to_epoll() {
    let shim = build("deny_uring_preload.c", "deny_uring_preload.so", true).expect("cc");
    let out = Command::new(env!("CARGO_BIN_EXE_coil"))
        .args(["-e", SCRIPT])
        .env("LD_PRELOAD", &shim)
        .env_remove("COIL_BACKEND")
        .output()
        .unwrap();
    check(out);
}

#[test]
fn a_seccomp_profile_without_io_uring_falls_back_to_epoll() {
    let Some(jail) = build("deny_uring_seccomp.c", "deny_uring_seccomp", false) else {
        eprintln!("skipped: no C compiler");
        return;
    };
    let out = Command::new(jail)
        .args([env!("CARGO_BIN_EXE_coil"), "-e", SCRIPT])
        .env_remove("COIL_BACKEND")
        .output()
        .unwrap();
    if out.status.code() == Some(3) {
        eprintln!("skipped: seccomp filters cannot be installed here");
        return;
    }
    check(out);
}

#[test]
fn the_backend_can_be_chosen() {
    for (flag, name) in [
        ("--backend=epoll", "epoll"),
        ("--backend=uring", "io_uring"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_coil"))
            .args([flag, "-p", "process.features.coil_backend"])
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{name}\n"));
    }
}
