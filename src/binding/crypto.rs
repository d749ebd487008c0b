//! internalBinding('crypto'): message digests and HMACs from the system's OpenSSL
//! (the library Node's crypto is, so algorithm names and results are the same),
//! random bytes from the kernel (getrandom), and a constant-time comparison.
//!
//! A digest in progress lives in a per-thread table; JS holds its number, frees it
//! when the digest is taken, and a FinalizationRegistry frees the ones a program
//! drops unfinished (lib/internal/crypto/hash.js).
use std::cell::RefCell;

use openssl::hash::{Hasher, MessageDigest};
use openssl::pkey::{PKey, PKeyRef, Private};
use openssl::sign::Signer;
use slab::Slab;

use super::set_methods;
use crate::v8::{CallbackArgs, ErrorKind, Local, Object, Scope, Value, ValueKind};

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "hashNew" => hash_new,
            "hmacNew" => hmac_new,
            "digestUpdate" => digest_update,
            "digestFinal" => digest_final,
            "hashCopy" => hash_copy,
            "digestFree" => digest_free,
            "getHashes" => get_hashes,
            "randomFill" => random_fill,
            "timingSafeEqual" => timing_safe_equal,
        ],
    );
    let version = openssl::version::number() as f64;
    target.set_str(s, "OPENSSL_VERSION_NUMBER", s.number(version));
}

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

/// The bytes of argument `i` (a typed array or DataView), copied out.
fn arg_bytes(args: &CallbackArgs, i: usize) -> Option<Vec<u8>> {
    args.get(i).view_bytes().map(|b| b.to_vec())
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
fn hash_new<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let name = args.get(0).to_rust_string(s);
    let xof = arg_xof_len(s, args, 1);
    let id = MessageDigest::from_name(&name)
        .and_then(|md| Hasher::new(md).ok())
        .map(|h| insert(Digest::Hash(h, xof)))
        .unwrap_or(-1.0);
    args.ret(s.number(id));
}

/// hmacNew(algorithm, key bytes) -> id, or -1 for an unknown digest.
fn hmac_new<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let name = args.get(0).to_rust_string(s);
    let Some(key) = arg_bytes(args, 1) else {
        return s.throw_error(ErrorKind::TypeError, "hmacNew: key must be bytes");
    };
    let made = MessageDigest::from_name(&name).and_then(|md| {
        let key = PKey::hmac(&key).ok()?;
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
fn digest_update<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
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
fn digest_final<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
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
        Ok(bytes) => {
            let len = bytes.len();
            let ab = s.array_buffer_from_vec(bytes);
            args.ret(s.uint8_array(ab, 0, len).value());
        }
        Err(e) => s.throw_error(ErrorKind::Error, &e.to_string()),
    }
}

/// hashCopy(id, outputLength | undefined) -> the id of a copy of the hash so far.
fn hash_copy<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(key) = arg_key(s, args, 0) else {
        return;
    };
    let xof = arg_xof_len(s, args, 1);
    let copy = DIGESTS.with(|t| match t.borrow().get(key) {
        Some(Digest::Hash(h, own)) => Some(Digest::Hash(h.clone(), xof.or(*own))),
        _ => None,
    });
    args.ret(s.number(copy.map(insert).unwrap_or(-1.0)));
}

/// digestFree(id): a digest dropped unfinished.
fn digest_free<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(key) = arg_key(s, args, 0) {
        DIGESTS.with(|t| t.borrow_mut().try_remove(key));
    }
}

/// EVP_MD_do_all_sorted's callback: (digest or null for an alias, name, alias
/// target, the caller's argument).
type DigestNameFn = extern "C" fn(
    md: *const openssl_sys::EVP_MD,
    from: *const libc::c_char,
    to: *const libc::c_char,
    arg: *mut libc::c_void,
);

extern "C" {
    // libcrypto (linked through the openssl crate): every digest name and alias,
    // sorted.
    fn EVP_MD_do_all_sorted(f: DigestNameFn, arg: *mut libc::c_void);
}

/// getHashes() -> the digest names OpenSSL can compute (as Node lists them).
fn get_hashes<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    extern "C" fn collect(
        _md: *const openssl_sys::EVP_MD,
        from: *const libc::c_char,
        _to: *const libc::c_char,
        arg: *mut libc::c_void,
    ) {
        if from.is_null() {
            return;
        }
        // SAFETY: `arg` is the Vec passed below, alive for the whole walk; `from` is
        // a NUL-terminated name owned by libcrypto.
        let (names, from) = unsafe {
            (
                &mut *(arg as *mut Vec<String>),
                std::ffi::CStr::from_ptr(from),
            )
        };
        let name = from.to_string_lossy();
        // Only what can really be computed (the legacy provider's digests, such as
        // md4 and whirlpool, are named but cannot be fetched).
        if MessageDigest::from_name(&name).is_some_and(|md| Hasher::new(md).is_ok()) {
            names.push(name.into_owned());
        }
    }
    let mut names: Vec<String> = Vec::new();
    // SAFETY: `collect` matches the callback type and only touches `names`.
    unsafe { EVP_MD_do_all_sorted(collect, &mut names as *mut Vec<String> as *mut _) };
    names.sort();
    names.dedup();
    let items: Vec<Local<Value>> = names.iter().map(|n| s.string(n).value()).collect();
    args.ret(s.array(&items).value());
}

/// randomFill(view): fills the typed array's bytes from the kernel's CSPRNG.
fn random_fill<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    // SAFETY: the only view taken in this call.
    let Some(bytes) = (unsafe { args.get(0).view_bytes_mut() }) else {
        return s.throw_error(ErrorKind::TypeError, "randomFill: expected a typed array");
    };
    let mut done = 0;
    while done < bytes.len() {
        let rest = &mut bytes[done..];
        // SAFETY: rest is a valid writable region of rest.len() bytes.
        let n = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        if n < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return s.throw_error(ErrorKind::Error, "getrandom failed");
        }
        done += n as usize;
    }
}

/// timingSafeEqual(a, b) -> whether the equal-length views hold the same bytes,
/// compared in time independent of where they differ.
fn timing_safe_equal<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
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
