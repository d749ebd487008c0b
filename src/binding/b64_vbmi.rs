//! Base64 in both directions with AVX-512 VBMI (byte permutes and multishift), for
//! the CPUs that have it: 48 bytes <-> 64 characters per step, several times the
//! speed of the AVX2 codec in base64-simd that codec.rs uses everywhere else. The
//! method is the one of Muła and Lemire, "Base64 encoding and decoding at almost
//! the speed of a memory copy" (2019): one permute spreads each 3-byte group over a
//! 32-bit lane, one multishift cuts out the four sextets, one permute looks them up.
//! Decoding runs the same steps backwards and accepts both alphabets, as Node does.
#![cfg(target_arch = "x86_64")]

use std::arch::x86_64::*;
use std::mem::MaybeUninit;
use std::sync::OnceLock;

/// True when the CPU (and OS) can run this module's code.
pub fn available() -> bool {
    static HAS: OnceLock<bool> = OnceLock::new();
    *HAS.get_or_init(|| {
        is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx512bw")
            && is_x86_feature_detected!("avx512vbmi")
    })
}

/// Input byte index for each output byte of the spreading permute: group k of three
/// bytes (b0 b1 b2) becomes the lane b1 b0 b2 b1.
const SPREAD: [u8; 64] = {
    let mut t = [0u8; 64];
    let mut k = 0;
    while k < 16 {
        t[4 * k] = (3 * k + 1) as u8;
        t[4 * k + 1] = (3 * k) as u8;
        t[4 * k + 2] = (3 * k + 2) as u8;
        t[4 * k + 3] = (3 * k + 1) as u8;
        k += 1;
    }
    t
};

/// Bit offsets of the four sextets in each spread lane (see `SPREAD`), twice per qword.
const SHIFTS: i64 = 0x3036_242a_1016_040a;

/// Sextet value of each ASCII character, 0x80 for characters outside both alphabets.
const DECODE: [u8; 128] = {
    let mut t = [0x80u8; 128];
    let abc = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut i = 0;
    while i < 62 {
        t[abc[i] as usize] = i as u8;
        i += 1;
    }
    t[b'+' as usize] = 62;
    t[b'-' as usize] = 62;
    t[b'/' as usize] = 63;
    t[b'_' as usize] = 63;
    t
};

/// Output byte j of a decoded block comes from lane j/3, byte 2 - j%3 (the 24 bits
/// sit big-endian in the low three bytes of each lane).
const PACK: [u8; 64] = {
    let mut t = [0u8; 64];
    let mut j = 0;
    while j < 48 {
        t[j] = (4 * (j / 3) + 2 - j % 3) as u8;
        j += 1;
    }
    t
};

#[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
fn load64(t: &[u8; 64]) -> __m512i {
    // SAFETY: t is 64 readable bytes; loadu has no alignment requirement.
    unsafe { _mm512_loadu_si512(t.as_ptr().cast()) }
}

/// Encodes the whole 48-byte blocks of `src` into `out` (64 characters each) and
/// returns how many bytes it consumed; the caller encodes the rest.
pub fn encode_blocks(src: &[u8], alphabet: &[u8; 64], out: &mut [MaybeUninit<u8>]) -> usize {
    assert!(available());
    let blocks = (src.len() / 48).min(out.len() / 64);
    // SAFETY: the CPU has the features (checked above); the loop stays in bounds.
    unsafe { encode_impl(src, alphabet, out, blocks) };
    blocks * 48
}

#[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
unsafe fn encode_impl(src: &[u8], alphabet: &[u8; 64], out: &mut [MaybeUninit<u8>], blocks: usize) {
    let spread = load64(&SPREAD);
    let shifts = _mm512_set1_epi64(SHIFTS);
    let lookup = load64(alphabet);
    let s = src.as_ptr();
    let d = out.as_mut_ptr().cast::<u8>();
    for k in 0..blocks {
        // SAFETY: block k reads src[48k..48k+48] (the mask stops the load there) and
        // writes out[64k..64k+64], both within the lengths the caller checked.
        unsafe {
            let v = _mm512_maskz_loadu_epi8((1u64 << 48) - 1, s.add(48 * k).cast());
            let v = _mm512_permutexvar_epi8(spread, v);
            let v = _mm512_multishift_epi64_epi8(shifts, v);
            let v = _mm512_permutexvar_epi8(v, lookup);
            _mm512_storeu_si512(d.add(64 * k).cast(), v);
        }
    }
}

