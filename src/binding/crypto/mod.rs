//! internalBinding('crypto'): Node's crypto over the system's OpenSSL (the library
//! Node's crypto is, so algorithm names, results and error texts are the same).
//! One file per area, as lib/internal/crypto/ is split:
//! - digest.rs: hashes and HMACs, random bytes, timingSafeEqual
//! - names.rs: getHashes / getCiphers / getCurves
//! - kdf.rs: pbkdf2, scrypt, hkdf (their async forms on the work pool)
//! - prime.rs: generatePrime / checkPrime
//! - cipher.rs: createCipheriv / createDecipheriv contexts
//! - keys.rs, sig.rs, keygen.rs: asymmetric keys, signatures, key generation
//! - ecdh.rs: createECDH's scalars and points
//! - dh.rs: createDiffieHellman's primes and keys
//! - x509.rs: X509Certificate, and the legacy certificate object tls shows
//!
//! Byte results come back as Uint8Arrays that lib/ wraps as Buffers. OpenSSL's
//! failures become Errors shaped as Node's (`error:XXXXXXXX:library::reason`, with
//! `library`, `reason` and an `ERR_OSSL_*` code).
use super::set_methods;
use crate::v8::{CallbackArgs, ErrorKind, Local, Object, Scope, Value, ValueKind};

mod cipher;
mod dh;
mod digest;
mod ecdh;
mod kdf;
mod keygen;
mod keys;
mod names;
mod prime;
mod sig;
pub mod x509;

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "hashNew" => digest::hash_new,
            "hmacNew" => digest::hmac_new,
            "digestUpdate" => digest::digest_update,
            "digestFinal" => digest::digest_final,
            "hashCopy" => digest::hash_copy,
            "digestFree" => digest::digest_free,
            "randomFill" => digest::random_fill,
            "randomBytesJob" => digest::random_bytes_job,
            "timingSafeEqual" => digest::timing_safe_equal,
            "getHashes" => names::get_hashes,
            "getCiphers" => names::get_ciphers,
            "getCurves" => names::get_curves,
            "pbkdf2" => kdf::pbkdf2,
            "scrypt" => kdf::scrypt,
            "hkdf" => kdf::hkdf,
            "cipherInfo" => cipher::cipher_info,
            "cipherNew" => cipher::cipher_new,
            "cipherBytesToKey" => cipher::cipher_bytes_to_key,
            "cipherUpdate" => cipher::cipher_update,
            "cipherFinal" => cipher::cipher_final,
            "cipherSetAAD" => cipher::cipher_set_aad,
            "cipherSetAuthTag" => cipher::cipher_set_auth_tag,
            "cipherGetAuthTag" => cipher::cipher_get_auth_tag,
            "cipherSetPadding" => cipher::cipher_set_padding,
            "cipherFree" => cipher::cipher_free,
            "keyParse" => keys::key_parse,
            "keyExport" => keys::key_export,
            "keyDetails" => keys::key_details,
            "keyFromJwk" => keys::key_from_jwk,
            "keyToJwk" => keys::key_to_jwk,
            "generateKeyPair" => keygen::generate_key_pair,
            "curveKnown" => keygen::curve_known,
            "sign" => sig::sign,
            "verify" => sig::verify,
            "rsaCrypt" => sig::rsa_crypt,
            "deriveShared" => sig::derive_shared,
            "generatePrime" => prime::generate_prime,
            "checkPrime" => prime::check_prime,
            "ecdhGenerate" => ecdh::ecdh_generate,
            "ecdhPublic" => ecdh::ecdh_public,
            "ecdhCompute" => ecdh::ecdh_compute,
            "ecdhConvert" => ecdh::ecdh_convert,
            "dhGroupPrime" => dh::dh_group_prime,
            "dhGenerateParams" => dh::dh_generate_params,
            "dhCheck" => dh::dh_check,
            "dhGenerateKeys" => dh::dh_generate_keys,
            "dhComputeSecret" => dh::dh_compute_secret,
            "x509Parse" => x509::x509_parse,
            "x509Check" => x509::x509_check,
            "x509Relation" => x509::x509_relation,
        ],
    );
    let version = openssl::version::number() as f64;
    target.set_str(s, "OPENSSL_VERSION_NUMBER", s.number(version));
}

/// The bytes of argument `i` (a typed array or DataView), borrowed.
fn arg_view<'s>(args: &CallbackArgs<'s>, i: usize) -> Option<&'s [u8]> {
    args.get(i).view_bytes()
}

/// The bytes of argument `i`, copied out (for work that leaves the loop thread).
fn arg_bytes(args: &CallbackArgs, i: usize) -> Option<Vec<u8>> {
    args.get(i).view_bytes().map(|b| b.to_vec())
}

