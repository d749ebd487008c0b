//! The deflate family (deflate, inflate, gzip, gunzip, raw, unzip) over zlib's C API
//! (zlib-rs, or the system's libz: zlib_ffi.rs). One `ZStream` is one z_stream in its
//! own allocation: the library's state points back to the z_stream, so it must never
//! move after init.
use std::ffi::{c_int, c_uint, c_ulong, CStr};

use super::{Mode, StepError};

use super::zlib_ffi::{
    crc32_z, deflate, deflateEnd, deflateInit2_, deflateParams, deflateReset, deflateSetDictionary,
    inflate, inflateEnd, inflateInit2_, inflateReset, inflateSetDictionary, new_stream,
    zlibVersion, ZStreamRaw,
};

const Z_OK: c_int = 0;
const Z_STREAM_END: c_int = 1;
const Z_NEED_DICT: c_int = 2;
const Z_DATA_ERROR: c_int = -3;
const Z_BUF_ERROR: c_int = -5;
const Z_FINISH: c_int = 4;
const Z_DEFLATED: c_int = 8;

/// The linked library's version as ZLIB_VERNUM spells it ("1.2.13" -> 0x12d0).
pub fn vernum() -> u32 {
    // SAFETY: zlibVersion returns a static NUL-terminated string.
    let v = unsafe { CStr::from_ptr(zlibVersion()) }.to_string_lossy();
    let mut parts = v.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let (a, b, c, d) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    (a << 12) | (b << 8) | (c.min(15) << 4) | d.min(15)
}

pub fn crc32(value: u32, bytes: &[u8]) -> u32 {
    // SAFETY: bytes is a valid region of bytes.len() bytes.
    unsafe { crc32_z(c_ulong::from(value), bytes.as_ptr(), bytes.len()) as u32 }
}

pub struct ZStream {
    raw: Box<ZStreamRaw>,
    mode: Mode,
    dictionary: Vec<u8>,
    /// unzip: the input turned out to be gzip (so members may follow one another).
    unzip_gzip: Option<bool>,
}

// SAFETY: a z_stream has no thread affinity; the engine table hands it to one thread
// at a time (moved into the pool job and back).
unsafe impl Send for ZStream {}

impl ZStream {
    /// Initialised for `mode`, or zlib's error code.
    pub fn new(
        mode: Mode,
        level: i32,
        window_bits: i32,
        mem_level: i32,
        strategy: i32,
        dictionary: Vec<u8>,
    ) -> Result<ZStream, i32> {
        let raw = new_stream();
        let mut z = ZStream {
            raw,
            mode,
            dictionary,
            unzip_gzip: None,
        };
        let size = std::mem::size_of::<ZStreamRaw>() as c_int;
        let strm = &mut *z.raw as *mut ZStreamRaw;
        // SAFETY: strm is a zeroed z_stream in a box that never moves; version is
        // the library's own string, so the check inside init always agrees.
        let err = unsafe {
            let version = zlibVersion();
            match mode {
                Mode::Deflate | Mode::Gzip | Mode::DeflateRaw => {
                    let bits = match mode {
                        Mode::Gzip => window_bits + 16,
                        // zlib refuses a raw window of 8; 9 reads the same data.
                        Mode::DeflateRaw => -window_bits.max(9),
                        _ => window_bits,
                    };
                    deflateInit2_(
                        strm, level, Z_DEFLATED, bits, mem_level, strategy, version, size,
                    )
                }
                _ => {
                    let bits = match mode {
                        Mode::Gunzip => window_bits + 16,
                        Mode::Unzip => window_bits + 32,
                        Mode::InflateRaw => -window_bits,
                        _ => window_bits,
                    };
                    inflateInit2_(strm, bits, version, size)
                }
            }
        };
        if err != Z_OK {
            // Nothing to end: a failed init frees what it allocated.
            z.mode = Mode::None;
            return Err(err);
        }
        let err = z.set_dictionary_at_start();
        if err != Z_OK {
            return Err(err);
        }
        Ok(z)
    }

    fn is_deflate(&self) -> bool {
        matches!(self.mode, Mode::Deflate | Mode::Gzip | Mode::DeflateRaw)
    }

    /// Deflate takes its dictionary before any data, raw inflate too (no header asks).
    fn set_dictionary_at_start(&mut self) -> c_int {
        if self.dictionary.is_empty() {
            return Z_OK;
        }
        let (ptr, len) = (self.dictionary.as_ptr(), self.dictionary.len() as c_uint);
        // SAFETY: an initialised stream; the dictionary is copied by zlib.
        unsafe {
            if self.is_deflate() {
                deflateSetDictionary(&mut *self.raw, ptr, len)
            } else if self.mode == Mode::InflateRaw {
                inflateSetDictionary(&mut *self.raw, ptr, len)
            } else {
                Z_OK
            }
        }
    }

