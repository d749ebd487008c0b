//! The fs calls io_uring has an opcode for. Each builds its op from the arguments
//! and dispatches it: to the ring when a request object is passed, as a plain
//! syscall when not. Argument order follows lib/fs.js; the request is always last.
use super::{args, dispatch, dispatch_promise, done_number, done_undefined, stat, ErrorContext};
use crate::backend::op::{
    Close, Fadvise, Fallocate, Fsync, Ftruncate, Inline, Link, Mkdir, Open, Read, Readv, Rename,
    Statx, StatxTarget, Symlink, Unlink, Write, Writev,
};
use crate::binding::set_methods;
use crate::v8::{CallbackArgs, Local, Object, Scope, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "open" => open,
            "close" => close,
            "read" => read,
            "readBuffers" => read_buffers,
            "writeBuffer" => write_buffer,
            "writeBuffers" => write_buffers,
            "stat" => stat_path,
            "lstat" => lstat,
            "fstat" => fstat,
            "fsync" => fsync,
            "fdatasync" => fdatasync,
            "ftruncate" => ftruncate,
            "fallocate" => fallocate,
            "fadvise" => fadvise,
            "rename" => rename,
            "unlink" => unlink,
            "rmdir" => rmdir,
            "mkdir" => mkdir,
            "symlink" => symlink,
            "link" => link,
        ],
    );
}

/// open(path, flags, mode, req) -> fd
fn open<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let op = Open {
        path,
        flags: args::int(s, a, 1) as i32,
        mode: args::int(s, a, 2) as u32,
    };
    dispatch(
        s,
        a,
        3,
        op,
        ErrorContext::new("open").path(&text),
        super::tracked::done_open,
    );
}

/// close(fd, req)
fn close<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let fd = args::fd(s, a, 0);
    super::tracked::closing(fd);
    let op = Close { fd };
    dispatch(s, a, 1, op, ErrorContext::new("close"), done_undefined);
}

/// read(fd, buffer, offset, length, position, req) -> bytesRead
fn read<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let (off, len) = (args::int(s, a, 2) as usize, args::int(s, a, 3) as usize);
    let Some(buf) = args::buffer(s, a.get(1), off, len) else {
        return;
    };
    let op = Read {
        fd: args::user_fd(s, a, 0),
        buf,
        pos: args::position(s, a, 4),
        stream: false,
    };
    dispatch(s, a, 5, op, ErrorContext::new("read"), done_number);
}

/// readBuffers(fd, buffers, position, req) -> bytesRead
fn read_buffers<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(bufs) = args::buffers(s, a.get(1)) else {
        return;
    };
    if bufs.is_empty() {
        // Node (libuv) refuses a read into no buffers with EINVAL; the kernel
        // would return 0. The error still arrives the way the call's flavour says.
        let op = Inline::new("read", || Err(libc::EINVAL));
        return dispatch(s, a, 3, op, ErrorContext::new("read"), done_number);
    }
    let op = Readv::new(args::user_fd(s, a, 0), bufs, args::position(s, a, 2));
    dispatch(s, a, 3, op, ErrorContext::new("read"), done_number);
}

/// writeBuffer(fd, buffer, offset, length, position, req) -> bytesWritten
fn write_buffer<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let (off, len) = (args::int(s, a, 2) as usize, args::int(s, a, 3) as usize);
    let Some(buf) = args::buffer(s, a.get(1), off, len) else {
        return;
    };
    let op = Write {
        fd: args::user_fd(s, a, 0),
        buf,
        pos: args::position(s, a, 4),
    };
    dispatch(s, a, 5, op, ErrorContext::new("write"), done_number);
}

/// writeBuffers(fd, buffers, position, req) -> bytesWritten
fn write_buffers<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(bufs) = args::buffers(s, a.get(1)) else {
        return;
    };
    let op = Writev::new(args::user_fd(s, a, 0), bufs, args::position(s, a, 2));
    dispatch(s, a, 3, op, ErrorContext::new("write"), done_number);
}

/// A stat's op, as the call's arguments (1: bigint, 2: req) ask: a promise
/// whose Stats the completion makes itself when the request is a function (it
/// only says so, stat.rs), else as `dispatch` does with the 18 fields.
fn stat_dispatch<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>, op: Statx, ctx: ErrorContext) {
    let bigint = a.get(1).boolean(s);
    if !bigint && a.get(2).is(ValueKind::Function) {
        return dispatch_promise(s, a, None, op.into(), ctx, stat::done_shared);
    }
    let done = if bigint {
        stat::done_bigint
    } else {
        stat::done_number
    };
    dispatch(s, a, 2, op, ctx, done);
}

