//! internalBinding('tcp_wrap'): TCP and Unix-socket (pipe) stream handles for
//! lib/net.js, after Node's tcp_wrap/pipe_wrap. A socket is a loop handle (kind Tcp
//! or Pipe) that owns its fd; every op on it (accept, connect, recv, send,
//! shutdown) goes through the backend as a handle op, so closing the handle cancels
//! them, the fd is released after their last completion, and the close callback
//! runs in the closing phase. A stream handle is active while it has ops in flight.
//!
//! A handle can also wrap an fd the process already has (`openFd`: stdio, `new
//! net.Socket({fd})`): a socket, or a pipe or a terminal, which are not sockets,
//! so JS passes `plain` to readStart and their writes go out as writev(2).
//!
//! Results go to JS as numbers (0 / bytes / a new handle id, or -errno), and lib/
//! builds Node's errors from them (it knows the address and port to name).
use super::fs::args;
use super::handle_wrap::{self, handle_arg, handle_fd};
use super::{set_methods, stream_wrap};

mod ipc;
mod read;
pub(crate) use read::copy_to_js;
mod slab;

use crate::backend::op::{socket, Accept, Connect, Poll};
use crate::backend::sockaddr::SockAddr;
use crate::backend::{Op, SharedFd};
use crate::event_loop::HandleKind;
use crate::runtime::{Finish, Runtime};
use crate::v8::{CallbackArgs, ErrorKind, Local, Object, Scope, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "open" => open,
            "openFd" => open_fd,
            "bind" => bind,
            "listen" => listen,
            "stopListening" => stop_listening,
            "accept" => accept,
            "connect" => connect,
            "readStart" => read::read_start,
            "readStop" => read::read_stop,
            "write" => write,
            "writeString" => write_string,
            "shutdown" => shutdown,
            "close" => close,
            "ref" => handle_wrap::set_ref,
            "localAddress" => handle_wrap::local_address,
            "remoteAddress" => handle_wrap::remote_address,
            "setNoDelay" => set_no_delay,
            "setKeepAlive" => set_keep_alive,
            "setLingerZero" => set_linger_zero,
            "setReadInfo" => read::set_read_info,
            "fd" => fd_number,
            "flush" => ipc::flush,
            "sendHandle" => ipc::send_handle,
            "setIpc" => ipc::set_ipc,
            "takeFds" => ipc::take_fds,
        ],
    );
}

pub(super) fn req_arg<'s>(a: &CallbackArgs<'s>, i: usize) -> Option<Local<'s, Object>> {
    a.get(i).to::<Object>(ValueKind::Object)
}

fn ret_result(s: &Scope, a: &CallbackArgs, r: Result<(), i32>) {
    a.ret(s.number(r.map_or_else(|e| -e as f64, |()| 0.0)));
}

/// Finishes that hand JS the raw result (bytes, fd-less 0, or -errno).
pub(super) fn number_finish() -> Finish {
    Box::new(|s, c| Ok(s.number(c.result as f64)))
}

/// The address arguments at i.. : (host, port) for TCP, (path) for a pipe.
fn address(s: &Scope, a: &CallbackArgs, pipe: bool, i: usize) -> Option<SockAddr> {
    if pipe {
        let v = a.get(i);
        let bytes = match v.view_bytes() {
            Some(b) => b.to_vec(),
            None => v.to_rust_string(s).into_bytes(),
        };
        return SockAddr::unix(&bytes);
    }
    let host = a.get(i).to_rust_string(s);
    SockAddr::ip(&host, args::int(s, a, i + 1) as u16)
}

/// open(family: 4 | 6 | 0 for Unix) -> handle id, or -errno.
fn open<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let (family, kind) = match args::int(s, a, 0) {
        4 => (libc::AF_INET, HandleKind::Tcp),
        6 => (libc::AF_INET6, HandleKind::Tcp),
        _ => (libc::AF_UNIX, HandleKind::Pipe),
    };
    match socket::stream_socket(family) {
        Ok(fd) => {
            let h = Runtime::get(s)
                .lp
                .handle_open(kind, Some(SharedFd::owned(fd)));
            a.ret(s.number(h as f64));
        }
        Err(e) => a.ret(s.number(-e as f64)),
    }
}