    /// One write: consumes from `input` and fills `output` as far as zlib goes;
    /// returns (input bytes left, output bytes left).
    ///
    /// # Safety
    /// `input` and `output` must point at `in_len` readable and `out_len` writable
    /// bytes, alive and unaliased for the call.
    pub unsafe fn write(
        &mut self,
        flush: i32,
        input: *const u8,
        in_len: usize,
        output: *mut u8,
        out_len: usize,
    ) -> Result<(usize, usize), StepError> {
        // avail_* are 32-bit: what does not fit is simply left for the next write.
        let in_now = in_len.min(c_uint::MAX as usize);
        let out_now = out_len.min(c_uint::MAX as usize);
        let strm = &mut *self.raw as *mut ZStreamRaw;
        // SAFETY: strm is initialised; the caller vouches for the buffers.
        unsafe {
            (*strm).next_in = input;
            (*strm).avail_in = in_now as c_uint;
            (*strm).next_out = output;
            (*strm).avail_out = out_now as c_uint;
            let err = if self.is_deflate() {
                deflate(strm, flush)
            } else {
                if self.mode == Mode::Unzip && self.unzip_gzip.is_none() && in_now > 0 {
                    self.unzip_gzip = Some(*input == 0x1f);
                }
                let mut err = inflate(strm, flush);
                if err == Z_NEED_DICT && !self.dictionary.is_empty() {
                    let (p, l) = (self.dictionary.as_ptr(), self.dictionary.len() as c_uint);
                    err = match inflateSetDictionary(strm, p, l) {
                        Z_OK => inflate(strm, flush),
                        // The stream was made with another dictionary.
                        Z_DATA_ERROR => Z_NEED_DICT,
                        e => e,
                    };
                }
                // gzip members may follow one another; trailing zero bytes end it.
                let gzip = self.mode == Mode::Gunzip
                    || (self.mode == Mode::Unzip && self.unzip_gzip == Some(true));
                while gzip && err == Z_STREAM_END && (*strm).avail_in > 0 && *(*strm).next_in != 0 {
                    inflateReset(strm);
                    err = inflate(strm, flush);
                }
                err
            };
            let left = (
                (*strm).avail_in as usize + (in_len - in_now),
                (*strm).avail_out as usize + (out_len - out_now),
            );
            self.check(err, flush).map(|_| left)
        }
    }

    fn check(&self, err: c_int, flush: i32) -> Result<(), StepError> {
        match err {
            Z_OK | Z_BUF_ERROR => {
                if self.raw.avail_out != 0 && flush == Z_FINISH {
                    return Err(StepError::new("unexpected end of file", Z_BUF_ERROR, None));
                }
                Ok(())
            }
            Z_STREAM_END => Ok(()),
            Z_NEED_DICT => {
                let msg = if self.dictionary.is_empty() {
                    "Missing dictionary"
                } else {
                    "Bad dictionary"
                };
                Err(StepError::new(msg, Z_NEED_DICT, None))
            }
            e => {
                let msg = if self.raw.msg.is_null() {
                    "Zlib error".to_string()
                } else {
                    // SAFETY: zlib's messages are static NUL-terminated strings.
                    unsafe { CStr::from_ptr(self.raw.msg) }
                        .to_string_lossy()
                        .into_owned()
                };
                Err(StepError::owned(msg, e, None))
            }
        }
    }

    /// Back to the start of a stream, keeping the options (and the dictionary).
    pub fn reset(&mut self) -> i32 {
        self.unzip_gzip = None;
        // SAFETY: an initialised stream.
        let err = unsafe {
            if self.is_deflate() {
                deflateReset(&mut *self.raw)
            } else {
                inflateReset(&mut *self.raw)
            }
        };
        if err != Z_OK {
            return err;
        }
        self.set_dictionary_at_start()
    }

    /// New level and strategy for what deflate compresses from now on.
    pub fn params(&mut self, level: i32, strategy: i32) -> i32 {
        if !self.is_deflate() {
            return Z_OK;
        }
        // deflateParams may compress what is pending into next_out, which still
        // points into the last write's buffer: give it no input and no room (the
        // stream was flushed first, so there is nothing left to write).
        self.raw.next_in = std::ptr::null();
        self.raw.avail_in = 0;
        self.raw.next_out = std::ptr::NonNull::dangling().as_ptr();
        self.raw.avail_out = 0;
        // SAFETY: an initialised stream with no buffers to touch.
        unsafe { deflateParams(&mut *self.raw, level, strategy) }
    }
}

impl Drop for ZStream {
    fn drop(&mut self) {
        // SAFETY: ends an initialised stream once (Mode::None: init failed).
        unsafe {
            match self.mode {
                Mode::None => {}
                _ if self.is_deflate() => {
                    deflateEnd(&mut *self.raw);
                }
                _ => {
                    inflateEnd(&mut *self.raw);
                }
            }
        }
    }
}