/// Decodes whole 64-character blocks of `src` into `dst` (48 bytes each) while they
/// hold only alphabet characters; returns (characters, bytes) done. The caller goes
/// on from there with the lenient decoder.
pub fn decode_blocks(src: &[u8], dst: &mut [u8]) -> (usize, usize) {
    assert!(available());
    let blocks = (src.len() / 64).min(dst.len() / 48);
    // SAFETY: the CPU has the features (checked above); the loop stays in bounds.
    let done = unsafe { decode_impl(src, dst, blocks) };
    (done * 64, done * 48)
}

#[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
unsafe fn decode_impl(src: &[u8], dst: &mut [u8], blocks: usize) -> usize {
    // SAFETY: DECODE is 128 bytes: two 64-byte halves.
    let (lo, hi) = unsafe {
        (
            _mm512_loadu_si512(DECODE.as_ptr().cast()),
            _mm512_loadu_si512(DECODE.as_ptr().add(64).cast()),
        )
    };
    let pack = load64(&PACK);
    let pairs = _mm512_set1_epi32(0x0140_0140);
    let quads = _mm512_set1_epi32(0x0001_1000);
    let s = src.as_ptr();
    let d = dst.as_mut_ptr();
    for k in 0..blocks {
        // SAFETY: block k reads src[64k..64k+64] and writes dst[48k..48k+48] (masked
        // store), both within the lengths the caller checked.
        unsafe {
            let v = _mm512_loadu_si512(s.add(64 * k).cast());
            let t = _mm512_permutex2var_epi8(lo, v, hi);
            // A set top bit: a non-ASCII character or one outside the alphabets.
            if _mm512_movepi8_mask(_mm512_or_si512(t, v)) != 0 {
                return k;
            }
            let t = _mm512_maddubs_epi16(t, pairs);
            let t = _mm512_madd_epi16(t, quads);
            let t = _mm512_permutexvar_epi8(pack, t);
            _mm512_mask_storeu_epi8(d.add(48 * k).cast(), (1u64 << 48) - 1, t);
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_portable_codec() {
        if !available() {
            return;
        }
        let src: Vec<u8> = (0..48 * 5 + 7).map(|i| (i * 131 + 7) as u8).collect();
        for url in [false, true] {
            let n = crate::binding::codec::base64_encoded_len(src.len(), url);
            let mut want = vec![MaybeUninit::new(0); n];
            crate::binding::codec::base64_encode_into(&src, url, &mut want);
            let mut got = vec![MaybeUninit::new(0u8); n];
            let abc = if url {
                crate::binding::codec::B64URL
            } else {
                crate::binding::codec::B64
            };
            let used = encode_blocks(&src, abc, &mut got);
            assert_eq!(used, 48 * 5);
            // SAFETY: both were fully written up to 64 * 5.
            let (g, w): (Vec<u8>, Vec<u8>) = unsafe {
                (
                    got[..320].iter().map(|c| c.assume_init()).collect(),
                    want[..320].iter().map(|c| c.assume_init()).collect(),
                )
            };
            assert_eq!(g, w);
            let mut back = vec![0u8; 48 * 5];
            assert_eq!(decode_blocks(&w, &mut back), (320, 240));
            assert_eq!(back, src[..240]);
        }
        // A bad character stops decoding at its block.
        let mut text = vec![b'Q'; 192];
        text[100] = b'*';
        let mut back = vec![0u8; 144];
        assert_eq!(decode_blocks(&text, &mut back), (64, 48));
        text[100] = 0xc1;
        assert_eq!(decode_blocks(&text, &mut back), (64, 48));
    }
}
