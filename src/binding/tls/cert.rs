//! Certificates as the objects Node's getPeerCertificate() returns, and a peer's
//! verify result as Node's code (`DEPTH_ZERO_SELF_SIGNED_CERT`) and message.
use foreign_types::ForeignTypeRef;
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::x509::{X509NameRef, X509Ref, X509};

use super::conn::with_conn;
use super::{arg_id, bytes_value};
use crate::v8::{CallbackArgs, Local, Object, Scope, Value};

/// connPeerCerts(id, detailed) -> [leaf, issuer, ...] as plain objects (lib/ links
/// issuerCertificate); only the leaf unless detailed; [] without a peer certificate.
pub(super) fn conn_peer_certs<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let detailed = args.get(1).boolean(s);
    let certs = with_conn(arg_id(s, args, 0), |c| {
        let ssl = c.stream.ssl();
        let Some(leaf) = ssl.peer_certificate() else {
            return Vec::new();
        };
        let mut list = vec![leaf];
        if detailed {
            let leaf_der = list[0].to_der().unwrap_or_default();
            for x in ssl.peer_cert_chain().into_iter().flatten() {
                if x.to_der().map(|d| d != leaf_der).unwrap_or(false) {
                    list.push(x.to_owned());
                }
            }
        }
        list
    })
    .unwrap_or_default();
    let items: Vec<_> = certs.iter().map(|x| cert_object(s, x)).collect();
    args.ret(s.array(&items).value());
}

/// connOwnCert(id) -> this side's certificate as an object, or undefined.
pub(super) fn conn_own_cert<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let cert = with_conn(arg_id(s, args, 0), |c| {
        // SAFETY: the SSL is live; the certificate it returns is borrowed, so it is
        // up-referenced into an owned X509 before the SSL can change it.
        unsafe {
            let x = openssl_sys::SSL_get_certificate(c.stream.ssl().as_ptr());
            if x.is_null() {
                None
            } else {
                Some(X509Ref::from_ptr(x).to_owned())
            }
        }
    })
    .flatten();
    if let Some(x) = cert {
        args.ret(cert_object(s, &x));
    }
}

/// connVerifyError(id) -> undefined when the peer's chain verified, else
/// [code, message] (a peer without a certificate counts as
/// UNABLE_TO_GET_ISSUER_CERT, as in Node).
pub(super) fn conn_verify_error<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let r = with_conn(arg_id(s, args, 0), |c| {
        let ssl = c.stream.ssl();
        if ssl.peer_certificate().is_none() {
            // A PSK handshake has no certificate to verify (TLSv1.3's looks like
            // a resumption), as Node allows.
            if super::extras::authenticated_by_psk(ssl) {
                return None;
            }
            return Some((2, "unable to get issuer certificate"));
        }
        let v = ssl.verify_result();
        (v.as_raw() != 0).then(|| (v.as_raw(), v.error_string()))
    })
    .flatten();
    if let Some((code, msg)) = r {
        let items = [s.string(verify_code(code)).value(), s.string(msg).value()];
        args.ret(s.array(&items).value());
    }
}

/// X509_V_ERR_* numbers (OpenSSL's x509_vfy.h) to the names Node reports.
fn verify_code(code: i32) -> &'static str {
    match code {
        2 => "UNABLE_TO_GET_ISSUER_CERT",
        3 => "UNABLE_TO_GET_CRL",
        4 => "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
        5 => "UNABLE_TO_DECRYPT_CRL_SIGNATURE",
        6 => "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
        7 => "CERT_SIGNATURE_FAILURE",
        8 => "CRL_SIGNATURE_FAILURE",
        9 => "CERT_NOT_YET_VALID",
        10 => "CERT_HAS_EXPIRED",
        11 => "CRL_NOT_YET_VALID",
        12 => "CRL_HAS_EXPIRED",
        13 => "ERROR_IN_CERT_NOT_BEFORE_FIELD",
        14 => "ERROR_IN_CERT_NOT_AFTER_FIELD",
        15 => "ERROR_IN_CRL_LAST_UPDATE_FIELD",
        16 => "ERROR_IN_CRL_NEXT_UPDATE_FIELD",
        17 => "OUT_OF_MEM",
        18 => "DEPTH_ZERO_SELF_SIGNED_CERT",
        19 => "SELF_SIGNED_CERT_IN_CHAIN",
        20 => "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        21 => "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        22 => "CERT_CHAIN_TOO_LONG",
        23 => "CERT_REVOKED",
        24 => "INVALID_CA",
        25 => "PATH_LENGTH_EXCEEDED",
        26 => "INVALID_PURPOSE",
        27 => "CERT_UNTRUSTED",
        28 => "CERT_REJECTED",
        62 => "HOSTNAME_MISMATCH",
        66 => "EE_KEY_TOO_SMALL",
        67 => "CA_KEY_TOO_SMALL",
        68 => "CA_MD_TOO_WEAK",
        _ => "UNSPECIFIED",
    }
}

