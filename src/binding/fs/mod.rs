//! internalBinding('fs'): every file-system call, in one calling convention. The
//! last argument is the request: a JS object with `oncomplete(err, value)` makes
//! the call asynchronous (a symbol, kUsePromises, or a function makes it return a
//! promise settled from Rust, the value passed through the function if one) (the op goes to the ring, or runs inline when io_uring has
//! no opcode for it); `undefined` makes it synchronous (the same op's plain syscall,
//! returning the value or throwing). Either way one `finish` function turns the
//! result into JS, so the three flavours of lib/fs.js cannot drift apart.
use super::errno::errno_exception;
use super::set_methods;
use crate::backend::{Completion, Op};
use crate::runtime::{Finisher, Runtime};
use crate::v8::{CallbackArgs, Function, Local, Object, Scope, Value, ValueKind};

pub(crate) mod args;
mod inline_ops;
mod loader;
mod read_chunk;
mod read_file;
mod ring_ops;
mod stat;
mod statfs;
pub mod tracked;
mod watch;

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "internalModuleStat" => loader::internal_module_stat,
            "readFileUtf8" => loader::read_file_utf8,
            "readFileBytes" => loader::read_file_bytes,
            "realpath" => loader::realpath,
        ],
    );
    ring_ops::init(s, target);
    read_file::init(s, target);
    read_chunk::init(s, target);
    inline_ops::init(s, target);
    watch::init(s, target);
    statfs::init(s, target);
    stat::init(s, target);
}

/// What an error names besides its errno: the syscall, and the path(s) involved.
pub struct ErrorContext {
    pub syscall: &'static str,
    pub path: Option<String>,
    pub dest: Option<String>,
    /// The path is the op's own (`Op::path`), turned into text only on error.
    pub op_path: bool,
}

impl ErrorContext {
    pub fn new(syscall: &'static str) -> ErrorContext {
        ErrorContext {
            syscall,
            path: None,
            dest: None,
            op_path: false,
        }
    }
    /// The path for the error is the op's: no copy of it is made per call.
    pub fn op_path(mut self) -> ErrorContext {
        self.op_path = true;
        self
    }
    pub fn path(mut self, p: &str) -> ErrorContext {
        self.path = Some(p.to_string());
        self
    }
    pub fn dest(mut self, d: &str) -> ErrorContext {
        self.dest = Some(d.to_string());
        self
    }
    /// The error for a finished op: its path is taken from the op when `op_path`.
    pub fn error_for<'s>(&self, s: &Scope<'s>, errno: i32, op: Option<&Op>) -> Local<'s, Value> {
        if !self.op_path {
            return self.error(s, errno);
        }
        let path = op.and_then(Op::path).map(|p| p.to_string_lossy());
        errno_exception(
            s,
            errno,
            self.syscall,
            path.as_deref(),
            self.dest.as_deref(),
        )
    }
    pub fn error<'s>(&self, s: &Scope<'s>, errno: i32) -> Local<'s, Value> {
        errno_exception(
            s,
            errno,
            self.syscall,
            self.path.as_deref(),
            self.dest.as_deref(),
        )
    }
}

/// Turns a successful result (and the op, with whatever it filled in) into JS.
pub type Done = for<'s> fn(&Scope<'s>, i32, &mut Op) -> Local<'s, Value>;

/// The result as a JS number (bytes read, fd, ...).
pub fn done_number<'s>(s: &Scope<'s>, result: i32, _op: &mut Op) -> Local<'s, Value> {
    s.number(result as f64)
}

/// No value (close, unlink, ...).
pub fn done_undefined<'s>(s: &Scope<'s>, _result: i32, _op: &mut Op) -> Local<'s, Value> {
    s.undefined()
}

/// How an fs call's completion becomes JS: its error context on failure, its
/// `done` on success. Kept in the request itself, not boxed (runtime/request.rs).
pub struct FsFinish {
    ctx: ErrorContext,
    done: Done,
}

impl FsFinish {
    pub fn run<'s>(
        &self,
        s: &Scope<'s>,
        c: Completion,
    ) -> Result<Local<'s, Value>, Local<'s, Value>> {
        let result = c.result;
        if result < 0 {
            return Err(self.ctx.error_for(s, -result, c.op.as_deref()));
        }
        let mut op = c.op.expect("a finished op is handed back");
        Ok((self.done)(s, result, &mut op))
    }
}

/// Runs `op` and returns (as the call's value) a promise its completion settles
/// with `done`'s value, passed through `map` when there is one.
pub fn dispatch_promise<'s>(
    s: &Scope<'s>,
    args: &CallbackArgs<'s>,
    map: Option<Local<'s, Function>>,
    op: Op,
    ctx: ErrorContext,
    done: Done,
) {
    let finish = Finisher::Fs(FsFinish { ctx, done });
    if let Some(p) = Runtime::get(s).submit_promise(s, map, op, finish) {
        args.ret(p.value());
    }
}

/// Runs `op` asynchronously when argument `req_index` is a request object, else
/// synchronously, and hands the value to JS (return value or oncomplete).
pub fn dispatch<'s>(
    s: &Scope<'s>,
    args: &CallbackArgs<'s>,
    req_index: usize,
    op: impl Into<Op>,
    ctx: ErrorContext,
    done: Done,
) {
    let mut op = op.into();
    let req = args.get(req_index);
    // A function or a symbol (kUsePromises): the call returns a promise that the
    // completion settles, through the function when there is one.
    let map = req.to::<Function>(ValueKind::Function);
    if map.is_some() || req.is(ValueKind::Symbol) {
        return dispatch_promise(s, args, map, op, ctx, done);
    }
    if let Some(req) = req.to::<Object>(ValueKind::Object) {
        let finish = Finisher::Fs(FsFinish { ctx, done });
        Runtime::get(s).submit_request(s, req, op, finish);
        return;
    }
    let result = op.as_opable().run_blocking();
    if result < 0 {
        s.throw(ctx.error_for(s, -result, Some(&op)));
    } else {
        args.ret(done(s, result, &mut op));
    }
}
