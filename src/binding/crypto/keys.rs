//! Asymmetric keys for KeyObject: parsing PEM / DER (PKCS#8, SPKI, PKCS#1, SEC1;
//! encrypted PEM and PKCS#8 with a passphrase), export in each encoding, details,
//! and JWK in both directions.
//!
//! lib/ keeps an asymmetric key as DER bytes — PKCS#8 for a private key, SPKI for a
//! public one — and passes them back for each use; the binding holds no key state.
use openssl::bn::{BigNum, BigNumContext};
use openssl::ec::{EcGroup, EcKey};
use openssl::error::ErrorStack;
use openssl::nid::Nid;
use openssl::pkey::{Id, PKey, Private, Public};
use openssl::rsa::Rsa;
use openssl::symm::Cipher;
use openssl::x509::X509;

use super::{arg_string, arg_view, bytes_value, throw_ossl, OsslError};
use crate::v8::{CallbackArgs, ErrorKind, Local, Object, Scope, Value, ValueKind};

/// A key as lib/ holds it, loaded.
pub(super) enum AnyKey {
    Private(PKey<Private>),
    Public(PKey<Public>),
}

/// Runs `$body` with `$k` bound to the loaded key, whichever kind it is.
macro_rules! with_key {
    ($key:expr, $k:ident => $body:expr) => {
        match $key {
            $crate::binding::crypto::keys::AnyKey::Private($k) => $body,
            $crate::binding::crypto::keys::AnyKey::Public($k) => $body,
        }
    };
}
pub(super) use with_key;

/// Loads lib/'s DER form (PKCS#8 when `private`, else SPKI).
pub(super) fn load(der: &[u8], private: bool) -> Result<AnyKey, ErrorStack> {
    if private {
        PKey::private_key_from_der(der).map(AnyKey::Private)
    } else {
        PKey::public_key_from_der(der).map(AnyKey::Public)
    }
}

/// Loads the key in arguments `i` (DER bytes) and `i + 1` (whether private), or
/// throws.
pub(super) fn arg_key(s: &Scope, args: &CallbackArgs, i: usize) -> Option<AnyKey> {
    let der = arg_view(args, i)?;
    match load(der, args.get(i + 1).boolean(s)) {
        Ok(k) => Some(k),
        Err(e) => {
            throw_ossl(s, &e);
            None
        }
    }
}

/// lib/'s DER form of a key: [isPrivate, der].
fn ret_key<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>, key: &AnyKey) {
    let out = match key {
        AnyKey::Private(k) => k.private_key_to_pkcs8().map(|d| (true, d)),
        AnyKey::Public(k) => k.public_key_to_der().map(|d| (false, d)),
    };
    match out {
        Ok((private, der)) => {
            let items = [s.boolean(private), bytes_value(s, der)];
            args.ret(s.array(&items).value());
        }
        Err(e) => throw_ossl(s, &e),
    }
}

fn public_of(k: &PKey<Private>) -> Result<PKey<Public>, ErrorStack> {
    PKey::public_key_from_der(&k.public_key_to_der()?)
}

/// A PEM private key; a passphrase OpenSSL asks for and was not given is Node's
/// ERR_MISSING_PASSPHRASE.
fn private_pem(data: &[u8], pass: Option<&[u8]>) -> Result<PKey<Private>, Option<ErrorStack>> {
    let mut asked = false;
    let got = PKey::private_key_from_pem_callback(data, |buf| {
        asked = true;
        match pass {
            Some(p) if p.len() <= buf.len() => {
                buf[..p.len()].copy_from_slice(p);
                Ok(p.len())
            }
            _ => Err(ErrorStack::get()),
        }
    });
    match got {
        Ok(k) => Ok(k),
        Err(_) if asked && pass.is_none() => Err(None),
        Err(e) => Err(Some(e)),
    }
}

