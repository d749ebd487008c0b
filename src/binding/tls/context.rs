//! Secure contexts: what tls.createSecureContext configures. A context is built up
//! by several calls (key, cert, ca, ciphers...) and frozen by its first connection;
//! Node lets a context change after that only in ways coil does not offer yet.
use std::cell::RefCell;

use foreign_types::ForeignTypeRef;
use openssl::pkcs12::Pkcs12;
use openssl::pkey::PKey;
use openssl::ssl::{
    SslContext, SslContextBuilder, SslMethod, SslOptions, SslSessionCacheMode, SslVersion,
};
use openssl::x509::X509;
use slab::Slab;

use super::{arg_id, arg_opt_string, arg_view, throw_ossl};
use crate::v8::{CallbackArgs, ErrorKind, Scope};

/// A context: being configured (with whether it was given CAs of its own), or in use.
enum Context {
    Building(Box<SslContextBuilder>, bool),
    Built(SslContext),
    /// Only while `built` turns the one into the other.
    Taken,
}

thread_local! {
    static CONTEXTS: RefCell<Slab<Context>> = const { RefCell::new(Slab::new()) };
}

fn version(name: &str) -> Option<SslVersion> {
    Some(match name {
        "TLSv1" => SslVersion::TLS1,
        "TLSv1.1" => SslVersion::TLS1_1,
        "TLSv1.2" => SslVersion::TLS1_2,
        "TLSv1.3" => SslVersion::TLS1_3,
        _ => return None,
    })
}

/// contextNew(minVersion, maxVersion) -> id (the names were checked by lib/).
pub(super) fn context_new<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let min = version(&args.get(0).to_rust_string(s));
    let max = version(&args.get(1).to_rust_string(s));
    let made = SslContextBuilder::new(SslMethod::tls()).and_then(|mut b| {
        // OpenSSL's own default level (1), not the one a system's openssl.cnf may
        // raise (Debian's is 2): Node does not read that file, and level 2 refuses
        // 1024-bit CA keys that Node accepts. TLSv1 and 1.1 need level 0.
        let legacy = matches!(min, Some(SslVersion::TLS1) | Some(SslVersion::TLS1_1));
        set_security_level(&mut b, if legacy { 0 } else { 1 });
        b.set_min_proto_version(min)?;
        b.set_max_proto_version(max)?;
        // Renegotiation is off, as in Node; a peer's close without close_notify is
        // an end of stream, not an error (lib/ sees the socket end).
        b.set_options(SslOptions::NO_RENEGOTIATION | SslOptions::IGNORE_UNEXPECTED_EOF);
        b.set_session_cache_mode(SslSessionCacheMode::CLIENT | SslSessionCacheMode::SERVER);
        super::conn::install_callbacks(&mut b);
        super::tickets::install(&mut b);
        super::extras::install(&mut b);
        Ok(b)
    });
    match made {
        Ok(b) => {
            let id =
                CONTEXTS.with(|t| t.borrow_mut().insert(Context::Building(Box::new(b), false)));
            args.ret(s.number(id as f64));
        }
        Err(e) => throw_ossl(s, &e),
    }
}

fn set_security_level(b: &mut SslContextBuilder, level: i32) {
    extern "C" {
        // libssl (linked through the openssl crate).
        fn SSL_CTX_set_security_level(ctx: *mut openssl_sys::SSL_CTX, level: libc::c_int);
    }
    // SAFETY: the builder owns a live SSL_CTX.
    unsafe { SSL_CTX_set_security_level(b.as_ptr(), level) };
}

/// Runs `f` on context `id` while it is still being built; throws once it is in use.
fn with_builder<'s>(
    s: &Scope<'s>,
    args: &CallbackArgs<'s>,
    f: impl FnOnce(&mut SslContextBuilder, &mut bool) -> Result<(), openssl::error::ErrorStack>,
) {
    let id = arg_id(s, args, 0);
    let r = CONTEXTS.with(|t| match t.borrow_mut().get_mut(id) {
        Some(Context::Building(b, has_ca)) => Some(f(b, has_ca)),
        _ => None,
    });
    match r {
        Some(Ok(())) => {}
        Some(Err(e)) => throw_ossl(s, &e),
        None => s.throw_error(ErrorKind::Error, "SecureContext is already in use"),
    }
}

