//! Key derivation: pbkdf2, scrypt and hkdf, OpenSSL's. Each takes `req` first: an
//! object makes the call asynchronous — it runs on the work pool, as Node's run on
//! libuv's threadpool, so many derivations run at once — and `req.oncomplete(err,
//! bytes)` is called on the loop; `undefined` runs it here and returns the bytes.
use openssl::hash::MessageDigest;
use openssl::md::Md;
use openssl::pkey::Id;
use openssl::pkey_ctx::PkeyCtx;

use super::{arg_bytes, arg_int, arg_string, bytes_value, OsslError};
use crate::backend::op::{Inline, InlineOutput};
use crate::backend::{Op, OpBox};
use crate::runtime::{Finish, Runtime};
use crate::v8::{CallbackArgs, Object, Scope, ValueKind};

type Derived = Result<Vec<u8>, OsslError>;

/// Runs `work` now (no req) or on the pool (req an object).
pub(super) fn run<'s>(
    s: &Scope<'s>,
    args: &CallbackArgs<'s>,
    name: &'static str,
    work: impl FnOnce() -> Derived + Send + 'static,
) {
    let Some(req) = args.get(0).to::<Object>(ValueKind::Object) else {
        return match work() {
            Ok(bytes) => args.ret(bytes_value(s, bytes)),
            Err(e) => e.throw(s),
        };
    };
    let op = Inline::on_pool(name, move || Ok(Box::new(work()) as InlineOutput));
    let finish: Finish = Box::new(|s, c| {
        let out = match c.op.map(OpBox::into_op) {
            Some(Op::Inline(mut op)) => op.output.take(),
            _ => None,
        };
        match out.and_then(|o| o.downcast::<Derived>().ok()).map(|b| *b) {
            Some(Ok(bytes)) => Ok(bytes_value(s, bytes)),
            Some(Err(e)) => Err(e.to_value(s)),
            None => Err(OsslError::plain("Operation cancelled").to_value(s)),
        }
    });
    Runtime::get(s).submit_request(s, req, op.into(), finish);
}

/// pbkdf2(req, password, salt, iterations, keylen, digest) -> bytes (sync), or
/// false when OpenSSL has no such digest.
pub(super) fn pbkdf2<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(pass), Some(salt)) = (arg_bytes(args, 1), arg_bytes(args, 2)) else {
        return;
    };
    let iter = arg_int(s, args, 3).unwrap_or(1) as usize;
    let keylen = arg_int(s, args, 4).unwrap_or(0) as usize;
    let Some(md) = MessageDigest::from_name(&arg_string(s, args, 5)) else {
        return args.ret(s.boolean(false));
    };
    run(s, args, "pbkdf2", move || {
        let mut key = vec![0; keylen];
        if !pbkdf2_sha(md, &pass, &salt, iter, &mut key) {
            openssl::pkcs5::pbkdf2_hmac(&pass, &salt, iter, md, &mut key)
                .map_err(|e| OsslError::from_stack(&e))?;
        }
        Ok(key)
    });
}

/// PBKDF2 over SHA-1 or SHA-2 with the RustCrypto crates: false for another
/// digest. The system's OpenSSL 3 copies an HMAC context (allocating) every
/// iteration and calls through its shared library's PLT: 100 derivations of
/// 100,000 iterations took 1.26x node's time (node links OpenSSL statically).
/// The crates clone a precomputed HMAC state on the stack and use the CPU's SHA
/// instructions when it has them; the bytes are the same (RFC 8018 vectors in
/// tests/js/crypto).
fn pbkdf2_sha(md: MessageDigest, pass: &[u8], salt: &[u8], iter: usize, key: &mut [u8]) -> bool {
    use openssl::nid::Nid;
    // Node caps iterations at 2^31 - 1.
    let Ok(rounds) = u32::try_from(iter) else {
        return false;
    };
    match md.type_() {
        Nid::SHA1 => pbkdf2::pbkdf2_hmac::<sha1::Sha1>(pass, salt, rounds, key),
        Nid::SHA224 => pbkdf2::pbkdf2_hmac::<sha2::Sha224>(pass, salt, rounds, key),
        Nid::SHA256 => pbkdf2::pbkdf2_hmac::<sha2::Sha256>(pass, salt, rounds, key),
        Nid::SHA384 => pbkdf2::pbkdf2_hmac::<sha2::Sha384>(pass, salt, rounds, key),
        Nid::SHA512 => pbkdf2::pbkdf2_hmac::<sha2::Sha512>(pass, salt, rounds, key),
        _ => return false,
    }
    true
}

/// scrypt(req, password, salt, keylen, N, r, p, maxmem) -> bytes (sync).
pub(super) fn scrypt<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(pass), Some(salt)) = (arg_bytes(args, 1), arg_bytes(args, 2)) else {
        return;
    };
    let num = |i| args.get(i).number(s).unwrap_or(0.0) as u64;
    let (keylen, n, r, p, maxmem) = (num(3) as usize, num(4), num(5), num(6), num(7));
    run(s, args, "scrypt", move || {
        let mut key = vec![0; keylen];
        openssl::pkcs5::scrypt(&pass, &salt, n, r, p, maxmem, &mut key)
            .map_err(|e| OsslError::from_stack(&e))?;
        Ok(key)
    });
}

/// hkdf(req, digest, key, salt, info, keylen) -> bytes (sync), or false when
/// OpenSSL has no such digest.
pub(super) fn hkdf<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let name = arg_string(s, args, 1);
    let (Some(key), Some(salt), Some(info)) =
        (arg_bytes(args, 2), arg_bytes(args, 3), arg_bytes(args, 4))
    else {
        return;
    };
    let keylen = arg_int(s, args, 5).unwrap_or(0) as usize;
    if MessageDigest::from_name(&name).is_none() {
        return args.ret(s.boolean(false));
    }
    run(s, args, "hkdf", move || {
        let fail = |e: openssl::error::ErrorStack| OsslError::from_stack(&e);
        let md = Md::fetch(None, &name, None).map_err(fail)?;
        let mut ctx = PkeyCtx::new_id(Id::HKDF).map_err(fail)?;
        ctx.derive_init().map_err(fail)?;
        ctx.set_hkdf_md(&md).map_err(fail)?;
        ctx.set_hkdf_key(&key).map_err(fail)?;
        if !salt.is_empty() {
            ctx.set_hkdf_salt(&salt).map_err(fail)?;
        }
        if !info.is_empty() {
            ctx.add_hkdf_info(&info).map_err(fail)?;
        }
        let mut out = vec![0; keylen];
        ctx.derive(Some(&mut out)).map_err(fail)?;
        Ok(out)
    });
}
