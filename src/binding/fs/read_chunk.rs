//! readChunk(fd, length, position, req): fs.ReadStream's read, into memory of our
//! own that JS then gets as the chunk's ArrayBuffer (byteLength = bytes read, as
//! node's fresh `Buffer.allocUnsafeSlow` per chunk; undefined at the end).
//!
//! Why not a fresh V8 buffer per chunk: a 1 GiB stream is 16,384 of them, and V8
//! frees a dead ArrayBuffer's memory only at a scavenge, which comes once 32 MiB
//! of them are waiting (2 x its largest semi-space). So every chunk was read into
//! memory not touched for 32 MiB: the kernel's copy into it missed the cache,
//! glibc's heap gave the pages back and took them again, and malloc/free ran per
//! chunk (docs/fs.md, "The 1 GiB stream"). Here the blocks come from a pool that
//! keeps the last freed on top, and coil asks for a scavenge once 4 MiB of blocks
//! have gone to JS: the next chunks land in memory freed a few MiB ago, pages
//! and cache lines still there. The same bargain as socket reads' slabs
//! (tcp_wrap/slab.rs), per chunk instead of per slab.
use std::cell::Cell;
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::{args, dispatch, ErrorContext};
use crate::backend::op::{IoBuf, Read};
use crate::backend::Op;
use crate::binding::set_methods;
use crate::v8::{CallbackArgs, Isolate, Local, Object, Scope, Value};

/// Block sizes: powers of two from 16 KiB to 1 MiB (a stream's highWaterMark,
/// 64 KiB by default, rounded up). lib/ reads more than the largest otherwise.
const MIN_SHIFT: u32 = 14;
const CLASSES: usize = 7;
pub const MAX_LEN: usize = 1 << (MIN_SHIFT as usize + CLASSES - 1);

/// Freed blocks kept mapped per size, in bytes: what a scavenge frees at once
/// (SCAVENGE_AFTER) and as much again. Past it they are unmapped.
const POOL_BYTES: usize = 8 << 20;

/// Bytes of blocks handed to JS since the last scavenge coil asked for, past
/// which it asks again: a scavenge costs tens of microseconds when few young
/// objects live, 4 MiB of chunks about a millisecond to read.
const SCAVENGE_AFTER: usize = 4 << 20;

/// Bytes of blocks JS holds past which a scavenge is not enough: a chunk kept
/// through two is in the old generation, which only a full collection sweeps.
/// The bar doubles when one frees little (JS keeps the chunks).
const FULL_GC_PAST: usize = 4 * SCAVENGE_AFTER;

/// Free blocks' addresses per size, the last freed on top (V8 may free on a
/// helper thread).
static POOLS: [Mutex<Vec<usize>>; CLASSES] = [const { Mutex::new(Vec::new()) }; CLASSES];
/// Bytes of blocks that JS ArrayBuffers hold.
static HELD: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static HANDED: Cell<usize> = const { Cell::new(0) };
    static FULL_AT: Cell<usize> = const { Cell::new(0) };
}

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(s, target, crate::methods!["readChunk" => read_chunk]);
}

fn class_of(len: usize) -> usize {
    let shift = len.max(1).next_power_of_two().trailing_zeros();
    shift.saturating_sub(MIN_SHIFT) as usize
}

fn class_size(class: usize) -> usize {
    1 << (MIN_SHIFT as usize + class)
}

fn take_block(class: usize) -> *mut u8 {
    if let Some(addr) = POOLS[class].lock().map_or(None, |mut p| p.pop()) {
        return addr as *mut u8;
    }
    let size = class_size(class);
    // SAFETY: an anonymous private mapping; no existing memory is touched.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        std::alloc::handle_alloc_error(
            std::alloc::Layout::from_size_align(size, 4096).expect("a valid layout"),
        );
    }
    p.cast()
}