/// openFd(fd, owned) -> [handle id, type] or -errno: a stream handle over an fd
/// the process has; type is 'tcp', 'pipe' (a Unix socket) or 'plain' (a pipe, a
/// terminal). An fd that is not `owned` (stdio) is never closed by the handle.
fn open_fd<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let fd = args::int(s, a, 0);
    let owned = a.get(1).boolean(s);
    if !(0..=i32::MAX as i64).contains(&fd) {
        return a.ret(s.number(-libc::EBADF as f64));
    }
    let fd = fd as i32;
    let kind = match socket_family(fd) {
        Err(e) => return a.ret(s.number(-e as f64)),
        Ok(Some(libc::AF_INET | libc::AF_INET6)) => "tcp",
        Ok(Some(_)) => "pipe",
        Ok(None) => "plain",
    };
    if owned {
        // As libuv opens a stream fd: its writes must never block the loop.
        // SAFETY: fcntl on an fd with integer arguments only.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
    }
    let shared = if owned {
        SharedFd::owned(fd)
    } else {
        SharedFd::borrowed(fd)
    };
    let handle_kind = if kind == "tcp" {
        HandleKind::Tcp
    } else {
        HandleKind::Pipe
    };
    let h = Runtime::get(s).lp.handle_open(handle_kind, Some(shared));
    if kind == "plain" {
        stream_wrap::set_plain(h);
    }
    a.ret(
        s.array(&[s.number(h as f64), s.string(kind).value()])
            .value(),
    );
}

/// Some(address family) for a socket, None for another kind of file, or errno.
fn socket_family(fd: i32) -> Result<Option<i32>, i32> {
    // SAFETY: st is plain data that fstat fills in.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: st is a valid, writable stat buffer.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EBADF));
    }
    if st.st_mode & libc::S_IFMT != libc::S_IFSOCK {
        return Ok(None);
    }
    let mut addr = SockAddr::empty();
    Ok(Some(match addr.read_local(fd) {
        Ok(()) => addr.family(),
        Err(_) => libc::AF_UNIX,
    }))
}

/// fd(h) -> the handle's fd number (node's handle.fd), or -1 once closing.
fn fd_number<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let fd = handle_fd(s, handle_arg(s, a, 0)).map_or(-1, |fd| fd.raw());
    a.ret(s.number(fd as f64));
}

/// bind(h, pipe, host|path, port, ipv6Only, reusePort) -> 0 or -errno.
fn bind<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let pipe = a.get(1).boolean(s);
    let v6only = a.get(4).boolean(s);
    let reuse_port = a.get(5).boolean(s);
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| {
        let addr = address(s, a, pipe, 2).ok_or(libc::EINVAL)?;
        socket::bind(fd.raw(), &addr, v6only, reuse_port)
    });
    ret_result(s, a, r);
}

/// listen(h, backlog) -> 0 or -errno.
fn listen<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let backlog = args::int(s, a, 1).clamp(0, i32::MAX as i64) as i32;
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| socket::listen(fd.raw(), backlog));
    ret_result(s, a, r);
}

/// stopListening(h): the listener refuses connections from now on, as node's
/// does once close() has closed its fd: coil's fd stays open until the ring has
/// cancelled the accept, and a connection the kernel took meanwhile would be
/// reset (ECONNRESET) where node's client is refused (ECONNREFUSED). SHUT_RD
/// takes a TCP socket out of LISTEN and makes a Unix one refuse; it acts on the
/// socket, not the fd, so lib/ calls it only for a socket no other process holds.
fn stop_listening<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Ok(fd) = handle_fd(s, handle_arg(s, a, 0)) {
        // SAFETY: fd is the handle's open socket; shutdown(2) touches no memory.
        unsafe { libc::shutdown(fd.raw(), libc::SHUT_RD) };
    }
}

