//! internalBinding('os'): host facts for lib/os.js, read the way libuv reads them on
//! Linux (uname, /proc, sysinfo, getifaddrs, getpwuid_r) so the numbers agree with
//! Node's. Failures return a positive errno (a number) where a result was expected;
//! lib/os.js turns it into ERR_SYSTEM_ERROR.
use super::set_methods;
use crate::v8::{CallbackArgs, Local, Object, Scope, Value};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "getHostname" => get_hostname,
            "getOSInformation" => get_os_information,
            "getUptime" => get_uptime,
            "getLoadAvg" => get_load_avg,
            "getTotalMem" => get_total_mem,
            "getFreeMem" => get_free_mem,
            "getCPUs" => get_cpus,
            "getAvailableParallelism" => get_available_parallelism,
            "getHomeDirectory" => get_home_directory,
            "getUserInfo" => get_user_info,
            "getInterfaceAddresses" => get_interface_addresses,
            "getPriority" => get_priority,
            "setPriority" => set_priority,
        ],
    );
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

fn cstr_field(field: &[libc::c_char]) -> String {
    let bytes: Vec<u8> = field
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn get_hostname<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    match nix::unistd::gethostname() {
        Ok(h) => args.ret(s.string(&h.to_string_lossy()).value()),
        Err(e) => args.ret(s.number(e as i32 as f64)),
    }
}

/// getOSInformation() -> [sysname, version, release, machine]
fn get_os_information<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    // SAFETY: utsname is plain old data; uname fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: u is a valid out-pointer.
    if unsafe { libc::uname(&mut u) } != 0 {
        return args.ret(s.number(last_errno() as f64));
    }
    let parts = [
        &u.sysname[..],
        &u.version[..],
        &u.release[..],
        &u.machine[..],
    ]
    .map(|f| s.string(&cstr_field(f)).value());
    args.ret(s.array(&parts).value());
}

/// Seconds since boot from /proc/uptime (libuv's source), with its 2 decimals.
fn get_uptime<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let text = std::fs::read_to_string("/proc/uptime").unwrap_or_default();
    let up: f64 = text
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    args.ret(s.number(up));
}

/// getLoadAvg(Float64Array(3)) fills the 1, 5 and 15 minute averages.
fn get_load_avg<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mut vals = text
        .split_whitespace()
        .take(3)
        .map(|v| v.parse::<f64>().unwrap_or(0.0));
    // SAFETY: the only view taken in this call.
    if let Some(out) = unsafe { args.get(0).view_bytes_mut() } {
        for chunk in out.chunks_exact_mut(8).take(3) {
            chunk.copy_from_slice(&vals.next().unwrap_or(0.0).to_ne_bytes());
        }
    }
    args.ret(s.undefined());
}

/// A /proc/meminfo field in bytes.
fn meminfo(field: &str) -> Option<f64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line[field.len()..]
        .trim_start_matches(':')
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(kb * 1024.0)
}

fn get_total_mem<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.number(meminfo("MemTotal").unwrap_or(0.0)));
}

/// Free memory as libuv reports it: MemAvailable, falling back to MemFree.
fn get_free_mem<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let v = meminfo("MemAvailable").or_else(|| meminfo("MemFree"));
    args.ret(s.number(v.unwrap_or(0.0)));
}

/// getCPUs() -> flat [model, speed, user, nice, sys, idle, irq, ...]; times in ms.
fn get_cpus<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let models: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("model name"))
        .filter_map(|l| l.split_once(':').map(|(_, v)| v.trim()))
        .collect();
    // SAFETY: sysconf has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let ms = 1000.0 / ticks;
    let mut out: Vec<Local<Value>> = Vec::new();
    for line in stat.lines() {
        let Some(rest) = line.strip_prefix("cpu") else {
            continue;
        };
        let Some((num, times)) = rest.split_once(' ') else {
            continue;
        };
        let Ok(n) = num.parse::<usize>() else {
            continue; // the aggregate "cpu" line
        };
        let t: Vec<f64> = times
            .split_whitespace()
            .map(|v| v.parse().unwrap_or(0.0))
            .collect();
        let get = |i: usize| t.get(i).copied().unwrap_or(0.0) * ms;
        let model = models.get(n).copied().unwrap_or("unknown");
        let freq = std::fs::read_to_string(format!(
            "/sys/devices/system/cpu/cpu{n}/cpufreq/scaling_cur_freq"
        ))
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map_or(0.0, |khz| (khz / 1000.0).floor());
        // /proc/stat columns: user nice system idle iowait irq ...
        out.push(s.string(model).value());
        out.push(s.number(freq));
        for i in [0, 1, 2, 3, 5] {
            out.push(s.number(get(i)));
        }
    }
    args.ret(s.array(&out).value());
}

