//! UDP socket options for dgram's setters: broadcast, TTLs, multicast (loopback,
//! interface, membership, source-specific membership) and buffer sizes. Each is
//! one setsockopt(2) on the loop thread, choosing the IPv4 or IPv6 option by the
//! socket's family, with libuv's range checks so JS sees the same EINVALs as node.
//! Membership on a socket not bound yet binds it first to any address and port 0
//! (libuv's deferred bind), so dropMembership's EADDRNOTAVAIL comes from the kernel.
use std::net::{IpAddr, Ipv4Addr};
use std::os::fd::RawFd;

use super::{args, fd_or_open, handle_arg, handle_fd, ret_result};
use crate::backend::op::socket;
use crate::backend::sockaddr::SockAddr;
use crate::v8::{CallbackArgs, Scope, ValueKind};

/// The socket's family (AF_INET or AF_INET6), read from its own address.
fn family(fd: RawFd) -> Result<i32, i32> {
    let mut addr = SockAddr::empty();
    addr.read_local(fd)?;
    Ok(addr.family())
}

/// An int option with an IPv4 and an IPv6 name, picked by the socket's family.
fn set_by_family(s: &Scope, a: &CallbackArgs, v4: i32, v6: i32, value: i32) -> Result<(), i32> {
    let fd = handle_fd(s, handle_arg(s, a, 0))?.raw();
    if family(fd)? == libc::AF_INET6 {
        socket::set_int(fd, libc::IPPROTO_IPV6, v6, value)
    } else {
        socket::set_int(fd, libc::IPPROTO_IP, v4, value)
    }
}

/// The int argument i, EINVAL outside lo..=hi.
fn ranged(s: &Scope, a: &CallbackArgs, i: usize, lo: i64, hi: i64) -> Result<i32, i32> {
    let v = args::int(s, a, i);
    if (lo..=hi).contains(&v) {
        Ok(v as i32)
    } else {
        Err(libc::EINVAL)
    }
}

/// setBroadcast(h, on) -> 0 or -errno.
pub fn set_broadcast<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let on = i32::from(a.get(1).boolean(s));
    let r = handle_fd(s, handle_arg(s, a, 0))
        .and_then(|fd| socket::set_int(fd.raw(), libc::SOL_SOCKET, libc::SO_BROADCAST, on));
    ret_result(s, a, r);
}

/// setTTL(h, ttl 1..255) -> 0 or -errno.
pub fn set_ttl<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let r = ranged(s, a, 1, 1, 255)
        .and_then(|ttl| set_by_family(s, a, libc::IP_TTL, libc::IPV6_UNICAST_HOPS, ttl));
    ret_result(s, a, r);
}

/// setMulticastTTL(h, ttl 0..255) -> 0 or -errno.
pub fn set_multicast_ttl<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let r = ranged(s, a, 1, 0, 255).and_then(|ttl| {
        set_by_family(s, a, libc::IP_MULTICAST_TTL, libc::IPV6_MULTICAST_HOPS, ttl)
    });
    ret_result(s, a, r);
}

/// setMulticastLoopback(h, on) -> 0 or -errno.
pub fn set_multicast_loopback<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let on = i32::from(a.get(1).boolean(s));
    let r = set_by_family(s, a, libc::IP_MULTICAST_LOOP, libc::IPV6_MULTICAST_LOOP, on);
    ret_result(s, a, r);
}

fn ipv4(text: &str) -> Option<Ipv4Addr> {
    text.parse().ok()
}

fn in_addr(ip: Ipv4Addr) -> libc::in_addr {
    libc::in_addr {
        s_addr: u32::from(ip).to_be(),
    }
}

/// An IPv6 address argument (with an optional %scope) as a sockaddr_in6.
fn ipv6(text: &str) -> Option<SockAddr> {
    let host = text.split_once('%').map_or(text, |(h, _)| h);
    match host.parse::<IpAddr>() {
        Ok(IpAddr::V6(_)) => SockAddr::ip(text, 0),
        _ => None,
    }
}