/// accept(h, req, pipe, shared) -> request id (for cancelling) or -errno.
/// req.oncomplete(null, [ended, newHandle | -errno, ...]) per completion; `ended`
/// on the last one (after close, an error, or the kernel ending it), when lib/
/// re-arms it if still listening.
///
/// A listener of our own takes a multishot accept. A listener whose socket other
/// processes share (inherited, or passed over IPC) takes a multishot poll and
/// accept4(2) until EAGAIN instead: io_uring arms its accepts as exclusive
/// waiters, and when one process cancels an accept that a connection had just
/// woken, no other waiter is woken for it — the connection would sit in the
/// backlog. A plain poll wakes every process, as epoll does.
fn accept<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let kind = if a.get(2).boolean(s) {
        HandleKind::Pipe
    } else {
        HandleKind::Tcp
    };
    let shared = a.get(3).boolean(s);
    let Ok(fd) = handle_fd(s, h) else {
        return a.ret(s.number(-libc::EBADF as f64));
    };
    let listener = fd.raw();
    let finish: Finish = Box::new(move |s, c| {
        let mut items = vec![s.boolean(!c.more)];
        let lp = &Runtime::get(s).lp;
        let mut take = |conn: i32| {
            let conn = SharedFd::owned_by_ring(conn);
            let id = if lp.handle_fd(h).is_none() {
                // Accepted as the listener closed: dropping it closes it.
                -libc::ECANCELED as f64
            } else {
                lp.handle_open(kind, Some(conn)) as f64
            };
            items.push(s.number(id));
        };
        if c.result < 0 {
            items.push(s.number(c.result as f64));
        } else if shared {
            // Readable: take what is there; another process may have won it.
            let yield_between = single_accept();
            // Until EAGAIN: the poll fires again only when another connection
            // arrives, so none may be left behind.
            loop {
                match socket::accept_now(listener) {
                    Ok(conn) => take(conn),
                    Err(libc::EINTR | libc::ECONNABORTED) => continue,
                    Err(_) => break,
                }
                if yield_between {
                    give_others_a_turn();
                }
            }
        } else {
            take(c.result);
        }
        Ok(s.array(&items).value())
    });
    let op: Op = if shared {
        Poll {
            fd,
            events: libc::POLLIN,
            multishot: true,
        }
        .into()
    } else {
        Accept {
            fd,
            multishot: true,
        }
        .into()
    };
    let id = Runtime::get(s).submit_handle_request(s, h, req, op, finish);
    a.ret(s.number(id as f64));
}

/// Whether UV_TCP_SINGLE_ACCEPT asks (a nonzero integer, as libuv reads it, once)
/// that a shared listener pause after each connection it accepts, so that the
/// other processes woken for the same socket get some: without it, the one that
/// wakes first drains the backlog and the shares are lopsided (docs/cluster.md).
fn single_accept() -> bool {
    static SINGLE_ACCEPT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *SINGLE_ACCEPT.get_or_init(|| {
        let value = std::env::var("UV_TCP_SINGLE_ACCEPT").unwrap_or_default();
        let value = value.trim_start();
        let digits = value.strip_prefix(['+', '-']).unwrap_or(value);
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        digits[..end].bytes().any(|b| b != b'0')
    })
}

/// Sleeps the shortest time the kernel offers (1 ns asked; timer slack makes it
/// tens of microseconds): the scheduler runs whoever else is waiting.
fn give_others_a_turn() {
    let pause = libc::timespec {
        tv_sec: 0,
        tv_nsec: 1,
    };
    // SAFETY: pause is a live timespec; no remainder is asked for.
    unsafe { libc::nanosleep(&pause, std::ptr::null_mut()) };
}

/// connect(h, req, pipe, host|path, port) -> 0 (req.oncomplete(null, 0 | -errno)
/// follows) or -errno at once (a bad address).
fn connect<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let pipe = a.get(2).boolean(s);
    let r = handle_fd(s, h).and_then(|fd| {
        let addr = address(s, a, pipe, 3).ok_or(libc::EINVAL)?;
        Ok(Connect::new(fd, addr))
    });
    match r {
        Ok(op) => {
            Runtime::get(s).submit_handle_request(s, h, req, op.into(), number_finish());
            a.ret(s.number(0.0));
        }
        Err(e) => a.ret(s.number(-e as f64)),
    }
}

/// write(h, req, buffer | [buffers]) -> 0 (taken: go on), 1 (taken; the queue is full:
/// req.oncomplete(null, 0 | -errno) when it has drained) or -errno. The socket's
/// write queue (stream_wrap) sends them in order.
fn write<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let data = a.get(2);
    if !data.is(ValueKind::Array) && !data.is(ValueKind::ArrayBufferView) {
        return s.throw_error(
            ErrorKind::TypeError,
            "The \"buffers\" argument must be an Array or an ArrayBufferView",
        );
    }
    let fd = Runtime::get(s).lp.handle_raw_fd(h);
    a.ret(s.number(stream_wrap::write(s, h, fd, req, data) as f64));
}