/// `AB:CD:...`: a digest as Node prints fingerprints.
fn colon_hex(bytes: &[u8]) -> String {
    let parts: Vec<String> = bytes.iter().map(|b| format!("{b:02X}")).collect();
    parts.join(":")
}

fn name_object<'s>(s: &Scope<'s>, name: &X509NameRef) -> Local<'s, Value> {
    let o = s.object();
    let mut seen: Vec<(String, Vec<String>)> = Vec::new();
    for e in name.entries() {
        let key = e.object().nid().short_name().unwrap_or("UNDEF").to_owned();
        let value = e.data().to_string().unwrap_or_default();
        match seen.iter_mut().find(|(k, _)| *k == key) {
            Some((_, vals)) => vals.push(value),
            None => seen.push((key, vec![value])),
        }
    }
    for (k, vals) in seen {
        let v = if vals.len() == 1 {
            s.string(&vals[0]).value()
        } else {
            let items: Vec<_> = vals.iter().map(|v| s.string(v).value()).collect();
            s.array(&items).value()
        };
        o.set_str(s, &k, v);
    }
    o.value()
}

/// `DNS:a.example, IP Address:127.0.0.1`: the subjectAltName extension as
/// OpenSSL prints it (Node's subjectaltname).
fn alt_names(cert: &X509Ref) -> Option<String> {
    let names = cert.subject_alt_names()?;
    let mut parts = Vec::new();
    for n in &names {
        if let Some(d) = n.dnsname() {
            parts.push(format!("DNS:{d}"));
        } else if let Some(ip) = n.ipaddress() {
            parts.push(format!("IP Address:{}", ip_text(ip)));
        } else if let Some(e) = n.email() {
            parts.push(format!("email:{e}"));
        } else if let Some(u) = n.uri() {
            parts.push(format!("URI:{u}"));
        }
    }
    Some(parts.join(", "))
}

fn ip_text(ip: &[u8]) -> String {
    match ip.len() {
        4 => format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3]),
        16 => {
            let groups: Vec<String> = ip
                .chunks(2)
                .map(|g| format!("{:X}", u16::from_be_bytes([g[0], g[1]])))
                .collect();
            groups.join(":")
        }
        _ => "<invalid>".to_owned(),
    }
}

/// The authorityInfoAccess extension as Node shows it: `{ 'OCSP - URI': [...],
/// 'CA Issuers - URI': [...] }`.
fn info_access<'s>(s: &Scope<'s>, cert: &X509Ref) -> Option<Local<'s, Value>> {
    let list = cert.authority_info()?;
    let mut seen: Vec<(String, Vec<String>)> = Vec::new();
    for d in &list {
        let method = d.method().nid().long_name().unwrap_or("UNDEF");
        let loc = d.location();
        let (kind, value) = if let Some(u) = loc.uri() {
            ("URI", u.to_owned())
        } else if let Some(n) = loc.dnsname() {
            ("DNS", n.to_owned())
        } else if let Some(e) = loc.email() {
            ("email", e.to_owned())
        } else {
            continue;
        };
        let key = format!("{method} - {kind}");
        match seen.iter_mut().find(|(k, _)| *k == key) {
            Some((_, vals)) => vals.push(value),
            None => seen.push((key, vec![value])),
        }
    }
    let o = s.object();
    for (k, vals) in seen {
        let items: Vec<_> = vals.iter().map(|v| s.string(v).value()).collect();
        o.set_str(s, &k, s.array(&items).value());
    }
    Some(o.value())
}

