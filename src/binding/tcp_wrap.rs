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
use super::{set_methods, stream_wrap};
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::backend::op::{socket, Accept, Connect, IoBuf, Read, Recv, RecvMulti, RecvSelect};
use crate::backend::sockaddr::SockAddr;
use crate::backend::{Completion, Op, SharedFd};
use crate::event_loop::{HandleId, HandleKind};
use crate::runtime::{Finish, Runtime};
use crate::v8::{
    Array, BackingStore, CallbackArgs, ErrorKind, Global, Local, Object, Scope, Value, ValueKind,
};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "open" => open,
            "openFd" => open_fd,
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
            "setReadInfo" => set_read_info,
            "fd" => fd_number,
        ],
    );
}

/// setReadInfo(Float64Array(2)): where read completions leave [offset, length].
fn set_read_info<'s>(_s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some((ab, offset, 16)) = a.get(0).view() {
        READ_INFO.with(|info| *info.borrow_mut() = Some((ab.backing_store(), offset)));
    }
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

/// readStart(h, req, plain) -> request id (for readStop) or -errno: reads until
/// stopped (a `plain` fd, a pipe or a terminal: one read(2) op per completion).
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
    let op: Op = if a.get(2).boolean(s) {
        // A buffer of its own, read when the fd is readable.
        let buf = IoBuf::from_vec(vec![0; READ_SIZE]);
        Read {
            fd,
            buf,
            pos: None,
            stream: true,
        }
        .into()
    } else if !rt.lp.ensure_buffers(READ_GROUP, READ_BUFFERS, READ_SIZE) {
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

/// Received chunks up to this size are copied into a shared slab (below); larger
/// ones get an ArrayBuffer of their own.
const SLAB_CHUNK_MAX: usize = 8 * 1024;
const SLAB_SIZE: usize = 64 * 1024;

/// Small received chunks are copied side by side into one 64 KiB ArrayBuffer and
/// handed to JS as views of it, as node's Buffer pool does for small allocations:
/// a new V8 ArrayBuffer (a backing store, its registration, its sweeping) costs
/// more than the rest of a small read. A chunk kept alive keeps its slab alive.
struct ReadSlab {
    ab: Global,
    /// Keeps the memory allocated and in place whatever JS does with the buffer.
    store: BackingStore,
    used: usize,
}

thread_local! {
    static SLAB: RefCell<Option<ReadSlab>> = const { RefCell::new(None) };
    /// [offset, length] of the last chunk within the ArrayBuffer read_done returned.
    static READ_INFO: RefCell<Option<(BackingStore, usize)>> = const { RefCell::new(None) };
}

/// Copies `bytes` into JS memory: an ArrayBuffer, with readInfo = [offset, length].
fn to_js<'s>(s: &Scope<'s>, bytes: &[u8]) -> Local<'s, Value> {
    let len = bytes.len();
    let (ab, offset) = if len <= SLAB_CHUNK_MAX {
        SLAB.with(|slab| {
            let mut slab = slab.borrow_mut();
            if slab.as_ref().is_none_or(|sl| sl.used + len > SLAB_SIZE) {
                let ab = s.array_buffer(SLAB_SIZE);
                *slab = Some(ReadSlab {
                    ab: Global::new(s, ab.value()),
                    store: ab.backing_store(),
                    used: 0,
                });
            }
            let sl = slab.as_mut().expect("just made");
            let offset = sl.used;
            // SAFETY: offset + len <= SLAB_SIZE, the store's length; the store is
            // another allocation than `bytes`.
            unsafe {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), sl.store.data().add(offset), len)
            };
            sl.used = (offset + len + 7) & !7;
            (sl.ab.get(s), offset)
        })
    } else {
        let ab = s.array_buffer(len);
        // SAFETY: the new ArrayBuffer has exactly len writable bytes.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), ab.data(), len) };
        (ab.value(), 0)
    };
    READ_INFO.with(|info| {
        if let Some((store, at)) = &*info.borrow() {
            // SAFETY: setReadInfo checked a 16-byte view at `at` of this store.
            unsafe {
                let p = store.data().add(*at).cast::<f64>();
                p.write_unaligned(offset as f64);
                p.add(1).write_unaligned(len as f64);
            }
        }
    });
    ab
}

/// A read's completion as JS sees it: the bytes copied into JS memory (`to_js`);
/// a provided buffer goes back to its group at once.
fn read_done<'s>(s: &Scope<'s>, c: Completion) -> Result<Local<'s, Value>, Local<'s, Value>> {
    let n = c.result.max(0) as usize;
    let to_js = |bytes: &[u8]| to_js(s, bytes);
    let data = match (c.buffer_id(), &c.op) {
        (Some(bid), _) => Runtime::get(s)
            .lp
            .take_buffer(READ_GROUP, bid, n, |b| (n > 0).then(|| to_js(b))),
        (None, Some(Op::Recv(recv))) if n > 0 => Some(to_js(&recv.buf.as_slice()[..n])),
        (None, Some(Op::Read(read))) if n > 0 => Some(to_js(&read.buf.as_slice()[..n])),
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

/// write(h, req, [buffers]) -> 0 (taken: go on), 1 (taken; the queue is full:
/// req.oncomplete(null, 0 | -errno) when it has drained) or -errno. The socket's
/// write queue (stream_wrap) sends them in order.
fn write<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let Some(list) = a.get(2).to::<Array>(ValueKind::Array) else {
        return s.throw_error(
            ErrorKind::TypeError,
            "The \"buffers\" argument must be an Array",
        );
    };
    let fd_ok = Runtime::get(s).lp.handle_fd(h).is_some();
    a.ret(s.number(stream_wrap::write(s, h, fd_ok, req, list) as f64));
}

/// shutdown(h, req) -> 0 or -errno: SHUT_WR after the queued writes;
/// req.oncomplete(null, 0 | -errno).
fn shutdown<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    a.ret(s.number(stream_wrap::shutdown(s, h, req) as f64));
}

/// close(h, req): cancels the handle's ops; req.oncomplete() in the closing phase,
/// after the last of them completed and the fd was closed.
fn close<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(req) = req_arg(a, 1) {
        let h = handle_arg(s, a, 0);
        stream_wrap::close(h);
        Runtime::get(s).close_handle(s, h, req);
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