/// keyParse(data, 'pem' | 'der', type, wantPrivate, passphrase | null) ->
/// [isPrivate, der]. A public key may come from a certificate or a private key.
pub(super) fn key_parse<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(data) = arg_view(args, 0) else {
        return;
    };
    let pem = arg_string(s, args, 1) == "pem";
    let kind = arg_string(s, args, 2);
    let want_private = args.get(3).boolean(s);
    let pass = arg_view(args, 4);
    let parsed: Result<AnyKey, Option<ErrorStack>> = if pem {
        if want_private {
            private_pem(data, pass).map(AnyKey::Private)
        } else {
            PKey::public_key_from_pem(data)
                .or_else(|_| Rsa::public_key_from_pem_pkcs1(data).and_then(PKey::from_rsa))
                .or_else(|_| X509::from_pem(data).and_then(|c| c.public_key()))
                .map(AnyKey::Public)
                .map_err(Some)
                // Not a public key: a private one's public part (its error, as
                // Node reports, when it is neither).
                .or_else(|_| {
                    private_pem(data, pass)
                        .and_then(|k| public_of(&k).map(AnyKey::Public).map_err(Some))
                })
        }
    } else {
        let private = match kind.as_str() {
            "pkcs8" => Some(match pass {
                Some(p) => PKey::private_key_from_pkcs8_passphrase(data, p),
                None => PKey::private_key_from_pkcs8(data),
            }),
            "sec1" => Some(EcKey::private_key_from_der(data).and_then(PKey::from_ec_key)),
            "pkcs1" if want_private => {
                Some(Rsa::private_key_from_der(data).and_then(PKey::from_rsa))
            }
            _ => None,
        };
        match private {
            Some(Ok(k)) if want_private => Ok(AnyKey::Private(k)),
            Some(Ok(k)) => public_of(&k).map(AnyKey::Public).map_err(Some),
            Some(Err(e)) => Err(Some(e)),
            None if kind == "pkcs1" => Rsa::public_key_from_der_pkcs1(data)
                .and_then(PKey::from_rsa)
                .map(AnyKey::Public)
                .map_err(Some),
            None => PKey::public_key_from_der(data)
                .map(AnyKey::Public)
                .map_err(Some),
        }
    };
    match parsed {
        Ok(k) => ret_key(s, args, &k),
        Err(Some(e)) => throw_ossl(s, &e),
        // OpenSSL asked for a passphrase nobody gave: Node reports its decoder's
        // "interrupted or cancelled".
        Err(None) => OsslError {
            code: 0x0788_0109,
            lib_code: 15,
            library: Some("common libcrypto routines".into()),
            reason: Some("interrupted or cancelled".into()),
            plain: None,
        }
        .throw(s),
    }
}

/// keyExport(der, isPrivate, 'pem' | 'der', type, cipher | '', passphrase | null)
/// -> the encoded key (PEM as its bytes). lib/ has checked the combination.
pub(super) fn key_export<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(key) = arg_key(s, args, 0) else {
        return;
    };
    let pem = arg_string(s, args, 2) == "pem";
    let kind = arg_string(s, args, 3);
    let cipher_name = arg_string(s, args, 4);
    let pass = arg_view(args, 5);
    let cipher = if cipher_name.is_empty() {
        None
    } else {
        match openssl::cipher::Cipher::fetch(None, &cipher_name, None)
            .ok()
            .and_then(|c| Cipher::from_nid(c.nid()))
        {
            Some(c) => Some(c),
            None => {
                let e = s.error(ErrorKind::TypeError, "Unknown cipher");
                if let Some(o) = e.to::<Object>(ValueKind::Object) {
                    o.set_str(s, "code", s.string("ERR_CRYPTO_UNKNOWN_CIPHER").value());
                }
                return s.throw(e);
            }
        }
    };
    let out = match &key {
        AnyKey::Private(k) => match (kind.as_str(), pem, cipher) {
            ("pkcs8", true, Some(c)) => {
                k.private_key_to_pem_pkcs8_passphrase(c, pass.unwrap_or(b""))
            }
            ("pkcs8", true, None) => k.private_key_to_pem_pkcs8(),
            ("pkcs8", false, Some(c)) => k.private_key_to_pkcs8_passphrase(c, pass.unwrap_or(b"")),
            ("pkcs8", false, None) => k.private_key_to_pkcs8(),
            ("pkcs1", true, c) => k.rsa().and_then(|r| match c {
                Some(c) => r.private_key_to_pem_passphrase(c, pass.unwrap_or(b"")),
                None => r.private_key_to_pem(),
            }),
            ("pkcs1", false, _) => k.rsa().and_then(|r| r.private_key_to_der()),
            ("sec1", true, c) => k.ec_key().and_then(|e| match c {
                Some(c) => e.private_key_to_pem_passphrase(c, pass.unwrap_or(b"")),
                None => e.private_key_to_pem(),
            }),
            ("sec1", false, _) => k.ec_key().and_then(|e| e.private_key_to_der()),
            // A public encoding of a private key: its public part.
            (_, true, _) => k.public_key_to_pem(),
            (_, false, _) => k.public_key_to_der(),
        },
        AnyKey::Public(k) => match (kind.as_str(), pem) {
            ("pkcs1", true) => k.rsa().and_then(|r| r.public_key_to_pem_pkcs1()),
            ("pkcs1", false) => k.rsa().and_then(|r| r.public_key_to_der_pkcs1()),
            (_, true) => k.public_key_to_pem(),
            (_, false) => k.public_key_to_der(),
        },
    };
    match out {
        Ok(bytes) => args.ret(bytes_value(s, bytes)),
        Err(e) => throw_ossl(s, &e),
    }
}