fn give_back(data: *mut u8, class: usize) {
    let size = class_size(class);
    if let Ok(mut pool) = POOLS[class].lock() {
        if pool.len() * size < POOL_BYTES {
            pool.push(data as usize);
            return;
        }
    }
    // SAFETY: a block of `size` bytes from take_block that nobody holds any more.
    unsafe { libc::munmap(data.cast(), size) };
}

/// A block lent to a read op: back to the pool when the op is dropped, unless
/// its memory went on to an ArrayBuffer (`data` null).
struct Block {
    data: *mut u8,
    class: usize,
}

impl Drop for Block {
    fn drop(&mut self) {
        if !self.data.is_null() {
            give_back(self.data, self.class);
        }
    }
}

extern "C" fn free_chunk(data: *mut c_void, _len: usize, ctx: *mut c_void) {
    let class = ctx as usize;
    HELD.fetch_sub(class_size(class), Ordering::Relaxed);
    give_back(data.cast(), class);
}

/// readChunk(fd, length, position, req) -> ArrayBuffer | undefined (end of file)
fn read_chunk<'s>(s: &Scope<'s>, a: &CallbackArgs<'s>) {
    let len = (args::int(s, a, 1).max(1) as usize).min(MAX_LEN);
    let class = class_of(len);
    let block = Block {
        data: take_block(class),
        class,
    };
    let data = block.data;
    // SAFETY: the Block keeps its class_size(class) >= len bytes mapped, and
    // out of the pool, until it is dropped with the op.
    let buf = unsafe { IoBuf::from_raw(data, len, Box::new(block)) };
    let op = Read {
        fd: args::user_fd(s, a, 0),
        buf,
        pos: args::position(s, a, 2),
        stream: false,
    };
    dispatch(s, a, 3, op, ErrorContext::new("read"), done_chunk);
}

fn done_chunk<'s>(s: &Scope<'s>, result: i32, op: &mut Op) -> Local<'s, Value> {
    let n = result as usize;
    let Op::Read(read) = op else {
        unreachable!("readChunk dispatches a Read");
    };
    if n == 0 {
        return s.undefined();
    }
    let class = block_of(&mut read.buf).class;
    // A chunk of under half its block (a short read, or a small highWaterMark) is
    // copied: a small chunk should not pin a big block (the block goes back with
    // the op).
    if n < class_size(class) / 2 {
        return s
            .array_buffer_from_vec(read.buf.as_slice()[..n].to_vec())
            .value();
    }
    let data = std::mem::replace(&mut block_of(&mut read.buf).data, std::ptr::null_mut());
    HELD.fetch_add(class_size(class), Ordering::Relaxed);
    // SAFETY: the block is no longer the op's (data cleared above); the
    // ArrayBuffer owns it until V8 calls free_chunk, once.
    let ab = unsafe { s.array_buffer_external(data, n, free_chunk, class as *mut c_void) };
    handed_over(s, class_size(class));
    ab.value()
}

fn block_of(buf: &mut IoBuf) -> &mut Block {
    match buf.keep_mut().and_then(|k| k.downcast_mut::<Block>()) {
        Some(b) => b,
        None => unreachable!("readChunk's buffer is a Block"),
    }
}

/// `bytes` of blocks went to JS: once SCAVENGE_AFTER have, and JS holds more
/// than half that, a collection frees the blocks of chunks that died.
fn handed_over(s: &Scope, bytes: usize) {
    let handed = HANDED.get() + bytes;
    let held = HELD.load(Ordering::Relaxed);
    if handed < SCAVENGE_AFTER || held <= SCAVENGE_AFTER / 2 {
        HANDED.set(handed);
        return;
    }
    HANDED.set(0);
    let full_at = FULL_AT.get().max(FULL_GC_PAST);
    if held > full_at {
        FULL_AT.set(held * 2);
        Isolate::collect_all_garbage(s.isolate());
    } else {
        if held < full_at / 4 {
            FULL_AT.set(0);
        }
        Isolate::collect_young_garbage(s.isolate());
    }
}
