//! Socket addresses as the kernel takes them (sockaddr_in / _in6 / _un in one
//! sockaddr_storage), built from what JS gives (a numeric IP and a port, or a
//! path) and read back for address() / remoteAddress. Ops that pass an address to
//! the kernel own a `SockAddr` for as long as the kernel may read it.
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::os::fd::RawFd;

pub struct SockAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

/// An address as JS sees it: (address, family, port); Unix sockets: (path, "", 0).
pub struct Endpoint {
    pub address: String,
    pub family: &'static str,
    pub port: u16,
}

/// An interface's index from its name (`eth0`), 0 when there is none.
fn if_index(name: &str) -> u32 {
    let Ok(name) = std::ffi::CString::new(name) else {
        return 0;
    };
    // SAFETY: a NUL-terminated string alive for the call.
    unsafe { libc::if_nametoindex(name.as_ptr()) }
}

/// An interface's name from its index (`eth0`), or the number when it has none.
fn if_name(index: u32) -> String {
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    // SAFETY: buf has IF_NAMESIZE bytes, as if_indextoname requires.
    let p = unsafe { libc::if_indextoname(index, buf.as_mut_ptr()) };
    if p.is_null() {
        return index.to_string();
    }
    // SAFETY: on success buf holds a NUL-terminated name.
    unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned()
}