/// Node's name for a key type.
pub(super) fn type_name(id: Id) -> &'static str {
    match id {
        Id::RSA => "rsa",
        Id::RSA_PSS => "rsa-pss",
        Id::DSA => "dsa",
        Id::DH => "dh",
        Id::EC => "ec",
        Id::ED25519 => "ed25519",
        Id::ED448 => "ed448",
        Id::X25519 => "x25519",
        Id::X448 => "x448",
        _ => "",
    }
}

/// keyDetails(der, isPrivate) -> [asymmetricKeyType, modulusLength | undefined,
/// publicExponent bytes (big-endian) | undefined, namedCurve | undefined].
pub(super) fn key_details<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(key) = arg_key(s, args, 0) else {
        return;
    };
    let undef = s.undefined();
    let items: Vec<Local<Value>> = with_key!(&key, k => {
        let id = k.id();
        let (bits, exp) = match k.rsa() {
            Ok(r) => (s.number(f64::from(k.bits())), bytes_value(s, r.e().to_vec())),
            Err(_) => (undef, undef),
        };
        let curve = k
            .ec_key()
            .ok()
            .and_then(|e| e.group().curve_name())
            .and_then(|n| n.short_name().ok())
            .map_or(undef, |n| s.string(n).value());
        vec![s.string(type_name(id)).value(), bits, exp, curve]
    });
    args.ret(s.array(&items).value());
}

/// The JWK curve name of a curve, and back.
fn jwk_curve(nid: Nid) -> Option<&'static str> {
    Some(match nid {
        Nid::X9_62_PRIME256V1 => "P-256",
        Nid::SECP384R1 => "P-384",
        Nid::SECP521R1 => "P-521",
        Nid::SECP256K1 => "secp256k1",
        _ => return None,
    })
}

/// keyToJwk(der, isPrivate) -> [name, value, ...] with byte values (lib/ writes
/// them in base64url), or a string naming what JWK cannot hold.
pub(super) fn key_to_jwk<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(key) = arg_key(s, args, 0) else {
        return;
    };
    let mut fields: Vec<(&str, Result<Vec<u8>, String>)> = Vec::new();
    let text = |t: &str| Err::<Vec<u8>, String>(t.to_owned());
    let done: Result<(), ErrorStack> = with_key!(&key, k => (|| {
        match k.id() {
            Id::RSA => {
                let r = k.rsa()?;
                fields.push(("kty", text("RSA")));
                fields.push(("n", Ok(r.n().to_vec())));
                fields.push(("e", Ok(r.e().to_vec())));
            }
            Id::EC => {
                let e = k.ec_key()?;
                let nid = e.group().curve_name().unwrap_or(Nid::UNDEF);
                let Some(crv) = jwk_curve(nid) else {
                    fields.push(("error", text(nid.short_name().unwrap_or(""))));
                    return Ok(());
                };
                let size = (e.group().degree() as i32 + 7) / 8;
                let (mut x, mut y) = (BigNum::new()?, BigNum::new()?);
                let mut ctx = BigNumContext::new()?;
                e.public_key().affine_coordinates(e.group(), &mut x, &mut y, &mut ctx)?;
                fields.push(("kty", text("EC")));
                fields.push(("crv", text(crv)));
                fields.push(("x", Ok(x.to_vec_padded(size)?)));
                fields.push(("y", Ok(y.to_vec_padded(size)?)));
            }
            Id::ED25519 | Id::ED448 | Id::X25519 | Id::X448 => {
                let crv = match k.id() {
                    Id::ED25519 => "Ed25519",
                    Id::ED448 => "Ed448",
                    Id::X25519 => "X25519",
                    _ => "X448",
                };
                fields.push(("crv", text(crv)));
                fields.push(("x", Ok(k.raw_public_key()?)));
                fields.push(("kty", text("OKP")));
            }
            _ => fields.push(("error", text("unsupported"))),
        }
        Ok(())
    })());
    // The private parts only a private key has.
    if let (Ok(()), AnyKey::Private(k)) = (&done, &key) {
        match k.id() {
            Id::RSA => {
                if let Ok(r) = k.rsa() {
                    let part = |b: Option<&openssl::bn::BigNumRef>| {
                        Ok(b.map(|b| b.to_vec()).unwrap_or_default())
                    };
                    fields.push(("d", Ok(r.d().to_vec())));
                    fields.push(("p", part(r.p())));
                    fields.push(("q", part(r.q())));
                    fields.push(("dp", part(r.dmp1())));
                    fields.push(("dq", part(r.dmq1())));
                    fields.push(("qi", part(r.iqmp())));
                }
            }
            Id::EC => {
                if let Ok(e) = k.ec_key() {
                    let size = (e.group().degree() as i32 + 7) / 8;
                    if let Ok(d) = e.private_key().to_vec_padded(size) {
                        fields.push(("d", Ok(d)));
                    }
                }
            }
            Id::ED25519 | Id::ED448 | Id::X25519 | Id::X448 => {
                if let Ok(d) = k.raw_private_key() {
                    fields.push(("d", Ok(d)));
                }
            }
            _ => {}
        }
    }
    if let Err(e) = done {
        return throw_ossl(s, &e);
    }
    let mut items = Vec::with_capacity(fields.len() * 2);
    for (name, value) in fields {
        items.push(s.string(name).value());
        items.push(match value {
            Ok(bytes) => bytes_value(s, bytes),
            Err(t) => s.string(&t).value(),
        });
    }
    args.ret(s.array(&items).value());
}

