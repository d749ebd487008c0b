//! Reading a stream handle: readStart/readStop (a multishot recv over the
//! provided-buffer ring; a plain read for pipes and terminals; recvmsg for an IPC
//! channel), and the received bytes' way into JS memory: straight into it where
//! the backend takes lent buffers (slabs of JS memory the kernel fills front to
//! back, `LentSlabs`), else copied into a shared slab; offset and length are left
//! in readInfo.
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{handle_arg, handle_fd, ipc, req_arg, slab};
use crate::backend::op::{IoBuf, Read, Recv, RecvFds, RecvMulti, RecvSelect};
use crate::backend::{Completion, Op};
use crate::binding::fs::args;
use crate::binding::{buffer_groups, http_parser};
use crate::event_loop::HandleId;
use crate::runtime::{Finish, Runtime};
use crate::v8::{BackingStore, CallbackArgs, Local, Scope, Value};

/// One recv's buffer: what a socket read gets at most per completion.
const READ_SIZE: usize = 64 * 1024;
/// The provided-buffer group every socket reads from (docs/net.md): buffers are
/// taken only when data arrives and given back as soon as it is copied out, so
/// idle sockets hold no read memory. 128 × 64 KiB, touched only as used.
const READ_GROUP: u16 = buffer_groups::STREAM_COPY;
const READ_BUFFERS: u16 = 128;
/// The lent group: slabs of LENT_SIZE bytes lent at once, filled by reads side by
/// side. LENT_FIRST at first, twice as many each time reads find them all used
/// (ENOBUFS) up to LENT_MAX (as much as READ_GROUP holds): a 64-byte echo at
/// 1,000 connections fills less than one slab per loop turn, a 16 KiB one up to
/// 16 MiB. Lent slabs are memory: the kernel cycles through all of them.
const LENT_GROUP: u16 = buffer_groups::STREAM_LENT;
const LENT_FIRST: u16 = 4;
const LENT_MAX: u16 = 32;
const LENT_SIZE: usize = slab::SLAB_SIZE;

/// setReadInfo(Float64Array(2)): where read completions leave [offset, length].
pub(super) fn set_read_info<'s>(_s: &Scope<'s>, a: &CallbackArgs<'s>) {
    if let Some((ab, offset, 16)) = a.get(0).view() {
        let store = ab.backing_store();
        // SAFETY: the view checked 16 bytes at `offset` of this store, which
        // READ_INFO keeps alive from now on.
        READ_INFO_AT.set(unsafe { store.data().add(offset) }.cast());
        READ_INFO.with(|info| *info.borrow_mut() = Some((store, offset)));
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
    } else if LentSlabs::ready(s) {
        let op: Op = if RECV_MULTISHOT.load(Ordering::Relaxed) {
            RecvMulti::new(fd, LENT_GROUP, READ_SIZE as u32).into()
        } else {
            RecvSelect::new(fd, LENT_GROUP, READ_SIZE as u32).into()
        };
        let done: Finish = Box::new(move |s, c| lent_read_done(s, c, h));
        let id = rt.submit_handle_request(s, h, req, op, done);
        return a.ret(s.number(id as f64));
    } else if !rt.lp.ensure_buffers(READ_GROUP, READ_BUFFERS, READ_SIZE) {
        let buf = IoBuf::from_vec(vec![0; READ_SIZE]);
        Recv { fd, buf }.into()
    } else if RECV_MULTISHOT.load(Ordering::Relaxed) {
        RecvMulti::new(fd, READ_GROUP, READ_SIZE as u32).into()
    } else {
        RecvSelect::new(fd, READ_GROUP, READ_SIZE as u32).into()
    };
    let done: Finish = Box::new(move |s, c| read_done(s, c, h));
    let id = rt.submit_handle_request(s, h, req, op, done);
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
const SLAB_SIZE: usize = slab::SLAB_SIZE;

/// Small received chunks are copied side by side into one 256 KiB slab and
/// handed to JS as views of it, as node's Buffer pool does for small allocations:
/// a new V8 ArrayBuffer (a backing store, its registration, its sweeping) costs
/// more than the rest of a small read. A chunk kept alive keeps its slab alive.
struct ReadSlab {
    slab: slab::Slab,
    used: usize,
}

thread_local! {
    static SLAB: RefCell<Option<ReadSlab>> = const { RefCell::new(None) };
    /// [offset, length] of the last chunk within the ArrayBuffer read_done returned.
    static READ_INFO: RefCell<Option<(BackingStore, usize)>> = const { RefCell::new(None) };
    /// Where READ_INFO's two numbers are (null until set): written per read
    /// without a borrow or a call into V8 for the store's address.
    static READ_INFO_AT: std::cell::Cell<*mut f64> = const { std::cell::Cell::new(std::ptr::null_mut()) };
}

