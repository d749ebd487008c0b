//! Linux errno values as Node reports them: libuv's code names and messages
//! ("ENOENT: no such file or directory, open '/x'"), and the one builder of
//! system errors (errno negative, code, syscall, path, dest).
use crate::v8::{ErrorKind, Local, Object, Scope, Value, ValueKind};

/// (errno, code, message) for every errno Node names.
const TABLE: &[(i32, &str, &str)] = &[
    (libc::E2BIG, "E2BIG", "argument list too long"),
    (libc::EACCES, "EACCES", "permission denied"),
    (libc::EADDRINUSE, "EADDRINUSE", "address already in use"),
    (
        libc::EADDRNOTAVAIL,
        "EADDRNOTAVAIL",
        "address not available",
    ),
    (libc::EAGAIN, "EAGAIN", "resource temporarily unavailable"),
    (libc::EBADF, "EBADF", "bad file descriptor"),
    (libc::EBUSY, "EBUSY", "resource busy or locked"),
    (libc::ECANCELED, "ECANCELED", "operation canceled"),
    (
        libc::ECONNABORTED,
        "ECONNABORTED",
        "software caused connection abort",
    ),
    (libc::ECONNREFUSED, "ECONNREFUSED", "connection refused"),
    (libc::ECONNRESET, "ECONNRESET", "connection reset by peer"),
    (libc::EEXIST, "EEXIST", "file already exists"),
    (
        libc::EFAULT,
        "EFAULT",
        "bad address in system call argument",
    ),
    (libc::EFBIG, "EFBIG", "file too large"),
    (libc::EHOSTUNREACH, "EHOSTUNREACH", "host is unreachable"),
    (libc::EINTR, "EINTR", "interrupted system call"),
    (libc::EINVAL, "EINVAL", "invalid argument"),
    (libc::EIO, "EIO", "i/o error"),
    (libc::EISDIR, "EISDIR", "illegal operation on a directory"),
    (libc::ELOOP, "ELOOP", "too many symbolic links encountered"),
    (libc::EMFILE, "EMFILE", "too many open files"),
    (libc::EMLINK, "EMLINK", "too many links"),
    (libc::ENAMETOOLONG, "ENAMETOOLONG", "name too long"),
    (libc::ENETUNREACH, "ENETUNREACH", "network is unreachable"),
    (libc::ENFILE, "ENFILE", "file table overflow"),
    (libc::ENODEV, "ENODEV", "no such device"),
    (libc::ENOENT, "ENOENT", "no such file or directory"),
    (libc::ENOMEM, "ENOMEM", "not enough memory"),
    (libc::ENOSPC, "ENOSPC", "no space left on device"),
    (libc::ENOSYS, "ENOSYS", "function not implemented"),
    (libc::ENOTCONN, "ENOTCONN", "socket is not connected"),
    (libc::ENOTDIR, "ENOTDIR", "not a directory"),
    (libc::ENOTEMPTY, "ENOTEMPTY", "directory not empty"),
    (libc::ENOTSOCK, "ENOTSOCK", "socket operation on non-socket"),
    (
        libc::ENOTSUP,
        "ENOTSUP",
        "operation not supported on socket",
    ),
    (libc::ENOTTY, "ENOTTY", "inappropriate ioctl for device"),
    (libc::ENXIO, "ENXIO", "no such device or address"),
    (libc::EPERM, "EPERM", "operation not permitted"),
    (libc::EPIPE, "EPIPE", "broken pipe"),
    (libc::ERANGE, "ERANGE", "result too large"),
    (libc::EROFS, "EROFS", "read-only file system"),
    (libc::ESPIPE, "ESPIPE", "invalid seek"),
    (libc::ESRCH, "ESRCH", "no such process"),
    (libc::ETIMEDOUT, "ETIMEDOUT", "connection timed out"),
    (libc::ETXTBSY, "ETXTBSY", "text file is busy"),
    (libc::EXDEV, "EXDEV", "cross-device link not permitted"),
];

fn lookup(errno: i32) -> Option<&'static (i32, &'static str, &'static str)> {
    TABLE.iter().find(|(n, _, _)| *n == errno)
}

/// Node's (libuv's) code for a Linux errno.
pub fn errno_name(errno: i32) -> &'static str {
    lookup(errno).map_or("UNKNOWN", |e| e.1)
}

pub fn errno_message(errno: i32) -> &'static str {
    lookup(errno).map_or("unknown error", |e| e.2)
}

/// The errno of the last failed libc call.
pub fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// V8's longest string (String::kMaxLength on 64-bit), in UTF-8 bytes at most.
const MAX_STRING: usize = (1 << 29) - 24;

/// "CODE: message, syscall 'path' -> 'dest'" with errno (negative, as Node reports
/// it), code, syscall, and path/dest when given.
pub fn errno_exception<'s>(
    s: &Scope<'s>,
    errno: i32,
    syscall: &str,
    path: Option<&str>,
    dest: Option<&str>,
) -> Local<'s, Value> {
    let mut detail = String::new();
    if path.map_or(0, str::len) + dest.map_or(0, str::len) > MAX_STRING {
        // Cannot be shown in a message anyway: do not copy half a gigabyte for it.
        return system_error(s, errno, syscall, "", path, dest);
    }
    if let Some(p) = path {
        detail.push_str(&format!(" '{p}'"));
    }
    if let Some(d) = dest {
        detail.push_str(&format!(" -> '{d}'"));
    }
    system_error(s, errno, syscall, &detail, path, dest)
}

/// The one builder of system errors; `detail` follows the syscall in the message.
/// A path too long for a V8 string (a 2**29-character one) cannot be shown: the
/// message then names the syscall only, and `path`/`dest` are set when they fit.
pub fn system_error<'s>(
    s: &Scope<'s>,
    errno: i32,
    syscall: &str,
    detail: &str,
    path: Option<&str>,
    dest: Option<&str>,
) -> Local<'s, Value> {
    let code = errno_name(errno);
    let head = format!("{code}: {}, {syscall}", errno_message(errno));
    let msg = if head.len() + detail.len() <= MAX_STRING {
        s.try_string(&format!("{head}{detail}"))
    } else {
        None
    };
    let msg = msg.unwrap_or_else(|| s.string(&head));
    let e = s.error_from(ErrorKind::Error, msg);
    if let Some(o) = e.to::<Object>(ValueKind::Object) {
        o.set_str(s, "errno", s.number(-errno as f64));
        o.set_str(s, "code", s.string(code).value());
        o.set_str(s, "syscall", s.string(syscall).value());
        if let Some(p) = path.and_then(|p| s.try_string(p)) {
            o.set_str(s, "path", p.value());
        }
        if let Some(d) = dest.and_then(|d| s.try_string(d)) {
            o.set_str(s, "dest", d.value());
        }
    }
    e
}
