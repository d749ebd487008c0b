//! internalBinding('udp_wrap'): UDP socket handles for lib/dgram.js, after Node's
//! udp_wrap. A socket is a loop handle (kind Udp) made without an fd; the fd comes
//! at bind (as libuv's lazy socket), of the family bound to. Receiving is one
//! recvmsg in flight at a time, re-armed from JS after each datagram while the
//! socket receives; each send is one sendmsg owning its buffers until its CQE.
//! The handle is active while its receive is in flight, so a receiving socket
//! keeps the loop alive (unless unref'd); a send is a request of its own that
//! keeps the loop alive until it completes; closing cancels both.
//!
//! Results go to JS as numbers (0 / bytes / -errno) and lib/ builds Node's errors.
//! Socket options live in sockopt.rs.
use super::fs::args;
use super::handle_wrap::{self, handle_arg, handle_fd};
use super::set_methods;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::backend::op::{
    parse_datagram, socket, IoBuf, RecvInto, RecvMsg, RecvMsgMulti, SendMsg, RECVMSG_OVERHEAD,
};
use crate::backend::sockaddr::SockAddr;
use crate::backend::{Completion, Op, SharedFd};
use crate::event_loop::{HandleId, HandleKind};
use crate::runtime::{Finish, Runtime};
use crate::v8::{CallbackArgs, Local, Object, Scope, Value, ValueKind};

mod sockopt;

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "create" => create,
            "bind" => bind,
            "open" => open,
            "fd" => fd_number,
            "connect" => connect,
            "disconnect" => disconnect,
            "send" => send,
            "recvStart" => recv_start,
            "recvStop" => recv_stop,
            "close" => close,
            "ref" => handle_wrap::set_ref,
            "localAddress" => handle_wrap::local_address,
            "remoteAddress" => handle_wrap::remote_address,
            "setBroadcast" => sockopt::set_broadcast,
            "setTTL" => sockopt::set_ttl,
            "setMulticastTTL" => sockopt::set_multicast_ttl,
            "setMulticastLoopback" => sockopt::set_multicast_loopback,
            "setMulticastInterface" => sockopt::set_multicast_interface,
            "membership" => sockopt::membership,
            "sourceMembership" => sockopt::source_membership,
            "bufferSize" => sockopt::buffer_size,
        ],
    );
}

/// The provided-buffer group datagrams land in: its own, each buffer room for
/// the largest UDP payload (65,527 bytes over IPv6) after the header and sender
/// a multishot recvmsg puts first. Touched only as used.
const DGRAM_GROUP: u16 = crate::binding::buffer_groups::DGRAM;
const DGRAM_BUFFERS: u16 = 128;
const DGRAM_BUF_SIZE: usize = 65_536 + 64;
const _: () = assert!(DGRAM_BUF_SIZE - RECVMSG_OVERHEAD >= 65_527);

/// Cleared when the kernel refuses multishot recvmsg (EINVAL: before 6.0); then
/// one recvmsg per datagram.
static RECVMSG_MULTISHOT: AtomicBool = AtomicBool::new(true);

fn ret_result(s: &Scope, a: &CallbackArgs, r: Result<(), i32>) {
    a.ret(s.number(r.map_or_else(|e| -e as f64, |()| 0.0)));
}

/// The numeric (host, port) at arguments i, i+1.
fn address(s: &Scope, a: &CallbackArgs, i: usize) -> Result<SockAddr, i32> {
    let host = a.get(i).to_rust_string(s);
    SockAddr::ip(&host, args::int(s, a, i + 1) as u16).ok_or(libc::EINVAL)
}

/// The handle's fd, or a new socket of `family` given to the handle first.
fn fd_or_open(s: &Scope, h: HandleId, family: i32) -> Result<SharedFd, i32> {
    if let Ok(fd) = handle_fd(s, h) {
        return Ok(fd);
    }
    let fd = SharedFd::owned(socket::dgram_socket(family)?);
    Runtime::get(s).lp.handle_set_fd(h, fd.clone());
    // A closing handle takes no fd: dropping ours closes the socket.
    handle_fd(s, h)
}

/// create() -> a handle id (no socket yet).
fn create<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let h = Runtime::get(s).lp.handle_open(HandleKind::Udp, None);
    a.ret(s.number(h as f64));
}

