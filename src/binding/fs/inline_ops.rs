//! The fs calls io_uring has no opcode for: directory listing (getdents), links and
//! paths (readlink, realpath), permissions and times (access, chmod, chown, utimes),
//! copyFile and mkdtemp. Each is an `Inline` op: short syscalls run on the loop
//! thread whose completion is still delivered asynchronously. docs/fs.md explains
//! why this costs less than sending them to a thread.
use std::ffi::{CStr, CString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};

use super::{args, dispatch, done_undefined, ErrorContext};
use crate::backend::op::{Inline, InlineOutput};
use crate::backend::Op;
use crate::binding::errno::last_errno;
use crate::binding::set_methods;
use crate::v8::{CallbackArgs, Local, Object, Scope, Value};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "readdir" => readdir,
            "opendir" => opendir,
            "readlink" => readlink,
            "realpathAsync" => realpath,
            "access" => access,
            "chmod" => chmod,
            "fchmod" => fchmod,
            "chown" => chown,
            "fchown" => fchown,
            "lchown" => lchown,
            "utimes" => utimes,
            "futimes" => futimes,
            "lutimes" => lutimes,
            "copyFile" => copy_file,
            "mkdtemp" => mkdtemp,
        ],
    );
}

/// 0 or -1 from libc as an inline result.
fn check(r: libc::c_int) -> Result<InlineOutput, i32> {
    if r < 0 {
        Err(last_errno())
    } else {
        Ok(Box::new(()))
    }
}

fn output<T: 'static>(op: &mut Op) -> Option<T> {
    let Op::Inline(op) = op else { return None };
    op.output.take()?.downcast::<T>().ok().map(|b| *b)
}

/// A file name as JS: a string when it is UTF-8, else an ArrayBuffer of its bytes,
/// so that JS can still name the file (Buffer paths) or decode it the way Node
/// does for the encoding asked for.
fn name_value<'s>(s: &Scope<'s>, bytes: Vec<u8>) -> Local<'s, Value> {
    match String::from_utf8(bytes) {
        Ok(text) => s.string(&text).value(),
        Err(e) => s.array_buffer_from_vec(e.into_bytes()).value(),
    }
}

/// A path computed inline (readlink, realpath, mkdtemp), as name_value gives it.
fn done_path<'s>(s: &Scope<'s>, _r: i32, op: &mut Op) -> Local<'s, Value> {
    name_value(s, output(op).unwrap_or_default())
}

/// Directory entries sorted by name, as libuv's scandir returns them.
type Entries = Vec<(Vec<u8>, u8)>;

/// libuv's dirent type numbers, which lib/internal/fs/utils.js's Dirent reads.
fn dirent_type(ft: std::fs::FileType) -> u8 {
    use std::os::unix::fs::FileTypeExt;
    match () {
        _ if ft.is_file() => 1,
        _ if ft.is_dir() => 2,
        _ if ft.is_symlink() => 3,
        _ if ft.is_fifo() => 4,
        _ if ft.is_socket() => 5,
        _ if ft.is_char_device() => 6,
        _ if ft.is_block_device() => 7,
        _ => 0,
    }
}

fn list_dir(path: &CStr) -> Result<InlineOutput, i32> {
    let dir = std::fs::read_dir(std::ffi::OsStr::from_bytes(path.to_bytes()))
        .map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))?;
    let mut entries: Entries = Vec::new();
    for entry in dir {
        let entry = entry.map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))?;
        let kind = entry.file_type().map(dirent_type).unwrap_or(0);
        entries.push((entry.file_name().as_bytes().to_vec(), kind));
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(Box::new(entries))
}

/// [names, types]; names as name_value gives them.
fn done_entries<'s>(s: &Scope<'s>, _r: i32, op: &mut Op) -> Local<'s, Value> {
    let entries: Entries = output(op).unwrap_or_default();
    let types: Vec<_> = entries.iter().map(|(_, t)| s.number(*t as f64)).collect();
    let names: Vec<_> = entries.into_iter().map(|(n, _)| name_value(s, n)).collect();
    s.array(&[s.array(&names).value(), s.array(&types).value()])
        .value()
}

