//! internalBinding('process_methods'): process facts and actions that need the OS:
//! cwd/chdir/umask, clocks, memory, the environment, exit and synchronous writes to
//! stdout/stderr (which Node also does synchronously for files, pipes and TTYs).
use super::errno::{errno_exception, system_error};
use super::{arg_string, set_methods};
use crate::runtime::Runtime;
use crate::v8::{CallbackArgs, FastCall, Isolate, Local, Object, Scope, Value};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    if let Some(f) = s.function_with_fast_call(
        crate::native_fn!(hrtime_ms),
        "hrtimeMs",
        FastCall::NoArgsToF64(hrtime_ms_fast),
    ) {
        target.set_str(s, "hrtimeMs", f.value());
    }
    set_methods(
        s,
        target,
        crate::methods![
            "cwd" => cwd,
            "chdir" => chdir,
            "umask" => umask,
            "hrtime" => hrtime,
            "hrtimeBigInt" => hrtime_bigint,
            "uptime" => uptime,
            "memoryUsage" => memory_usage,
            "rss" => rss,
            "cpuUsage" => cpu_usage,
            "resourceUsage" => resource_usage,
            "reallyExit" => really_exit,
            "writeSync" => write_sync,
            "guessHandleType" => guess_handle_type,
            "getEnv" => get_env,
            "setEnv" => set_env,
            "unsetEnv" => unset_env,
            "envKeys" => env_keys,
            "kill" => kill,
            "getuid" => getuid,
            "geteuid" => geteuid,
            "getgid" => getgid,
            "getegid" => getegid,
            "getgroups" => getgroups,
            "referencedHandles" => referenced_handles,
            "pendingRequests" => pending_requests,
        ],
    );
}

/// Throws an Error shaped like Node's system errors (code, errno, syscall, path).
pub fn throw_errno(s: &Scope, errno: i32, syscall: &str, path: Option<&str>) {
    s.throw(errno_exception(s, errno, syscall, path, None));
}

fn cwd<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    match std::env::current_dir() {
        Ok(p) => args.ret(s.string(&p.to_string_lossy()).value()),
        Err(e) => throw_errno(s, e.raw_os_error().unwrap_or(libc::EIO), "uv_cwd", None),
    }
}

fn chdir<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(dir) = arg_string(s, args, 0, "directory") else {
        return;
    };
    if let Err(e) = std::env::set_current_dir(&dir) {
        let errno = e.raw_os_error().unwrap_or(libc::EIO);
        let cwd = std::env::current_dir()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        // Node's wording: "ENOENT: no such file or directory, chdir /from -> 'to'"
        let detail = format!(" {cwd} -> '{dir}'");
        s.throw(system_error(
            s,
            errno,
            "chdir",
            &detail,
            Some(&cwd),
            Some(&dir),
        ));
    }
}

fn umask<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let v = args.get(0);
    let old = if v.is_undefined() {
        // SAFETY: umask only swaps the process mask.
        unsafe {
            let old = libc::umask(0);
            libc::umask(old);
            old
        }
    } else {
        // SAFETY: as above.
        unsafe { libc::umask(v.number(s).unwrap_or(0.0) as libc::mode_t) }
    };
    args.ret(s.number(old as f64));
}

fn monotonic_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid out-pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// hrtime() -> [seconds, nanoseconds] of the monotonic clock.
fn hrtime<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let ns = monotonic_ns();
    let parts = [
        s.number((ns / 1_000_000_000) as f64),
        s.number((ns % 1_000_000_000) as f64),
    ];
    args.ret(s.array(&parts).value());
}

fn hrtime_bigint<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.biguint(monotonic_ns()));
}

/// hrtimeMs() -> the monotonic clock in milliseconds, as one number: performance.now()
/// and Event timestamps need no [sec, nsec] array per call.
fn hrtime_ms<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.number(monotonic_ns() as f64 / 1e6));
}

/// hrtimeMs for optimized callers (V8's fast API call): no handle made.
extern "C" fn hrtime_ms_fast(_receiver: *const Value) -> f64 {
    monotonic_ns() as f64 / 1e6
}

fn uptime<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.number(Runtime::get(s).lp.hrtime().as_secs_f64()));
}

fn rss_bytes() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    // SAFETY: sysconf has no preconditions.
    pages * unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as f64
}

fn rss<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    args.ret(s.number(rss_bytes()));
}

fn memory_usage<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let h = Isolate::heap_stats(s.isolate());
    let o = s.object();
    o.set_str(s, "rss", s.number(rss_bytes()));
    o.set_str(s, "heapTotal", s.number(h.total as f64));
    o.set_str(s, "heapUsed", s.number(h.used as f64));
    o.set_str(s, "external", s.number(h.external as f64));
    o.set_str(s, "arrayBuffers", s.number(h.external as f64));
    args.ret(o.value());
}

