//! Key pair generation (generateKeyPair / generateKeyPairSync): RSA, RSA-PSS, EC,
//! Ed25519, Ed448, X25519, X448, DH. The callback form runs on the work pool, as
//! Node's does on libuv's threadpool (RSA generation takes long).
use foreign_types::ForeignTypeRef;
use openssl::bn::BigNum;
use openssl::dh::Dh;
use openssl::ec::{EcGroup, EcKey};
use openssl::error::ErrorStack;
use openssl::md::Md;
use openssl::nid::Nid;
use openssl::pkey::{Id, PKey, Private};
use openssl::pkey_ctx::PkeyCtx;
use openssl::rsa::Rsa;

use super::{arg_int, arg_string, bytes_value, OsslError};
use crate::backend::op::{Inline, InlineOutput};
use crate::backend::{Op, OpBox};
use crate::runtime::{Finish, Runtime};
use crate::v8::{CallbackArgs, Local, Object, Scope, Value, ValueKind};

extern "C" {
    // libcrypto: RSA-PSS key restrictions, and curve names.
    fn EVP_PKEY_CTX_set_rsa_pss_keygen_md(
        ctx: *mut openssl_sys::EVP_PKEY_CTX,
        md: *const openssl_sys::EVP_MD,
    ) -> libc::c_int;
    fn EVP_PKEY_CTX_set_rsa_pss_keygen_mgf1_md(
        ctx: *mut openssl_sys::EVP_PKEY_CTX,
        md: *const openssl_sys::EVP_MD,
    ) -> libc::c_int;
    fn EVP_PKEY_CTX_set_rsa_pss_keygen_saltlen(
        ctx: *mut openssl_sys::EVP_PKEY_CTX,
        len: libc::c_int,
    ) -> libc::c_int;
    fn EC_curve_nist2nid(name: *const libc::c_char) -> libc::c_int;
}

/// The curve a name means (OpenSSL's short names, and with `nist` the "P-256"
/// forms key generation also takes), if OpenSSL has it.
pub(super) fn curve_nid(name: &str, nist: bool) -> Option<Nid> {
    let c = std::ffi::CString::new(name).ok()?;
    // SAFETY: `c` is a NUL-terminated string alive for both calls.
    let nid = unsafe {
        match if nist {
            EC_curve_nist2nid(c.as_ptr())
        } else {
            0
        } {
            0 => openssl_sys::OBJ_sn2nid(c.as_ptr()),
            n => n,
        }
    };
    let nid = Nid::from_raw(nid);
    (nid != Nid::UNDEF && EcGroup::from_curve_name(nid).is_ok()).then_some(nid)
}

/// What to generate.
struct Spec {
    kind: String,
    bits: u32,
    exponent: u32,
    curve: String,
    hash: String,
    mgf1: String,
    salt: i32,
    /// dh: the prime (empty: generate one of `bits` bits) and the generator.
    prime: Vec<u8>,
    generator: u32,
}

fn cvt(r: libc::c_int) -> Result<(), ErrorStack> {
    if r > 0 {
        Ok(())
    } else {
        Err(ErrorStack::get())
    }
}

