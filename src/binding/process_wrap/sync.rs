//! spawnSync: runs a child to its end on the calling thread, as node's does
//! (child_process.spawnSync, execSync, execFileSync): writes `input` to its
//! stdin pipe, collects what its stdout/stderr pipes (and any other piped fds)
//! give with poll(2) until they close, kills it with `killSignal` at the timeout
//! or when the output passes `maxBuffer`, and reaps it. The loop does not run
//! meanwhile (nothing else happens in node either).
use std::os::fd::{AsRawFd, OwnedFd};
use std::time::{Duration, Instant};

use super::spawn::{self, Stdio};
use super::{command, nonblocking};
use crate::binding::fs::args;
use crate::v8::{CallbackArgs, Local, Scope, Value};

struct Piped {
    fd: OwnedFd,
    child_fd: usize,
    out: Vec<u8>,
    open: bool,
}

/// spawnSync(file, args, env, cwd, stdio, detached, uid, gid, input, timeoutMs, maxBuffer,
/// killSignal) -> [pid, status, signal, errno, output per fd (Buffer or null)...];
/// errno is 0, or why the child could not start (ENOENT...), ETIMEDOUT at the
/// timeout, ENOBUFS past maxBuffer.
pub fn spawn_sync<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(cmd) = command(s, a, 0) else {
        return a.ret(s.number(-libc::EINVAL as f64));
    };
    let input = a
        .get(8)
        .view_bytes()
        .map(<[u8]>::to_vec)
        .unwrap_or_default();
    let timeout = args::int(s, a, 9);
    let max_buffer = a.get(10).number(s).unwrap_or(f64::INFINITY);
    let kill_signal = args::int(s, a, 11) as i32;
    let child = match spawn::spawn(&cmd) {
        Ok(c) => c,
        Err(e) => {
            let items = [s.number(0.0), s.null(), s.null(), s.number(-e as f64)];
            return a.ret(s.array(&items).value());
        }
    };
    let mut stdin = None;
    let mut piped = Vec::new();
    for (i, pipe) in child.pipes.into_iter().enumerate() {
        let Some(fd) = pipe else { continue };
        nonblocking(fd.as_raw_fd());
        if i == 0 && cmd.stdio.first() == Some(&Stdio::Pipe) {
            stdin = Some(fd);
        } else {
            piped.push(Piped {
                fd,
                child_fd: i,
                out: Vec::new(),
                open: true,
            });
        }
    }
    let mut deadline =
        (timeout > 0).then(|| Instant::now() + Duration::from_millis(timeout as u64));
    let mut errno = 0;
    let mut written = 0;
    // The child is killed once: at the timeout or when the output is too large.
    let kill = |why: i32, errno: &mut i32| {
        if *errno == 0 {
            *errno = why;
            // SAFETY: kill(2) with our child's pid.
            unsafe { libc::kill(child.pid, kill_signal) };
        }
    };
    loop {
        if stdin.is_some() && written >= input.len() {
            stdin = None; // EOF for the child's stdin
        }
        let mut fds: Vec<libc::pollfd> = piped
            .iter()
            .filter(|p| p.open)
            .map(|p| libc::pollfd {
                fd: p.fd.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            })
            .collect();
        if let Some(w) = &stdin {
            fds.push(libc::pollfd {
                fd: w.as_raw_fd(),
                events: libc::POLLOUT,
                revents: 0,
            });
        }
        if fds.is_empty() {
            break;
        }
        let wait_ms = match deadline {
            Some(d) => d
                .saturating_duration_since(Instant::now())
                .as_millis()
                .min(i32::MAX as u128) as i32,
            None => -1,
        };
        // SAFETY: fds is a live array of fds.len() pollfds.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, wait_ms) };
        if n == 0 && deadline.is_some() {
            kill(libc::ETIMEDOUT, &mut errno);
            deadline = None; // now wait for the pipes to close
            continue;
        }
        if n < 0 {
            continue; // EINTR
        }
        for pfd in &fds {
            if pfd.revents == 0 {
                continue;
            }
            if stdin.as_ref().is_some_and(|w| w.as_raw_fd() == pfd.fd) {
                // SAFETY: input[written..] is a live slice of that length.
                let r = unsafe {
                    libc::send(
                        pfd.fd,
                        input[written..].as_ptr().cast(),
                        input.len() - written,
                        libc::MSG_NOSIGNAL,
                    )
                };
                if r > 0 {
                    written += r as usize;
                } else if r < 0
                    && std::io::Error::last_os_error().raw_os_error() != Some(libc::EAGAIN)
                {
                    stdin = None; // the child closed its stdin
                }
                continue;
            }
            let Some(p) = piped.iter_mut().find(|p| p.fd.as_raw_fd() == pfd.fd) else {
                continue;
            };
            let mut buf = [0u8; 65536];
            // SAFETY: buf is a local of the length given.
            let r = unsafe { libc::read(pfd.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if r > 0 && errno != libc::ENOBUFS {
                p.out.extend_from_slice(&buf[..r as usize]);
                if p.out.len() as f64 > max_buffer {
                    kill(libc::ENOBUFS, &mut errno);
                }
            } else if r > 0 {
                // Past maxBuffer: drained and dropped until the killed child is gone.
            } else if r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EAGAIN)
            {
                p.open = false;
            }
        }
    }
    let (status, signal) = spawn::reap(child.pid, true).unwrap_or((0, 0));
    let mut items: Vec<Local<Value>> = vec![
        s.number(child.pid as f64),
        if signal != 0 {
            s.null()
        } else {
            s.number(status as f64)
        },
        s.number(signal as f64),
        s.number(-errno as f64),
    ];
    for i in 0..cmd.stdio.len() {
        let out = piped.iter_mut().find(|p| p.child_fd == i).map(|p| {
            let bytes = std::mem::take(&mut p.out);
            let len = bytes.len();
            let ab = s.array_buffer_from_vec(bytes);
            s.uint8_array(ab, 0, len).value()
        });
        items.push(out.unwrap_or_else(|| s.null()));
    }
    a.ret(s.array(&items).value());
}