/// contextSetKey(id, PEM or DER bytes, passphrase | undefined)
pub(super) fn context_set_key<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(bytes) = arg_view(args, 1) else {
        return s.throw_error(ErrorKind::TypeError, "key must be bytes");
    };
    let pass = arg_opt_string(s, args, 2);
    with_builder(s, args, |b, _| {
        let key = if is_der(bytes) {
            PKey::private_key_from_der(bytes)?
        } else {
            match &pass {
                Some(p) => PKey::private_key_from_pem_passphrase(bytes, p.as_bytes())?,
                None => PKey::private_key_from_pem_callback(bytes, |_| Ok(0))?,
            }
        };
        b.set_private_key(&key)?;
        if has_certificate(b) {
            b.check_private_key()?;
        }
        Ok(())
    });
}

fn has_certificate(b: &SslContextBuilder) -> bool {
    extern "C" {
        // libssl (linked through the openssl crate).
        fn SSL_CTX_get0_certificate(ctx: *const openssl_sys::SSL_CTX) -> *mut openssl_sys::X509;
    }
    // SAFETY: the builder owns a live SSL_CTX; the pointer is only compared.
    !unsafe { SSL_CTX_get0_certificate(b.as_ptr()) }.is_null()
}

/// DER starts with a SEQUENCE tag.
fn is_der(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30)
}

fn certs_of(bytes: &[u8]) -> Result<Vec<X509>, openssl::error::ErrorStack> {
    if is_der(bytes) {
        Ok(vec![X509::from_der(bytes)?])
    } else {
        X509::stack_from_pem(bytes)
    }
}

/// contextSetCert(id, PEM bytes): the first certificate is the context's own, the
/// rest its chain.
pub(super) fn context_set_cert<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(bytes) = arg_view(args, 1) else {
        return s.throw_error(ErrorKind::TypeError, "cert must be bytes");
    };
    with_builder(s, args, |b, _| {
        let mut certs = certs_of(bytes)?.into_iter();
        let Some(leaf) = certs.next() else {
            return Err(pem_no_start_line());
        };
        b.set_certificate(&leaf)?;
        for c in certs {
            b.add_extra_chain_cert(c)?;
        }
        Ok(())
    });
}

/// The error OpenSSL gives for PEM text without a certificate, made on purpose.
fn pem_no_start_line() -> openssl::error::ErrorStack {
    X509::from_pem(b"")
        .err()
        .unwrap_or_else(openssl::error::ErrorStack::get)
}

/// contextAddCA(id, PEM bytes): trusted for verifying peers, and named to clients
/// as acceptable issuers of their certificates.
pub(super) fn context_add_ca<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(bytes) = arg_view(args, 1) else {
        return s.throw_error(ErrorKind::TypeError, "ca must be bytes");
    };
    with_builder(s, args, |b, has_ca| {
        for c in certs_of(bytes)? {
            add_ca(b, c)?;
        }
        *has_ca = true;
        Ok(())
    });
}

fn add_ca(b: &mut SslContextBuilder, c: X509) -> Result<(), openssl::error::ErrorStack> {
    b.add_client_ca(&c)?;
    // The same CA twice is no error (Node accepts duplicates in `ca`).
    let _ = b.cert_store_mut().add_cert(c);
    Ok(())
}

/// contextLoadPfx(id, PKCS#12 bytes, passphrase | undefined)
pub(super) fn context_load_pfx<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(bytes) = arg_view(args, 1) else {
        return s.throw_error(ErrorKind::TypeError, "pfx must be bytes");
    };
    let pass = arg_opt_string(s, args, 2).unwrap_or_default();
    with_builder(s, args, |b, has_ca| {
        let parsed = Pkcs12::from_der(bytes)?.parse2(&pass)?;
        if let Some(cert) = &parsed.cert {
            b.set_certificate(cert)?;
        }
        if let Some(key) = &parsed.pkey {
            b.set_private_key(key)?;
        }
        if let Some(chain) = parsed.ca {
            for c in chain {
                b.add_extra_chain_cert(c.clone())?;
                add_ca(b, c)?;
                *has_ca = true;
            }
        }
        Ok(())
    });
}

/// contextSetCiphers(id, OpenSSL cipher list) for TLSv1.2 and older.
/// An empty list clears the older protocols' ciphers (only TLSv1.3 suites were
/// given): OpenSSL calls that no match, Node no error.
pub(super) fn context_set_ciphers<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let list = args.get(1).to_rust_string(s);
    with_builder(s, args, |b, _| match b.set_cipher_list(&list) {
        Err(_) if list.is_empty() => Ok(()),
        r => r,
    });
}

/// contextSetCiphersuites(id, TLSv1.3 suites)
pub(super) fn context_set_ciphersuites<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let list = args.get(1).to_rust_string(s);
    with_builder(s, args, |b, _| b.set_ciphersuites(&list));
}

