//! What every socket binding's handles share, after Node's HandleWrap: the
//! handle id and fd from the arguments, ref/unref, and the local and peer
//! addresses (tcp_wrap and udp_wrap list these in their method tables).
use super::fs::args;
use crate::backend::sockaddr::SockAddr;
use crate::backend::SharedFd;
use crate::event_loop::HandleId;
use crate::runtime::Runtime;
use crate::v8::{CallbackArgs, Local, Scope, Value};

/// Argument i as a handle id.
pub fn handle_arg(s: &Scope, a: &CallbackArgs, i: usize) -> HandleId {
    args::int(s, a, i).max(0) as HandleId
}

/// The handle's fd; EBADF once closing (or before a UDP socket is bound).
pub fn handle_fd(s: &Scope, h: HandleId) -> Result<SharedFd, i32> {
    Runtime::get(s).lp.handle_fd(h).ok_or(libc::EBADF)
}

/// ref(h, referenced): socket.ref() / unref().
pub fn set_ref<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let referenced = a.get(1).boolean(s);
    Runtime::get(s)
        .lp
        .handle_set_ref(handle_arg(s, a, 0), referenced);
}

/// [address, family, port] of the socket's own or peer address, or -errno.
fn endpoint<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>, peer: bool) -> Local<'s, Value> {
    let mut addr = SockAddr::empty();
    let r = handle_fd(s, handle_arg(s, a, 0)).and_then(|fd| {
        if peer {
            addr.read_peer(fd.raw())
        } else {
            addr.read_local(fd.raw())
        }
    });
    if let Err(e) = r {
        return s.number(-e as f64);
    }
    let e = addr.endpoint();
    let items = [
        s.string(&e.address).value(),
        s.string(e.family).value(),
        s.number(e.port as f64),
    ];
    s.array(&items).value()
}

/// localAddress(h) -> [address, family, port] or -errno.
pub fn local_address<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    a.ret(endpoint(s, a, false));
}

/// remoteAddress(h) -> [address, family, port] or -errno.
pub fn remote_address<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    a.ret(endpoint(s, a, true));
}
