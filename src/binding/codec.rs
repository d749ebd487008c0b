//! Pure byte codecs behind internalBinding('buffer'): hex and base64 in both
//! directions, byte search and UTF-8 sequence helpers. No V8 here, so these are plain
//! loops over slices that the binding feeds with chunks of a string or a buffer.

const HEX: &[u8; 16] = b"0123456789abcdef";
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

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

/// bytes -> lowercase hex digits (written into an exact-size buffer: no push checks).
pub fn hex_encode(src: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; src.len() * 2];
    for (pair, &b) in out.chunks_exact_mut(2).zip(src) {
        pair[0] = HEX[(b >> 4) as usize];
        pair[1] = HEX[(b & 15) as usize];
    }
    out
}

/// Decodes hex pairs from `src` into `dst` until a pair is not two hex digits, `dst`
/// is full, or `src` ends (an odd last digit is dropped). Returns (bytes, stopped):
/// `stopped` means an invalid pair ended decoding, so later chunks must not go on.
pub fn hex_decode(src: &[u8], dst: &mut [u8]) -> (usize, bool) {
    let n = (src.len() / 2).min(dst.len());
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

/// bytes -> base64 text; `url` picks the URL alphabet without '=' padding.
pub fn base64_encode(src: &[u8], url: bool) -> Vec<u8> {
    let abc = if url { B64URL } else { B64 };
    let whole = src.len() / 3;
    let mut out = vec![0u8; whole * 4];
    let mut chunks = src.chunks_exact(3);
    for (quad, c) in out.chunks_exact_mut(4).zip(&mut chunks) {
        let v = (c[0] as u32) << 16 | (c[1] as u32) << 8 | c[2] as u32;
        quad[0] = abc[(v >> 18) as usize];
        quad[1] = abc[(v >> 12 & 63) as usize];
        quad[2] = abc[(v >> 6 & 63) as usize];
        quad[3] = abc[(v & 63) as usize];
    }
    match *chunks.remainder() {
        [a] => {
            out.extend_from_slice(&[abc[(a >> 2) as usize], abc[((a & 3) << 4) as usize]]);
            if !url {
                out.extend_from_slice(b"==");
            }
        }
        [a, b] => {
            let v = (a as u32) << 8 | b as u32;
            out.extend_from_slice(&[
                abc[(v >> 10) as usize],
                abc[(v >> 4 & 63) as usize],
                abc[((v & 15) << 2) as usize],
            ]);
            if !url {
                out.push(b'=');
            }
        }
        _ => {}
    }
    out
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
    pub fn feed(&mut self, src: &[u8], dst: &mut [u8]) {
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

/// Position of the first `b` in `h`, eight bytes per step (SWAR zero-byte test).
pub fn find_byte(h: &[u8], b: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pat = LO * b as u64;
    let mut i = 0;
    while i + 8 <= h.len() {
        let w = u64::from_ne_bytes(h[i..i + 8].try_into().unwrap()) ^ pat;
        if w.wrapping_sub(LO) & !w & HI != 0 {
            break;
        }
        i += 8;
    }
    h[i..].iter().position(|&x| x == b).map(|p| p + i)
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
        let mut p = start;
        while p <= last {
            let q = p + find_byte(&hay[p..=last], needle[0])?;
            if &hay[q..q + n] == needle {
                return Some(q);
            }
            p = q + 1;
        }
        None
    } else {
        let mut p = start.min(last) + 1;
        while p > 0 {
            let q = hay[..p].iter().rposition(|&x| x == needle[0])?;
            if &hay[q..q + n] == needle {
                return Some(q);
            }
            p = q;
        }
        None
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

    fn b64(s: &str) -> Vec<u8> {
        let mut out = vec![0; s.len()];
        let mut d = Base64Decoder::default();
        d.feed(s.as_bytes(), &mut out);
        out.truncate(d.written);
        out
    }

    #[test]
    fn base64_roundtrip_and_leniency() {
        assert_eq!(base64_encode(b"abcd", false), b"YWJjZA==");
        assert_eq!(base64_encode(b"abcd", true), b"YWJjZA");
        assert_eq!(b64("YWJjZA=="), b"abcd");
        assert_eq!(b64("Q Q\nQ-Q_"), [0x41, 0x04, 0x3e, 0x43]);
        assert_eq!(b64("QQ=QQ"), b"A");
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