/// readdir(path, req) -> [names, types]
fn readdir<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    list_dir_as(s, a, "scandir");
}

/// opendir(path, req) -> [names, types]: the whole listing up front, for fs.Dir to
/// hand out one entry at a time; errors name `opendir`, as Node's do.
fn opendir<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    list_dir_as(s, a, "opendir");
}

fn list_dir_as<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>, syscall: &'static str) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let op = Inline::new(syscall, move || list_dir(&path));
    dispatch(
        s,
        a,
        1,
        op,
        ErrorContext::new(syscall).path(&text),
        done_entries,
    );
}

fn readlink<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let op = Inline::new("readlink", move || {
        std::fs::read_link(std::ffi::OsStr::from_bytes(path.to_bytes()))
            .map(|p| Box::new(p.into_os_string().into_vec()) as InlineOutput)
            .map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))
    });
    dispatch(
        s,
        a,
        1,
        op,
        ErrorContext::new("readlink").path(&text),
        done_path,
    );
}

fn realpath<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let op = Inline::new("realpath", move || {
        std::fs::canonicalize(std::ffi::OsStr::from_bytes(path.to_bytes()))
            .map(|p| Box::new(p.into_os_string().into_vec()) as InlineOutput)
            .map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))
    });
    dispatch(
        s,
        a,
        1,
        op,
        ErrorContext::new("realpath").path(&text),
        done_path,
    );
}

/// access(path, mode, req)
fn access<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let mode = args::int(s, a, 1) as i32;
    let op = Inline::new("access", move || {
        // SAFETY: path is NUL-terminated and moved into the op.
        check(unsafe { libc::access(path.as_ptr(), mode) })
    });
    dispatch(
        s,
        a,
        2,
        op,
        ErrorContext::new("access").path(&text),
        done_undefined,
    );
}

fn chmod<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let mode = args::int(s, a, 1) as u32;
    let op = Inline::new("chmod", move || {
        // SAFETY: path is NUL-terminated and moved into the op.
        check(unsafe { libc::chmod(path.as_ptr(), mode) })
    });
    dispatch(
        s,
        a,
        2,
        op,
        ErrorContext::new("chmod").path(&text),
        done_undefined,
    );
}

fn fchmod<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let (fd, mode) = (args::fd(s, a, 0), args::int(s, a, 1) as u32);
    let op = Inline::new("fchmod", move || {
        // SAFETY: no pointers involved.
        check(unsafe { libc::fchmod(fd, mode) })
    });
    dispatch(s, a, 2, op, ErrorContext::new("fchmod"), done_undefined);
}

fn owner_ids(s: &Scope, a: &CallbackArgs) -> (u32, u32) {
    (args::int(s, a, 1) as u32, args::int(s, a, 2) as u32)
}

fn chown<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let (uid, gid) = owner_ids(s, a);
    let op = Inline::new("chown", move || {
        // SAFETY: path is NUL-terminated and moved into the op.
        check(unsafe { libc::chown(path.as_ptr(), uid, gid) })
    });
    dispatch(
        s,
        a,
        3,
        op,
        ErrorContext::new("chown").path(&text),
        done_undefined,
    );
}

fn lchown<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let (uid, gid) = owner_ids(s, a);
    let op = Inline::new("lchown", move || {
        // SAFETY: path is NUL-terminated and moved into the op.
        check(unsafe { libc::lchown(path.as_ptr(), uid, gid) })
    });
    dispatch(
        s,
        a,
        3,
        op,
        ErrorContext::new("lchown").path(&text),
        done_undefined,
    );
}

fn fchown<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let fd = args::fd(s, a, 0);
    let (uid, gid) = owner_ids(s, a);
    let op = Inline::new("fchown", move || {
        // SAFETY: no pointers involved.
        check(unsafe { libc::fchown(fd, uid, gid) })
    });
    dispatch(s, a, 3, op, ErrorContext::new("fchown"), done_undefined);
}