/// contextSetGroups(id, "P-256:X25519") for ecdhCurve.
pub(super) fn context_set_groups<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let list = args.get(1).to_rust_string(s);
    with_builder(s, args, |b, _| b.set_groups_list(&list));
}

/// contextSetSessionIdContext(id, bytes)
pub(super) fn context_set_session_id_context<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(bytes) = arg_view(args, 1) else {
        return s.throw_error(ErrorKind::TypeError, "sessionIdContext must be bytes");
    };
    with_builder(s, args, |b, _| b.set_session_id_context(bytes));
}

/// contextSetOptions(id, SSL_OP_* bits) for secureOptions.
pub(super) fn context_set_options<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let bits = args.get(1).integer(s).unwrap_or(0) as u64;
    with_builder(s, args, |b, _| {
        b.set_options(SslOptions::from_bits_retain(bits as _));
        Ok(())
    });
}

/// contextSetSessionTimeout(id, seconds)
pub(super) fn context_set_session_timeout<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let secs = args.get(1).integer(s).unwrap_or(300);
    with_builder(s, args, |b, _| {
        extern "C" {
            // libssl (linked through the openssl crate).
            fn SSL_CTX_set_timeout(ctx: *mut openssl_sys::SSL_CTX, t: libc::c_long)
                -> libc::c_long;
        }
        // SAFETY: the builder owns a live SSL_CTX.
        unsafe { SSL_CTX_set_timeout(b.as_ptr(), secs as libc::c_long) };
        Ok(())
    });
}

/// contextFree(id)
pub(super) fn context_free<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let id = arg_id(s, args, 0);
    CONTEXTS.with(|t| t.borrow_mut().try_remove(id));
}

/// The context `id`, frozen (built) if it was not yet: a connection is being made
/// with it. One without CAs of its own trusts the system's.
pub(super) fn built(id: usize) -> Option<SslContext> {
    CONTEXTS.with(|t| {
        let mut table = t.borrow_mut();
        let slot = table.get_mut(id)?;
        if let Context::Built(c) = slot {
            return Some(c.clone());
        }
        let Context::Building(b, has_ca) = std::mem::replace(slot, Context::Taken) else {
            return None;
        };
        let mut b = *b;
        if !has_ca {
            super::roots::trust_defaults(&mut b);
        }
        let ctx = b.build();
        *slot = Context::Built(ctx.clone());
        Some(ctx)
    })
}

/// The SSL_CTX of context `id`, configured or in use (for what may change later:
/// ticket keys).
pub(super) fn raw_ctx(id: usize) -> Option<*mut openssl_sys::SSL_CTX> {
    CONTEXTS.with(|t| match t.borrow().get(id)? {
        Context::Building(b, _) => Some(b.as_ptr()),
        Context::Built(c) => Some(c.as_ptr()),
        Context::Taken => None,
    })
}

/// getCiphers() -> OpenSSL's cipher names for TLS, lower-cased as Node lists them.
pub(super) fn get_ciphers<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let names = match openssl::ssl::SslContextBuilder::new(SslMethod::tls())
        .and_then(|b| openssl::ssl::Ssl::new(&b.build()))
    {
        Ok(ssl) => cipher_names(&ssl),
        Err(e) => return throw_ossl(s, &e),
    };
    let items: Vec<_> = names.iter().map(|n| s.string(n).value()).collect();
    args.ret(s.array(&items).value());
}

fn cipher_names(ssl: &openssl::ssl::SslRef) -> Vec<String> {
    extern "C" {
        // libssl (linked through the openssl crate).
        fn SSL_get_ciphers(ssl: *const openssl_sys::SSL) -> *mut openssl_sys::stack_st_SSL_CIPHER;
    }
    let mut out = Vec::new();
    // SAFETY: ssl is live; the stack it returns is owned by the SSL and read only
    // while ssl lives.
    unsafe {
        let stack = SSL_get_ciphers(ssl.as_ptr());
        if stack.is_null() {
            return out;
        }
        let n = openssl_sys::OPENSSL_sk_num(stack.cast());
        for i in 0..n {
            let c =
                openssl_sys::OPENSSL_sk_value(stack.cast(), i) as *const openssl_sys::SSL_CIPHER;
            let name = openssl_sys::SSL_CIPHER_get_name(c);
            if !name.is_null() {
                let n = std::ffi::CStr::from_ptr(name)
                    .to_string_lossy()
                    .to_lowercase();
                out.push(n);
            }
        }
    }
    out
}