/// bind(h, host, port, reuseAddr, ipv6Only) -> 0 or -errno. Makes the socket, of
/// the address's family.
fn bind<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let h = handle_arg(s, a, 0);
    let (reuse, v6only) = (a.get(3).boolean(s), a.get(4).boolean(s));
    let r = address(s, a, 1).and_then(|addr| {
        let fd = fd_or_open(s, h, addr.family())?;
        socket::bind_dgram(fd.raw(), &addr, reuse, v6only)
    });
    ret_result(s, a, r);
}

/// open(h, fd) -> 0 or -errno: the handle takes `fd`, a datagram socket the
/// process has (received over IPC, or bind({ fd })), already bound. The handle
/// owns it from here; lib/ checked its type with guessHandleType.
fn open<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let h = handle_arg(s, a, 0);
    let fd = args::int(s, a, 1);
    if !(0..=i32::MAX as i64).contains(&fd) {
        return ret_result(s, a, Err(libc::EBADF));
    }
    if handle_fd(s, h).is_ok() {
        return ret_result(s, a, Err(libc::EEXIST));
    }
    let fd = fd as i32;
    // As libuv opens a socket: its ops must never block the loop.
    // SAFETY: fcntl on an fd with integer arguments only.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return ret_result(s, a, Err(libc::EBADF));
    }
    // SAFETY: as above.
    unsafe { libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) };
    Runtime::get(s).lp.handle_set_fd(h, SharedFd::owned(fd));
    ret_result(s, a, handle_fd(s, h).map(|_| ()));
}

/// fd(h) -> the handle's fd, or -1 before bind (and once closing).
fn fd_number<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let fd = handle_fd(s, handle_arg(s, a, 0)).map_or(-1, |fd| fd.raw());
    a.ret(s.number(fd as f64));
}

/// connect(h, host, port) -> 0 or -errno: the default peer (never waits).
fn connect<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let h = handle_arg(s, a, 0);
    let r = address(s, a, 1).and_then(|addr| {
        let fd = handle_fd(s, h)?;
        socket::connect_dgram(fd.raw(), Some(&addr))
    });
    ret_result(s, a, r);
}

/// disconnect(h) -> 0 or -errno.
fn disconnect<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| socket::connect_dgram(fd.raw(), None));
    ret_result(s, a, r);
}

/// send(h, req, [buffers], host?, port?) -> 0 (req.oncomplete(null, bytes |
/// -errno) follows) or -errno at once. Without host: on the connected socket.
fn send<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = a.get(1).to::<Object>(ValueKind::Object) else {
        return;
    };
    let h = handle_arg(s, a, 0);
    let Some(bufs) = args::buffers(s, a.get(2)) else {
        return;
    };
    let to = if a.get(3).is(ValueKind::String) {
        match address(s, a, 3) {
            Ok(addr) => Some(addr),
            Err(e) => return a.ret(s.number(-e as f64)),
        }
    } else {
        None
    };
    let fd = match handle_fd(s, h) {
        Ok(fd) => fd,
        Err(e) => return a.ret(s.number(-e as f64)),
    };
    let op = SendMsg::new(fd, bufs, to);
    let finish: Finish = Box::new(|s, c| Ok(s.number(c.result as f64)));
    // A plain request, not a handle op: a send keeps the loop alive even on an
    // unref'd socket (libuv counts send requests so). Closing still cancels it
    // (by fd), and the fd stays open until its completion, which holds a clone.
    Runtime::get(s).submit_request(s, req, op.into(), finish);
    a.ret(s.number(0.0));
}