impl SockAddr {
    pub fn empty() -> SockAddr {
        SockAddr {
            // SAFETY: sockaddr_storage is plain data; zero is AF_UNSPEC.
            storage: unsafe { std::mem::zeroed() },
            len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }

    /// A numeric IPv4/IPv6 address (IPv6 may carry a %scope id) and a port.
    pub fn ip(host: &str, port: u16) -> Option<SockAddr> {
        let (host, scope) = match host.split_once('%') {
            Some((h, s)) => (h, s.parse::<u32>().unwrap_or_else(|_| if_index(s))),
            None => (host, 0),
        };
        let ip: IpAddr = host.parse().ok()?;
        let mut a = SockAddr::empty();
        match ip {
            IpAddr::V4(v4) => {
                // SAFETY: sockaddr_storage is large and aligned enough for sockaddr_in.
                let sin = unsafe { &mut *(&raw mut a.storage).cast::<libc::sockaddr_in>() };
                sin.sin_family = libc::AF_INET as libc::sa_family_t;
                sin.sin_port = port.to_be();
                sin.sin_addr.s_addr = u32::from(v4).to_be();
                a.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
            }
            IpAddr::V6(v6) => {
                // SAFETY: sockaddr_storage is large and aligned enough for sockaddr_in6.
                let sin6 = unsafe { &mut *(&raw mut a.storage).cast::<libc::sockaddr_in6>() };
                sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                sin6.sin6_port = port.to_be();
                sin6.sin6_addr.s6_addr = v6.octets();
                sin6.sin6_scope_id = scope;
                a.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            }
        }
        Some(a)
    }

    /// A Unix socket path (a leading NUL names an abstract socket); None if too long.
    pub fn unix(path: &[u8]) -> Option<SockAddr> {
        let mut a = SockAddr::empty();
        // SAFETY: sockaddr_storage is large and aligned enough for sockaddr_un.
        let sun = unsafe { &mut *(&raw mut a.storage).cast::<libc::sockaddr_un>() };
        if path.is_empty() || path.len() >= sun.sun_path.len() {
            return None;
        }
        sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
        for (d, s) in sun.sun_path.iter_mut().zip(path) {
            *d = *s as libc::c_char;
        }
        let base = std::mem::offset_of!(libc::sockaddr_un, sun_path);
        let nul = usize::from(path[0] != 0);
        a.len = (base + path.len() + nul) as libc::socklen_t;
        Some(a)
    }

    pub fn family(&self) -> i32 {
        self.storage.ss_family as i32
    }

    /// An address the kernel wrote into a buffer (a multishot recvmsg's name field).
    pub fn from_bytes(bytes: &[u8]) -> Option<SockAddr> {
        let mut a = SockAddr::empty();
        if bytes.len() > std::mem::size_of::<libc::sockaddr_storage>() {
            return None;
        }
        // SAFETY: bytes fits in the storage (checked); the two do not overlap.
        unsafe {
            std::ptr::copy_nonoverlapping(
                bytes.as_ptr(),
                (&raw mut a.storage).cast::<u8>(),
                bytes.len(),
            )
        };
        a.len = bytes.len() as libc::socklen_t;
        Some(a)
    }

    /// Room for the kernel to write an address into: (storage, its capacity). The
    /// family written tells `endpoint` what it holds.
    pub fn storage_mut(&mut self) -> (*mut libc::sockaddr, libc::socklen_t) {
        self.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        ((&raw mut self.storage).cast(), self.len)
    }

    /// The IPv6 scope id (an interface index) of an IPv6 address, else 0.
    pub fn scope_id(&self) -> u32 {
        if self.family() != libc::AF_INET6 {
            return 0;
        }
        // SAFETY: the family says the storage holds a sockaddr_in6.
        unsafe { (*(&raw const self.storage).cast::<libc::sockaddr_in6>()).sin6_scope_id }
    }

    pub fn as_ptr(&self) -> (*const libc::sockaddr, libc::socklen_t) {
        ((&raw const self.storage).cast(), self.len)
    }

    /// getsockname(2) into self; Err(errno).
    pub fn read_local(&mut self, fd: RawFd) -> Result<(), i32> {
        self.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: storage/len are ours and sized as the kernel is told.
        let r = unsafe { libc::getsockname(fd, (&raw mut self.storage).cast(), &mut self.len) };
        if r < 0 {
            Err(-super::op::syscall_result(-1))
        } else {
            Ok(())
        }
    }

    /// getpeername(2) into self; Err(errno).
    pub fn read_peer(&mut self, fd: RawFd) -> Result<(), i32> {
        self.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: storage/len are ours and sized as the kernel is told.
        let r = unsafe { libc::getpeername(fd, (&raw mut self.storage).cast(), &mut self.len) };
        if r < 0 {
            Err(-super::op::syscall_result(-1))
        } else {
            Ok(())
        }
    }

    pub fn endpoint(&self) -> Endpoint {
        match self.family() {
            libc::AF_INET => {
                // SAFETY: the family says the storage holds a sockaddr_in.
                let sin = unsafe { &*(&raw const self.storage).cast::<libc::sockaddr_in>() };
                Endpoint {
                    address: Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr)).to_string(),
                    family: "IPv4",
                    port: u16::from_be(sin.sin_port),
                }
            }
            libc::AF_INET6 => {
                // SAFETY: the family says the storage holds a sockaddr_in6.
                let sin6 = unsafe { &*(&raw const self.storage).cast::<libc::sockaddr_in6>() };
                let mut address = Ipv6Addr::from(sin6.sin6_addr.s6_addr).to_string();
                if sin6.sin6_scope_id != 0 {
                    // A link-local peer names its interface, as node shows it: %eth0.
                    address.push('%');
                    address.push_str(&if_name(sin6.sin6_scope_id));
                }
                Endpoint {
                    address,
                    family: "IPv6",
                    port: u16::from_be(sin6.sin6_port),
                }
            }
            _ => {
                // SAFETY: anything else read back here is a sockaddr_un (or unset).
                let sun = unsafe { &*(&raw const self.storage).cast::<libc::sockaddr_un>() };
                let base = std::mem::offset_of!(libc::sockaddr_un, sun_path);
                let n = (self.len as usize)
                    .saturating_sub(base)
                    .min(sun.sun_path.len());
                let bytes: Vec<u8> = sun.sun_path[..n].iter().map(|c| *c as u8).collect();
                let end = if bytes.first() == Some(&0) {
                    bytes.len()
                } else {
                    bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len())
                };
                Endpoint {
                    address: String::from_utf8_lossy(&bytes[..end]).into_owned(),
                    family: "",
                    port: 0,
                }
            }
        }
    }
}