/// Seconds (fractional) as the kernel's timespec, the way Node stores them:
/// truncated to whole microseconds (so a time set and read back agrees with what
/// node reports), Infinity meaning "now" and NaN "leave unchanged".
fn timespec(secs: f64) -> libc::timespec {
    if secs.is_infinite() {
        return libc::timespec {
            tv_sec: 0,
            tv_nsec: libc::UTIME_NOW,
        };
    }
    if secs.is_nan() {
        return libc::timespec {
            tv_sec: 0,
            tv_nsec: libc::UTIME_OMIT,
        };
    }
    let mut sec = secs.trunc() as i64;
    let mut nsec = ((secs - sec as f64) * 1e9) as i64;
    nsec -= nsec % 1000;
    if nsec < 0 {
        nsec += 1_000_000_000;
        sec -= 1;
    }
    libc::timespec {
        tv_sec: sec as libc::time_t,
        tv_nsec: nsec as libc::c_long,
    }
}

fn times(s: &Scope, a: &CallbackArgs) -> [libc::timespec; 2] {
    let n = |i| a.get(i).number(s).unwrap_or(0.0);
    [timespec(n(1)), timespec(n(2))]
}

/// utimensat on a path (`flags` 0 or AT_SYMLINK_NOFOLLOW) or, with no path, an fd.
fn set_times(
    fd: i32,
    path: Option<&CStr>,
    ts: &[libc::timespec; 2],
    flags: i32,
) -> Result<InlineOutput, i32> {
    match path {
        // SAFETY: p is NUL-terminated; ts points at two timespecs.
        Some(p) => check(unsafe { libc::utimensat(fd, p.as_ptr(), ts.as_ptr(), flags) }),
        // glibc's utimensat refuses a null path (EINVAL); futimens is the fd form.
        // SAFETY: ts points at two timespecs.
        None => check(unsafe { libc::futimens(fd, ts.as_ptr()) }),
    }
}

/// utimes(path, atime, mtime, req), seconds as numbers
fn utimes<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let ts = times(s, a);
    let op = Inline::new("utime", move || {
        set_times(libc::AT_FDCWD, Some(&path), &ts, 0)
    });
    dispatch(
        s,
        a,
        3,
        op,
        ErrorContext::new("utime").path(&text),
        done_undefined,
    );
}

fn lutimes<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let ts = times(s, a);
    let nofollow = libc::AT_SYMLINK_NOFOLLOW;
    let op = Inline::new("lutime", move || {
        set_times(libc::AT_FDCWD, Some(&path), &ts, nofollow)
    });
    dispatch(
        s,
        a,
        3,
        op,
        ErrorContext::new("lutime").path(&text),
        done_undefined,
    );
}

fn futimes<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let fd = args::fd(s, a, 0);
    let ts = times(s, a);
    let op = Inline::new("futime", move || set_times(fd, None, &ts, 0));
    dispatch(s, a, 3, op, ErrorContext::new("futime"), done_undefined);
}

/// fs.constants.COPYFILE_* as Node defines them.
const COPYFILE_EXCL: i64 = 1;
const COPYFILE_FICLONE_FORCE: i64 = 4;

/// Copies `from` to `to` inside the kernel: a reflink when the file system can,
/// else copy_file_range, which moves pages without passing through user space.
/// As in Node: copying a file onto itself is a no-op, the destination takes the
/// source's mode, and a destination left half-made by an error is removed.
fn copy(from: &CStr, to: &CStr, flags: i64) -> Result<InlineOutput, i32> {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    let open = |path: &CStr, oflags: i32, mode: u32| {
        // SAFETY: path is NUL-terminated; the fd is owned by the OwnedFd below.
        let fd = unsafe { libc::open(path.as_ptr(), oflags | libc::O_CLOEXEC, mode) };
        // SAFETY: a fresh fd from open, owned by nobody else.
        (fd >= 0)
            .then(|| unsafe { OwnedFd::from_raw_fd(fd) })
            .ok_or_else(last_errno)
    };
    let stat = |fd: &OwnedFd| {
        // SAFETY: st is a valid out-pointer for fstat.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: fd is open; st is writable.
        if unsafe { libc::fstat(fd.as_raw_fd(), &mut st) } < 0 {
            return Err(last_errno());
        }
        Ok(st)
    };
    let src = open(from, libc::O_RDONLY, 0)?;
    let st = stat(&src)?;
    if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
        return Err(libc::EISDIR);
    }
    // No O_TRUNC yet: if `to` is `from`, truncating would destroy the source.
    let mut oflags = libc::O_WRONLY | libc::O_CREAT;
    if flags & COPYFILE_EXCL != 0 {
        oflags |= libc::O_EXCL;
    }
    let dst = open(to, oflags, st.st_mode & 0o7777)?;
    let result = (|| {
        let dst_st = stat(&dst)?;
        if dst_st.st_dev == st.st_dev && dst_st.st_ino == st.st_ino {
            return Ok(false);
        }
        // SAFETY: dst is an open fd.
        if unsafe { libc::fchmod(dst.as_raw_fd(), st.st_mode & 0o7777) } < 0 {
            return Err(last_errno());
        }
        // SAFETY: dst is an open fd.
        if unsafe { libc::ftruncate(dst.as_raw_fd(), 0) } < 0 {
            return Err(last_errno());
        }
        copy_data(&src, &dst, &st, flags)?;
        Ok(true)
    })();
    if result.is_err() {
        drop(dst);
        // SAFETY: `to` is NUL-terminated. The error being reported is the copy's.
        unsafe { libc::unlink(to.as_ptr()) };
    }
    result.map(|_| Box::new(()) as InlineOutput)
}