fn get_available_parallelism<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    // SAFETY: set is plain data, filled by sched_getaffinity for this process.
    let n = unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) == 0 {
            libc::CPU_COUNT(&set) as usize
        } else {
            0
        }
    };
    let n = if n == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        n
    };
    args.ret(s.number(n as f64));
}

/// (name, dir, shell, gid) of a passwd entry, the strings as raw bytes.
type PasswdEntry = (Vec<u8>, Vec<u8>, Vec<u8>, libc::gid_t);

/// The passwd entry of `uid`, or an errno.
fn passwd(uid: libc::uid_t) -> Result<PasswdEntry, i32> {
    let mut buf = vec![0u8; 4096];
    loop {
        // SAFETY: passwd is plain data; getpwuid_r writes strings into buf and points
        // pw's fields at them; result is set to &pw on success.
        let (rc, found, pw) = unsafe {
            let mut pw: libc::passwd = std::mem::zeroed();
            let mut result: *mut libc::passwd = std::ptr::null_mut();
            let rc = libc::getpwuid_r(
                uid,
                &mut pw,
                buf.as_mut_ptr() as *mut libc::c_char,
                buf.len(),
                &mut result,
            );
            (rc, !result.is_null(), pw)
        };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        if rc != 0 {
            return Err(rc);
        }
        if !found {
            return Err(libc::ENOENT);
        }
        let field = |p: *const libc::c_char| {
            if p.is_null() {
                Vec::new()
            } else {
                // SAFETY: p points at a NUL-terminated string inside buf.
                unsafe { std::ffi::CStr::from_ptr(p) }.to_bytes().to_vec()
            }
        };
        return Ok((
            field(pw.pw_name),
            field(pw.pw_dir),
            field(pw.pw_shell),
            pw.pw_gid,
        ));
    }
}

/// $HOME when set and non-empty, else the passwd home (libuv's uv_os_homedir).
fn get_home_directory<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        return args.ret(s.string(&h.to_string_lossy()).value());
    }
    // SAFETY: getuid cannot fail.
    match passwd(unsafe { libc::getuid() }) {
        Ok((_, dir, _, _)) => args.ret(s.string(&String::from_utf8_lossy(&dir)).value()),
        Err(e) => args.ret(s.number(e as f64)),
    }
}

/// getUserInfo(asBuffer) -> { uid, gid, username, homedir, shell } | errno
fn get_user_info<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let as_buffer = args.get(0).boolean(s);
    // SAFETY: getuid/getgid cannot fail.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    let (name, dir, shell, _) = match passwd(uid) {
        Ok(p) => p,
        Err(e) => return args.ret(s.number(e as f64)),
    };
    let o = s.object();
    o.set_str(s, "uid", s.number(uid as f64));
    o.set_str(s, "gid", s.number(gid as f64));
    for (key, bytes) in [("username", name), ("homedir", dir), ("shell", shell)] {
        let v = if as_buffer {
            let n = bytes.len();
            s.uint8_array(s.array_buffer_from_vec(bytes), 0, n).value()
        } else {
            s.string(&String::from_utf8_lossy(&bytes)).value()
        };
        o.set_str(s, key, v);
    }
    args.ret(o.value());
}

fn sockaddr_ip(sa: *const libc::sockaddr) -> Option<(std::net::IpAddr, u32)> {
    if sa.is_null() {
        return None;
    }
    // SAFETY: getifaddrs gives valid sockaddrs whose family tells their real type.
    unsafe {
        match (*sa).sa_family as i32 {
            libc::AF_INET => {
                let a = &*(sa as *const libc::sockaddr_in);
                let ip = std::net::Ipv4Addr::from(u32::from_be(a.sin_addr.s_addr));
                Some((ip.into(), 0))
            }
            libc::AF_INET6 => {
                let a = &*(sa as *const libc::sockaddr_in6);
                let ip = std::net::Ipv6Addr::from(a.sin6_addr.s6_addr);
                Some((ip.into(), a.sin6_scope_id))
            }
            _ => None,
        }
    }
}

