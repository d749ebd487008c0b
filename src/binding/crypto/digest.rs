//! Message digests and HMACs (OpenSSL's), random bytes from the kernel
//! (getrandom), and a constant-time comparison.
//!
//! A digest in progress lives in a per-thread table; JS holds its number, frees it
//! when the digest is taken, and a FinalizationRegistry frees the ones a program
//! drops unfinished (lib/internal/crypto/hash.js).
use std::cell::RefCell;

use openssl::hash::{Hasher, MessageDigest};
use openssl::pkey::{PKey, PKeyRef, Private};
use openssl::sign::Signer;
use slab::Slab;

use super::{arg_bytes, bytes_value, throw_ossl};
use crate::v8::{CallbackArgs, ErrorKind, Scope, ValueKind};

/// A digest being computed.
enum Digest {
    /// With the output length asked of an extendable-output function (shake*).
    Hash(Hasher, Option<usize>),
    Hmac(Hmac),
}

/// An HMAC signer and the key it reads. The signer is declared first so it is
/// dropped first.
struct Hmac {
    signer: Signer<'static>,
    _key: PKey<Private>,
}

thread_local! {
    static DIGESTS: RefCell<Slab<Digest>> = const { RefCell::new(Slab::new()) };
}

fn insert(d: Digest) -> f64 {
    DIGESTS.with(|t| t.borrow_mut().insert(d)) as f64
}

fn arg_key(s: &Scope, args: &CallbackArgs, i: usize) -> Option<usize> {
    args.get(i).integer(s).map(|k| k as usize)
}

/// An extendable-output length in argument `i`, when one is given.
fn arg_xof_len(s: &Scope, args: &CallbackArgs, i: usize) -> Option<usize> {
    let v = args.get(i);
    v.is(ValueKind::Number)
        .then(|| v.integer(s))
        .flatten()
        .map(|n| n as usize)
}

/// hashNew(algorithm, outputLength | undefined) -> id, or -1 when OpenSSL does
/// not know the algorithm.
pub(super) fn hash_new<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let name = args.get(0).to_rust_string(s);
    let xof = arg_xof_len(s, args, 1);
    let id = MessageDigest::from_name(&name)
        .and_then(|md| {
            // A fixed-size digest takes an outputLength only as its own size (lib/
            // checked that), so it is finished the ordinary way.
            let xof = xof.filter(|_| is_xof(md));
            Hasher::new(md).ok().map(|h| insert(Digest::Hash(h, xof)))
        })
        .unwrap_or(-1.0);
    args.ret(s.number(id));
}

/// Whether the digest is extendable-output (shake*).
fn is_xof(md: MessageDigest) -> bool {
    extern "C" {
        // libcrypto (linked through the openssl crate).
        fn EVP_MD_get_flags(md: *const openssl_sys::EVP_MD) -> libc::c_ulong;
    }
    const EVP_MD_FLAG_XOF: libc::c_ulong = 0x2;
    // SAFETY: `md` is a live EVP_MD for the call.
    unsafe { EVP_MD_get_flags(md.as_ptr()) & EVP_MD_FLAG_XOF != 0 }
}

/// hmacNew(algorithm, key bytes) -> id, or -1 for an unknown digest.
pub(super) fn hmac_new<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let name = args.get(0).to_rust_string(s);
    let Some(key) = arg_bytes(args, 1) else {
        return s.throw_error(ErrorKind::TypeError, "hmacNew: key must be bytes");
    };
    let made = MessageDigest::from_name(&name).and_then(|md| {
        // OpenSSL refuses an empty HMAC key; one zero byte is the same key, since
        // HMAC pads keys shorter than a block with zeros.
        let key = PKey::hmac(if key.is_empty() { &[0] } else { &key }).ok()?;
        // SAFETY: the EVP_PKEY behind `key` is heap memory that does not move when
        // the PKey handle moves, and it is dropped only after the signer (field
        // order of Hmac), so the borrow stays valid for the signer's whole life.
        let key_ref: &'static PKeyRef<Private> = unsafe { &*(&*key as *const PKeyRef<Private>) };
        let signer = Signer::new(md, key_ref).ok()?;
        Some(Hmac { signer, _key: key })
    });
    args.ret(s.number(made.map(|h| insert(Digest::Hmac(h))).unwrap_or(-1.0)));
}

