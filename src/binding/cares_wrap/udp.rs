//! The resolver's sockets: one connected UDP socket per query try, as a loop
//! handle (kind Udp) that owns its fd and keeps the loop alive until closed.
//! socket(2) and connect(2) run inline (a datagram connect only records the peer);
//! the query is one `Send` op and the answer one `Recv` op into a buffer the op
//! owns, on the ring or through epoll readiness like any socket op; closing the
//! handle cancels what is in flight. Results go to JS as numbers (bytes, -errno) or
//! the datagram's bytes.
use crate::binding::handle_wrap::{handle_arg, handle_fd};
use std::os::fd::RawFd;

use super::args;
use crate::backend::op::{syscall_result, IoBuf, Recv, Send};
use crate::backend::sockaddr::SockAddr;
use crate::backend::{Op, OpBox, SharedFd};
use crate::event_loop::HandleKind;
use crate::runtime::{Finish, Runtime};
use crate::v8::{CallbackArgs, Local, Object, Scope, ValueKind};

/// A query's answer buffer. Queries carry no EDNS0 record, so a server sends at
/// most 512 bytes over UDP and sets TC for more; 4 KiB leaves room for servers
/// that send more anyway, and an answer that fills it is retried over TCP (lib/).
pub const DATAGRAM_MAX: usize = 4096;

/// A non-blocking, close-on-exec UDP socket of `family`.
fn udp_socket(family: i32) -> Result<RawFd, i32> {
    let ty = libc::SOCK_DGRAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC;
    // SAFETY: no pointers.
    let r = syscall_result(unsafe { libc::socket(family, ty, 0) } as i64);
    if r < 0 {
        Err(-r)
    } else {
        Ok(r as RawFd)
    }
}

/// connect(2) of a UDP socket: it records the peer and never waits.
fn connect_now(fd: RawFd, addr: &SockAddr) -> Result<(), i32> {
    let (sa, len) = addr.as_ptr();
    // SAFETY: sa/len describe the live sockaddr `addr` owns.
    let r = syscall_result(unsafe { libc::connect(fd, sa, len) } as i64);
    if r < 0 {
        Err(-r)
    } else {
        Ok(())
    }
}

fn req_arg<'s>(a: &CallbackArgs<'s>, i: usize) -> Option<Local<'s, Object>> {
    a.get(i).to::<Object>(ValueKind::Object)
}

/// udpOpen(family 4|6) -> handle id or -errno. The handle is active (a query in
/// flight keeps the loop alive, as c-ares' sockets do in node).
pub fn open<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let family = if args::int(s, a, 0) == 6 {
        libc::AF_INET6
    } else {
        libc::AF_INET
    };
    match udp_socket(family) {
        Ok(fd) => {
            let lp = &Runtime::get(s).lp;
            let h = lp.handle_open(HandleKind::Udp, Some(SharedFd::owned(fd)));
            lp.handle_set_active(h, true);
            a.ret(s.number(h as f64));
        }
        Err(e) => a.ret(s.number(-e as f64)),
    }
}

/// udpConnect(h, address, port) -> 0 or -errno.
pub fn connect<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let h = handle_arg(s, a, 0);
    let host = a.get(1).to_rust_string(s);
    let port = args::int(s, a, 2) as u16;
    let r = handle_fd(s, h).and_then(|fd| {
        let addr = SockAddr::ip(&host, port).ok_or(libc::EINVAL)?;
        connect_now(fd.raw(), &addr)
    });
    a.ret(s.number(r.map_or_else(|e| -e as f64, |()| 0.0)));
}

/// udpBind(h, address) -> 0 or -errno: the local address queries go from
/// (resolver.setLocalAddress), any port.
pub fn bind<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let h = handle_arg(s, a, 0);
    let host = a.get(1).to_rust_string(s);
    let r = handle_fd(s, h).and_then(|fd| {
        let addr = SockAddr::ip(&host, 0).ok_or(libc::EINVAL)?;
        let (sa, len) = addr.as_ptr();
        // SAFETY: sa/len describe the live sockaddr `addr` owns.
        let r = syscall_result(unsafe { libc::bind(fd.raw(), sa, len) } as i64);
        if r < 0 {
            Err(-r)
        } else {
            Ok(())
        }
    });
    a.ret(s.number(r.map_or_else(|e| -e as f64, |()| 0.0)));
}

/// send(h, req, [buffers]): one datagram; req.oncomplete(null, bytes | -errno).
pub fn send<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let Some(bufs) = args::buffers(s, a.get(2)) else {
        return;
    };
    let Ok(fd) = handle_fd(s, h) else {
        return a.ret(s.number(-libc::EBADF as f64));
    };
    let finish: Finish = Box::new(|s, c| Ok(s.number(c.result as f64)));
    let op = Send::new(fd, bufs);
    Runtime::get(s).submit_handle_request(s, h, req, op.into(), finish);
    a.ret(s.number(0.0));
}

/// recv(h, req): one datagram (at most `maxDatagram` bytes: a longer one is cut);
/// req.oncomplete(null, ArrayBuffer | -errno).
pub fn recv<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let Ok(fd) = handle_fd(s, h) else {
        return a.ret(s.number(-libc::EBADF as f64));
    };
    let finish: Finish = Box::new(|s, c| {
        let n = match c.op.map(OpBox::into_op) {
            Some(Op::Recv(recv)) if c.result >= 0 => {
                let n = c.result as usize;
                let mut bytes = recv.buf.as_slice()[..n].to_vec();
                bytes.shrink_to_fit();
                return Ok(s.array_buffer_from_vec(bytes).value());
            }
            _ => c.result.min(-1),
        };
        Ok(s.number(n as f64))
    });
    let op = Recv {
        fd,
        buf: IoBuf::from_vec(vec![0; DATAGRAM_MAX]),
    };
    Runtime::get(s).submit_handle_request(s, h, req, op.into(), finish);
    a.ret(s.number(0.0));
}

/// close(h, req): cancels the socket's ops; req.oncomplete() in the closing phase.
pub fn close<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some(req) = req_arg(a, 1) {
        Runtime::get(s).close_handle(s, handle_arg(s, a, 0), req);
    }
}