/// keyFromJwk(kty, crv, fields object with byte values) -> [isPrivate, der].
pub(super) fn key_from_jwk<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let kty = arg_string(s, args, 0);
    let crv = arg_string(s, args, 1);
    let Some(obj) = args.get(2).to::<Object>(ValueKind::Object) else {
        return;
    };
    let field = |name: &str| -> Option<Vec<u8>> {
        obj.get_str(s, name)
            .and_then(|v| v.view_bytes())
            .map(|b| b.to_vec())
    };
    let bn = |name: &str| field(name).map(|b| BigNum::from_slice(&b));
    let made: Result<AnyKey, ErrorStack> = (|| match kty.as_str() {
        "RSA" => {
            let (Some(n), Some(e)) = (bn("n"), bn("e")) else {
                return Err(ErrorStack::get());
            };
            match bn("d") {
                Some(d) => {
                    let parts = ["p", "q", "dp", "dq", "qi"].map(bn);
                    let [Some(p), Some(q), Some(dp), Some(dq), Some(qi)] = parts else {
                        return Err(ErrorStack::get());
                    };
                    let r = Rsa::from_private_components(n?, e?, d?, p?, q?, dp?, dq?, qi?)?;
                    Ok(AnyKey::Private(PKey::from_rsa(r)?))
                }
                None => Ok(AnyKey::Public(PKey::from_rsa(
                    Rsa::from_public_components(n?, e?)?,
                )?)),
            }
        }
        "EC" => {
            let nid = match crv.as_str() {
                "P-256" => Nid::X9_62_PRIME256V1,
                "P-384" => Nid::SECP384R1,
                "P-521" => Nid::SECP521R1,
                _ => Nid::SECP256K1,
            };
            let group = EcGroup::from_curve_name(nid)?;
            let (Some(x), Some(y)) = (bn("x"), bn("y")) else {
                return Err(ErrorStack::get());
            };
            let (x, y) = (x?, y?);
            let public = EcKey::from_public_key_affine_coordinates(&group, &x, &y)?;
            match bn("d") {
                Some(d) => {
                    let d = d?;
                    let k = EcKey::from_private_components(&group, &d, public.public_key())?;
                    k.check_key()?;
                    Ok(AnyKey::Private(PKey::from_ec_key(k)?))
                }
                None => Ok(AnyKey::Public(PKey::from_ec_key(public)?)),
            }
        }
        _ => {
            let id = match crv.as_str() {
                "Ed25519" => Id::ED25519,
                "Ed448" => Id::ED448,
                "X25519" => Id::X25519,
                _ => Id::X448,
            };
            match field("d") {
                Some(d) => Ok(AnyKey::Private(PKey::private_key_from_raw_bytes(&d, id)?)),
                None => {
                    let x = field("x").ok_or_else(ErrorStack::get)?;
                    Ok(AnyKey::Public(PKey::public_key_from_raw_bytes(&x, id)?))
                }
            }
        }
    })();
    match made {
        Ok(k) => ret_key(s, args, &k),
        Err(_) => {
            let e = s.error(ErrorKind::TypeError, "Invalid JWK data");
            if let Some(o) = e.to::<Object>(ValueKind::Object) {
                o.set_str(s, "code", s.string("ERR_CRYPTO_INVALID_JWK").value());
            }
            s.throw(e);
        }
    }
}