/// setMulticastInterface(h, address) -> 0 or -errno: an IPv4 address, or an IPv6
/// one whose scope names the interface.
pub fn set_multicast_interface<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let text = a.get(1).to_rust_string(s);
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| {
        let fd = fd.raw();
        if let Some(v4) = ipv4(&text) {
            socket::set_opt(fd, libc::IPPROTO_IP, libc::IP_MULTICAST_IF, &in_addr(v4))
        } else if let Some(v6) = ipv6(&text) {
            let index = v6.scope_id() as i32;
            socket::set_int(fd, libc::IPPROTO_IPV6, libc::IPV6_MULTICAST_IF, index)
        } else {
            Err(libc::EINVAL)
        }
    });
    ret_result(s, a, r);
}

/// The socket for a membership change: the handle's, or (not bound yet) a new one
/// bound to any address of `family`, port 0, as libuv binds before joining.
fn member_fd(s: &Scope, a: &CallbackArgs, family: i32) -> Result<RawFd, i32> {
    if let Ok(fd) = handle_fd(s, handle_arg(s, a, 0)) {
        return Ok(fd.raw());
    }
    let fd = fd_or_open(s, handle_arg(s, a, 0), family)?;
    let any = if family == libc::AF_INET6 {
        "::"
    } else {
        "0.0.0.0"
    };
    let addr = SockAddr::ip(any, 0).ok_or(libc::EINVAL)?;
    socket::bind_dgram(fd.raw(), &addr, true, false)?;
    Ok(fd.raw())
}

/// The optional interface argument i: None when undefined or null.
fn optional_text(s: &Scope, a: &CallbackArgs, i: usize) -> Option<String> {
    let v = a.get(i);
    (!v.is(ValueKind::Undefined) && !v.is(ValueKind::Null)).then(|| v.to_rust_string(s))
}

/// A membership's IPv4 interface: any (0.0.0.0) when none is named, EINVAL for
/// text that is not an IPv4 address.
fn ipv4_interface(iface: Option<&str>) -> Result<Ipv4Addr, i32> {
    match iface.map(ipv4) {
        None => Ok(Ipv4Addr::UNSPECIFIED),
        Some(Some(ip)) => Ok(ip),
        Some(None) => Err(libc::EINVAL),
    }
}

/// membership(h, join, group, interface?) -> 0 or -errno: add/dropMembership.
pub fn membership<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let join = a.get(1).boolean(s);
    let group = a.get(2).to_rust_string(s);
    let iface = optional_text(s, a, 3);
    let r = if let Some(g4) = ipv4(&group) {
        ipv4_interface(iface.as_deref()).and_then(|iface| {
            let fd = member_fd(s, a, libc::AF_INET)?;
            let mreq = libc::ip_mreq {
                imr_multiaddr: in_addr(g4),
                imr_interface: in_addr(iface),
            };
            let name = if join {
                libc::IP_ADD_MEMBERSHIP
            } else {
                libc::IP_DROP_MEMBERSHIP
            };
            socket::set_opt(fd, libc::IPPROTO_IP, name, &mreq)
        })
    } else if let Some(g6) = ipv6(&group) {
        let index = match iface.as_deref().map(ipv6) {
            None => Ok(0),
            Some(Some(ip)) => Ok(ip.scope_id()),
            Some(None) => Err(libc::EINVAL),
        };
        index.and_then(|index| {
            let fd = member_fd(s, a, libc::AF_INET6)?;
            let IpAddr::V6(ip) = g6.endpoint().address.parse().map_err(|_| libc::EINVAL)? else {
                return Err(libc::EINVAL);
            };
            let mreq = libc::ipv6_mreq {
                ipv6mr_multiaddr: libc::in6_addr {
                    s6_addr: ip.octets(),
                },
                ipv6mr_interface: index,
            };
            let name = if join {
                libc::IPV6_ADD_MEMBERSHIP
            } else {
                libc::IPV6_DROP_MEMBERSHIP
            };
            socket::set_opt(fd, libc::IPPROTO_IPV6, name, &mreq)
        })
    } else {
        Err(libc::EINVAL)
    };
    ret_result(s, a, r);
}

