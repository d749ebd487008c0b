//! A forward search for one byte with AVX-512BW, for long haystacks on the CPUs that
//! have it: `buf.indexOf` of a byte, and of a longer needle's first byte. glibc 2.36's
//! memchr compares 32 bytes a vector; comparing whole 64-byte cache lines from
//! aligned loads scans a 64 KiB buffer ~20% faster (measured: 635 -> 505 ns, 16 KiB
//! 119 -> 92 ns, 2 KiB 17.6 -> 14.4 ns; docs/benchmarks.md, "Sixth pass"). Below about
//! a kilobyte glibc's code, tuned for short inputs, is as fast or faster.
#![cfg(target_arch = "x86_64")]

use std::arch::x86_64::*;
use std::sync::OnceLock;

/// Haystacks shorter than this go to glibc (the two cross near 800 bytes).
pub const MIN_LEN: usize = 1024;

/// True when the CPU (and OS) can run this module's code.
pub fn available() -> bool {
    static HAS: OnceLock<bool> = OnceLock::new();
    *HAS.get_or_init(|| is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512bw"))
}

/// Position of the first `b` in `h`.
pub fn find(h: &[u8], b: u8) -> Option<usize> {
    assert!(available());
    // SAFETY: the CPU has the features (checked above).
    unsafe { find_impl(h, b) }
}

/// A mask of the first `n` (< 64) lanes.
fn first_lanes(n: usize) -> u64 {
    (1u64 << n) - 1
}

/// # Safety
/// The CPU must have AVX-512F and AVX-512BW (`available()`): the function is
/// compiled for them.
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn find_impl(h: &[u8], b: u8) -> Option<usize> {
    let v = _mm512_set1_epi8(b as i8);
    let start = h.as_ptr();
    let len = h.len();
    // Masked loads read only the lanes they keep, so no byte past the slice is read.
    let masked = |at: usize, lanes: u64| -> u64 {
        // SAFETY: lanes covers bytes at..at+popcount(lanes) of the slice only.
        let x = unsafe { _mm512_maskz_loadu_epi8(lanes, start.add(at).cast()) };
        _mm512_mask_cmpeq_epi8_mask(lanes, x, v)
    };
    if len < 64 {
        let m = masked(0, first_lanes(len));
        return (m != 0).then(|| m.trailing_zeros() as usize);
    }
    // The first 64 bytes as they lie, then whole aligned cache lines: an unaligned
    // load straddles two lines and halves the rate.
    let m = masked(0, u64::MAX);
    if m != 0 {
        return Some(m.trailing_zeros() as usize);
    }
    let mut at = 64 - (start as usize & 63);
    while at + 256 <= len {
        // SAFETY: at..at+256 is within the slice, and start+at is 64-byte aligned.
        let (m0, m1, m2, m3) = unsafe {
            let p = start.add(at);
            (
                _mm512_cmpeq_epi8_mask(_mm512_load_si512(p.cast()), v),
                _mm512_cmpeq_epi8_mask(_mm512_load_si512(p.add(64).cast()), v),
                _mm512_cmpeq_epi8_mask(_mm512_load_si512(p.add(128).cast()), v),
                _mm512_cmpeq_epi8_mask(_mm512_load_si512(p.add(192).cast()), v),
            )
        };
        if (m0 | m1) | (m2 | m3) != 0 {
            let (k, m) = [m0, m1, m2, m3]
                .into_iter()
                .enumerate()
                .find(|&(_, m)| m != 0)?;
            return Some(at + 64 * k + m.trailing_zeros() as usize);
        }
        at += 256;
    }
    while at < len {
        let lanes = if len - at >= 64 {
            u64::MAX
        } else {
            first_lanes(len - at)
        };
        let m = masked(at, lanes);
        if m != 0 {
            return Some(at + m.trailing_zeros() as usize);
        }
        at += 64;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_plain_search() {
        if !available() {
            return;
        }
        // Every length to past two unrolled blocks, every alignment of a cache line,
        // the byte absent, first, last and in each block and lane of the loop.
        let mut hay: Vec<u8> = (0..1200 + 64).map(|i| b"abcdefghij"[i % 10]).collect();
        for len in (0..700).chain([1023, 1024, 1025, 1200]) {
            for off in 0..64 {
                let h = &hay[off..off + len];
                for b in [b'a', b'j', b'x'] {
                    assert_eq!(
                        find(h, b),
                        h.iter().position(|&c| c == b),
                        "len {len} off {off}"
                    );
                }
            }
        }
        for at in [
            0, 1, 63, 64, 65, 127, 200, 255, 256, 300, 511, 700, 1199, 1263,
        ] {
            hay[at] = b'x';
            for off in [0, 1, 17, 63] {
                let h = &hay[off..];
                assert_eq!(
                    find(h, b'x'),
                    h.iter().position(|&c| c == b'x'),
                    "at {at} off {off}"
                );
            }
            hay[at] = b'a';
        }
    }
}
