//! process.stdin/stdout/stderr by what the fds are, run as a shell would run coil:
//! stdout into a file and into a pipe (nothing lost at exit), into a pipe whose
//! reader went away (`| head -1`: console output ends quietly), stdin from a pipe
//! (a paused stdin lets the process exit) and from a file, and all three on a
//! terminal (a pseudo-terminal made here: size, 'resize', raw mode and the mode
//! put back at exit). Each case runs on both drivers.
mod common;
use common::{scratch, text};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BACKENDS: [&str; 2] = ["uring", "epoll"];

fn coil(backend: &str, script: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_coil"));
    c.env_remove("NODE_OPTIONS")
        .env("COIL_BACKEND", backend)
        .args(["-e", script]);
    c
}

/// Waits for `child` at most `secs` seconds; kills it and fails after that.
fn wait_or_kill(child: &mut Child, secs: u64, what: &str) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            panic!("{what}: still running after {secs}s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn stdout_into_a_file_is_complete_at_exit() {
    let dir = scratch("stdout-file");
    for backend in BACKENDS {
        let path = dir.join(format!("out-{backend}"));
        let status = coil(
            backend,
            "console.log(process.stdout.constructor.name, process.stdout._type); \
             process.stdout.write('x'.repeat(1 << 20)); process.exit(0)",
        )
        .stdout(File::create(&path).unwrap())
        .status()
        .unwrap();
        assert!(status.success());
        let out = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            out.len(),
            "SyncWriteStream fs\n".len() + (1 << 20),
            "{backend}"
        );
        assert!(out.starts_with("SyncWriteStream fs\n"), "{backend}");
    }
}

#[test]
fn stdout_into_a_pipe_loses_nothing_at_exit() {
    for backend in BACKENDS {
        let out = coil(
            backend,
            "console.log(process.stdout.constructor.name, process.stdout._type); \
             process.stdout.write('y'.repeat(4 << 20)); process.exit(0)",
        )
        .output()
        .unwrap();
        assert!(out.status.success());
        assert_eq!(
            out.stdout.len(),
            "Socket pipe\n".len() + (4 << 20),
            "{backend}"
        );
        assert!(text(&out.stdout).starts_with("Socket pipe\n"));
    }
}

/// Reads the first line of `child`'s stdout, then closes the pipe.
fn read_one_line_and_hang_up(child: &mut Child) -> String {
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    first
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    for backend in BACKENDS {
        // console: EPIPE is ignored and the program finishes (node: exit 0).
        let mut child = coil(
            backend,
            "for (let i = 0; i < 1e5; i++) console.log(i); console.error('done')",
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
        assert_eq!(read_one_line_and_hang_up(&mut child), "0\n");
        let status = wait_or_kill(&mut child, 20, "console into a closed pipe");
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert!(status.success(), "{backend}: {status:?} {err}");
        assert_eq!(err, "done\n", "{backend}");

        // A direct write with no 'error' listener: the error is uncaught (node:
        // exit 1, "write EPIPE"); with a listener, the program decides.
        let mut child = coil(
            backend,
            "process.stdout.write('first\\n'); \
             setTimeout(() => process.stdout.write('x'.repeat(1 << 20)), 300)",
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
        assert_eq!(read_one_line_and_hang_up(&mut child), "first\n");
        let status = wait_or_kill(&mut child, 20, "write into a closed pipe");
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert_eq!(status.code(), Some(1), "{backend}: {err}");
        assert!(err.contains("Error: write EPIPE"), "{backend}: {err}");

        let mut child = coil(
            backend,
            "process.stdout.on('error', (e) => { console.error('caught', e.code, e.syscall); \
             process.exit(3); }); process.stdout.write('first\\n'); \
             setTimeout(() => process.stdout.write('x'.repeat(1 << 20)), 300)",
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
        read_one_line_and_hang_up(&mut child);
        let status = wait_or_kill(&mut child, 20, "write with an error listener");
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert_eq!(status.code(), Some(3), "{backend}: {err}");
        assert_eq!(err, "caught EPIPE write\n", "{backend}");
    }
}

#[test]
fn stdin_from_a_pipe_and_from_a_file() {
    let dir = scratch("stdin");
    let input = dir.join("input.txt");
    std::fs::write(&input, "from a file\n").unwrap();
    let script = "let s = ''; process.stdin.setEncoding('utf8'); \
                  process.stdin.on('data', (d) => { s += d; }); \
                  process.stdin.on('end', () => console.log(process.stdin.constructor.name, \
                  JSON.stringify(s)));";
    for backend in BACKENDS {
        let mut child = coil(backend, script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"from a pipe\n").unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            text(&out.stdout),
            "Socket \"from a pipe\\n\"\n",
            "{backend}"
        );

        let out = coil(backend, script)
            .stdin(File::open(&input).unwrap())
            .output()
            .unwrap();
        assert_eq!(
            text(&out.stdout),
            "ReadStream \"from a file\\n\"\n",
            "{backend}"
        );

        // The writer keeps the pipe open; a paused stdin does not keep coil alive.
        let mut child = coil(
            backend,
            "process.stdin.once('data', (d) => { console.log('got', String(d).trim()); \
             process.stdin.pause(); })",
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"one\n").unwrap();
        let status = wait_or_kill(&mut child, 10, "a paused stdin");
        assert!(status.success(), "{backend}");
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "got one\n", "{backend}");
        drop(stdin);
    }
}

/// A pseudo-terminal of `cols` × `rows`: (controller, terminal side).
fn open_pty(cols: u16, rows: u16) -> (File, OwnedFd) {
    let (mut controller, mut terminal) = (-1, -1);
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: the out-pointers are valid ints; name and termios may be null.
    let r = unsafe {
        libc::openpty(
            &mut controller,
            &mut terminal,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(r, 0, "openpty");
    // SAFETY: openpty gave us both fds, owned from here on.
    unsafe {
        (
            File::from_raw_fd(controller),
            OwnedFd::from_raw_fd(terminal),
        )
    }
}

/// Reads the terminal's output until `want` shows (or 10 s pass).
fn read_until(controller: &mut File, seen: &mut String, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !seen.contains(want) {
        assert!(
            Instant::now() < deadline,
            "waited for {want:?}, saw {seen:?}"
        );
        let mut pfd = libc::pollfd {
            fd: controller.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut pfd, 1, 100) } <= 0 {
            continue;
        }
        let mut buf = [0u8; 4096];
        match controller.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n]).replace("\r\n", "\n")),
        }
    }
}

