//! X.509 certificates for crypto.X509Certificate, and the fields of Node's
//! "legacy" certificate object (what tls's getPeerCertificate returns):
//! `CertFields::of` reads a certificate once into plain data that either use
//! turns into JS values. lib/ keeps a certificate as its DER bytes and passes them
//! back for the checks (checkHost, verify, ...).
use foreign_types::ForeignTypeRef;
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkey::PKey;
use openssl::x509::{GeneralNameRef, X509NameRef, X509Ref, X509};

use super::{arg_int, arg_string, arg_view, bytes_value, throw_ossl};
use crate::v8::{CallbackArgs, Local, Object, Scope, Value};

extern "C" {
    // libcrypto: whether a certificate is a CA's (openssl-sys does not declare it).
    fn X509_check_ca(x: *mut openssl_sys::X509) -> libc::c_int;
}

/// What Node shows of a certificate, read once.
pub struct CertFields {
    pub der: Vec<u8>,
    pub pem: Vec<u8>,
    /// Distinguished names as [short name, value] pairs, in order.
    pub subject: Vec<(String, String)>,
    pub issuer: Vec<(String, String)>,
    /// OpenSSL's text: "DNS:a.example, IP Address:127.0.0.1".
    pub subject_alt_name: Option<String>,
    /// "OCSP - URI:...\nCA Issuers - URI:...".
    pub info_access: Option<String>,
    pub valid_from: String,
    pub valid_to: String,
    pub fingerprint: String,
    pub fingerprint256: String,
    pub fingerprint512: String,
    pub serial_number: String,
    pub spki: Vec<u8>,
    pub ca: bool,
    /// An RSA key's modulus (hex, upper case), size in bits and exponent ("0x10001").
    pub rsa: Option<(String, u32, String)>,
    pub ec: Option<EcFacts>,
    /// The extended key usages' OIDs, dotted, in the certificate's order.
    pub ext_key_usage: Option<Vec<String>>,
}

/// What the legacy object shows of an EC key: its size in bits, public point
/// (uncompressed), curve's short name and NIST name (Node's bits, pubkey,
/// asn1Curve, nistCurve).
pub type EcFacts = (u32, Vec<u8>, Option<String>, Option<String>);

fn ec_facts(key: &PKey<openssl::pkey::Public>) -> Option<EcFacts> {
    extern "C" {
        // libcrypto: a curve's NIST name ("P-256"), or null.
        fn EC_curve_nid2nist(nid: libc::c_int) -> *const libc::c_char;
    }
    let ec = key.ec_key().ok()?;
    let mut ctx = openssl::bn::BigNumContext::new().ok()?;
    let form = openssl::ec::PointConversionForm::UNCOMPRESSED;
    let point = ec.public_key().to_bytes(ec.group(), form, &mut ctx).ok()?;
    let nid = ec.group().curve_name();
    let asn1 = nid.and_then(|n| n.short_name().ok()).map(str::to_owned);
    let nist = nid.and_then(|n| {
        // SAFETY: EC_curve_nid2nist returns a static string or null.
        let p = unsafe { EC_curve_nid2nist(n.as_raw()) };
        (!p.is_null()).then(|| {
            // SAFETY: non-null results are NUL-terminated static strings.
            unsafe { std::ffi::CStr::from_ptr(p) }
                .to_string_lossy()
                .into_owned()
        })
    });
    Some((key.bits(), point, asn1, nist))
}

/// The OIDs of a certificate's extended key usage extension ("1.3.6.1.5.5.7.3.1"),
/// or None without one: what X509Certificate's keyUsage and the legacy object's
/// ext_key_usage list.
pub fn ext_key_usage(cert: &X509Ref) -> Option<Vec<String>> {
    unsafe extern "C" fn free_object(p: *mut libc::c_void) {
        // SAFETY: every entry of the stack is an ASN1_OBJECT it owns.
        unsafe { openssl_sys::ASN1_OBJECT_free(p.cast()) }
    }
    // SAFETY: cert is live; X509_get_ext_d2i returns a fresh stack of ASN1_OBJECTs
    // (EXTENDED_KEY_USAGE) that this function owns and frees below.
    unsafe {
        let list = openssl_sys::X509_get_ext_d2i(
            cert.as_ptr(),
            openssl_sys::NID_ext_key_usage,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        ) as *mut openssl_sys::OPENSSL_STACK;
        if list.is_null() {
            return None;
        }
        let mut out = Vec::new();
        for i in 0..openssl_sys::OPENSSL_sk_num(list) {
            let obj = openssl_sys::OPENSSL_sk_value(list, i) as *const openssl_sys::ASN1_OBJECT;
            let mut buf = [0u8; 128];
            let n =
                openssl_sys::OBJ_obj2txt(buf.as_mut_ptr().cast(), buf.len() as libc::c_int, obj, 1);
            if n > 0 && (n as usize) < buf.len() {
                out.push(String::from_utf8_lossy(&buf[..n as usize]).into_owned());
            }
        }
        openssl_sys::OPENSSL_sk_pop_free(list, Some(free_object));
        Some(out)
    }
}