/// writeString(h, req, string, latin1[, more, more2, more3, sized]) -> -errno, or the
/// bytes taken times two plus 1 when the queue is full (then as `write`). For
/// strings of at most 1,024 characters (all pieces together): encoded into the
/// write queue with no Buffer made for them; the pieces after `string` (strings,
/// or undefined) follow it, so a caller need not join them (V8 flattens a joined
/// string, a copy, before encoding it). `sized`: `more` is a chunk of chunked
/// coding, written after its size line.
fn write_string<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let mut pieces = [None; 4];
    pieces[0] = a.get(2).to::<crate::v8::String>(ValueKind::String);
    if pieces[0].is_none() {
        return s.throw_error(
            ErrorKind::TypeError,
            "The \"string\" argument must be a string",
        );
    }
    for (i, piece) in pieces.iter_mut().enumerate().skip(1) {
        *piece = a.get(i + 3).to::<crate::v8::String>(ValueKind::String);
    }
    if pieces.iter().flatten().map(|p| p.len()).sum::<usize>() > 1024 {
        return s.throw_error(ErrorKind::RangeError, "The \"string\" argument is too long");
    }
    let latin1 = a.get(3).boolean(s);
    let sized = a.get(7).boolean(s);
    let fd_ok = Runtime::get(s).lp.handle_raw_fd(h).is_some();
    let r = stream_wrap::write_string(s, h, fd_ok, req, &pieces, latin1, sized);
    // At most a few KiB times two: an int32.
    a.ret_i32(r as i32);
}

/// shutdown(h, req) -> 0 or -errno: SHUT_WR after the queued writes;
/// req.oncomplete(null, 0 | -errno).
fn shutdown<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    a.ret(s.number(stream_wrap::shutdown(s, h, req) as f64));
}

/// close(h, req, now): cancels the handle's ops; req.oncomplete() in the closing
/// phase, after the last of them completed and the fd was closed — or, with `now`
/// (a connected socket's destroy()), in this turn's closing phase, as node's
/// 'close' comes, while the cancelled ops finish behind it.
fn close<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(req) = req_arg(a, 1) {
        let h = handle_arg(s, a, 0);
        let now = a.get(2).boolean(s);
        // Not an IPC channel: a cluster primary's kill() disconnects, then signals
        // the worker on the next tick, and a worker that read the end first
        // exits 0 instead of by the signal (node's race, which node's timing wins).
        if now && !ipc::is_channel(h) {
            stream_wrap::sever(h, Runtime::get(s).lp.handle_raw_fd(h));
        }
        stream_wrap::close(h);
        ipc::forget(h);
        crate::binding::http_parser::consume::handle_closed(h);
        if now {
            Runtime::get(s).close_stream_handle(s, h, req);
        } else {
            Runtime::get(s).close_handle(s, h, req);
        }
    }
}

/// setNoDelay(h, on) -> 0 or -errno.
fn set_no_delay<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let on = i32::from(a.get(1).boolean(s));
    let r = handle_fd(s, handle_arg(s, a, 0))
        .and_then(|fd| socket::set_int(fd.raw(), libc::IPPROTO_TCP, libc::TCP_NODELAY, on));
    ret_result(s, a, r);
}

/// setKeepAlive(h, on, initialDelaySeconds) -> 0 or -errno.
fn set_keep_alive<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let on = a.get(1).boolean(s);
    let delay = args::int(s, a, 2).clamp(0, i32::MAX as i64) as i32;
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| {
        let fd = fd.raw();
        socket::set_int(fd, libc::SOL_SOCKET, libc::SO_KEEPALIVE, i32::from(on))?;
        if on && delay > 0 {
            socket::set_int(fd, libc::IPPROTO_TCP, libc::TCP_KEEPIDLE, delay)?;
        }
        Ok(())
    });
    ret_result(s, a, r);
}

/// setLingerZero(h) -> 0 or -errno: SO_LINGER {on, 0}, so closing sends a RST
/// (socket.resetAndDestroy()).
fn set_linger_zero<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let h = handle_arg(s, a, 0);
    stream_wrap::set_resets(h);
    let r = handle_fd(s, h).and_then(|fd| {
        let linger = libc::linger {
            l_onoff: 1,
            l_linger: 0,
        };
        let len = std::mem::size_of::<libc::linger>() as libc::socklen_t;
        // SAFETY: linger is a local of the size given.
        let r = unsafe {
            libc::setsockopt(
                fd.raw(),
                libc::SOL_SOCKET,
                libc::SO_LINGER,
                (&raw const linger).cast(),
                len,
            )
        };
        if r < 0 {
            Err(-crate::backend::op::syscall_result(-1))
        } else {
            Ok(())
        }
    });
    ret_result(s, a, r);
}
