//! Pure byte codecs behind internalBinding('buffer'): hex and base64 in both
//! directions, byte search and UTF-8 sequence helpers. No V8 here, so these are plain
//! loops over slices that the binding feeds with chunks of a string or a buffer.

use std::mem::MaybeUninit;

use base64_simd::Out;
use hex_simd::AsciiCase;

pub(crate) const B64: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
pub(crate) const B64URL: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Sextet of a base64 character of either alphabet, or 0xff for anything else
/// (Node's decoder takes '+' and '-' as 62, '/' and '_' as 63 whatever was asked).
const UNB64: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let mut i = 0;
    while i < 64 {
        t[B64[i] as usize] = i as u8;
        t[B64URL[i] as usize] = i as u8;
        i += 1;
    }
    t
};

const UNHEX: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        t[b'a' as usize + i] = 10 + i as u8;
        t[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    t
};

/// bytes -> lowercase hex digits, written over all of `out` (2 digits a byte).
pub fn hex_encode_into(src: &[u8], out: &mut [MaybeUninit<u8>]) {
    debug_assert_eq!(out.len(), src.len() * 2);
    let _ = hex_simd::encode(src, Out::from_uninit_slice(out), AsciiCase::Lower);
}

/// Decodes hex pairs from `src` into `dst` until a pair is not two hex digits, `dst`
/// is full, or `src` ends (an odd last digit is dropped). Returns (bytes, stopped):
/// `stopped` means an invalid pair ended decoding, so later chunks must not go on.
pub fn hex_decode(src: &[u8], dst: &mut [u8]) -> (usize, bool) {
    let n = (src.len() / 2).min(dst.len());
    // Well-formed input (the usual case) goes through the SIMD decoder; only input
    // with a bad digit is walked pair by pair to find where Node's decoding stops.
    if hex_simd::decode(&src[..2 * n], Out::from_slice(&mut dst[..n])).is_ok() {
        return (n, false);
    }
    for i in 0..n {
        let hi = UNHEX[src[2 * i] as usize];
        let lo = UNHEX[src[2 * i + 1] as usize];
        if hi == 0xff || lo == 0xff {
            return (i, true);
        }
        dst[i] = (hi << 4) | lo;
    }
    (n, false)
}

fn b64_engine(url: bool, pad: bool) -> &'static base64_simd::Base64 {
    match (url, pad) {
        (false, true) => &base64_simd::STANDARD,
        (false, false) => &base64_simd::STANDARD_NO_PAD,
        (true, true) => &base64_simd::URL_SAFE,
        (true, false) => &base64_simd::URL_SAFE_NO_PAD,
    }
}

/// Length of the base64 text of `n` bytes (`url`: no '=' padding).
pub fn base64_encoded_len(n: usize, url: bool) -> usize {
    if url {
        n / 3 * 4 + [0, 2, 3][n % 3]
    } else {
        n.div_ceil(3) * 4
    }
}

/// bytes -> base64 text over all of `out` (`base64_encoded_len` long); `url` picks
/// the URL alphabet without '=' padding.
pub fn base64_encode_into(src: &[u8], url: bool, out: &mut [MaybeUninit<u8>]) {
    debug_assert_eq!(out.len(), base64_encoded_len(src.len(), url));
    let mut done = 0;
    #[cfg(target_arch = "x86_64")]
    if super::b64_vbmi::available() {
        done = super::b64_vbmi::encode_blocks(src, if url { B64URL } else { B64 }, out);
    }
    let out = &mut out[done / 3 * 4..];
    let _ = b64_engine(url, !url).encode(&src[done..], Out::from_uninit_slice(out));
}

/// A lenient base64 decoder fed in chunks, as Node decodes: both alphabets, other
/// characters skipped, decoding stops at the first '=' or when the output is full.
/// A final group of 2 or 3 sextets still yields its 1 or 2 whole bytes.
#[derive(Default)]
pub struct Base64Decoder {
    acc: u32,
    bits: u32,
    pub written: usize,
    pub done: bool,
}

impl Base64Decoder {
    /// Decodes the next piece of the text into `dst`. `last`: no more text follows;
    /// `url`: the alphabet to try first (either is accepted in the end).
    pub fn feed(&mut self, mut src: &[u8], dst: &mut [u8], last: bool, url: bool) {
        #[cfg(target_arch = "x86_64")]
        if !self.done && self.bits == 0 && super::b64_vbmi::available() {
            let (read, wrote) = super::b64_vbmi::decode_blocks(src, &mut dst[self.written..]);
            src = &src[read..];
            self.written += wrote;
        }
        if !self.done && self.bits == 0 && self.feed_strict(src, dst, last, url) {
            return;
        }
        self.feed_lenient(src, dst);
    }

