//! internalBinding('tcp_wrap'): TCP and Unix-socket (pipe) stream handles for
//! lib/net.js, after Node's tcp_wrap/pipe_wrap. A socket is a loop handle (kind Tcp
//! or Pipe) that owns its fd; every op on it (accept, connect, recv, send,
//! shutdown) goes through the backend as a handle op, so closing the handle cancels
//! them, the fd is released after their last completion, and the close callback
//! runs in the closing phase. A stream handle is active while it has ops in flight.
//!
//! Results go to JS as numbers (0 / bytes / a new handle id, or -errno), and lib/
//! builds Node's errors from them (it knows the address and port to name).
use super::fs::args;
use super::set_methods;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::backend::op::{
    socket, Accept, Connect, IoBuf, Recv, RecvMulti, RecvSelect, Send, Shutdown,
};
use crate::backend::sockaddr::SockAddr;
use crate::backend::{Completion, Op, SharedFd};
use crate::event_loop::{HandleId, HandleKind};
use crate::runtime::{Finish, Runtime};
use crate::v8::{CallbackArgs, Local, Object, Scope, Value, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "open" => open,
            "bind" => bind,
            "listen" => listen,
            "accept" => accept,
            "connect" => connect,
            "readStart" => read_start,
            "readStop" => read_stop,
            "write" => write,
            "shutdown" => shutdown,
            "close" => close,
            "ref" => set_ref,
            "localAddress" => local_address,
            "remoteAddress" => remote_address,
            "setNoDelay" => set_no_delay,
            "setKeepAlive" => set_keep_alive,
            "setLingerZero" => set_linger_zero,
        ],
    );
}

/// One recv's buffer: what a socket read gets at most per completion.
const READ_SIZE: usize = 64 * 1024;
/// The provided-buffer group every socket reads from (docs/net.md): buffers are
/// taken only when data arrives and given back as soon as it is copied out, so
/// idle sockets hold no read memory. 128 × 64 KiB, touched only as used.
const READ_GROUP: u16 = 1;
const READ_BUFFERS: u16 = 128;

fn handle_arg(s: &Scope, a: &CallbackArgs, i: usize) -> HandleId {
    args::int(s, a, i).max(0) as HandleId
}

fn req_arg<'s>(a: &CallbackArgs<'s>, i: usize) -> Option<Local<'s, Object>> {
    a.get(i).to::<Object>(ValueKind::Object)
}

fn ret_result(s: &Scope, a: &CallbackArgs, r: Result<(), i32>) {
    a.ret(s.number(r.map_or_else(|e| -e as f64, |()| 0.0)));
}

/// Finishes that hand JS the raw result (bytes, fd-less 0, or -errno).
fn number_finish() -> Finish {
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

fn handle_fd(s: &Scope, h: HandleId) -> Result<SharedFd, i32> {
    Runtime::get(s).lp.handle_fd(h).ok_or(libc::EBADF)
}

/// bind(h, pipe, host|path, port, ipv6Only) -> 0 or -errno.
fn bind<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let pipe = a.get(1).boolean(s);
    let v6only = a.get(4).boolean(s);
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| {
        let addr = address(s, a, pipe, 2).ok_or(libc::EINVAL)?;
        socket::bind(fd.raw(), &addr, v6only)
    });
    ret_result(s, a, r);
}

/// listen(h, backlog) -> 0 or -errno.
fn listen<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let backlog = args::int(s, a, 1).clamp(0, i32::MAX as i64) as i32;
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| socket::listen(fd.raw(), backlog));
    ret_result(s, a, r);
}

/// accept(h, req, pipe): multishot; req.oncomplete(null, [newHandle | -errno,
/// ended]) per connection; `ended` on the last one (after close, an error, or the
/// kernel ending the multishot), when lib/ re-arms it if still listening.
fn accept<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let kind = if a.get(2).boolean(s) {
        HandleKind::Pipe
    } else {
        HandleKind::Tcp
    };
    let Ok(fd) = handle_fd(s, h) else {
        return a.ret(s.number(-libc::EBADF as f64));
    };
    let finish: Finish = Box::new(move |s, c| {
        let ended = s.boolean(!c.more);
        let conn = if c.result < 0 {
            c.result as f64
        } else {
            let conn = SharedFd::owned(c.result);
            let lp = &Runtime::get(s).lp;
            if lp.handle_fd(h).is_none() {
                // Accepted as the listener closed: dropping it closes it.
                -libc::ECANCELED as f64
            } else {
                lp.handle_open(kind, Some(conn)) as f64
            }
        };
        Ok(s.array(&[s.number(conn), ended]).value())
    });
    let op = Accept {
        fd,
        multishot: true,
    };
    Runtime::get(s).submit_handle_request(s, h, req, op.into(), finish);
    a.ret(s.number(0.0));
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

/// Whether the kernel takes IORING_RECV_MULTISHOT (6.0+): cleared at the first
/// -EINVAL from one, and sockets read one recv at a time from then on.
static RECV_MULTISHOT: AtomicBool = AtomicBool::new(true);

