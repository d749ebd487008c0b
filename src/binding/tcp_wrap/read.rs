//! Reading a stream handle: readStart/readStop (a multishot recv over the
//! provided-buffer ring; a plain read for pipes and terminals; recvmsg for an IPC
//! channel), and the received bytes' way into JS memory (a shared slab for small
//! chunks, offset and length left in readInfo).
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{handle_arg, handle_fd, ipc, req_arg};
use crate::backend::op::{IoBuf, Read, Recv, RecvFds, RecvMulti, RecvSelect};
use crate::backend::{Completion, Op};
use crate::binding::fs::args;
use crate::runtime::Runtime;
use crate::v8::{BackingStore, CallbackArgs, Global, Local, Scope, Value};

/// One recv's buffer: what a socket read gets at most per completion.
const READ_SIZE: usize = 64 * 1024;
/// The provided-buffer group every socket reads from (docs/net.md): buffers are
/// taken only when data arrives and given back as soon as it is copied out, so
/// idle sockets hold no read memory. 128 × 64 KiB, touched only as used.
const READ_GROUP: u16 = 1;
const READ_BUFFERS: u16 = 128;

/// setReadInfo(Float64Array(2)): where read completions leave [offset, length].
pub(super) fn set_read_info<'s>(_s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some((ab, offset, 16)) = a.get(0).view() {
        READ_INFO.with(|info| *info.borrow_mut() = Some((ab.backing_store(), offset)));
    }
}

/// Whether the kernel takes IORING_RECV_MULTISHOT (6.0+): cleared at the first
/// -EINVAL from one, and sockets read one recv at a time from then on.
static RECV_MULTISHOT: AtomicBool = AtomicBool::new(true);

/// readStart(h, req, plain) -> request id (for readStop) or -errno: reads until
/// stopped (a `plain` fd, a pipe or a terminal: one read(2) op per completion).
/// req.oncomplete(null, ArrayBuffer | null at EOF | -errno, more) per arrival;
/// `more` false on the read's last completion, after which lib/ starts it again
/// if it still wants data. One multishot recv when the kernel has it, else one
/// recv per completion. -ENOBUFS (every provided buffer lent) means: start again,
/// nothing was lost.
pub(super) fn read_start<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let Some(req) = req_arg(a, 1) else { return };
    let h = handle_arg(s, a, 0);
    let rt = Runtime::get(s);
    let Ok(fd) = handle_fd(s, h) else {
        return a.ret(s.number(-libc::EBADF as f64));
    };
    let op: Op = if a.get(2).boolean(s) {
        // A buffer of its own, read when the fd is readable.
        let buf = IoBuf::from_vec(vec![0; READ_SIZE]);
        Read {
            fd,
            buf,
            pos: None,
            stream: true,
        }
        .into()
    } else if ipc::is_channel(h) {
        // An IPC channel: recvmsg, so that fds passed with messages are kept.
        RecvFds::new(fd, IoBuf::from_vec(vec![0; READ_SIZE])).into()
    } else if !rt.lp.ensure_buffers(READ_GROUP, READ_BUFFERS, READ_SIZE) {
        let buf = IoBuf::from_vec(vec![0; READ_SIZE]);
        Recv { fd, buf }.into()
    } else if RECV_MULTISHOT.load(Ordering::Relaxed) {
        RecvMulti::new(fd, READ_GROUP, READ_SIZE as u32).into()
    } else {
        RecvSelect::new(fd, READ_GROUP, READ_SIZE as u32).into()
    };
    let id = rt.submit_handle_request(s, h, req, op, Box::new(read_done));
    a.ret(s.number(id as f64));
}

/// readStop(requestId): cancels a read started by readStart; what already arrived
/// is still delivered, and its last completion (-ECANCELED) follows.
pub(super) fn read_stop<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let id = args::int(s, a, 0);
    if id >= 0 {
        Runtime::get(s).cancel_request(id as u64);
    }
}

/// Received chunks up to this size are copied into a shared slab (below); larger
/// ones get an ArrayBuffer of their own.
const SLAB_CHUNK_MAX: usize = 32 * 1024;
const SLAB_SIZE: usize = 256 * 1024;