    /// The SIMD decoder on a piece that is plain base64 of one alphabet (all there is
    /// in most programs): whole groups only, '=' only at the very end. Node's lenient
    /// rules give the same bytes for such text. False (nothing consumed) otherwise.
    fn feed_strict(&mut self, src: &[u8], dst: &mut [u8], last: bool, url: bool) -> bool {
        let mut body = src;
        if last {
            for _ in 0..2 {
                if let [rest @ .., b'='] = body {
                    body = rest;
                }
            }
        } else if !src.len().is_multiple_of(4) {
            return false;
        }
        let engine = b64_engine(url, false);
        let Ok(m) = engine.decoded_length(body) else {
            return false;
        };
        let w = self.written;
        if m > dst.len() - w
            || engine
                .decode(body, Out::from_slice(&mut dst[w..w + m]))
                .is_err()
        {
            return false;
        }
        self.written += m;
        // Trailing '=' ends decoding just as in the lenient loop.
        self.done = body.len() != src.len();
        true
    }

    fn feed_lenient(&mut self, src: &[u8], dst: &mut [u8]) {
        let mut i = 0;
        while i < src.len() && !self.done {
            if self.written >= dst.len() {
                self.done = true;
                return;
            }
            // Fast path: four valid characters at a group boundary make three bytes.
            if self.bits == 0 && i + 4 <= src.len() && self.written + 3 <= dst.len() {
                let (a, b, c, d) = (
                    UNB64[src[i] as usize],
                    UNB64[src[i + 1] as usize],
                    UNB64[src[i + 2] as usize],
                    UNB64[src[i + 3] as usize],
                );
                if (a | b | c | d) < 64 {
                    let v = (a as u32) << 18 | (b as u32) << 12 | (c as u32) << 6 | d as u32;
                    let w = self.written;
                    dst[w] = (v >> 16) as u8;
                    dst[w + 1] = (v >> 8) as u8;
                    dst[w + 2] = v as u8;
                    self.written += 3;
                    i += 4;
                    continue;
                }
            }
            let ch = src[i];
            i += 1;
            let v = UNB64[ch as usize];
            if v == 0xff {
                if ch == b'=' {
                    self.done = true;
                }
                continue;
            }
            self.acc = (self.acc << 6) | v as u32;
            self.bits += 6;
            if self.bits >= 8 {
                self.bits -= 8;
                dst[self.written] = (self.acc >> self.bits) as u8;
                self.written += 1;
                self.acc &= (1 << self.bits) - 1;
            }
        }
    }
}

/// Position of the first `b` in `h`: glibc's memchr, whose AVX-512/AVX2 versions
/// (picked at load time) outrun the memchr crate's on long scans, or for a long
/// haystack on a CPU with AVX-512BW, a whole cache line a step (byte_scan.rs).
pub fn find_byte(h: &[u8], b: u8) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if h.len() >= super::byte_scan::MIN_LEN && super::byte_scan::available() {
        return super::byte_scan::find(h, b);
    }
    // SAFETY: reads at most h.len() bytes of a live slice.
    let p = unsafe { libc::memchr(h.as_ptr().cast(), b as i32, h.len()) };
    (!p.is_null()).then(|| p as usize - h.as_ptr() as usize)
}

/// Index of `needle` in `hay` (needle non-empty). Forward: the first match starting at
/// or after `start`; backward: the last starting at or before it. With `step` 2 only
/// even positions count and `start` is taken in whole 2-byte units (UTF-16 search).
pub fn search(
    hay: &[u8],
    needle: &[u8],
    start: usize,
    forward: bool,
    step: usize,
) -> Option<usize> {
    let n = needle.len();
    if n == 0 || n > hay.len() {
        return None;
    }
    let last = hay.len() - n;
    if step == 2 {
        let first = start / 2 * 2;
        let last = last / 2 * 2;
        let at = |p: &usize| &hay[*p..*p + n] == needle;
        return if forward {
            (first..=last).step_by(2).find(at)
        } else {
            (0..=first.min(last) / 2).rev().map(|k| k * 2).find(at)
        };
    }
    if forward {
        // The needle's first byte through memchr, then a compare: fastest when that
        // byte is rare. A byte that keeps matching in vain hands over to memmem
        // (SIMD prefilter plus Two-Way), which stays linear whatever the input.
        let mut p = start;
        let mut misses = 0;
        while p <= last {
            let q = p + find_byte(&hay[p..=last], needle[0])?;
            if &hay[q..q + n] == needle {
                return Some(q);
            }
            p = q + 1;
            misses += 1;
            if misses == 16 {
                return memchr::memmem::find(&hay[p..], needle).map(|i| i + p);
            }
        }
        None
    } else {
        memchr::memmem::rfind(&hay[..start.min(last) + n], needle)
    }
}