fn generate(spec: &Spec) -> Result<PKey<Private>, OsslError> {
    let fail = |e: ErrorStack| OsslError::from_stack(&e);
    match spec.kind.as_str() {
        "rsa" => {
            let e = BigNum::from_u32(spec.exponent).map_err(fail)?;
            Rsa::generate_with_e(spec.bits, &e)
                .and_then(PKey::from_rsa)
                .map_err(fail)
        }
        "rsa-pss" => (|| {
            let mut ctx = PkeyCtx::new_id(Id::RSA_PSS)?;
            ctx.keygen_init()?;
            ctx.set_rsa_keygen_bits(spec.bits)?;
            let e = BigNum::from_u32(spec.exponent)?;
            ctx.set_rsa_keygen_pubexp(&e)?;
            if !spec.hash.is_empty() {
                let md = Md::fetch(None, &spec.hash, None)?;
                // SAFETY: both pointers are live for the call.
                cvt(unsafe { EVP_PKEY_CTX_set_rsa_pss_keygen_md(ctx.as_ptr(), md.as_ptr()) })?;
            }
            if !spec.mgf1.is_empty() {
                let md = Md::fetch(None, &spec.mgf1, None)?;
                // SAFETY: both pointers are live for the call.
                cvt(unsafe { EVP_PKEY_CTX_set_rsa_pss_keygen_mgf1_md(ctx.as_ptr(), md.as_ptr()) })?;
            }
            if spec.salt >= 0 {
                // SAFETY: the context is live for the call.
                cvt(unsafe { EVP_PKEY_CTX_set_rsa_pss_keygen_saltlen(ctx.as_ptr(), spec.salt) })?;
            }
            ctx.keygen()
        })()
        .map_err(fail),
        "ec" => {
            let nid = curve_nid(&spec.curve, true)
                .ok_or_else(|| OsslError::plain("Invalid EC curve name"))?;
            EcGroup::from_curve_name(nid)
                .and_then(|g| EcKey::generate(&g))
                .and_then(PKey::from_ec_key)
                .map_err(fail)
        }
        "dh" => (|| {
            let params = if spec.prime.is_empty() {
                Dh::generate_params(spec.bits, spec.generator)?
            } else {
                let g = BigNum::from_u32(spec.generator)?;
                Dh::from_pqg(BigNum::from_slice(&spec.prime)?, None, g)?
            };
            PKey::from_dh(params.generate_key()?)
        })()
        .map_err(fail),
        "ed25519" => PKey::generate_ed25519().map_err(fail),
        "ed448" => PKey::generate_ed448().map_err(fail),
        "x25519" => PKey::generate_x25519().map_err(fail),
        "x448" => PKey::generate_x448().map_err(fail),
        _ => Err(OsslError::plain("Unsupported key type")),
    }
}

type Pair = Result<(Vec<u8>, Vec<u8>), OsslError>;

fn encode(k: PKey<Private>) -> Pair {
    let fail = |e: ErrorStack| OsslError::from_stack(&e);
    Ok((
        k.private_key_to_pkcs8().map_err(fail)?,
        k.public_key_to_der().map_err(fail)?,
    ))
}

fn pair_value<'s>(s: &Scope<'s>, pair: (Vec<u8>, Vec<u8>)) -> Local<'s, Value> {
    let items = [bytes_value(s, pair.0), bytes_value(s, pair.1)];
    s.array(&items).value()
}

/// generateKeyPair(req | undefined, type, modulusLength, publicExponent,
/// namedCurve, hashAlgorithm, mgf1HashAlgorithm, saltLength | -1, dh prime |
/// undefined, dh generator) ->
/// [pkcs8 der, spki der] (sync), or req.oncomplete(err, pair).
pub(super) fn generate_key_pair<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let spec = Spec {
        kind: arg_string(s, args, 1),
        bits: arg_int(s, args, 2).unwrap_or(0) as u32,
        exponent: arg_int(s, args, 3).unwrap_or(65537) as u32,
        curve: arg_string(s, args, 4),
        hash: arg_string(s, args, 5),
        mgf1: arg_string(s, args, 6),
        salt: arg_int(s, args, 7).unwrap_or(-1) as i32,
        prime: args
            .get(8)
            .view_bytes()
            .map(<[u8]>::to_vec)
            .unwrap_or_default(),
        generator: arg_int(s, args, 9).unwrap_or(2) as u32,
    };
    let Some(req) = args.get(0).to::<Object>(ValueKind::Object) else {
        return match generate(&spec).and_then(encode) {
            Ok(pair) => args.ret(pair_value(s, pair)),
            Err(e) => e.throw(s),
        };
    };
    let op = Inline::on_pool("generateKeyPair", move || {
        Ok(Box::new(generate(&spec).and_then(encode)) as InlineOutput)
    });
    let finish: Finish = Box::new(|s, c| {
        let out = match c.op.map(OpBox::into_op) {
            Some(Op::Inline(mut op)) => op.output.take(),
            _ => None,
        };
        match out.and_then(|o| o.downcast::<Pair>().ok()).map(|b| *b) {
            Some(Ok(pair)) => Ok(pair_value(s, pair)),
            Some(Err(e)) => Err(e.to_value(s)),
            None => Err(OsslError::plain("Operation cancelled").to_value(s)),
        }
    });
    Runtime::get(s).submit_request(s, req, op.into(), finish);
}

/// curveKnown(name, nistNamesToo) -> whether OpenSSL has the named curve.
pub(super) fn curve_known<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let nist = args.get(1).boolean(s);
    args.ret(s.boolean(curve_nid(&arg_string(s, args, 0), nist).is_some()));
}