fn arg_int(s: &Scope, args: &CallbackArgs, i: usize) -> Option<i64> {
    args.get(i).integer(s)
}

fn arg_string(s: &Scope, args: &CallbackArgs, i: usize) -> String {
    args.get(i).to_rust_string(s)
}

/// A fresh Uint8Array holding `bytes`.
fn bytes_value<'s>(s: &Scope<'s>, bytes: Vec<u8>) -> Local<'s, Value> {
    let len = bytes.len();
    let ab = s.array_buffer_from_vec(bytes);
    s.uint8_array(ab, 0, len).value()
}

/// One of OpenSSL's failures, kept as plain data so it can cross from a pool thread.
#[derive(Debug, Clone)]
pub struct OsslError {
    pub code: u64,
    pub lib_code: i32,
    pub library: Option<String>,
    pub reason: Option<String>,
    /// Set when the failure has no OpenSSL error behind it: the message as is.
    pub plain: Option<String>,
}

impl OsslError {
    /// The oldest error on this thread's OpenSSL queue (the one that explains the
    /// failure, as Node reports), and the queue cleared.
    pub fn from_stack(stack: &openssl::error::ErrorStack) -> OsslError {
        match stack.errors().first() {
            Some(e) => OsslError {
                code: e.code(),
                lib_code: e.library_code(),
                library: e.library().map(str::to_owned),
                reason: e.reason().map(str::to_owned),
                plain: None,
            },
            None => OsslError::plain("Operation failed"),
        }
    }

    pub fn plain(msg: &str) -> OsslError {
        OsslError {
            code: 0,
            lib_code: 0,
            library: None,
            reason: None,
            plain: Some(msg.to_owned()),
        }
    }

    /// The Error Node makes of it.
    pub fn to_value<'s>(&self, s: &Scope<'s>) -> Local<'s, Value> {
        if let Some(msg) = &self.plain {
            return s.error(ErrorKind::Error, msg);
        }
        let lib = self.library.as_deref().unwrap_or("");
        let reason = self.reason.as_deref().unwrap_or("");
        let msg = format!("error:{:08X}:{lib}::{reason}", self.code);
        let e = s.error(ErrorKind::Error, &msg);
        if let Some(o) = e.to::<Object>(ValueKind::Object) {
            if !lib.is_empty() {
                o.set_str(s, "library", s.string(lib).value());
            }
            if !reason.is_empty() {
                o.set_str(s, "reason", s.string(reason).value());
                o.set_str(s, "code", s.string(&self.node_code()).value());
            }
        }
        e
    }

    /// `ERR_OSSL_[LIB_]REASON`: the library part only for the libraries Node names.
    fn node_code(&self) -> String {
        let lib = self.lib_code;
        let reason = constant_case(self.reason.as_deref().unwrap_or(""));
        match lib_name(lib) {
            Some(l) => format!("ERR_OSSL_{l}_{reason}"),
            None => format!("ERR_OSSL_{reason}"),
        }
    }

    pub fn throw(&self, s: &Scope) {
        s.throw(self.to_value(s));
    }
}

/// The OpenSSL libraries (ERR_LIB_*) Node puts into its error codes.
/// OpenSSL's reason text as the tail of a Node error code: "wrong version
/// number" -> "WRONG_VERSION_NUMBER".
pub fn constant_case(reason: &str) -> String {
    reason
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn lib_name(lib: i32) -> Option<&'static str> {
    Some(match lib {
        2 => "SYS",
        3 => "BN",
        4 => "RSA",
        5 => "DH",
        6 => "EVP",
        7 => "BUF",
        8 => "OBJ",
        9 => "PEM",
        10 => "DSA",
        11 => "X509",
        13 => "ASN1",
        14 => "CONF",
        15 => "CRYPTO",
        16 => "EC",
        20 => "SSL",
        32 => "BIO",
        33 => "PKCS7",
        34 => "X509V3",
        35 => "PKCS12",
        36 => "RAND",
        37 => "DSO",
        38 => "ENGINE",
        39 => "OCSP",
        40 => "UI",
        41 => "COMP",
        42 => "ECDSA",
        43 => "ECDH",
        44 => "OSSL_STORE",
        45 => "FIPS",
        46 => "CMS",
        47 => "TS",
        48 => "HMAC",
        50 => "CT",
        51 => "ASYNC",
        52 => "KDF",
        53 => "SM2",
        128 => "USER",
        _ => return None,
    })
}

/// Throws what OpenSSL reported.
fn throw_ossl(s: &Scope, e: &openssl::error::ErrorStack) {
    OsslError::from_stack(e).throw(s);
}
