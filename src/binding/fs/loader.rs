//! The synchronous calls the CommonJS loader needs: stat a candidate path, read a
//! source file, resolve symlinks.
use std::ffi::CString;

use crate::binding::arg_string;
use crate::binding::errno::last_errno;
use crate::binding::process_methods::throw_errno;
use crate::v8::{CallbackArgs, Scope};

/// internalModuleStat(path) -> 0 file, 1 directory, -errno when missing.
pub fn internal_module_stat<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let path = args.get(0).to_rust_string(s);
    let r = match CString::new(path) {
        Ok(c) => {
            // SAFETY: stat is plain old data; all-zero is a valid value.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            // SAFETY: st is a valid out-pointer; c is NUL-terminated.
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
pub fn read_file_utf8<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
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

pub fn realpath<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
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
pub fn read_file_bytes<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
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
