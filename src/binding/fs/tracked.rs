//! A Worker's trackUnmanagedFds (node's default): the fds its fs.open calls return
//! and fs.close has not closed are closed when the worker ends, as its sockets
//! are. Other threads track nothing.
use std::cell::RefCell;
use std::collections::HashSet;

use super::Op;
use crate::v8::{Local, Scope, Value};

thread_local! {
    /// None: this thread does not track (the main thread, or trackUnmanagedFds: false).
    static OPEN: RefCell<Option<HashSet<i32>>> = const { RefCell::new(None) };
}

/// This thread tracks the fds fs.open gives it from now on.
pub fn start() {
    OPEN.with(|o| *o.borrow_mut() = Some(HashSet::new()));
}

/// open's result: the fd as a JS number, noted when this thread tracks.
pub fn done_open<'s>(s: &Scope<'s>, fd: i32, _op: &mut Op) -> Local<'s, Value> {
    OPEN.with(|o| {
        if let Some(set) = o.borrow_mut().as_mut() {
            set.insert(fd);
        }
    });
    s.number(fd as f64)
}

/// fs.close(fd) was called: not ours to close any more.
pub fn closing(fd: i32) {
    OPEN.with(|o| {
        if let Some(set) = o.borrow_mut().as_mut() {
            set.remove(&fd);
        }
    });
}

/// The worker ends: close what it left open.
pub fn close_all() {
    let fds = OPEN.with(|o| o.borrow_mut().take()).unwrap_or_default();
    for fd in fds {
        // SAFETY: fs.open gave this fd to the worker's JS, which never closed it;
        // nothing else of the worker runs any more.
        unsafe { libc::close(fd) };
    }
}