fn is_ca(cert: &X509Ref) -> bool {
    extern "C" {
        // libcrypto (linked through the openssl crate).
        fn X509_check_ca(x: *mut openssl_sys::X509) -> libc::c_int;
    }
    // SAFETY: cert is live for the call.
    unsafe { X509_check_ca(cert.as_ptr()) == 1 }
}

/// One certificate in Node's shape (subject, issuer, subjectaltname, ca, the key's
/// facts, validity, fingerprints, serialNumber, raw).
fn cert_object<'s>(s: &Scope<'s>, cert: &X509) -> Local<'s, Value> {
    let o = s.object();
    let set = |k: &str, v: Local<'s, Value>| {
        o.set_str(s, k, v);
    };
    set("subject", name_object(s, cert.subject_name()));
    set("issuer", name_object(s, cert.issuer_name()));
    if let Some(alt) = alt_names(cert) {
        set("subjectaltname", s.string(&alt).value());
    }
    if let Some(info) = info_access(s, cert) {
        set("infoAccess", info);
    }
    set("ca", s.boolean(is_ca(cert)));
    if let Ok(key) = cert.public_key() {
        add_key_facts(s, o, &key);
    }
    set(
        "valid_from",
        s.string(&cert.not_before().to_string()).value(),
    );
    set("valid_to", s.string(&cert.not_after().to_string()).value());
    for (field, md) in [
        ("fingerprint", MessageDigest::sha1()),
        ("fingerprint256", MessageDigest::sha256()),
        ("fingerprint512", MessageDigest::sha512()),
    ] {
        if let Ok(d) = cert.digest(md) {
            set(field, s.string(&colon_hex(&d)).value());
        }
    }
    let usages = crate::binding::crypto::x509::ext_key_usage(cert);
    if usages.is_some() {
        set(
            "ext_key_usage",
            crate::binding::crypto::x509::string_list(s, &usages),
        );
    }
    if let Ok(bn) = cert.serial_number().to_bn() {
        if let Ok(hex) = bn.to_hex_str() {
            set("serialNumber", s.string(&hex).value());
        }
    }
    if let Ok(der) = cert.to_der() {
        set("raw", bytes_value(s, der));
    }
    o.value()
}

fn add_key_facts<'s>(
    s: &Scope<'s>,
    o: Local<'s, Object>,
    key: &openssl::pkey::PKey<openssl::pkey::Public>,
) {
    if let Ok(rsa) = key.rsa() {
        if let Ok(m) = rsa.n().to_hex_str() {
            o.set_str(s, "modulus", s.string(&m).value());
        }
        o.set_str(s, "bits", s.number(key.bits() as f64));
        if let Ok(e) = rsa.e().to_hex_str() {
            let e = e.trim_start_matches('0').to_lowercase();
            o.set_str(s, "exponent", s.string(&format!("0x{e}")).value());
        }
        if let Ok(der) = key.public_key_to_der() {
            o.set_str(s, "pubkey", bytes_value(s, der));
        }
    } else if let Ok(ec) = key.ec_key() {
        o.set_str(s, "bits", s.number(key.bits() as f64));
        let mut ctx = openssl::bn::BigNumContext::new().ok();
        if let Some(ctx) = ctx.as_mut() {
            let form = openssl::ec::PointConversionForm::UNCOMPRESSED;
            if let Ok(p) = ec.public_key().to_bytes(ec.group(), form, ctx) {
                o.set_str(s, "pubkey", bytes_value(s, p));
            }
        }
        if let Some(nid) = ec.group().curve_name() {
            if let Ok(n) = nid.short_name() {
                o.set_str(s, "asn1Curve", s.string(n).value());
            }
            if let Some(nist) = nist_name(nid) {
                o.set_str(s, "nistCurve", s.string(nist).value());
            }
        }
    } else {
        o.set_str(s, "bits", s.number(key.bits() as f64));
    }
}

fn nist_name(nid: Nid) -> Option<&'static str> {
    Some(match nid {
        Nid::X9_62_PRIME256V1 => "P-256",
        Nid::SECP384R1 => "P-384",
        Nid::SECP521R1 => "P-521",
        Nid::SECP224R1 => "P-224",
        Nid::X9_62_PRIME192V1 => "P-192",
        _ => return None,
    })
}
