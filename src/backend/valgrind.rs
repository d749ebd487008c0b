//! Telling Valgrind's memcheck what io_uring wrote. Memcheck sees the bytes a
//! read(2) fills, but not those the kernel writes into a buffer for a ring op:
//! under valgrind every file read, recv and statx on io_uring looked like a read
//! of uninitialised memory. After such a completion the driver (and the binding
//! that hands a lent slab's bytes to JS) marks the bytes the kernel reported as
//! defined, so a run under valgrind flags only real faults.
//!
//! The marking is memcheck's client request MAKE_MEM_DEFINED, made through
//! valgrind's documented in-band protocol on x86-64: a fixed sequence of
//! rotations of rdi that leaves it unchanged (a no-op on a real CPU), then
//! `xchg rbx, rbx`; valgrind's JIT recognises the sequence and reads the request
//! from the array rax points to. Outside valgrind the sequence does nothing and
//! the "result" register keeps its default, which is how `running` tells.
use std::sync::OnceLock;

/// memcheck's tool base ('M', 'C') plus MAKE_MEM_DEFINED's index (2).
const MAKE_MEM_DEFINED: usize = (((b'M' as usize) << 24) | ((b'C' as usize) << 16)) + 2;
/// The core's RUNNING_ON_VALGRIND request.
const RUNNING_ON_VALGRIND: usize = 0x1001;

#[cfg(target_arch = "x86_64")]
fn request(args: [usize; 6], default: usize) -> usize {
    let mut result = default;
    // SAFETY: the rotations sum to 128, so rdi ends as it began, and xchg of a
    // register with itself changes nothing: on a real CPU this is a no-op. Under
    // valgrind it reads `args` (alive for the call) and writes rdx only.
    unsafe {
        std::arch::asm!(
            "rol rdi, 3",
            "rol rdi, 13",
            "rol rdi, 61",
            "rol rdi, 51",
            "xchg rbx, rbx",
            in("rax") args.as_ptr(),
            inout("rdx") result,
            options(nostack)
        );
    }
    result
}

#[cfg(not(target_arch = "x86_64"))]
fn request(_args: [usize; 6], default: usize) -> usize {
    default
}

/// Whether this process runs under valgrind (asked once).
#[inline]
pub fn running() -> bool {
    static RUNNING: OnceLock<bool> = OnceLock::new();
    *RUNNING.get_or_init(|| request([RUNNING_ON_VALGRIND, 0, 0, 0, 0, 0], 0) != 0)
}

/// Marks `len` bytes at `ptr`, which the kernel reported writing, as defined.
#[inline]
pub fn mark_defined(ptr: *const u8, len: usize) {
    if len > 0 && running() {
        request([MAKE_MEM_DEFINED, ptr as usize, len, 0, 0, 0], 0);
    }
}
