//! getaddrinfo(3) and getnameinfo(3), run on the work pool (they read
//! /etc/hosts and may ask a DNS server, for seconds). Errors come back as libuv's
//! codes (UV_EAI_*), which lib/ turns into Node's errors (ENOTFOUND for a name
//! that does not exist, as node reports EAI_NONAME and EAI_NODATA).
use std::ffi::CStr;
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::backend::sockaddr::SockAddr;

/// UV_EAI_NONAME: what a name that cannot be looked up gives.
pub const EAI_NONAME_UV: i32 = -3008;

/// glibc's EAI_ADDRFAMILY and EAI_NODATA (GNU extensions the libc crate leaves out).
const EAI_ADDRFAMILY: i32 = -9;
const EAI_NODATA: i32 = -5;

/// glibc's EAI_* (negative) as the numbers node reports in err.errno; EAI_SYSTEM as -errno.
fn node_errno(eai: i32) -> i32 {
    match eai {
        EAI_ADDRFAMILY => -3000,
        libc::EAI_AGAIN => -3001,
        libc::EAI_BADFLAGS => -3002,
        libc::EAI_FAIL => -3004,
        libc::EAI_FAMILY => -3005,
        libc::EAI_MEMORY => -3006,
        EAI_NODATA => -3007,
        libc::EAI_NONAME => EAI_NONAME_UV,
        libc::EAI_OVERFLOW => -3009,
        libc::EAI_SERVICE => -3010,
        libc::EAI_SOCKTYPE => -3011,
        libc::EAI_SYSTEM => -std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EIO),
        _ => -3004,
    }
}

/// Every address getaddrinfo gives for `host` (as text, with family 4 or 6), in
/// its order. One per address: the hints ask for stream sockets only, as libuv's
/// callers in node do.
pub fn lookup(host: &CStr, family: i32, flags: i32) -> Result<Vec<(String, u8)>, i32> {
    // SAFETY: addrinfo is plain data; zero is "no preference" for every field.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = match family {
        4 => libc::AF_INET,
        6 => libc::AF_INET6,
        _ => libc::AF_UNSPEC,
    };
    hints.ai_socktype = libc::SOCK_STREAM;
    hints.ai_flags = flags;
    let mut list: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: host is NUL-terminated, hints is a local, list receives the result.
    let r = unsafe { libc::getaddrinfo(host.as_ptr(), std::ptr::null(), &hints, &mut list) };
    if r != 0 {
        return Err(node_errno(r));
    }
    let mut out = Vec::new();
    let mut cur = list;
    while !cur.is_null() {
        // SAFETY: cur is a node of the list getaddrinfo returned, freed below.
        let ai = unsafe { &*cur };
        match ai.ai_family {
            libc::AF_INET => {
                // SAFETY: an AF_INET node's address is a sockaddr_in.
                let sin = unsafe { &*ai.ai_addr.cast::<libc::sockaddr_in>() };
                out.push((
                    Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr)).to_string(),
                    4,
                ));
            }
            libc::AF_INET6 => {
                // SAFETY: an AF_INET6 node's address is a sockaddr_in6.
                let sin6 = unsafe { &*ai.ai_addr.cast::<libc::sockaddr_in6>() };
                out.push((Ipv6Addr::from(sin6.sin6_addr.s6_addr).to_string(), 6));
            }
            _ => {}
        }
        cur = ai.ai_next;
    }
    // SAFETY: the list came from getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(list) };
    Ok(out)
}

/// (host name, service name) of an address and port, as node asks: the name is
/// required (NI_NAMEREQD), the service is /etc/services' name or the number.
pub fn name_of(addr: &SockAddr) -> Result<(String, String), i32> {
    let mut host = [0 as libc::c_char; libc::NI_MAXHOST as usize];
    let mut service = [0 as libc::c_char; 32];
    let (sa, len) = addr.as_ptr();
    // SAFETY: sa/len describe a live sockaddr; the buffers are locals of the sizes given.
    let r = unsafe {
        libc::getnameinfo(
            sa,
            len,
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            service.as_mut_ptr(),
            service.len() as libc::socklen_t,
            libc::NI_NAMEREQD,
        )
    };
    if r != 0 {
        return Err(node_errno(r));
    }
    let text = |b: &[libc::c_char]| {
        // SAFETY: getnameinfo NUL-terminated both buffers.
        unsafe { CStr::from_ptr(b.as_ptr()) }
            .to_string_lossy()
            .into_owned()
    };
    Ok((text(&host), text(&service)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CString;

    #[test]
    fn numeric_hosts_need_no_resolver() {
        let host = CString::new("127.0.0.1").unwrap();
        let flags = libc::AI_NUMERICHOST;
        assert_eq!(
            lookup(&host, 0, flags).unwrap(),
            [("127.0.0.1".to_string(), 4)]
        );
        let host = CString::new("::1").unwrap();
        assert_eq!(lookup(&host, 6, flags).unwrap(), [("::1".to_string(), 6)]);
        // A numeric v4 address asked for as v6 is no answer (not a DNS query).
        let host = CString::new("127.0.0.1").unwrap();
        assert!(lookup(&host, 6, flags).is_err());
    }

    #[test]
    fn eai_codes_are_libuvs() {
        assert_eq!(node_errno(libc::EAI_NONAME), -3008);
        assert_eq!(node_errno(libc::EAI_AGAIN), -3001);
        assert_eq!(node_errno(EAI_NODATA), -3007);
    }
}
