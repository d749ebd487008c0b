//! The socket calls that never wait: socket(2), bind(2), listen(2), setsockopt(2),
//! and a datagram socket's connect(2) (it only records the peer).
//! They run inline on the loop thread on both drivers (IORING_OP_BIND/LISTEN exist
//! from 6.11, but a synchronous answer is what net's listen() needs: EADDRINUSE is
//! reported from the call). Each returns Ok or Err(errno).
use std::os::fd::RawFd;

use super::buf::syscall_result;
use crate::backend::sockaddr::SockAddr;

fn check(r: i64) -> Result<i64, i32> {
    let r = syscall_result(r);
    if r < 0 {
        Err(-r)
    } else {
        Ok(r as i64)
    }
}

/// A non-blocking, close-on-exec stream socket of `family` (AF_INET, AF_INET6, AF_UNIX).
pub fn stream_socket(family: i32) -> Result<RawFd, i32> {
    let ty = libc::SOCK_STREAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC;
    // SAFETY: no pointers.
    check(unsafe { libc::socket(family, ty, 0) } as i64).map(|fd| fd as RawFd)
}

/// A non-blocking, close-on-exec datagram socket of `family` (AF_INET, AF_INET6).
pub fn dgram_socket(family: i32) -> Result<RawFd, i32> {
    let ty = libc::SOCK_DGRAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC;
    // SAFETY: no pointers.
    check(unsafe { libc::socket(family, ty, 0) } as i64).map(|fd| fd as RawFd)
}

/// bind(2) of a datagram socket: SO_REUSEADDR only when asked (two UDP sockets
/// with it may share a port), IPV6_V6ONLY as asked.
pub fn bind_dgram(
    fd: RawFd,
    addr: &SockAddr,
    reuse_addr: bool,
    ipv6_only: bool,
) -> Result<(), i32> {
    if reuse_addr {
        set_int(fd, libc::SOL_SOCKET, libc::SO_REUSEADDR, 1)?;
    }
    if addr.family() == libc::AF_INET6 && ipv6_only {
        set_int(fd, libc::IPPROTO_IPV6, libc::IPV6_V6ONLY, 1)?;
    }
    let (ptr, len) = addr.as_ptr();
    // SAFETY: ptr/len describe addr, alive for the call.
    check(unsafe { libc::bind(fd, ptr, len) } as i64).map(drop)
}

/// connect(2) of a datagram socket (sets its default peer; never waits), or with
/// None, dissolves the association (AF_UNSPEC).
pub fn connect_dgram(fd: RawFd, addr: Option<&SockAddr>) -> Result<(), i32> {
    let unspec = SockAddr::empty();
    let (ptr, len) = match addr {
        Some(a) => a.as_ptr(),
        None => (
            unspec.as_ptr().0,
            std::mem::size_of::<libc::sockaddr>() as libc::socklen_t,
        ),
    };
    // SAFETY: ptr/len describe an address alive for the call.
    let r = check(unsafe { libc::connect(fd, ptr, len) } as i64).map(drop);
    // Linux may answer a dissolve with EAFNOSUPPORT; the association is gone.
    match (addr, r) {
        (None, Err(libc::EAFNOSUPPORT)) => Ok(()),
        (_, r) => r,
    }
}

/// bind(2); TCP listeners get SO_REUSEADDR first, as libuv sets it, and
/// SO_REUSEPORT when asked (cluster's reusePort mode: a listener per process on
/// one port, the kernel balancing connections among them).
pub fn bind(fd: RawFd, addr: &SockAddr, ipv6_only: bool, reuse_port: bool) -> Result<(), i32> {
    if addr.family() != libc::AF_UNIX {
        set_int(fd, libc::SOL_SOCKET, libc::SO_REUSEADDR, 1)?;
        if reuse_port {
            set_int(fd, libc::SOL_SOCKET, libc::SO_REUSEPORT, 1)?;
        }
    }
    if addr.family() == libc::AF_INET6 {
        set_int(
            fd,
            libc::IPPROTO_IPV6,
            libc::IPV6_V6ONLY,
            i32::from(ipv6_only),
        )?;
    }
    let (ptr, len) = addr.as_ptr();
    // SAFETY: ptr/len describe addr, alive for the call.
    check(unsafe { libc::bind(fd, ptr, len) } as i64).map(drop)
}

pub fn listen(fd: RawFd, backlog: i32) -> Result<(), i32> {
    // SAFETY: no pointers.
    check(unsafe { libc::listen(fd, backlog) } as i64).map(drop)
}

/// setsockopt(2) of any plain-data option value (ip_mreq, ...).
pub fn set_opt<T>(fd: RawFd, level: i32, name: i32, value: &T) -> Result<(), i32> {
    let len = std::mem::size_of::<T>() as libc::socklen_t;
    // SAFETY: value is a live T of the size given; the kernel only reads it.
    check(unsafe { libc::setsockopt(fd, level, name, (value as *const T).cast(), len) } as i64)
        .map(drop)
}

/// getsockopt(2) of an int option (SO_RCVBUF, ...).
pub fn get_int(fd: RawFd, level: i32, name: i32) -> Result<i32, i32> {
    let mut value: i32 = 0;
    let mut len = std::mem::size_of::<i32>() as libc::socklen_t;
    // SAFETY: value and len are locals of the sizes given.
    check(unsafe { libc::getsockopt(fd, level, name, (&raw mut value).cast(), &mut len) } as i64)?;
    Ok(value)
}

/// setsockopt(2) of an int option (TCP_NODELAY, SO_KEEPALIVE, ...).
pub fn set_int(fd: RawFd, level: i32, name: i32, value: i32) -> Result<(), i32> {
    let len = std::mem::size_of::<i32>() as libc::socklen_t;
    // SAFETY: value is a local int of the size given.
    check(unsafe { libc::setsockopt(fd, level, name, (&raw const value).cast(), len) } as i64)
        .map(drop)
}

/// accept4(2) now, non-blocking: a new fd (close-on-exec, non-blocking), or errno
/// (EAGAIN when nothing is waiting).
pub fn accept_now(listener: RawFd) -> Result<RawFd, i32> {
    let flags = libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK;
    // SAFETY: no address is asked for (both pointers null).
    let fd = unsafe { libc::accept4(listener, std::ptr::null_mut(), std::ptr::null_mut(), flags) };
    if fd < 0 {
        Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EIO))
    } else {
        Ok(fd)
    }
}