fn rusage_self() -> libc::rusage {
    // SAFETY: ru is a valid out-pointer, and RUSAGE_SELF cannot fail.
    unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut ru);
        ru
    }
}

fn micros(t: libc::timeval) -> f64 {
    t.tv_sec as f64 * 1e6 + t.tv_usec as f64
}

fn cpu_usage<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let ru = rusage_self();
    let o = s.object();
    o.set_str(s, "user", s.number(micros(ru.ru_utime)));
    o.set_str(s, "system", s.number(micros(ru.ru_stime)));
    args.ret(o.value());
}

/// process.resourceUsage(): getrusage(RUSAGE_SELF) under node's names, in its order.
fn resource_usage<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let ru = rusage_self();
    let fields: [(&str, f64); 16] = [
        ("userCPUTime", micros(ru.ru_utime)),
        ("systemCPUTime", micros(ru.ru_stime)),
        ("maxRSS", ru.ru_maxrss as f64),
        ("sharedMemorySize", ru.ru_ixrss as f64),
        ("unsharedDataSize", ru.ru_idrss as f64),
        ("unsharedStackSize", ru.ru_isrss as f64),
        ("minorPageFault", ru.ru_minflt as f64),
        ("majorPageFault", ru.ru_majflt as f64),
        ("swappedOut", ru.ru_nswap as f64),
        ("fsRead", ru.ru_inblock as f64),
        ("fsWrite", ru.ru_oublock as f64),
        ("ipcSent", ru.ru_msgsnd as f64),
        ("ipcReceived", ru.ru_msgrcv as f64),
        ("signalsCount", ru.ru_nsignals as f64),
        ("voluntaryContextSwitches", ru.ru_nvcsw as f64),
        ("involuntaryContextSwitches", ru.ru_nivcsw as f64),
    ];
    let o = s.object();
    for (name, value) in fields {
        o.set_str(s, name, s.number(value));
    }
    args.ret(o.value());
}

fn really_exit<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let code = args.get(0).integer(s).unwrap_or(0) as i32;
    let rt = Runtime::get(s);
    if rt.worker.is_some() {
        // A worker's process.exit ends the thread, not the process.
        return rt.stop_worker(code);
    }
    if rt.options.stats {
        rt.print_stats();
    }
    crate::binding::compile_cache::flush(s);
    // Ops still in flight are cancelled, drained and freed before the process ends.
    rt.lp.shutdown();
    crate::runtime::exit_process(code);
}

/// writeSync(fd, string | Uint8Array) -> bytes written; retries short writes and
/// EAGAIN (a non-blocking pipe) so nothing is lost. A closed pipe throws EPIPE
/// (SIGPIPE is ignored, as node ignores it), for lib/ to emit as the stream's 'error'.
fn write_sync<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let fd = args.get(0).integer(s).unwrap_or(1) as i32;
    let data = args.get(1);
    let owned;
    let bytes: &[u8] = if let Some(b) = data.view_bytes() {
        b
    } else {
        owned = data.to_rust_string(s);
        owned.as_bytes()
    };
    match write_all(fd, bytes) {
        Ok(()) => args.ret(s.number(bytes.len() as f64)),
        Err(errno) => throw_errno(s, errno, "write", None),
    }
}

pub fn write_all(fd: i32, mut bytes: &[u8]) -> Result<(), i32> {
    while !bytes.is_empty() {
        // SAFETY: bytes is a valid slice for its length.
        let n = unsafe { libc::write(fd, bytes.as_ptr() as *const libc::c_void, bytes.len()) };
        if n >= 0 {
            bytes = &bytes[n as usize..];
            continue;
        }
        let errno = std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EIO);
        match errno {
            libc::EINTR => {}
            libc::EAGAIN => {
                let mut pfd = libc::pollfd {
                    fd,
                    events: libc::POLLOUT,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                unsafe { libc::poll(&mut pfd, 1, -1) };
            }
            e => return Err(e),
        }
    }
    Ok(())
}

/// guessHandleType(fd) -> 'TTY' | 'FILE' | 'PIPE' | 'TCP' | 'UDP' | 'UNKNOWN' (Node's
/// names), from what fstat says the fd is; a closed fd is 'UNKNOWN'.
fn guess_handle_type<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let fd = args.get(0).integer(s).unwrap_or(-1) as i32;
    args.ret(s.string(handle_type(fd)).value());
}

