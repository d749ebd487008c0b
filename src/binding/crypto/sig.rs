//! Signatures (sign / verify, createSign / createVerify), RSA encryption
//! (publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt) and shared
//! secrets (diffieHellman) over keys in lib/'s DER form (keys.rs).
use openssl::bn::BigNum;
use openssl::derive::Deriver;
use openssl::ecdsa::EcdsaSig;
use openssl::error::ErrorStack;
use openssl::hash::MessageDigest;
use openssl::md::Md;
use openssl::pkey::{HasPublic, Id, PKeyRef};
use openssl::pkey_ctx::PkeyCtx;
use openssl::rsa::Padding;
use openssl::sign::{RsaPssSaltlen, Signer, Verifier};

use super::keys::{arg_key, with_key, AnyKey};
use super::{arg_int, arg_string, arg_view, bytes_value, throw_ossl};
use crate::v8::{CallbackArgs, ErrorKind, Scope};

/// How a signature is shaped and padded: from arguments `i..i + 4` (digest name
/// or '', padding or -1, PSS salt length or undefined, 1 for IEEE P1363).
struct SigOptions {
    digest: Option<MessageDigest>,
    padding: Option<i32>,
    salt: Option<i32>,
    p1363: bool,
}

fn sig_options(s: &Scope, args: &CallbackArgs, i: usize) -> Result<SigOptions, ()> {
    let name = arg_string(s, args, i);
    let digest = if name.is_empty() {
        None
    } else {
        Some(MessageDigest::from_name(&name).ok_or(())?)
    };
    let padding = arg_int(s, args, i + 1)
        .filter(|p| *p >= 0)
        .map(|p| p as i32);
    let salt = args
        .get(i + 2)
        .is(crate::v8::ValueKind::Number)
        .then(|| arg_int(s, args, i + 2))
        .flatten()
        .map(|n| n as i32);
    let p1363 = arg_int(s, args, i + 3) == Some(1);
    Ok(SigOptions {
        digest,
        padding,
        salt,
        p1363,
    })
}

fn salt_len(n: i32) -> RsaPssSaltlen {
    match n {
        -1 => RsaPssSaltlen::DIGEST_LENGTH,
        -2 => RsaPssSaltlen::MAXIMUM_LENGTH,
        n => RsaPssSaltlen::custom(n),
    }
}

/// Bytes of each half of an IEEE P1363 ECDSA signature for this key.
fn half_len<T: HasPublic>(k: &PKeyRef<T>) -> Option<usize> {
    (k.id() == Id::EC).then(|| k.bits().div_ceil(8) as usize)
}

/// sign(der, isPrivate, digest, padding, saltLength, dsaEncoding, data) -> bytes.
pub(super) fn sign<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(key) = arg_key(s, args, 0) else {
        return;
    };
    let Ok(o) = sig_options(s, args, 2) else {
        return s.throw_error(ErrorKind::TypeError, "Invalid digest");
    };
    let Some(data) = arg_view(args, 6) else {
        return;
    };
    let AnyKey::Private(k) = &key else {
        return;
    };
    let signed = (|| -> Result<Vec<u8>, ErrorStack> {
        let mut signer = match o.digest {
            Some(md) if !matches!(k.id(), Id::ED25519 | Id::ED448) => Signer::new(md, k)?,
            _ => Signer::new_without_digest(k)?,
        };
        if matches!(k.id(), Id::RSA | Id::RSA_PSS) {
            if let Some(p) = o.padding {
                signer.set_rsa_padding(Padding::from_raw(p))?;
            }
            if signer.rsa_padding()? == Padding::PKCS1_PSS {
                signer.set_rsa_pss_saltlen(salt_len(o.salt.unwrap_or(-2)))?;
            }
        }
        let sig = signer.sign_oneshot_to_vec(data)?;
        match (o.p1363, half_len(k)) {
            (true, Some(n)) => {
                let sig = EcdsaSig::from_der(&sig)?;
                let mut out = sig.r().to_vec_padded(n as i32)?;
                out.extend(sig.s().to_vec_padded(n as i32)?);
                Ok(out)
            }
            _ => Ok(sig),
        }
    })();
    match signed {
        Ok(sig) => args.ret(bytes_value(s, sig)),
        Err(e) => throw_ossl(s, &e),
    }
}

