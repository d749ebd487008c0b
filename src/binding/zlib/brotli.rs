//! Brotli over the system's libbrotlienc/libbrotlidec (libbrotli1, which libnode
//! already loads: the same C library Node bundles), declared here by hand like zlib.
//! An encoder or decoder keeps its parameters so that reset() can make it anew.
use std::ffi::{c_int, c_void};

use super::StepError;

// Linked by build.rs (after libnode, which keeps symbol lookup at start-up short).
extern "C" {
    fn BrotliEncoderCreateInstance(
        alloc: *const c_void,
        free: *const c_void,
        opaque: *mut c_void,
    ) -> *mut c_void;
    fn BrotliEncoderSetParameter(state: *mut c_void, param: c_int, value: u32) -> c_int;
    fn BrotliEncoderCompressStream(
        state: *mut c_void,
        op: c_int,
        available_in: *mut usize,
        next_in: *mut *const u8,
        available_out: *mut usize,
        next_out: *mut *mut u8,
        total_out: *mut usize,
    ) -> c_int;
    fn BrotliEncoderDestroyInstance(state: *mut c_void);
}

extern "C" {
    fn BrotliDecoderCreateInstance(
        alloc: *const c_void,
        free: *const c_void,
        opaque: *mut c_void,
    ) -> *mut c_void;
    fn BrotliDecoderSetParameter(state: *mut c_void, param: c_int, value: u32) -> c_int;
    fn BrotliDecoderDecompressStream(
        state: *mut c_void,
        available_in: *mut usize,
        next_in: *mut *const u8,
        available_out: *mut usize,
        next_out: *mut *mut u8,
        total_out: *mut usize,
    ) -> c_int;
    fn BrotliDecoderGetErrorCode(state: *const c_void) -> c_int;
    fn BrotliDecoderDestroyInstance(state: *mut c_void);
}

const OPERATION_FINISH: i32 = 2;
const DECODER_RESULT_ERROR: c_int = 0;
const DECODER_RESULT_NEEDS_MORE_INPUT: c_int = 2;
const Z_BUF_ERROR: i32 = -5;

pub struct Brotli {
    state: *mut c_void,
    encoder: bool,
    /// (parameter, value) pairs given at init, replayed by reset().
    params: Vec<(i32, u32)>,
}

// SAFETY: a brotli state has no thread affinity; the engine table hands it to one
// thread at a time (moved into the pool job and back).
unsafe impl Send for Brotli {}

impl Brotli {
    /// None when the library refuses to make the state or one of the parameters.
    pub fn new(encoder: bool, params: Vec<(i32, u32)>) -> Option<Brotli> {
        let mut b = Brotli {
            state: std::ptr::null_mut(),
            encoder,
            params,
        };
        b.make().then_some(b)
    }

    fn make(&mut self) -> bool {
        let null = std::ptr::null();
        // SAFETY: default allocators; the state is destroyed once, in destroy().
        self.state = unsafe {
            if self.encoder {
                BrotliEncoderCreateInstance(null, null, std::ptr::null_mut())
            } else {
                BrotliDecoderCreateInstance(null, null, std::ptr::null_mut())
            }
        };
        if self.state.is_null() {
            return false;
        }
        self.params.iter().all(|&(param, value)| {
            // SAFETY: a live state; unknown parameters are refused, not UB.
            unsafe {
                if self.encoder {
                    BrotliEncoderSetParameter(self.state, param, value) != 0
                } else {
                    BrotliDecoderSetParameter(self.state, param, value) != 0
                }
            }
        })
    }

    fn destroy(&mut self) {
        if self.state.is_null() {
            return;
        }
        // SAFETY: a live state, destroyed once (nulled below).
        unsafe {
            if self.encoder {
                BrotliEncoderDestroyInstance(self.state)
            } else {
                BrotliDecoderDestroyInstance(self.state)
            }
        }
        self.state = std::ptr::null_mut();
    }

    /// A new state with the same parameters; false if that failed.
    pub fn reset(&mut self) -> bool {
        self.destroy();
        self.make()
    }

    /// One write; returns (input bytes left, output bytes left).
    ///
    /// # Safety
    /// As `ZStream::write`: the buffers are valid, alive and unaliased for the call.
    pub unsafe fn write(
        &mut self,
        op: i32,
        input: *const u8,
        in_len: usize,
        output: *mut u8,
        out_len: usize,
    ) -> Result<(usize, usize), StepError> {
        let (mut next_in, mut avail_in) = (input, in_len);
        let (mut next_out, mut avail_out) = (output, out_len);
        if self.encoder {
            // SAFETY: a live state; the caller vouches for the buffers.
            let ok = unsafe {
                BrotliEncoderCompressStream(
                    self.state,
                    op,
                    &mut avail_in,
                    &mut next_in,
                    &mut avail_out,
                    &mut next_out,
                    std::ptr::null_mut(),
                )
            };
            if ok == 0 {
                let code = Some("ERR_BROTLI_COMPRESSION_FAILED".to_string());
                return Err(StepError::new("Compression failed", -1, code));
            }
            return Ok((avail_in, avail_out));
        }
        // SAFETY: as above.
        let result = unsafe {
            BrotliDecoderDecompressStream(
                self.state,
                &mut avail_in,
                &mut next_in,
                &mut avail_out,
                &mut next_out,
                std::ptr::null_mut(),
            )
        };
        if result == DECODER_RESULT_ERROR {
            // Named in JS from zlib.constants (libbrotli's own names for the codes
            // differ between its versions; Node's are the constants' names).
            // SAFETY: a live state.
            let code = unsafe { BrotliDecoderGetErrorCode(self.state) };
            return Err(StepError::new("Decompression failed", code, None));
        }
        if op == OPERATION_FINISH && result == DECODER_RESULT_NEEDS_MORE_INPUT {
            let code = Some("Z_BUF_ERROR".to_string());
            return Err(StepError::new("unexpected end of file", Z_BUF_ERROR, code));
        }
        Ok((avail_in, avail_out))
    }
}

impl Drop for Brotli {
    fn drop(&mut self) {
        self.destroy();
    }
}