/// digestUpdate(id, bytes)
pub(super) fn digest_update<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(key) = arg_key(s, args, 0) else {
        return;
    };
    let Some(bytes) = args.get(1).view_bytes() else {
        return s.throw_error(ErrorKind::TypeError, "digestUpdate: data must be bytes");
    };
    let ok = DIGESTS.with(|t| match t.borrow_mut().get_mut(key) {
        Some(Digest::Hash(h, _)) => h.update(bytes).is_ok(),
        Some(Digest::Hmac(m)) => m.signer.update(bytes).is_ok(),
        None => false,
    });
    if !ok {
        s.throw_error(ErrorKind::Error, "digest update failed");
    }
}

/// digestFinal(id) -> Uint8Array of the digest; the digest is freed.
pub(super) fn digest_final<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(key) = arg_key(s, args, 0) else {
        return;
    };
    let Some(digest) = DIGESTS.with(|t| t.borrow_mut().try_remove(key)) else {
        return s.throw_error(ErrorKind::Error, "digestFinal: no such digest");
    };
    let out = match digest {
        Digest::Hash(mut h, Some(len)) => {
            let mut buf = vec![0; len];
            h.finish_xof(&mut buf).map(|_| buf)
        }
        Digest::Hash(mut h, None) => h.finish().map(|d| d.to_vec()),
        Digest::Hmac(m) => m.signer.sign_to_vec(),
    };
    match out {
        Ok(bytes) => args.ret(bytes_value(s, bytes)),
        Err(e) => throw_ossl(s, &e),
    }
}

/// hashCopy(id, outputLength | undefined) -> the id of a copy of the hash so far.
pub(super) fn hash_copy<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(key) = arg_key(s, args, 0) else {
        return;
    };
    let xof = arg_xof_len(s, args, 1);
    let copy = DIGESTS.with(|t| match t.borrow().get(key) {
        // A copy without its own length has the default one, as in Node.
        Some(Digest::Hash(h, _)) => Some(Digest::Hash(h.clone(), xof)),
        _ => None,
    });
    args.ret(s.number(copy.map(insert).unwrap_or(-1.0)));
}

/// digestFree(id): a digest dropped unfinished.
pub(super) fn digest_free<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(key) = arg_key(s, args, 0) {
        DIGESTS.with(|t| t.borrow_mut().try_remove(key));
    }
}

/// Fills `bytes` from the kernel's CSPRNG (getrandom(2)).
fn fill_random(bytes: &mut [u8]) -> std::io::Result<()> {
    let mut done = 0;
    while done < bytes.len() {
        let rest = &mut bytes[done..];
        // SAFETY: rest is a valid writable region of rest.len() bytes.
        let n = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(e);
        }
        done += n as usize;
    }
    Ok(())
}

/// randomFill(view): fills the typed array's bytes from the kernel's CSPRNG.
pub(super) fn random_fill<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    // SAFETY: the only view taken in this call.
    let Some(bytes) = (unsafe { args.get(0).view_bytes_mut() }) else {
        return s.throw_error(ErrorKind::TypeError, "randomFill: expected a typed array");
    };
    if fill_random(bytes).is_err() {
        s.throw_error(ErrorKind::Error, "getrandom failed");
    }
}

/// randomBytesJob(req, size): `size` random bytes drawn on the work pool (large
/// requests, as Node's threadpool draws them), delivered to req.oncomplete.
pub(super) fn random_bytes_job<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let size = args.get(1).integer(s).unwrap_or(0).max(0) as usize;
    super::kdf::run(s, args, "randomBytes", move || {
        let mut bytes = vec![0; size];
        fill_random(&mut bytes).map_err(|_| super::OsslError::plain("getrandom failed"))?;
        Ok(bytes)
    });
}

/// timingSafeEqual(a, b) -> whether the equal-length views hold the same bytes,
/// compared in time independent of where they differ.
pub(super) fn timing_safe_equal<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(a), Some(b)) = (arg_bytes(args, 0), args.get(1).view_bytes()) else {
        return;
    };
    if a.len() != b.len() {
        return args.ret(s.boolean(false));
    }
    // SAFETY: both regions are a.len() readable bytes.
    let same = unsafe { openssl_sys::CRYPTO_memcmp(a.as_ptr().cast(), b.as_ptr().cast(), a.len()) };
    args.ret(s.boolean(same == 0));
}