/// Where a read's `n` bytes, now at `offset` in `ab`, go: to the parser that
/// consumes handle `h` while its read goes on (http_parser/consume.rs; then the
/// completion needs no JS callback), else to JS, with readInfo = [offset, n].
fn hand_over<'s>(
    s: &Scope<'s>,
    c: &Completion,
    h: HandleId,
    (ab, offset): (Local<'s, Value>, usize),
    n: usize,
) -> Local<'s, Value> {
    if !(c.more && http_parser::consume::on_read(s, h, ab, offset, n)) {
        write_read_info(offset, n);
    }
    ab
}

/// Copies `bytes` into JS memory: (ArrayBuffer, offset). Up to SLAB_CHUNK_MAX
/// bytes land in the read slab, beside socket reads (tls's records use it too:
/// no ArrayBuffer is made per record).
pub(crate) fn copy_to_js<'s>(s: &Scope<'s>, bytes: &[u8]) -> (Local<'s, Value>, usize) {
    let len = bytes.len();
    if len <= SLAB_CHUNK_MAX {
        SLAB.with(|slab| {
            let mut slab = slab.borrow_mut();
            if slab.as_ref().is_none_or(|sl| sl.used + len > SLAB_SIZE) {
                if let Some(old) = slab.take() {
                    old.slab.release();
                    slab::let_go(s, 1);
                }
                *slab = Some(ReadSlab {
                    slab: slab::Slab::new(s),
                    used: 0,
                });
            }
            let sl = slab.as_mut().expect("just made");
            let at = sl.used;
            // SAFETY: at + len <= SLAB_SIZE, the slab's length; the slab is
            // another allocation than `bytes`.
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), sl.slab.data().add(at), len) };
            sl.used = (at + len + 7) & !7;
            sl.slab.view(s, at)
        })
    } else {
        let ab = s.array_buffer_uninit(len);
        // SAFETY: the new ArrayBuffer has exactly len writable bytes, all written here.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), ab.data(), len) };
        (ab.value(), 0)
    }
}

/// readInfo = [offset, len]: where the last chunk lies in the ArrayBuffer given.
fn write_read_info(offset: usize, len: usize) {
    let p = READ_INFO_AT.get();
    if !p.is_null() {
        // SAFETY: setReadInfo checked a 16-byte view there, of a store READ_INFO
        // keeps alive.
        unsafe {
            p.write_unaligned(offset as f64);
            p.add(1).write_unaligned(len as f64);
        }
    }
}

/// A read's completion as JS sees it: the bytes copied into JS memory
/// (`copy_to_js`); a provided buffer goes back to its group at once.
fn read_done<'s>(
    s: &Scope<'s>,
    mut c: Completion,
    h: HandleId,
) -> Result<Local<'s, Value>, Local<'s, Value>> {
    let n = c.result.max(0) as usize;
    let to_js = |bytes: &[u8]| copy_to_js(s, bytes);
    let bid = c.buffer_id();
    let data = match (bid, c.op.as_deref_mut()) {
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
    let data = data.map(|at| hand_over(s, &c, h, at, n));
    Ok(read_value(s, &c, data))
}

/// What a read's completion gives JS: the ArrayBuffer the bytes are in, null at
/// EOF, or -errno.
fn read_value<'s>(
    s: &Scope<'s>,
    c: &Completion,
    data: Option<Local<'s, Value>>,
) -> Local<'s, Value> {
    if c.result == -libc::EINVAL && matches!(c.op.as_deref(), Some(Op::RecvMulti(_))) {
        // A kernel without multishot recv: single reads from now on.
        RECV_MULTISHOT.store(false, Ordering::Relaxed);
        return s.number(-libc::EAGAIN as f64);
    }
    match (c.result, data) {
        (r, _) if r < 0 => s.number(r as f64),
        (0, _) => s.null(),
        (_, Some(ab)) => ab,
        _ => s.number(-libc::EIO as f64),
    }
}

/// A read into the lent group: the bytes are already in a slab of JS memory.
fn lent_read_done<'s>(
    s: &Scope<'s>,
    c: Completion,
    h: HandleId,
) -> Result<Local<'s, Value>, Local<'s, Value>> {
    if c.result == -libc::ENOBUFS || Runtime::get(s).lp.take_lent_starved() {
        LentSlabs::grow(s);
    }
    let n = c.result.max(0) as usize;
    let data = match c.buffer_id() {
        Some(bid) if c.result > 0 => LentSlabs::take(s, bid, n, c.buffer_more()),
        _ => None,
    };
    let data = data.map(|at| hand_over(s, &c, h, at, n));
    Ok(read_value(s, &c, data))
}