/// stat(path, bigint, req) -> ArrayBuffer of 18 fields (see stat.rs)
fn stat_path<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(path) = args::c_path(s, a, 0) else {
        return;
    };
    let op = Statx::new(StatxTarget::Path { path, follow: true });
    stat_dispatch(s, a, op, ErrorContext::new("stat").op_path());
}

fn lstat<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(path) = args::c_path(s, a, 0) else {
        return;
    };
    let op = Statx::new(StatxTarget::Path {
        path,
        follow: false,
    });
    stat_dispatch(s, a, op, ErrorContext::new("lstat").op_path());
}

fn fstat<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let op = Statx::new(StatxTarget::Fd(args::user_fd(s, a, 0)));
    stat_dispatch(s, a, op, ErrorContext::new("fstat"));
}

fn fsync<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let op = Fsync {
        fd: args::user_fd(s, a, 0),
        data_only: false,
    };
    dispatch(s, a, 1, op, ErrorContext::new("fsync"), done_undefined);
}

fn fdatasync<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let op = Fsync {
        fd: args::user_fd(s, a, 0),
        data_only: true,
    };
    dispatch(s, a, 1, op, ErrorContext::new("fdatasync"), done_undefined);
}

/// ftruncate(fd, len, req); len may be a BigInt-sized number.
fn ftruncate<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let op = Ftruncate {
        fd: args::user_fd(s, a, 0),
        len: args::position(s, a, 1).unwrap_or(0),
    };
    dispatch(s, a, 2, op, ErrorContext::new("ftruncate"), done_undefined);
}

/// fallocate(fd, mode, offset, len, req)
fn fallocate<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let op = Fallocate {
        fd: args::user_fd(s, a, 0),
        mode: args::int(s, a, 1) as i32,
        offset: args::position(s, a, 2).unwrap_or(0),
        len: args::position(s, a, 3).unwrap_or(0),
    };
    dispatch(s, a, 4, op, ErrorContext::new("fallocate"), done_undefined);
}

/// fadvise(fd, offset, len, advice, req): a read-ahead hint for streams.
fn fadvise<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let op = Fadvise {
        fd: args::user_fd(s, a, 0),
        offset: args::position(s, a, 1).unwrap_or(0),
        len: args::int(s, a, 2),
        advice: args::int(s, a, 3) as i32,
    };
    dispatch(s, a, 4, op, ErrorContext::new("fadvise"), done_undefined);
}

fn rename<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((from, from_text)) = args::path(s, a, 0) else {
        return;
    };
    let Some((to, to_text)) = args::path(s, a, 1) else {
        return;
    };
    let ctx = ErrorContext::new("rename").path(&from_text).dest(&to_text);
    dispatch(s, a, 2, Rename { from, to }, ctx, done_undefined);
}

fn unlink<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let op = Unlink { path, dir: false };
    dispatch(
        s,
        a,
        1,
        op,
        ErrorContext::new("unlink").path(&text),
        done_undefined,
    );
}

fn rmdir<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let op = Unlink { path, dir: true };
    dispatch(
        s,
        a,
        1,
        op,
        ErrorContext::new("rmdir").path(&text),
        done_undefined,
    );
}

/// mkdir(path, mode, req); recursion is lib/fs.js's work.
fn mkdir<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let op = Mkdir {
        path,
        mode: args::int(s, a, 1) as u32,
    };
    dispatch(
        s,
        a,
        2,
        op,
        ErrorContext::new("mkdir").path(&text),
        done_undefined,
    );
}

/// symlink(target, path, req)
fn symlink<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((target, target_text)) = args::path(s, a, 0) else {
        return;
    };
    let Some((path, path_text)) = args::path(s, a, 1) else {
        return;
    };
    let ctx = ErrorContext::new("symlink")
        .path(&target_text)
        .dest(&path_text);
    dispatch(s, a, 2, Symlink { target, path }, ctx, done_undefined);
}

/// link(existing, new, req)
fn link<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((existing, from)) = args::path(s, a, 0) else {
        return;
    };
    let Some((new, to)) = args::path(s, a, 1) else {
        return;
    };
    let ctx = ErrorContext::new("link").path(&from).dest(&to);
    dispatch(s, a, 2, Link { existing, new }, ctx, done_undefined);
}