/// Small received chunks are copied side by side into one 256 KiB ArrayBuffer and
/// handed to JS as views of it, as node's Buffer pool does for small allocations:
/// a new V8 ArrayBuffer (a backing store, its registration, its sweeping) costs
/// more than the rest of a small read. A chunk kept alive keeps its slab alive.
struct ReadSlab {
    ab: Global,
    /// Keeps the memory allocated and in place whatever JS does with the buffer.
    store: BackingStore,
    used: usize,
}

thread_local! {
    static SLAB: RefCell<Option<ReadSlab>> = const { RefCell::new(None) };
    /// [offset, length] of the last chunk within the ArrayBuffer read_done returned.
    static READ_INFO: RefCell<Option<(BackingStore, usize)>> = const { RefCell::new(None) };
}

/// Copies `bytes` into JS memory: an ArrayBuffer, with readInfo = [offset, length].
fn to_js<'s>(s: &Scope<'s>, bytes: &[u8]) -> Local<'s, Value> {
    let len = bytes.len();
    let (ab, offset) = if len <= SLAB_CHUNK_MAX {
        SLAB.with(|slab| {
            let mut slab = slab.borrow_mut();
            if slab.as_ref().is_none_or(|sl| sl.used + len > SLAB_SIZE) {
                let ab = s.array_buffer_uninit(SLAB_SIZE);
                *slab = Some(ReadSlab {
                    ab: Global::new(s, ab.value()),
                    store: ab.backing_store(),
                    used: 0,
                });
            }
            let sl = slab.as_mut().expect("just made");
            let offset = sl.used;
            // SAFETY: offset + len <= SLAB_SIZE, the store's length; the store is
            // another allocation than `bytes`.
            unsafe {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), sl.store.data().add(offset), len)
            };
            sl.used = (offset + len + 7) & !7;
            (sl.ab.get(s), offset)
        })
    } else {
        let ab = s.array_buffer_uninit(len);
        // SAFETY: the new ArrayBuffer has exactly len writable bytes, all written here.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), ab.data(), len) };
        (ab.value(), 0)
    };
    READ_INFO.with(|info| {
        if let Some((store, at)) = &*info.borrow() {
            // SAFETY: setReadInfo checked a 16-byte view at `at` of this store.
            unsafe {
                let p = store.data().add(*at).cast::<f64>();
                p.write_unaligned(offset as f64);
                p.add(1).write_unaligned(len as f64);
            }
        }
    });
    ab
}

/// A read's completion as JS sees it: the bytes copied into JS memory (`to_js`);
/// a provided buffer goes back to its group at once.
fn read_done<'s>(s: &Scope<'s>, mut c: Completion) -> Result<Local<'s, Value>, Local<'s, Value>> {
    let n = c.result.max(0) as usize;
    let to_js = |bytes: &[u8]| to_js(s, bytes);
    let bid = c.buffer_id();
    let data = match (bid, &mut c.op) {
        (Some(bid), _) => Runtime::get(s)
            .lp
            .take_buffer(READ_GROUP, bid, n, |b| (n > 0).then(|| to_js(b))),
        (None, Some(Op::Recv(recv))) if n > 0 => Some(to_js(&recv.buf.as_slice()[..n])),
        (None, Some(Op::RecvFds(recv))) if n > 0 => {
            let fds = recv.take_fds();
            ipc::received(fds);
            Some(to_js(&recv.buf.as_slice()[..n]))
        }
        (None, Some(Op::Read(read))) if n > 0 => Some(to_js(&read.buf.as_slice()[..n])),
        _ => None,
    };
    if c.result == -libc::EINVAL && matches!(c.op, Some(Op::RecvMulti(_))) {
        // A kernel without multishot recv: single reads from now on.
        RECV_MULTISHOT.store(false, Ordering::Relaxed);
        return Ok(s.number(-libc::EAGAIN as f64));
    }
    Ok(match (c.result, data) {
        (r, _) if r < 0 => s.number(r as f64),
        (0, _) => s.null(),
        (_, Some(ab)) => ab,
        _ => s.number(-libc::EIO as f64),
    })
}