/// The sockaddr_storage a group_source_req carries.
fn storage_of(addr: &SockAddr) -> libc::sockaddr_storage {
    let (ptr, len) = addr.as_ptr();
    // SAFETY: all-zero is a valid sockaddr_storage.
    let mut st: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    // SAFETY: ptr holds len (<= sizeof storage) readable bytes; st is another object.
    unsafe { std::ptr::copy_nonoverlapping(ptr.cast::<u8>(), (&raw mut st).cast(), len as usize) };
    st
}

/// sourceMembership(h, join, source, group, interface?) -> 0 or -errno:
/// add/dropSourceSpecificMembership.
pub fn source_membership<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let join = a.get(1).boolean(s);
    let (source, group) = (a.get(2).to_rust_string(s), a.get(3).to_rust_string(s));
    let iface = optional_text(s, a, 4);
    let r = match (ipv4(&source), ipv4(&group)) {
        (Some(src), Some(g4)) => ipv4_interface(iface.as_deref()).and_then(|iface| {
            let fd = member_fd(s, a, libc::AF_INET)?;
            let mreq = libc::ip_mreq_source {
                imr_multiaddr: in_addr(g4),
                imr_interface: in_addr(iface),
                imr_sourceaddr: in_addr(src),
            };
            let name = if join {
                libc::IP_ADD_SOURCE_MEMBERSHIP
            } else {
                libc::IP_DROP_SOURCE_MEMBERSHIP
            };
            socket::set_opt(fd, libc::IPPROTO_IP, name, &mreq)
        }),
        _ => match (ipv6(&source), ipv6(&group)) {
            (Some(src), Some(g6)) => {
                let index = match iface.as_deref().map(ipv6) {
                    None => Ok(0),
                    Some(Some(ip)) => Ok(ip.scope_id()),
                    Some(None) => Err(libc::EINVAL),
                };
                index.and_then(|index| {
                    let fd = member_fd(s, a, libc::AF_INET6)?;
                    let req = libc::group_source_req {
                        gsr_interface: index,
                        gsr_group: storage_of(&g6),
                        gsr_source: storage_of(&src),
                    };
                    let name = if join {
                        libc::MCAST_JOIN_SOURCE_GROUP
                    } else {
                        libc::MCAST_LEAVE_SOURCE_GROUP
                    };
                    socket::set_opt(fd, libc::IPPROTO_IPV6, name, &req)
                })
            }
            _ => Err(libc::EINVAL),
        },
    };
    ret_result(s, a, r);
}

/// bufferSize(h, size, recv) -> the size (size 0: read it) or -errno. As libuv:
/// a set returns the size asked for; a read returns what the kernel reports
/// (Linux doubles what was set, for its bookkeeping).
pub fn buffer_size<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    // JS checked it is a uint32; past INT_MAX it is no C int, and node says EINVAL.
    let Ok(size) = i32::try_from(args::int(s, a, 1).max(0)) else {
        return a.ret(s.number(-libc::EINVAL as f64));
    };
    let name = if a.get(2).boolean(s) {
        libc::SO_RCVBUF
    } else {
        libc::SO_SNDBUF
    };
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| {
        if size == 0 {
            socket::get_int(fd.raw(), libc::SOL_SOCKET, name)
        } else {
            socket::set_int(fd.raw(), libc::SOL_SOCKET, name, size).map(|()| size)
        }
    });
    a.ret(s.number(r.map_or_else(|e| -e as f64, f64::from)));
}