fn handle_type(fd: i32) -> &'static str {
    if fd < 0 {
        return "UNKNOWN";
    }
    // SAFETY: isatty accepts any integer.
    if unsafe { libc::isatty(fd) } == 1 {
        return "TTY";
    }
    // SAFETY: st is plain data that fstat fills in.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: st is a valid, writable stat buffer.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return "UNKNOWN";
    }
    match st.st_mode & libc::S_IFMT {
        libc::S_IFREG | libc::S_IFCHR => "FILE",
        libc::S_IFIFO => "PIPE",
        libc::S_IFSOCK => {
            let mut ty: libc::c_int = 0;
            let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
            // SAFETY: ty and len are valid for getsockopt to write an int.
            let r = unsafe {
                libc::getsockopt(
                    fd,
                    libc::SOL_SOCKET,
                    libc::SO_TYPE,
                    &mut ty as *mut libc::c_int as *mut libc::c_void,
                    &mut len,
                )
            };
            match (r, ty) {
                (0, libc::SOCK_DGRAM) => "UDP",
                // Unix-domain stream sockets are pipes to Node.
                _ => {
                    let mut addr: libc::sockaddr_storage =
                        // SAFETY: plain data that getsockname fills in.
                        unsafe { std::mem::zeroed() };
                    let mut alen = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
                    // SAFETY: addr and alen describe a valid, writable buffer.
                    let ok = unsafe {
                        libc::getsockname(fd, &mut addr as *mut _ as *mut libc::sockaddr, &mut alen)
                    } == 0;
                    if ok && addr.ss_family as i32 == libc::AF_UNIX {
                        "PIPE"
                    } else {
                        "TCP"
                    }
                }
            }
        }
        _ => "UNKNOWN",
    }
}

fn get_env<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let name = args.get(0).to_rust_string(s);
    match std::env::var_os(&name) {
        Some(v) => args.ret(s.string(&v.to_string_lossy()).value()),
        None => args.ret(s.undefined()),
    }
}

fn set_env<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let name = args.get(0).to_rust_string(s);
    let value = args.get(1).to_rust_string(s);
    if !name.is_empty() && !name.contains('=') && !name.contains('\0') && !value.contains('\0') {
        std::env::set_var(name, value);
    }
}

fn unset_env<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let name = args.get(0).to_rust_string(s);
    if !name.is_empty() && !name.contains('=') && !name.contains('\0') {
        std::env::remove_var(name);
    }
}

/// envKeys() -> [[name, value], ...] of the real environment.
fn env_keys<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let pairs: Vec<Local<Value>> = std::env::vars_os()
        .map(|(k, v)| {
            let kv = [
                s.string(&k.to_string_lossy()).value(),
                s.string(&v.to_string_lossy()).value(),
            ];
            s.array(&kv).value()
        })
        .collect();
    args.ret(s.array(&pairs).value());
}

/// kill(pid, signo) -> 0 or -errno (lib/ builds node's "kill ESRCH" error).
fn kill<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let pid = args.get(0).integer(s).unwrap_or(0) as i32;
    let sig = args.get(1).integer(s).unwrap_or(15) as i32;
    // SAFETY: kill has no memory preconditions.
    let r = unsafe { libc::kill(pid, sig) };
    let errno = if r == 0 {
        0
    } else {
        std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
    };
    args.ret(s.number(-errno as f64));
}

// The process's credentials (process.getuid() and friends). None of these can fail.
fn getuid<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    // SAFETY: no arguments, cannot fail.
    args.ret(s.number(unsafe { libc::getuid() } as f64));
}

fn geteuid<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    // SAFETY: no arguments, cannot fail.
    args.ret(s.number(unsafe { libc::geteuid() } as f64));
}

fn getgid<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    // SAFETY: no arguments, cannot fail.
    args.ret(s.number(unsafe { libc::getgid() } as f64));
}

fn getegid<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    // SAFETY: no arguments, cannot fail.
    args.ret(s.number(unsafe { libc::getegid() } as f64));
}

/// The supplementary groups, with the effective gid included as Node reports it.
fn getgroups<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let groups = nix::unistd::getgroups().unwrap_or_default();
    let mut ids: Vec<u32> = groups.iter().map(|g| g.as_raw()).collect();
    let egid = nix::unistd::getegid().as_raw();
    if !ids.contains(&egid) {
        ids.push(egid);
    }
    let values: Vec<_> = ids.iter().map(|&g| s.number(g as f64)).collect();
    args.ret(s.array(&values).value());
}

/// referencedHandles() -> [handle id, ...]: the loop's referenced, open handles;
/// lib/internal/process/active_resources.js maps them to their JS owners.
fn referenced_handles<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let ids = Runtime::get(s).lp.referenced_handles();
    let items: Vec<Local<Value>> = ids.into_iter().map(|id| s.number(id as f64)).collect();
    args.ret(s.array(&items).value());
}

/// pendingRequests() -> [request object, ...] with an op in flight.
fn pending_requests<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let items = Runtime::get(s).pending_request_objects(s);
    args.ret(s.array(&items).value());
}