/// A list of strings as a JS array, or undefined.
pub fn string_list<'s>(s: &Scope<'s>, list: &Option<Vec<String>>) -> Local<'s, Value> {
    match list {
        Some(items) => {
            let values: Vec<Local<Value>> = items.iter().map(|v| s.string(v).value()).collect();
            s.array(&values).value()
        }
        None => s.undefined(),
    }
}

fn name_entries(name: &X509NameRef) -> Vec<(String, String)> {
    name.entries()
        .map(|e| {
            let nid = e.object().nid();
            let key = match nid.short_name() {
                Ok(n) if nid != Nid::UNDEF => n.to_owned(),
                _ => e.object().to_string(),
            };
            let value = e.data().to_string().unwrap_or_default();
            (key, value)
        })
        .collect()
}

/// One general name as OpenSSL prints it ("DNS:x", "IP Address:1.2.3.4").
fn general_name(g: &GeneralNameRef) -> Option<String> {
    if let Some(d) = g.dnsname() {
        return Some(format!("DNS:{d}"));
    }
    if let Some(e) = g.email() {
        return Some(format!("email:{e}"));
    }
    if let Some(u) = g.uri() {
        return Some(format!("URI:{u}"));
    }
    let ip = g.ipaddress()?;
    Some(match ip.len() {
        4 => format!("IP Address:{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3]),
        16 => {
            let words: Vec<String> = ip
                .chunks(2)
                .map(|w| format!("{:X}", u16::from_be_bytes([w[0], w[1]])))
                .collect();
            format!("IP Address:{}", words.join(":"))
        }
        _ => "IP Address:<invalid>".to_owned(),
    })
}

fn colon_hex(bytes: &[u8]) -> String {
    let parts: Vec<String> = bytes.iter().map(|b| format!("{b:02X}")).collect();
    parts.join(":")
}

impl CertFields {
    pub fn of(cert: &X509Ref) -> Result<CertFields, openssl::error::ErrorStack> {
        let san = cert.subject_alt_names().map(|names| {
            let parts: Vec<String> = names.iter().filter_map(general_name).collect();
            parts.join(", ")
        });
        let info_access = cert.authority_info().map(|list| {
            let mut lines = Vec::new();
            for d in &list {
                let method = match d.method().nid() {
                    Nid::AD_OCSP => "OCSP".to_owned(),
                    Nid::AD_CA_ISSUERS => "CA Issuers".to_owned(),
                    n => n.long_name().map(str::to_owned).unwrap_or_default(),
                };
                if let Some(loc) = general_name(d.location()) {
                    lines.push(format!("{method} - {loc}"));
                }
            }
            lines.join("\n")
        });
        let fp = |md| cert.digest(md).map(|d| colon_hex(&d));
        // SAFETY: `cert` is a live certificate; X509_check_ca only reads it (and
        // caches its extensions, which OpenSSL does under its own lock).
        let ca = unsafe { X509_check_ca(cert.as_ptr()) } == 1;
        let key = cert.public_key()?;
        let rsa = match key.rsa() {
            Ok(r) => Some((
                r.n().to_hex_str()?.to_string(),
                key.bits(),
                format!(
                    "0x{}",
                    r.e().to_hex_str()?.to_lowercase().trim_start_matches('0')
                ),
            )),
            Err(_) => None,
        };
        Ok(CertFields {
            der: cert.to_der()?,
            pem: cert.to_pem()?,
            subject: name_entries(cert.subject_name()),
            issuer: name_entries(cert.issuer_name()),
            subject_alt_name: san,
            info_access,
            valid_from: cert.not_before().to_string(),
            valid_to: cert.not_after().to_string(),
            fingerprint: fp(MessageDigest::sha1())?,
            fingerprint256: fp(MessageDigest::sha256())?,
            fingerprint512: fp(MessageDigest::sha512())?,
            serial_number: cert.serial_number().to_bn()?.to_hex_str()?.to_string(),
            spki: key.public_key_to_der()?,
            ca,
            ec: if rsa.is_none() { ec_facts(&key) } else { None },
            rsa,
            ext_key_usage: ext_key_usage(cert),
        })
    }

    /// A name as X509Certificate's subject / issuer text ("C=US\nCN=x").
    pub fn name_text(entries: &[(String, String)]) -> String {
        let lines: Vec<String> = entries.iter().map(|(k, v)| format!("{k}={v}")).collect();
        lines.join("\n")
    }

    /// A name as the legacy object's { C: 'US', CN: 'x' } (repeats as arrays).
    pub fn name_object<'s>(s: &Scope<'s>, entries: &[(String, String)]) -> Local<'s, Object> {
        let mut grouped: Vec<(&str, Vec<&str>)> = Vec::new();
        for (k, v) in entries {
            match grouped.iter_mut().find(|(name, _)| name == k) {
                Some((_, values)) => values.push(v),
                None => grouped.push((k, vec![v])),
            }
        }
        let o = s.object();
        for (k, values) in grouped {
            let value = if values.len() == 1 {
                s.string(values[0]).value()
            } else {
                let items: Vec<Local<Value>> = values.iter().map(|v| s.string(v).value()).collect();
                s.array(&items).value()
            };
            o.set_str(s, k, value);
        }
        o
    }

    /// Node's legacy certificate object (getPeerCertificate's, toLegacyObject's).
    pub fn legacy_object<'s>(&self, s: &Scope<'s>) -> Local<'s, Object> {
        let o = s.object();
        o.set_str(s, "subject", Self::name_object(s, &self.subject).value());
        o.set_str(s, "issuer", Self::name_object(s, &self.issuer).value());
        if let Some(san) = &self.subject_alt_name {
            o.set_str(s, "subjectaltname", s.string(san).value());
        }
        if let Some(ia) = &self.info_access {
            o.set_str(s, "infoAccess", s.string(ia).value());
        }
        o.set_str(s, "ca", s.boolean(self.ca));
        if let Some((modulus, bits, exponent)) = &self.rsa {
            o.set_str(s, "modulus", s.string(modulus).value());
            o.set_str(s, "bits", s.number(f64::from(*bits)));
            o.set_str(s, "exponent", s.string(exponent).value());
            o.set_str(s, "pubkey", bytes_value(s, self.spki.clone()));
        } else if let Some((bits, point, asn1, nist)) = &self.ec {
            o.set_str(s, "bits", s.number(f64::from(*bits)));
            o.set_str(s, "pubkey", bytes_value(s, point.clone()));
            if let Some(n) = asn1 {
                o.set_str(s, "asn1Curve", s.string(n).value());
            }
            if let Some(n) = nist {
                o.set_str(s, "nistCurve", s.string(n).value());
            }
        }
        o.set_str(s, "valid_from", s.string(&self.valid_from).value());
        o.set_str(s, "valid_to", s.string(&self.valid_to).value());
        o.set_str(s, "fingerprint", s.string(&self.fingerprint).value());
        o.set_str(s, "fingerprint256", s.string(&self.fingerprint256).value());
        o.set_str(s, "fingerprint512", s.string(&self.fingerprint512).value());
        if self.ext_key_usage.is_some() {
            o.set_str(s, "ext_key_usage", string_list(s, &self.ext_key_usage));
        }
        o.set_str(s, "serialNumber", s.string(&self.serial_number).value());
        o.set_str(s, "raw", bytes_value(s, self.der.clone()));
        o
    }
}

