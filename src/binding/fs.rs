//! internalBinding('fs'): file-system calls. For now the synchronous ones the
//! module loader needs (stat a candidate path, read a source file, realpath).
use std::ffi::CString;

use super::{arg_string, set_methods};
use crate::binding::process_methods::throw_errno;
use crate::v8::{CallbackArgs, Local, Object, Scope};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "internalModuleStat" => internal_module_stat,
            "readFileUtf8" => read_file_utf8,
        "readFileBytes" => read_file_bytes,
            "realpath" => realpath,
        ],
    );
}

/// Node's (libuv's) code for a Linux errno.
pub fn errno_name(errno: i32) -> &'static str {
    match errno {
        libc::EPERM => "EPERM",
        libc::ENOENT => "ENOENT",
        libc::ESRCH => "ESRCH",
        libc::EINTR => "EINTR",
        libc::EIO => "EIO",
        libc::ENXIO => "ENXIO",
        libc::E2BIG => "E2BIG",
        libc::EBADF => "EBADF",
        libc::EAGAIN => "EAGAIN",
        libc::ENOMEM => "ENOMEM",
        libc::EACCES => "EACCES",
        libc::EFAULT => "EFAULT",
        libc::EBUSY => "EBUSY",
        libc::EEXIST => "EEXIST",
        libc::EXDEV => "EXDEV",
        libc::ENODEV => "ENODEV",
        libc::ENOTDIR => "ENOTDIR",
        libc::EISDIR => "EISDIR",
        libc::EINVAL => "EINVAL",
        libc::ENFILE => "ENFILE",
        libc::EMFILE => "EMFILE",
        libc::ENOTTY => "ENOTTY",
        libc::ETXTBSY => "ETXTBSY",
        libc::EFBIG => "EFBIG",
        libc::ENOSPC => "ENOSPC",
        libc::ESPIPE => "ESPIPE",
        libc::EROFS => "EROFS",
        libc::EMLINK => "EMLINK",
        libc::EPIPE => "EPIPE",
        libc::ERANGE => "ERANGE",
        libc::ENAMETOOLONG => "ENAMETOOLONG",
        libc::ENOSYS => "ENOSYS",
        libc::ENOTEMPTY => "ENOTEMPTY",
        libc::ELOOP => "ELOOP",
        libc::ENOTSUP => "ENOTSUP",
        libc::ECANCELED => "ECANCELED",
        libc::ETIMEDOUT => "ETIMEDOUT",
        libc::ECONNREFUSED => "ECONNREFUSED",
        libc::ECONNRESET => "ECONNRESET",
        libc::EADDRINUSE => "EADDRINUSE",
        libc::ENOTCONN => "ENOTCONN",
        _ => "UNKNOWN",
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// internalModuleStat(path) -> 0 file, 1 directory, -errno when missing.
fn internal_module_stat<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let path = args.get(0).to_rust_string(s);
    let r = match CString::new(path) {
        Ok(c) => {
            // SAFETY: st is a valid out-pointer; c is NUL-terminated.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            if unsafe { libc::stat(c.as_ptr(), &mut st) } != 0 {
                -last_errno()
            } else if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
                1
            } else {
                0
            }
        }
        Err(_) => -libc::ENOENT,
    };
    args.ret(s.number(r as f64));
}

/// readFileUtf8(path) -> string; throws Node-style errors (ENOENT, EISDIR, ...).
fn read_file_utf8<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(path) = arg_string(s, args, 0, "path") else {
        return;
    };
    match std::fs::read(&path) {
        Ok(bytes) => match s.string_from_utf8(&bytes) {
            Some(text) => args.ret(text.value()),
            None => s.throw_error(
                crate::v8::ErrorKind::Error,
                "Cannot create a string longer than 0x1fffffe8 characters",
            ),
        },
        Err(e) => throw_errno(
            s,
            e.raw_os_error().unwrap_or(libc::EIO),
            "open",
            Some(&path),
        ),
    }
}

fn realpath<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(path) = arg_string(s, args, 0, "path") else {
        return;
    };
    match std::fs::canonicalize(&path) {
        Ok(p) => args.ret(s.string(&p.to_string_lossy()).value()),
        Err(e) => throw_errno(
            s,
            e.raw_os_error().unwrap_or(libc::EIO),
            "realpath",
            Some(&path),
        ),
    }
}

/// readFileBytes(path | fd) -> ArrayBuffer holding the whole file (read synchronously).
fn read_file_bytes<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    use std::io::Read;
    use std::os::fd::FromRawFd;
    let target = args.get(0);
    let (result, path) = if target.is(crate::v8::ValueKind::Number) {
        let fd = target.integer(s).unwrap_or(-1) as i32;
        // SAFETY: the fd belongs to JS; ManuallyDrop keeps File from closing it.
        let mut file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
        let mut buf = Vec::new();
        (file.read_to_end(&mut buf).map(|_| buf), None)
    } else {
        let Some(path) = arg_string(s, args, 0, "path") else {
            return;
        };
        (std::fs::read(&path), Some(path))
    };
    match result {
        Ok(bytes) => args.ret(s.array_buffer_from_vec(bytes).value()),
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(libc::EIO);
            let syscall = if path.is_some() && errno != libc::EISDIR {
                "open"
            } else {
                "read"
            };
            throw_errno(s, errno, syscall, path.as_deref())
        }
    }
}