fn verify_with<T: HasPublic>(
    k: &PKeyRef<T>,
    o: &SigOptions,
    data: &[u8],
    sig: &[u8],
) -> Result<bool, ErrorStack> {
    let der;
    let sig = match (o.p1363, half_len(k)) {
        (true, Some(n)) => {
            if sig.len() != 2 * n {
                return Ok(false);
            }
            let r = BigNum::from_slice(&sig[..n])?;
            let s = BigNum::from_slice(&sig[n..])?;
            der = EcdsaSig::from_private_components(r, s)?.to_der()?;
            &der[..]
        }
        _ => sig,
    };
    let mut verifier = match o.digest {
        Some(md) if !matches!(k.id(), Id::ED25519 | Id::ED448) => Verifier::new(md, k)?,
        _ => Verifier::new_without_digest(k)?,
    };
    if matches!(k.id(), Id::RSA | Id::RSA_PSS) {
        if let Some(p) = o.padding {
            verifier.set_rsa_padding(Padding::from_raw(p))?;
        }
        if verifier.rsa_padding()? == Padding::PKCS1_PSS {
            verifier.set_rsa_pss_saltlen(salt_len(o.salt.unwrap_or(-2)))?;
        }
    }
    // A malformed signature is a failed verification, not an error.
    Ok(verifier.verify_oneshot(sig, data).unwrap_or(false))
}

/// verify(der, isPrivate, digest, padding, saltLength, dsaEncoding, data, sig) -> bool.
pub(super) fn verify<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(key) = arg_key(s, args, 0) else {
        return;
    };
    let Ok(o) = sig_options(s, args, 2) else {
        return s.throw_error(ErrorKind::TypeError, "Invalid digest");
    };
    let (Some(data), Some(sig)) = (arg_view(args, 6), arg_view(args, 7)) else {
        return;
    };
    match with_key!(&key, k => verify_with(k, &o, data, sig)) {
        Ok(ok) => args.ret(s.boolean(ok)),
        Err(e) => throw_ossl(s, &e),
    }
}

fn setup<T>(
    ctx: &mut PkeyCtx<T>,
    padding: Padding,
    hash: &str,
    label: Option<&[u8]>,
) -> Result<(), ErrorStack> {
    ctx.set_rsa_padding(padding)?;
    if padding == Padding::PKCS1_OAEP {
        let md = Md::fetch(None, hash, None)?;
        ctx.set_rsa_oaep_md(&md)?;
        if let Some(l) = label.filter(|l| !l.is_empty()) {
            ctx.set_rsa_oaep_label(l)?;
        }
    }
    Ok(())
}

/// rsaCrypt(der, isPrivate, op, padding, oaepHash, oaepLabel | null, data) ->
/// bytes; op 0 publicEncrypt, 1 privateDecrypt, 2 privateEncrypt, 3 publicDecrypt.
pub(super) fn rsa_crypt<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(key) = arg_key(s, args, 0) else {
        return;
    };
    let op = arg_int(s, args, 2).unwrap_or(0);
    let padding = Padding::from_raw(arg_int(s, args, 3).unwrap_or(4) as i32);
    let hash = arg_string(s, args, 4);
    let label = arg_view(args, 5);
    let Some(data) = arg_view(args, 6) else {
        return;
    };
    let mut out = Vec::new();
    let done = match (&key, op) {
        (AnyKey::Private(k), 1 | 2) => (|| {
            let mut ctx = PkeyCtx::new(k)?;
            if op == 1 {
                ctx.decrypt_init()?;
                setup(&mut ctx, padding, &hash, label)?;
                ctx.decrypt_to_vec(data, &mut out)
            } else {
                ctx.sign_init()?;
                setup(&mut ctx, padding, &hash, label)?;
                ctx.sign_to_vec(data, &mut out)
            }
        })(),
        (AnyKey::Public(_), 1 | 2) => return,
        _ => with_key!(&key, k => (|| {
            let mut ctx = PkeyCtx::new(k)?;
            if op == 0 {
                ctx.encrypt_init()?;
                setup(&mut ctx, padding, &hash, label)?;
                ctx.encrypt_to_vec(data, &mut out)
            } else {
                ctx.verify_recover_init()?;
                setup(&mut ctx, padding, &hash, label)?;
                out.resize(k.size(), 0);
                let n = ctx.verify_recover(data, Some(&mut out))?;
                out.truncate(n);
                Ok(n)
            }
        })()),
    };
    let out = done.map(|_| out);
    match out {
        Ok(bytes) => args.ret(bytes_value(s, bytes)),
        Err(e) => throw_ossl(s, &e),
    }
}

/// deriveShared(privateDer, publicDer, publicIsPrivate) -> the shared secret
/// (ECDH, X25519, X448).
pub(super) fn derive_shared<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(AnyKey::Private(mine)), Some(theirs)) = (arg_key(s, args, 0), arg_key(s, args, 2))
    else {
        return;
    };
    let secret = with_key!(&theirs, peer => (|| -> Result<Vec<u8>, ErrorStack> {
        let mut d = Deriver::new(&mine)?;
        d.set_peer(peer)?;
        let mut secret = d.derive_to_vec()?;
        // A DH secret comes zero-padded to the prime's size, as Node gives it.
        let size = mine.size();
        if mine.id() == openssl::pkey::Id::DH && secret.len() < size {
            secret.splice(0..0, std::iter::repeat_n(0, size - secret.len()));
        }
        Ok(secret)
    })());
    match secret {
        Ok(bytes) => args.ret(bytes_value(s, bytes)),
        Err(e) => throw_ossl(s, &e),
    }
}