/// readStart(h, req) -> request id (for readStop) or -errno: reads until stopped.
/// req.oncomplete(null, ArrayBuffer | null at EOF | -errno, more) per arrival;
/// `more` false on the read's last completion, after which lib/ starts it again
/// if it still wants data. One multishot recv when the kernel has it, else one
/// recv per completion. -ENOBUFS (every provided buffer lent) means: start again,
/// nothing was lost.
fn read_start<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let rt = Runtime::get(s);
    let Ok(fd) = handle_fd(s, h) else {
        return a.ret(s.number(-libc::EBADF as f64));
    };
    let op: Op = if !rt.lp.ensure_buffers(READ_GROUP, READ_BUFFERS, READ_SIZE) {
        let buf = IoBuf::from_vec(vec![0; READ_SIZE]);
        Recv { fd, buf }.into()
    } else if RECV_MULTISHOT.load(Ordering::Relaxed) {
        RecvMulti::new(fd, READ_GROUP, READ_SIZE as u32).into()
    } else {
        RecvSelect::new(fd, READ_GROUP, READ_SIZE as u32).into()
    };
    let id = rt.submit_handle_request(s, h, req, op, Box::new(read_done));
    a.ret(s.number(id as f64));
}

/// readStop(requestId): cancels a read started by readStart; what already arrived
/// is still delivered, and its last completion (-ECANCELED) follows.
fn read_stop<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = args::int(s, a, 0);
    if id >= 0 {
        Runtime::get(s).cancel_request(id as u64);
    }
}

/// A read's completion as JS sees it. The bytes are copied into an ArrayBuffer V8
/// allocates (so its GC counts them); a provided buffer goes back to its group.
fn read_done<'s>(s: &Scope<'s>, c: Completion) -> Result<Local<'s, Value>, Local<'s, Value>> {
    let n = c.result.max(0) as usize;
    let to_js = |bytes: &[u8]| -> Local<'s, Value> {
        let ab = s.array_buffer(bytes.len());
        if !bytes.is_empty() {
            // SAFETY: the new ArrayBuffer has exactly bytes.len() writable bytes, and
            // the source is another allocation.
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), ab.data(), bytes.len()) };
        }
        ab.value()
    };
    let data = match (c.buffer_id(), &c.op) {
        (Some(bid), _) => Runtime::get(s)
            .lp
            .take_buffer(READ_GROUP, bid, n, |b| (n > 0).then(|| to_js(b))),
        (None, Some(Op::Recv(recv))) if n > 0 => Some(to_js(&recv.buf.as_slice()[..n])),
        _ => None,
    };
    if c.result == -libc::EINVAL && matches!(c.op, Some(Op::RecvMulti(_))) {
        // A kernel without multishot recv: single reads from now on.
        RECV_MULTISHOT.store(false, Ordering::Relaxed);
        return Ok(s.number(-libc::EAGAIN as f64));
    }
    Ok(match (c.result, data) {
        (r, _) if r < 0 => s.number(r as f64),
        (0, _) => s.null(),
        (_, Some(ab)) => ab,
        _ => s.number(-libc::EIO as f64),
    })
}

/// write(h, req, [buffers]): one send of them all, in order; req.oncomplete(null,
/// bytes sent | -errno). A short count is lib/'s to resubmit the rest of.
fn write<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let Some(bufs) = args::buffers(s, a.get(2)) else {
        return;
    };
    let Ok(fd) = handle_fd(s, h) else {
        return a.ret(s.number(-libc::EBADF as f64));
    };
    let op = Send::new(fd, bufs);
    Runtime::get(s).submit_handle_request(s, h, req, op.into(), number_finish());
    a.ret(s.number(0.0));
}

/// shutdown(h, req): SHUT_WR; req.oncomplete(null, 0 | -errno).
fn shutdown<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let Ok(fd) = handle_fd(s, h) else {
        return a.ret(s.number(-libc::EBADF as f64));
    };
    let op = Shutdown {
        fd,
        how: libc::SHUT_WR,
    };
    Runtime::get(s).submit_handle_request(s, h, req, op.into(), number_finish());
    a.ret(s.number(0.0));
}

/// close(h, req): cancels the handle's ops; req.oncomplete() in the closing phase,
/// after the last of them completed and the fd was closed.
fn close<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(req) = req_arg(a, 1) {
        Runtime::get(s).close_handle(s, handle_arg(s, a, 0), req);
    }
}

/// ref(h, referenced): socket.ref() / unref().
fn set_ref<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let referenced = a.get(1).boolean(s);
    Runtime::get(s)
        .lp
        .handle_set_ref(handle_arg(s, a, 0), referenced);
}

/// [address, family, port] of a read address, or -errno.
fn endpoint<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>, peer: bool) -> Local<'s, Value> {
    let mut addr = SockAddr::empty();
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| {
        if peer {
            addr.read_peer(fd.raw())
        } else {
            addr.read_local(fd.raw())
        }
    });
    if let Err(e) = r {
        return s.number(-e as f64);
    }
    let e = addr.endpoint();
    let items = [
        s.string(&e.address).value(),
        s.string(e.family).value(),
        s.number(e.port as f64),
    ];
    s.array(&items).value()
}

fn local_address<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    a.ret(endpoint(s, a, false));
}

fn remote_address<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    a.ret(endpoint(s, a, true));
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
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| {
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