/// Slabs of memory (256 KiB) lent to the backend as LENT_GROUP's buffers and
/// handed to JS as ArrayBuffers: the kernel fills a slab front to back, read
/// after read, whichever socket each read is for, so a chunk is handed to JS as a
/// view where it landed — no copy. A used-up slab is let go (its chunks keep it
/// alive for as long as JS holds them) and a fresh one lent in its place, so
/// as many stay lent. Bytes of a slab past the reads reported are the kernel's
/// to write: JS never sees them (a chunk's `.buffer` shows the slab from some
/// earlier chunk on, as a pooled Buffer's does in node).
///
/// The slab stays allocated and unmoved while the kernel may still write the
/// rest of it, whatever JS does with its ArrayBuffers (even detaching them): the
/// reader's hold (`slab::Slab`) is given up only after the completion that used
/// it up. Its ArrayBuffers are made as bytes arrive, one per V8 collection
/// (`Slab::view`), so that they die young.
struct LentSlab {
    slab: slab::Slab,
    /// Bytes the kernel has filled so far (reported by completions).
    used: usize,
}

struct LentSlabs;

thread_local! {
    /// LENT_GROUP's slabs by buffer id; None until the group is set up. A slab
    /// still lent at exit is left to the process's end (the ring may write it
    /// until the backend is gone).
    static LENT: RefCell<Option<Vec<Option<LentSlab>>>> = const { RefCell::new(None) };
    /// How many slabs are lent (buffer ids 0 to this).
    static LENT_NOW: std::cell::Cell<u16> = const { std::cell::Cell::new(0) };
}

impl LentSlabs {
    /// Whether reads go to lent slabs: the group is set up (at the first read) and
    /// its first slabs are lent.
    fn ready(s: &Scope) -> bool {
        if LENT.with_borrow(|l| l.is_some()) {
            return true;
        }
        // COIL_LENT_BUFFERS=0 takes the copying path a kernel before 6.12 takes
        // (to test it, and to compare the two).
        let off = std::env::var_os("COIL_LENT_BUFFERS").is_some_and(|v| v == "0");
        if off || !Runtime::get(s).lp.ensure_lent_buffers(LENT_GROUP, LENT_MAX) {
            return false;
        }
        LENT.with_borrow_mut(|l| *l = Some((0..LENT_MAX).map(|_| None).collect()));
        for bid in 0..LENT_FIRST {
            LentSlabs::lend(s, bid);
        }
        LENT_NOW.set(LENT_FIRST);
        true
    }

    /// Reads found every lent slab used up: lend twice as many (up to LENT_MAX).
    fn grow(s: &Scope) {
        let now = LENT_NOW.get();
        if now == 0 || now >= LENT_MAX {
            return;
        }
        let to = (now * 2).min(LENT_MAX);
        for bid in now..to {
            LentSlabs::lend(s, bid);
        }
        LENT_NOW.set(to);
    }

    /// Lends a fresh slab as buffer `bid`.
    fn lend(s: &Scope, bid: u16) {
        let slab = slab::Slab::new(s);
        // SAFETY: the slab's memory stays allocated and unmoved until `take`
        // releases the reader's hold after the completion that used the buffer
        // up; JS reads only the bytes completions reported.
        unsafe {
            Runtime::get(s)
                .lp
                .lend_buffer(LENT_GROUP, bid, slab.data(), LENT_SIZE as u32)
        };
        LENT.with_borrow_mut(|l| {
            if let Some(slot) = l.as_mut().and_then(|l| l.get_mut(bid as usize)) {
                *slot = Some(LentSlab { slab, used: 0 });
            }
        });
    }

    /// `n` bytes a read put at the front of slab `bid`'s unused part: its
    /// ArrayBuffer and where they are in it. Without `more`, the slab is used
    /// up: let go and replaced.
    fn take<'s>(
        s: &Scope<'s>,
        bid: u16,
        n: usize,
        more: bool,
    ) -> Option<(Local<'s, Value>, usize)> {
        let (ab, offset) = LENT.with_borrow_mut(|l| {
            let slot = l.as_mut()?.get_mut(bid as usize)?;
            let lent = slot.as_mut()?;
            let at = lent.used;
            lent.used = (at + n).min(LENT_SIZE);
            crate::backend::valgrind::mark_defined(lent.slab.data().wrapping_add(at), n);
            let view = lent.slab.view(s, at);
            if !more {
                if let Some(done) = slot.take() {
                    done.slab.release();
                }
            }
            Some(view)
        })?;
        if !more {
            LentSlabs::lend(s, bid);
            slab::let_go(s, LENT_NOW.get() as usize + 1);
        }
        Some((ab, offset))
    }
}