/// recvStart(h, req, single) -> the receive's request id (for recvStop), or -errno.
/// req.oncomplete(null, [ArrayBuffer, address, family, port, more] | -errno) per
/// datagram; after a completion without `more` (an error is always one) lib/
/// starts it again while the socket receives. One multishot recvmsg when the
/// kernel has it, else one recvmsg per datagram; always one per datagram with
/// `single` (a socket other processes read too: what this one takes from the
/// kernel is lost to them if it stops before delivering it). -ENOBUFS (every
/// provided buffer lent) means: start again, nothing was lost.
fn recv_start<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = a.get(1).to::<Object>(ValueKind::Object) else {
        return;
    };
    let h = handle_arg(s, a, 0);
    let rt = Runtime::get(s);
    let fd = match handle_fd(s, h) {
        Ok(fd) => fd,
        Err(e) => return a.ret(s.number(-e as f64)),
    };
    let size = DGRAM_BUF_SIZE as u32;
    let op: Op = if !rt
        .lp
        .ensure_buffers(DGRAM_GROUP, DGRAM_BUFFERS, DGRAM_BUF_SIZE)
    {
        RecvMsg::new(
            fd,
            RecvInto::Owned(IoBuf::from_vec(vec![0; DGRAM_BUF_SIZE])),
        )
        .into()
    } else if RECVMSG_MULTISHOT.load(Ordering::Relaxed) && !a.get(2).boolean(s) {
        RecvMsgMulti::new(fd, DGRAM_GROUP, size).into()
    } else {
        RecvMsg::new(fd, RecvInto::Group(DGRAM_GROUP, size)).into()
    };
    let id = rt.submit_handle_request(s, h, req, op, Box::new(recv_done));
    a.ret(s.number(id as f64));
}

fn bytes_to_js<'s>(s: &Scope<'s>, bytes: &[u8]) -> Local<'s, Value> {
    let ab = s.array_buffer_uninit(bytes.len());
    if !bytes.is_empty() {
        // SAFETY: the new ArrayBuffer has exactly bytes.len() writable bytes, and the
        // source is another allocation.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), ab.data(), bytes.len()) };
    }
    ab.value()
}

/// A datagram as JS sees it: its bytes copied into an ArrayBuffer V8 allocates,
/// and the sender. A provided buffer goes back to its group at once.
fn recv_done<'s>(s: &Scope<'s>, c: Completion) -> Result<Local<'s, Value>, Local<'s, Value>> {
    let result = c.result;
    if result == -libc::EINVAL && matches!(c.op.as_deref(), Some(Op::RecvMsgMulti(_))) {
        // A kernel without multishot recvmsg: one recvmsg per datagram from now on.
        RECVMSG_MULTISHOT.store(false, Ordering::Relaxed);
        return Ok(s.number(-libc::EAGAIN as f64));
    }
    let n = result.max(0) as usize;
    let lp = &Runtime::get(s).lp;
    // (bytes, sender); a buffer taken is given back whatever the result.
    let got = match (c.op.as_deref(), c.buffer_id()) {
        (Some(Op::RecvMsg(recv)), bid) => {
            let data = match (recv.group(), bid.or(recv.bid)) {
                (Some(group), Some(bid)) => {
                    Some(lp.take_buffer(group, bid, n, |b| bytes_to_js(s, b)))
                }
                (None, _) => recv.owned_bytes(n).map(|b| bytes_to_js(s, b)),
                (Some(_), None) if result == 0 => Some(bytes_to_js(s, &[])),
                _ => None,
            };
            data.map(|d| (d, recv.source().endpoint()))
        }
        (_, Some(bid)) => lp.take_buffer(DGRAM_GROUP, bid, n, |b| {
            parse_datagram(b).map(|(from, payload, _)| (bytes_to_js(s, payload), from.endpoint()))
        }),
        _ => None,
    };
    if result < 0 {
        return Ok(s.number(result as f64));
    }
    let Some((data, from)) = got else {
        return Ok(s.number(-libc::EIO as f64));
    };
    let items = [
        data,
        s.string(&from.address).value(),
        s.string(from.family).value(),
        s.number(from.port as f64),
        s.boolean(c.more),
    ];
    Ok(s.array(&items).value())
}

/// recvStop(h, id): cancels receive request `id` (it completes with -ECANCELED,
/// or with the datagram if that came first).
fn recv_stop<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = args::int(s, a, 1);
    if id >= 0 {
        Runtime::get(s).cancel_request(id as u64);
    }
}

/// close(h, req): cancels the handle's ops; req.oncomplete() in the closing phase,
/// after the last of them completed and the fd was closed.
fn close<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(req) = a.get(1).to::<Object>(ValueKind::Object) {
        Runtime::get(s).close_handle(s, handle_arg(s, a, 0), req);
    }
}
