//! The zlib API deflate.rs calls, from one of two libraries picked at build time:
//! - zlib-rs (the `libz-rs-sys` crate, the default): a Rust port of zlib-ng's
//!   algorithms behind zlib's C API, measured faster than Node's bundled zlib
//!   (docs/zlib.md); its symbols are not exported, so it cannot clash with the
//!   system libz that libnode loads;
//! - the system's libz.so.1 (`--features system-zlib`), declared here by hand (zlib1g,
//!   which libnode already needs): a stock zlib's output bytes, slower.

#[cfg(not(feature = "system-zlib"))]
pub use libz_rs_sys::{
    crc32_z, deflate, deflateEnd, deflateInit2_, deflateParams, deflateReset, deflateSetDictionary,
    inflate, inflateEnd, inflateInit2_, inflateReset, inflateSetDictionary, z_stream as ZStreamRaw,
    zlibVersion,
};

/// A z_stream ready for init (no input, the library's default allocator).
#[cfg(not(feature = "system-zlib"))]
pub fn new_stream() -> Box<ZStreamRaw> {
    Box::default()
}

#[cfg(feature = "system-zlib")]
pub use system::*;

#[cfg(feature = "system-zlib")]
mod system {
    use std::ffi::{c_char, c_int, c_uint, c_ulong, c_void};

    #[repr(C)]
    pub struct ZStreamRaw {
        pub next_in: *const u8,
        pub avail_in: c_uint,
        pub total_in: c_ulong,
        pub next_out: *mut u8,
        pub avail_out: c_uint,
        pub total_out: c_ulong,
        pub msg: *const c_char,
        pub state: *mut c_void,
        pub zalloc: *const c_void,
        pub zfree: *const c_void,
        pub opaque: *mut c_void,
        pub data_type: c_int,
        pub adler: c_ulong,
        pub reserved: c_ulong,
    }

    // Linked by build.rs (after libnode).
    extern "C" {
        pub fn zlibVersion() -> *const c_char;
        pub fn deflateInit2_(
            strm: *mut ZStreamRaw,
            level: c_int,
            method: c_int,
            window_bits: c_int,
            mem_level: c_int,
            strategy: c_int,
            version: *const c_char,
            stream_size: c_int,
        ) -> c_int;
        pub fn inflateInit2_(
            strm: *mut ZStreamRaw,
            window_bits: c_int,
            version: *const c_char,
            stream_size: c_int,
        ) -> c_int;
        pub fn deflate(strm: *mut ZStreamRaw, flush: c_int) -> c_int;
        pub fn inflate(strm: *mut ZStreamRaw, flush: c_int) -> c_int;
        pub fn deflateEnd(strm: *mut ZStreamRaw) -> c_int;
        pub fn inflateEnd(strm: *mut ZStreamRaw) -> c_int;
        pub fn deflateReset(strm: *mut ZStreamRaw) -> c_int;
        pub fn inflateReset(strm: *mut ZStreamRaw) -> c_int;
        pub fn deflateParams(strm: *mut ZStreamRaw, level: c_int, strategy: c_int) -> c_int;
        pub fn deflateSetDictionary(strm: *mut ZStreamRaw, dict: *const u8, len: c_uint) -> c_int;
        pub fn inflateSetDictionary(strm: *mut ZStreamRaw, dict: *const u8, len: c_uint) -> c_int;
        pub fn crc32_z(crc: c_ulong, buf: *const u8, len: usize) -> c_ulong;
    }

    /// A z_stream ready for init (no input, zlib's default allocator).
    pub fn new_stream() -> Box<ZStreamRaw> {
        // SAFETY: an all-zero z_stream is what zlib expects before init (null
        // allocator functions mean its own).
        Box::new(unsafe { std::mem::zeroed() })
    }
}
