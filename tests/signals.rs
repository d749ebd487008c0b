//! Signals from outside and by default: a signal nobody listens for kills coil by
//! that signal (as node dies), and a listener catches one sent by another process
//! while V8's and the pool's threads run (they block every signal, so the loop
//! thread's signalfd gets it).
mod common;
use common::text;
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};

fn coil() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_coil"));
    c.env_remove("NODE_OPTIONS");
    c
}

#[test]
fn an_unhandled_sigterm_kills_by_signal() {
    for backend in ["uring", "epoll"] {
        let out = coil()
            .args([
                "-e",
                "process.kill(process.pid); setTimeout(() => {}, 5000)",
            ])
            .env("COIL_BACKEND", backend)
            .output()
            .unwrap();
        assert_eq!(out.status.signal(), Some(libc::SIGTERM), "{backend}");
        // A listener added and removed again leaves the default action.
        let out = coil()
            .args([
                "-e",
                "const f = () => console.log('caught'); process.on('SIGTERM', f); \
                 process.off('SIGTERM', f); process.kill(process.pid); setTimeout(() => {}, 5000)",
            ])
            .env("COIL_BACKEND", backend)
            .output()
            .unwrap();
        assert_eq!(out.status.signal(), Some(libc::SIGTERM), "{backend}");
        assert_eq!(text(&out.stdout), "");
    }
}

#[test]
fn a_listener_catches_a_signal_from_another_process() {
    for backend in ["uring", "epoll"] {
        let mut child = coil()
            .args([
                "-e",
                "const t = setInterval(() => {}, 1000); \
                 process.on('SIGTERM', (name) => { console.log('caught', name); clearInterval(t); }); \
                 require('fs').readFile(process.execPath, () => console.log('ready'));",
            ])
            .env("COIL_BACKEND", backend)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        assert_eq!(lines.next().unwrap().unwrap(), "ready");
        // SAFETY: kill has no memory preconditions; the pid is our child's.
        unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
        assert_eq!(lines.next().unwrap().unwrap(), "caught SIGTERM");
        assert!(child.wait().unwrap().success(), "{backend}");
    }
}

#[test]
fn what_the_parent_ignored_or_blocked_is_put_back() {
    use std::os::unix::process::CommandExt;
    // A shell's background job has SIGINT ignored; a parent may also leave it
    // blocked. Either way `kill -INT` stops node, so it stops coil.
    for blocked in [false, true] {
        let mut cmd = coil();
        cmd.args(["-e", "console.log('ready'); setTimeout(() => {}, 5000)"])
            .stdout(Stdio::piped());
        // SAFETY: the closure only calls async-signal-safe functions (sigaction,
        // sigprocmask) between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if blocked {
                    let mut set: libc::sigset_t = std::mem::zeroed();
                    libc::sigemptyset(&mut set);
                    libc::sigaddset(&mut set, libc::SIGINT);
                    libc::sigprocmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
                } else {
                    libc::signal(libc::SIGINT, libc::SIG_IGN);
                }
                Ok(())
            });
        }
        let mut child = cmd.spawn().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        assert_eq!(lines.next().unwrap().unwrap(), "ready");
        // SAFETY: kill has no memory preconditions; the pid is our child's.
        unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(libc::SIGINT), "blocked={blocked}");
    }
    // SIGXFSZ is ignored, as node ignores it (a write past RLIMIT_FSIZE is EFBIG).
    let out = coil()
        .args([
            "-e",
            "process.kill(process.pid, 'SIGXFSZ'); setTimeout(() => console.log('alive'), 50)",
        ])
        .output()
        .unwrap();
    assert_eq!(text(&out.stdout), "alive\n");
}