fn opt_string<'s>(s: &Scope<'s>, v: &Option<String>) -> Local<'s, Value> {
    match v {
        Some(t) => s.string(t).value(),
        None => s.undefined(),
    }
}

/// x509Parse(bytes) -> [der, pem, subject, issuer, subjectAltName, infoAccess,
/// validFrom, validTo, fingerprint, fingerprint256, fingerprint512, serialNumber,
/// spki der, ca, legacy object, extended key usages | undefined]; PEM or DER.
pub(super) fn x509_parse<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(data) = arg_view(args, 0) else {
        return;
    };
    // PEM, else DER; when neither, PEM's complaint, as Node reports.
    let parsed = match X509::from_pem(data) {
        Ok(c) => Ok(c),
        Err(pem_error) => X509::from_der(data).map_err(|_| pem_error),
    }
    .and_then(|c| CertFields::of(&c));
    let f = match parsed {
        Ok(f) => f,
        Err(e) => return throw_ossl(s, &e),
    };
    let items = [
        bytes_value(s, f.der.clone()),
        s.string(&String::from_utf8_lossy(&f.pem)).value(),
        s.string(&CertFields::name_text(&f.subject)).value(),
        s.string(&CertFields::name_text(&f.issuer)).value(),
        opt_string(s, &f.subject_alt_name),
        opt_string(s, &f.info_access),
        s.string(&f.valid_from).value(),
        s.string(&f.valid_to).value(),
        s.string(&f.fingerprint).value(),
        s.string(&f.fingerprint256).value(),
        s.string(&f.fingerprint512).value(),
        s.string(&f.serial_number).value(),
        bytes_value(s, f.spki.clone()),
        s.boolean(f.ca),
        f.legacy_object(s).value(),
        string_list(s, &f.ext_key_usage),
    ];
    args.ret(s.array(&items).value());
}

