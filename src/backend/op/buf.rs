//! Memory an op lends to the kernel. An `IoBuf` owns (or keeps alive) the bytes it
//! points at, so a read's destination cannot be freed or moved while the kernel may
//! still write into it — whatever the JS side does with its buffer meanwhile.
use std::any::Any;
use std::ffi::CString;

pub struct IoBuf {
    ptr: *mut u8,
    len: usize,
    /// Whatever keeps `ptr..ptr+len` allocated.
    keep: Keep,
}

enum Keep {
    /// Bytes of our own (no box: a stream's write queue recycles them).
    Vec(Vec<u8>),
    /// Anything else, such as a V8 backing store.
    Other(Box<dyn Any>),
}

impl IoBuf {
    pub fn from_vec(mut v: Vec<u8>) -> IoBuf {
        let (ptr, len) = (v.as_mut_ptr(), v.len());
        // Moving the Vec into the box moves its header, not its heap bytes.
        IoBuf {
            ptr,
            len,
            keep: Keep::Vec(v),
        }
    }

    /// The Vec behind a buffer made by `from_vec`, for reuse.
    pub fn into_vec(self) -> Option<Vec<u8>> {
        match self.keep {
            Keep::Vec(v) => Some(v),
            Keep::Other(_) => None,
        }
    }

    /// # Safety
    /// `ptr..ptr+len` must stay valid and unmoved for as long as `keep` is alive.
    pub unsafe fn from_raw(ptr: *mut u8, len: usize, keep: Box<dyn Any>) -> IoBuf {
        IoBuf {
            ptr,
            len,
            keep: Keep::Other(keep),
        }
    }

    /// What keeps the memory alive when it is not a Vec: for the op's owner to
    /// take back (readChunk hands its block on to an ArrayBuffer).
    pub fn keep_mut(&mut self) -> Option<&mut dyn Any> {
        match &mut self.keep {
            Keep::Other(k) => Some(k.as_mut()),
            Keep::Vec(_) => None,
        }
    }

    /// Drops the first `n` bytes from the view (what a short send already sent);
    /// the memory stays kept alive whole.
    pub fn advance(&mut self, n: usize) {
        let n = n.min(self.len);
        // SAFETY: n <= len, so the new start is inside (or at the end of) the same memory.
        self.ptr = unsafe { self.ptr.add(n) };
        self.len -= n;
    }

    pub fn as_mut_ptr(&self) -> *mut u8 {
        self.ptr
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn as_slice(&self) -> &[u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: the constructor's contract keeps ptr..ptr+len valid while self lives.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// A path the kernel reads: NUL-terminated and owned by the op.
pub type OpPath = CString;

/// An offset for read/write: None means "at the file position" (-1 to the kernel).
pub fn kernel_offset(pos: Option<u64>) -> u64 {
    pos.unwrap_or(u64::MAX)
}

/// The result of a plain syscall as an op result: >= 0, or -errno.
pub fn syscall_result(r: i64) -> i32 {
    if r < 0 {
        -std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EIO)
    } else {
        r as i32
    }
}