fn canonical(fd: &OwnedFd) -> bool {
    // SAFETY: termios is plain data that tcgetattr fills in.
    let mut mode: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: a valid fd and a writable termios.
    assert_eq!(unsafe { libc::tcgetattr(fd.as_raw_fd(), &mut mode) }, 0);
    mode.c_lflag & libc::ICANON != 0
}

#[test]
fn a_terminal_is_a_tty_stream() {
    // Strings only: console colours other values on a terminal.
    let script = "const o = process.stdout, i = process.stdin; \
        console.log([o.constructor.name, i.constructor.name, o._handle.constructor.name, \
        o.isTTY, i.isTTY, o.columns, o.rows].join(' ')); \
        o.on('resize', () => console.log(`resize ${o.columns} ${o.rows}`)); \
        i.setRawMode(true); console.log(`raw ${i.isRaw} READY`); \
        i.once('data', (d) => { console.log('key', JSON.stringify(String(d))); i.pause(); });";
    for backend in BACKENDS {
        let (mut controller, terminal) = open_pty(100, 30);
        let mut child = coil(backend, script)
            .stdin(Stdio::from(terminal.try_clone().unwrap()))
            .stdout(Stdio::from(terminal.try_clone().unwrap()))
            .stderr(Stdio::from(terminal.try_clone().unwrap()))
            .spawn()
            .unwrap();
        let mut seen = String::new();
        read_until(&mut controller, &mut seen, "READY");
        assert!(
            seen.contains("WriteStream ReadStream TTY true true 100 30\n"),
            "{backend}: {seen}"
        );
        assert!(!canonical(&terminal), "{backend}: raw mode is on");
        // The terminal is not coil's controlling terminal, so the kernel sends no
        // SIGWINCH of its own: send it as a terminal emulator's resize would.
        let size = libc::winsize {
            ws_row: 40,
            ws_col: 120,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: TIOCSWINSZ reads one winsize; kill has no memory preconditions.
        unsafe {
            libc::ioctl(controller.as_raw_fd(), libc::TIOCSWINSZ, &size);
            libc::kill(child.id() as i32, libc::SIGWINCH);
        }
        read_until(&mut controller, &mut seen, "resize 120 40\n");
        // Raw mode: one key arrives without a newline.
        controller.write_all(b"k").unwrap();
        read_until(&mut controller, &mut seen, "key \"k\"\n");
        let status = wait_or_kill(&mut child, 10, "a terminal");
        assert!(status.success(), "{backend}: {seen}");
        assert!(
            canonical(&terminal),
            "{backend}: the mode is back after exit"
        );
    }
}

/// A pipe made close-on-exec: (read end, write end).
fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [-1; 2];
    // SAFETY: fds has room for the two numbers pipe2 writes.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: pipe2 gave us both fds, owned from here on.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

#[test]
fn a_socket_over_an_inherited_pipe() {
    use std::os::unix::process::CommandExt;
    // new net.Socket({fd}) over pipes that are not stdio: reads through read ops,
    // writes through the write queue as writev, ending without shutdown(2).
    let script = "const net = require('net'); \
        const input = new net.Socket({ fd: 3, readable: true, writable: false }); \
        const output = new net.Socket({ fd: 4, readable: false, writable: true }); \
        let got = ''; input.setEncoding('utf8'); input.on('data', (d) => { got += d; }); \
        input.on('end', () => output.end(`echo ${got} ${input._handle.constructor.name}`));";
    for backend in BACKENDS {
        let (in_r, in_w) = pipe();
        let (out_r, out_w) = pipe();
        let (a, b) = (in_r.as_raw_fd(), out_w.as_raw_fd());
        let mut cmd = coil(backend, script);
        // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                // Moved out of the way first, so that dup2 onto 3 and 4 cannot
                // clobber one of them; dup2 clears close-on-exec on 3 and 4.
                let (a, b) = (
                    libc::fcntl(a, libc::F_DUPFD_CLOEXEC, 10),
                    libc::fcntl(b, libc::F_DUPFD_CLOEXEC, 10),
                );
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            })
        };
        let mut child = cmd.spawn().unwrap();
        drop((in_r, out_w));
        let mut writer = File::from(in_w);
        writer.write_all(b"ping").unwrap();
        drop(writer);
        let mut out = String::new();
        File::from(out_r).read_to_string(&mut out).unwrap();
        assert_eq!(out, "echo ping Pipe", "{backend}");
        assert!(wait_or_kill(&mut child, 10, "sockets over pipes").success());
    }
}