/// x509Check(der, kind 0 host | 1 email | 2 ip, name, flags) -> the matched name
/// (host), true, or undefined when it does not match.
pub(super) fn x509_check<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(cert) = arg_view(args, 0).and_then(|d| X509::from_der(d).ok()) else {
        return;
    };
    let kind = arg_int(s, args, 1).unwrap_or(0);
    let name = arg_string(s, args, 2);
    let flags = arg_int(s, args, 3).unwrap_or(0) as libc::c_uint;
    let Ok(c_name) = std::ffi::CString::new(name.clone()) else {
        return;
    };
    let mut peer: *mut libc::c_char = std::ptr::null_mut();
    // SAFETY: `cert` is live; the name pointers are valid for the calls; `peer`
    // receives an OpenSSL-allocated string we free below.
    let r = unsafe {
        match kind {
            0 => openssl_sys::X509_check_host(
                cert.as_ptr(),
                c_name.as_ptr(),
                name.len(),
                flags,
                &mut peer,
            ),
            1 => openssl_sys::X509_check_email(cert.as_ptr(), c_name.as_ptr(), name.len(), flags),
            _ => openssl_sys::X509_check_ip_asc(cert.as_ptr(), c_name.as_ptr(), flags),
        }
    };
    let matched = if peer.is_null() {
        name
    } else {
        // SAFETY: OpenSSL returned a NUL-terminated string it allocated.
        let t = unsafe { std::ffi::CStr::from_ptr(peer) }
            .to_string_lossy()
            .into_owned();
        // SAFETY: allocated by OpenSSL with OPENSSL_malloc.
        unsafe { openssl_sys::CRYPTO_free(peer.cast(), c"x509".as_ptr(), 0) };
        t
    };
    if r == 1 {
        args.ret(s.string(&matched).value());
    }
}

/// x509Verify(der, spki der) -> whether the certificate's signature verifies
/// with the key; x509Issued(der, issuer der) -> whether `issuer` issued it;
/// x509KeyMatches(der, pkcs8 der) -> whether the private key is the cert's.
pub(super) fn x509_relation<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(cert), Some(other)) = (
        arg_view(args, 0).and_then(|d| X509::from_der(d).ok()),
        arg_view(args, 1),
    ) else {
        return;
    };
    let result = match arg_int(s, args, 2).unwrap_or(0) {
        0 => PKey::public_key_from_der(other)
            .and_then(|k| cert.verify(&k))
            .unwrap_or(false),
        1 => X509::from_der(other)
            .map(|issuer| issuer.issued(&cert) == openssl::x509::X509VerifyResult::OK)
            .unwrap_or(false),
        _ => match (PKey::private_key_from_der(other), cert.public_key()) {
            (Ok(k), Ok(p)) => p.public_eq(&k),
            _ => false,
        },
    };
    args.ret(s.boolean(result));
}