/// getInterfaceAddresses() -> flat [name, address, netmask, family, mac, internal,
/// scopeid (-1 for IPv4), ...] for interfaces that are up and running, as libuv lists.
fn get_interface_addresses<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let mut head: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: head is a valid out-pointer; freed below with freeifaddrs.
    if unsafe { libc::getifaddrs(&mut head) } != 0 {
        return args.ret(s.number(last_errno() as f64));
    }
    let mut macs: Vec<(Vec<u8>, String)> = Vec::new();
    let mut entries = Vec::new();
    let mut p = head;
    while !p.is_null() {
        // SAFETY: p walks the list getifaddrs returned, still allocated.
        let ifa = unsafe { &*p };
        p = ifa.ifa_next;
        let up = libc::IFF_UP as u32 | libc::IFF_RUNNING as u32;
        if ifa.ifa_flags & up != up || ifa.ifa_addr.is_null() {
            continue;
        }
        // SAFETY: ifa_name is a NUL-terminated interface name.
        let name = unsafe { std::ffi::CStr::from_ptr(ifa.ifa_name) }
            .to_bytes()
            .to_vec();
        // SAFETY: ifa_addr is non-null (checked above).
        let family = unsafe { (*ifa.ifa_addr).sa_family } as i32;
        if family == libc::AF_PACKET {
            // SAFETY: AF_PACKET addresses are sockaddr_ll.
            let ll = unsafe { &*(ifa.ifa_addr as *const libc::sockaddr_ll) };
            let mac = ll.sll_addr[..6]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(":");
            macs.push((name, mac));
            continue;
        }
        let Some((addr, scope)) = sockaddr_ip(ifa.ifa_addr) else {
            continue;
        };
        let mask = sockaddr_ip(ifa.ifa_netmask).map(|(m, _)| m);
        let internal = ifa.ifa_flags & libc::IFF_LOOPBACK as u32 != 0;
        entries.push((name, addr, mask, scope, internal));
    }
    // SAFETY: head came from getifaddrs and is freed once, after the last use of p.
    unsafe { libc::freeifaddrs(head) };
    let mut out: Vec<Local<Value>> = Vec::new();
    for (name, addr, mask, scope, internal) in entries {
        let mac = macs
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("00:00:00:00:00:00".to_string(), |(_, m)| m.clone());
        let (family, mask, scope) = match addr {
            std::net::IpAddr::V4(_) => (
                "IPv4",
                mask.map_or("0.0.0.0".into(), |m| m.to_string()),
                -1.0,
            ),
            std::net::IpAddr::V6(_) => (
                "IPv6",
                mask.map_or("::".into(), |m| m.to_string()),
                scope as f64,
            ),
        };
        out.push(s.string(&String::from_utf8_lossy(&name)).value());
        out.push(s.string(&addr.to_string()).value());
        out.push(s.string(&mask).value());
        out.push(s.string(family).value());
        out.push(s.string(&mac).value());
        out.push(s.boolean(internal));
        out.push(s.number(scope));
    }
    args.ret(s.array(&out).value());
}

/// getPriority(pid) -> nice value | { errno }
fn get_priority<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let pid = args.get(0).integer(s).unwrap_or(0);
    // SAFETY: errno is thread-local; getpriority returns -1 both as a value and on
    // error, so errno is cleared first and checked after.
    let (v, err) = unsafe {
        *libc::__errno_location() = 0;
        let v = libc::getpriority(libc::PRIO_PROCESS, pid as libc::id_t);
        (v, *libc::__errno_location())
    };
    if v == -1 && err != 0 {
        return args.ret(error_obj(s, err));
    }
    args.ret(s.number(v as f64));
}

/// setPriority(pid, prio) -> undefined | { errno }
fn set_priority<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let pid = args.get(0).integer(s).unwrap_or(0);
    let prio = args.get(1).integer(s).unwrap_or(0);
    // SAFETY: setpriority has no memory preconditions.
    if unsafe { libc::setpriority(libc::PRIO_PROCESS, pid as libc::id_t, prio as i32) } != 0 {
        return args.ret(error_obj(s, last_errno()));
    }
    args.ret(s.undefined());
}

/// `{ errno }`: how the priority calls report failure (their results are numbers).
fn error_obj<'s>(s: &Scope<'s>, errno: i32) -> Local<'s, Value> {
    let o = s.object();
    o.set_str(s, "errno", s.number(errno as f64));
    o.value()
}
