//! statfs(path, bigint, req): the file system's figures for fs.statfs, from
//! statfs(2). io_uring has no opcode for it, so it is an `Inline` op like access
//! (docs/fs.md). The value is the seven numbers Node's StatFs holds, in its order:
//! type, bsize, blocks, bfree, bavail, files, ffree.
use super::{args, dispatch, ErrorContext};
use crate::backend::op::{Inline, InlineOutput};
use crate::backend::Op;
use crate::binding::errno::last_errno;
use crate::binding::set_methods;
use crate::v8::{CallbackArgs, Local, Object, Scope, Value};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(s, target, crate::methods!["statfs" => statfs]);
}

type Figures = [i64; 7];

fn figures(path: &std::ffi::CStr) -> Result<InlineOutput, i32> {
    // SAFETY: statfs is plain old data; all-zero is a valid value of it.
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: path is NUL-terminated and st is a live, writable statfs.
    if unsafe { libc::statfs(path.as_ptr(), &mut st) } < 0 {
        return Err(last_errno());
    }
    let f: Figures = [
        st.f_type as i64,
        st.f_bsize as i64,
        st.f_blocks as i64,
        st.f_bfree as i64,
        st.f_bavail as i64,
        st.f_files as i64,
        st.f_ffree as i64,
    ];
    Ok(Box::new(f))
}

fn take(op: &mut Op) -> Figures {
    let Op::Inline(op) = op else { return [0; 7] };
    op.output
        .take()
        .and_then(|o| o.downcast::<Figures>().ok())
        .map_or([0; 7], |b| *b)
}

fn done_number<'s>(s: &Scope<'s>, _r: i32, op: &mut Op) -> Local<'s, Value> {
    let values: Vec<_> = take(op).iter().map(|&v| s.number(v as f64)).collect();
    s.array(&values).value()
}

fn done_bigint<'s>(s: &Scope<'s>, _r: i32, op: &mut Op) -> Local<'s, Value> {
    let values: Vec<_> = take(op).iter().map(|&v| s.bigint(v)).collect();
    s.array(&values).value()
}

fn statfs<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some((path, text)) = args::path(s, a, 0) else {
        return;
    };
    let bigint = a.get(1).boolean(s);
    let op = Inline::new("statfs", move || figures(&path));
    let done = if bigint { done_bigint } else { done_number };
    dispatch(s, a, 2, op, ErrorContext::new("statfs").path(&text), done);
}
