//! Read slabs: the 256 KiB ArrayBuffers socket reads land in, side by side. Their
//! memory is allocated here and handed to V8, which gives it back when the
//! ArrayBuffer and every chunk viewing it have died. Measured in a 16 KiB echo
//! (1.4 GB/s through slabs): slabs from V8's own allocator cost page faults and
//! kernel-zeroed pages, 7-9% of the CPU, that memory from the Rust allocator does
//! not (glibc keeps reusing its heap for these).
use std::alloc::{alloc as raw_alloc, dealloc, Layout};
use std::ffi::c_void;

use crate::v8::{ArrayBuffer, Local, Scope};

pub const SLAB_SIZE: usize = 256 * 1024;

fn layout() -> Layout {
    Layout::from_size_align(SLAB_SIZE, 64).expect("a valid layout")
}

extern "C" fn free_slab(data: *mut c_void, len: usize, _ctx: *mut c_void) {
    if len == SLAB_SIZE && !data.is_null() {
        // SAFETY: allocated in `slab` with this layout; V8 calls this once.
        unsafe { dealloc(data.cast(), layout()) };
    }
}

/// SLAB_SIZE bytes, left as the allocator gives them, for `wrap`.
pub fn alloc() -> *mut u8 {
    // SAFETY: a non-zero-sized layout.
    let ptr = unsafe { raw_alloc(layout()) };
    if ptr.is_null() {
        std::alloc::handle_alloc_error(layout());
    }
    ptr
}

/// An ArrayBuffer over a slab from `alloc`; V8 frees it when the ArrayBuffer dies.
///
/// # Safety
/// `ptr` came from `alloc` and is wrapped once.
pub unsafe fn wrap<'s>(s: &Scope<'s>, ptr: *mut u8) -> Local<'s, ArrayBuffer> {
    // SAFETY: ptr is SLAB_SIZE bytes handed to V8, which calls free_slab (once)
    // when the ArrayBuffer dies.
    unsafe { s.array_buffer_external(ptr, SLAB_SIZE, free_slab) }
}

/// A new SLAB_SIZE ArrayBuffer whose bytes are left as the allocator gives them:
/// the caller writes before JS reads.
pub fn slab<'s>(s: &Scope<'s>) -> Local<'s, ArrayBuffer> {
    // SAFETY: a fresh slab, wrapped once.
    unsafe { wrap(s, alloc()) }
}