/// Length of the trailing bytes of `b` that start a UTF-8 sequence they do not finish
/// but could (WHATWG: such a tail waits for the next chunk instead of becoming U+FFFD).
pub fn utf8_incomplete_tail(b: &[u8]) -> usize {
    let n = b.len();
    for back in 1..=n.min(3) {
        let lead = b[n - back];
        if lead & 0xc0 == 0x80 {
            continue; // a continuation byte: the lead is further back
        }
        let need = match lead {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return 0,
        };
        if back >= need {
            return 0;
        }
        // The second byte has a narrower range after some leads.
        if back >= 2 {
            let (lo, hi) = match lead {
                0xe0 => (0xa0, 0xbf),
                0xed => (0x80, 0x9f),
                0xf0 => (0x90, 0xbf),
                0xf4 => (0x80, 0x8f),
                _ => (0x80, 0xbf),
            };
            if !(lo..=hi).contains(&b[n - back + 1]) {
                return 0;
            }
        }
        return back;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `s` fed in pieces of `piece` characters (the last may be shorter).
    fn b64_in(s: &str, piece: usize, url: bool) -> Vec<u8> {
        let mut out = vec![0; s.len()];
        let mut d = Base64Decoder::default();
        let pieces: Vec<&[u8]> = s.as_bytes().chunks(piece).collect();
        for (i, p) in pieces.iter().enumerate() {
            d.feed(p, &mut out, i + 1 == pieces.len(), url);
        }
        out.truncate(d.written);
        out
    }

    fn b64(s: &str) -> Vec<u8> {
        let whole = b64_in(s, s.len().max(1), false);
        // Every piece size and either alphabet hint must give the same bytes.
        for piece in [4, 8, 12] {
            for url in [false, true] {
                assert_eq!(b64_in(s, piece, url), whole, "{s:?} in pieces of {piece}");
            }
        }
        whole
    }

    fn enc(b: &[u8], url: bool) -> Vec<u8> {
        let mut out = vec![MaybeUninit::new(0); base64_encoded_len(b.len(), url)];
        base64_encode_into(b, url, &mut out);
        // SAFETY: every byte was initialised (to 0, then by the encoder).
        out.iter().map(|c| unsafe { c.assume_init() }).collect()
    }

    #[test]
    fn base64_roundtrip_and_leniency() {
        assert_eq!(enc(b"abcd", false), b"YWJjZA==");
        assert_eq!(enc(b"abcd", true), b"YWJjZA");
        assert_eq!(enc(b"abcde", true), b"YWJjZGU");
        assert_eq!(enc(b"\xfb\xff", false), b"+/8=");
        assert_eq!(enc(b"\xfb\xff", true), b"-_8");
        assert_eq!(b64("YWJjZA=="), b"abcd");
        assert_eq!(b64("YWJjZA"), b"abcd");
        assert_eq!(b64("YWJjZGVmZ2hpamtsbW5vcA=="), b"abcdefghijklmnop");
        assert_eq!(b64("Q Q\nQ-Q_"), [0x41, 0x04, 0x3e, 0x43]);
        assert_eq!(b64("QQ=QQ"), b"A");
        assert_eq!(b64("QUJD=QUJD"), b"ABC");
        assert_eq!(b64("QUJDQUJD+/-_"), b"ABCABC\xfb\xff\xbf");
        // Non-zero bits after the last whole byte are ignored, as in Node.
        assert_eq!(b64("QR=="), b"A");
        assert_eq!(b64("QUJDR"), b"ABC");
        assert_eq!(b64("===="), b"");
    }

    #[test]
    fn base64_stops_when_output_is_full() {
        let mut out = [0u8; 2];
        let mut d = Base64Decoder::default();
        d.feed(b"QUJDQUJD", &mut out, true, false);
        assert_eq!((d.written, &out), (2, b"AB"));
    }

    #[test]
    fn hex_stops_at_a_bad_pair() {
        let mut out = [0u8; 40];
        let good = "00ff10aB".repeat(5);
        assert_eq!(hex_decode(good.as_bytes(), &mut out), (20, false));
        assert_eq!(&out[..4], [0, 0xff, 0x10, 0xab]);
        let bad = format!("{}0g{}", &good[..30], &good[32..]);
        assert_eq!(hex_decode(bad.as_bytes(), &mut out), (15, true));
        assert_eq!(hex_decode(b"abc", &mut out), (1, false));
        let mut hex = vec![MaybeUninit::new(0); 6];
        hex_encode_into(b"\x00\xab\xff", &mut hex);
        // SAFETY: every byte was initialised (to 0, then by the encoder).
        let hex: Vec<u8> = hex.iter().map(|c| unsafe { c.assume_init() }).collect();
        assert_eq!(hex, b"00abff");
    }

    #[test]
    fn search_both_ways() {
        let h = b"abcabcabc";
        assert_eq!(search(h, b"bc", 0, true, 1), Some(1));
        assert_eq!(search(h, b"bc", 2, true, 1), Some(4));
        assert_eq!(search(h, b"bc", 6, false, 1), Some(4));
        assert_eq!(search(h, b"zz", 0, true, 1), None);
        assert_eq!(find_byte(b"0123456789abcdefX", b'X'), Some(16));
    }

    #[test]
    fn utf8_tail() {
        assert_eq!(utf8_incomplete_tail(b"a\xe2\x82"), 2);
        assert_eq!(utf8_incomplete_tail(b"a\xe2\x82\xac"), 0);
        assert_eq!(utf8_incomplete_tail(b"\xed\xa0"), 0);
        assert_eq!(utf8_incomplete_tail(b"\xf0"), 1);
    }
}