/// The bytes of a copy: FICLONE, else copy_file_range until the source's size.
fn copy_data(
    src: &std::os::fd::OwnedFd,
    dst: &std::os::fd::OwnedFd,
    st: &libc::stat,
    flags: i64,
) -> Result<(), i32> {
    use std::os::fd::AsRawFd;
    // SAFETY: both are open fds; FICLONE takes the source fd as its argument.
    let cloned = unsafe { libc::ioctl(dst.as_raw_fd(), libc::FICLONE, src.as_raw_fd()) } == 0;
    if !cloned && flags & COPYFILE_FICLONE_FORCE != 0 {
        return Err(last_errno());
    }
    let mut left = if cloned { 0 } else { st.st_size as usize };
    while left > 0 {
        let null = std::ptr::null_mut();
        // SAFETY: both fds are open; null offsets mean "use and advance the file positions".
        let n =
            unsafe { libc::copy_file_range(src.as_raw_fd(), null, dst.as_raw_fd(), null, left, 0) };
        if n < 0 {
            return Err(last_errno());
        }
        if n == 0 {
            break; // the source shrank while we copied
        }
        left -= n as usize;
    }
    Ok(())
}

/// copyFile(src, dest, mode, req)
fn copy_file<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((from, from_text)) = args::path(s, a, 0) else {
        return;
    };
    let Some((to, to_text)) = args::path(s, a, 1) else {
        return;
    };
    let flags = args::int(s, a, 2);
    let op = Inline::new("copyfile", move || copy(&from, &to, flags));
    let ctx = ErrorContext::new("copyfile")
        .path(&from_text)
        .dest(&to_text);
    dispatch(s, a, 3, op, ctx, done_undefined);
}

/// mkdtemp(prefix, req) -> the new directory's path
fn mkdtemp<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((prefix, text)) = args::path(s, a, 0) else {
        return;
    };
    let op = Inline::new("mkdtemp", move || {
        const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for _ in 0..100 {
            let mut rnd = [0u8; 6];
            // SAFETY: rnd is a writable 6-byte buffer.
            unsafe { libc::getrandom(rnd.as_mut_ptr().cast(), rnd.len(), 0) };
            let mut path = prefix.to_bytes().to_vec();
            path.extend(rnd.iter().map(|b| CHARS[*b as usize % CHARS.len()]));
            let c = CString::new(path.clone()).map_err(|_| libc::EINVAL)?;
            // SAFETY: c is NUL-terminated.
            if unsafe { libc::mkdir(c.as_ptr(), 0o700) } == 0 {
                return Ok(Box::new(path) as InlineOutput);
            }
            if last_errno() != libc::EEXIST {
                return Err(last_errno());
            }
        }
        Err(libc::EEXIST)
    });
    let ctx = ErrorContext::new("mkdtemp").path(&format!("{text}XXXXXX"));
    dispatch(s, a, 1, op, ctx, done_path);
}
