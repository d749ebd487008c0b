//! What some connections ask of OpenSSL besides the handshake: the key log
//! ('keylog'), OCSP stapling (a client's requestOCSP and 'OCSPResponse', a
//! server's 'OCSPRequest') and pre-shared keys (pskCallback, pskIdentityHint).
//!
//! A connection that wants none of them pays nothing but a look at its ex_data in
//! two callbacks per full handshake. What it wants, and what OpenSSL handed over
//! for JS (key log lines, the stapled response), lives in its own `Wants`.
//! Key log lines and OCSP wait in `Wants` for lib/internal/tls/extensions.js to
//! take after each handshake step; a server's OCSPRequest stops the handshake in
//! the certificate callback (connHandshake returns 3) until JS answers. Only PSK
//! must answer inside OpenSSL's callback: it calls lib/'s dispatcher at once (the
//! callback runs inside connHandshake, a V8 call on this thread).
use std::cell::{Cell, RefCell};
use std::ffi::{CStr, CString};
use std::sync::{Mutex, OnceLock};

use foreign_types::ForeignTypeRef;
use libc::{c_char, c_int, c_uchar, c_uint, c_void};
use openssl::ssl::{Ssl, SslContextBuilder, SslRef, StatusType};
use openssl::x509::{X509Ref, X509VerifyResult};
use openssl_sys::{SSL, SSL_CTX};

use super::conn::with_conn;
use super::{arg_id, arg_opt_string, arg_view, bytes_value};
use crate::v8::{
    CallbackArgs, ErrorKind, Function, Global, Local, Object, RawIsolate, Scope, Value, ValueKind,
};

type PskClientCb = unsafe extern "C" fn(
    *mut SSL,
    *const c_char,
    *mut c_char,
    c_uint,
    *mut c_uchar,
    c_uint,
) -> c_uint;
type PskServerCb = unsafe extern "C" fn(*mut SSL, *const c_char, *mut c_uchar, c_uint) -> c_uint;

extern "C" {
    // libssl (linked through the openssl crate); openssl-sys lacks these.
    fn SSL_CTX_set_cert_cb(
        ctx: *mut SSL_CTX,
        cb: Option<unsafe extern "C" fn(*mut SSL, *mut c_void) -> c_int>,
        arg: *mut c_void,
    );
    fn SSL_set_psk_client_callback(ssl: *mut SSL, cb: Option<PskClientCb>);
    fn SSL_set_psk_server_callback(ssl: *mut SSL, cb: Option<PskServerCb>);
    fn SSL_use_psk_identity_hint(ssl: *mut SSL, hint: *const c_char) -> c_int;
    fn SSL_ctrl(ssl: *mut SSL, cmd: c_int, larg: libc::c_long, parg: *mut c_void) -> libc::c_long;
}
const SSL_CTRL_GET_TLSEXT_STATUS_REQ_TYPE: c_int = 127;
const TLSEXT_STATUSTYPE_OCSP: libc::c_long = 1;

#[derive(Default)]
struct Wants {
    keylog: bool,
    /// Key log lines (NSS format, with their newline) not yet taken by JS.
    lines: Vec<Vec<u8>>,
    /// Server: stop in the certificate callback for 'OCSPRequest' until JS has
    /// answered (connOcspDone).
    ocsp_pause: bool,
    ocsp_answered: bool,
    /// Server: the response JS gave, to staple.
    ocsp_response: Option<Vec<u8>>,
    /// Client: what the server stapled (Some(None): nothing), not yet taken.
    ocsp_seen: Option<Option<Vec<u8>>>,
    /// Server: the PSK identity hint, given to OpenSSL in the certificate
    /// callback (after SNI, which replaces what was set on the connection).
    psk_hint: Option<CString>,
    /// The connection's number, for lib/'s PSK dispatcher.
    psk_conn: Option<usize>,
}

fn wants_index() -> openssl::ex_data::Index<Ssl, Mutex<Wants>> {
    static INDEX: OnceLock<openssl::ex_data::Index<Ssl, Mutex<Wants>>> = OnceLock::new();
    *INDEX.get_or_init(|| Ssl::new_ex_index().expect("SSL ex_data index"))
}

/// Runs `f` on what the connection behind `ssl` wants; None when it wants nothing.
fn with_wants<R>(ssl: &SslRef, f: impl FnOnce(&mut Wants) -> R) -> Option<R> {
    let m = ssl.ex_data(wants_index())?;
    let mut guard = m.lock().ok()?;
    Some(f(&mut guard))
}

/// Runs `f` on connection `id`'s wants, made on first use.
fn update_wants<R>(id: usize, f: impl FnOnce(&mut Wants, &mut SslRef) -> R) -> Option<R> {
    with_conn(id, |c| {
        // SAFETY: the connection table owns this SSL and hands out no other
        // reference to it for the duration of this call.
        let ssl = unsafe { SslRef::from_ptr_mut(c.stream.ssl().as_ptr()) };
        if ssl.ex_data(wants_index()).is_none() {
            ssl.set_ex_data(wants_index(), Mutex::new(Wants::default()));
        }
        let m = ssl.ex_data(wants_index())? as *const Mutex<Wants>;
        // SAFETY: the Mutex lives in the SSL's ex_data until the SSL is freed, which
        // cannot happen during this call; `ssl` is not used to replace it below.
        let mut w = unsafe { &*m }.lock().ok()?;
        Some(f(&mut w, ssl))
    })
    .flatten()
}

/// The callbacks every context has (context.rs calls this when making one).
pub(super) fn install(b: &mut SslContextBuilder) {
    // SAFETY: the builder owns a live SSL_CTX; the callback takes no argument.
    unsafe { SSL_CTX_set_cert_cb(b.as_ptr(), Some(cert_cb), std::ptr::null_mut()) };
    let _ = b.set_status_callback(|ssl| {
        if ssl.is_server() {
            let resp = with_wants(ssl, |w| w.ocsp_response.take()).flatten();
            match resp {
                Some(r) => ssl.set_ocsp_status(&r).map(|_| true),
                None => Ok(false),
            }
        } else {
            let seen = ssl.ocsp_status().map(<[u8]>::to_vec);
            with_wants(ssl, |w| w.ocsp_seen = Some(seen));
            Ok(true)
        }
    });
}

/// The server's certificate callback: after SNI picked the context, before the
/// certificate is sent. Stops once for 'OCSPRequest' when the client asked for
/// a stapled response.
unsafe extern "C" fn cert_cb(ssl: *mut SSL, _arg: *mut c_void) -> c_int {
    // SAFETY: OpenSSL passes the live SSL the callback is for.
    let ssl_ref = unsafe { SslRef::from_ptr(ssl) };
    if !ssl_ref.is_server() {
        return 1;
    }
    let step = with_wants(ssl_ref, |w| {
        if w.keylog {
            // SAFETY: SSL_get_SSL_CTX returns the connection's live (SNI) context.
            unsafe { enable_keylog_on(openssl_sys::SSL_get_SSL_CTX(ssl)) };
        }
        if let Some(hint) = &w.psk_hint {
            // SAFETY: ssl is live; OpenSSL copies the hint.
            unsafe { SSL_use_psk_identity_hint(ssl, hint.as_ptr()) };
        }
        if w.ocsp_pause && !w.ocsp_answered {
            // SAFETY: ssl is live; this control only reads the status type.
            let kind = unsafe {
                SSL_ctrl(
                    ssl,
                    SSL_CTRL_GET_TLSEXT_STATUS_REQ_TYPE,
                    0,
                    std::ptr::null_mut(),
                )
            };
            if kind == TLSEXT_STATUSTYPE_OCSP {
                // SSL_ERROR_WANT_X509_LOOKUP, again at each call until JS answered.
                return -1;
            }
        }
        1
    });
    step.unwrap_or(1)
}

/// Sets the key log callback on a context (once set it stays: connections that
/// do not want lines are skipped in the callback).
unsafe fn enable_keylog_on(ctx: *mut SSL_CTX) {
    if !ctx.is_null() {
        // SAFETY: ctx is live (the caller's connection holds it).
        unsafe { openssl_sys::SSL_CTX_set_keylog_callback(ctx, Some(keylog_cb)) };
    }
}

unsafe extern "C" fn keylog_cb(ssl: *const SSL, line: *const c_char) {
    // SAFETY: OpenSSL passes the live SSL and a NUL-terminated line.
    let (ssl, line) = unsafe { (SslRef::from_ptr(ssl as *mut SSL), CStr::from_ptr(line)) };
    with_wants(ssl, |w| {
        if w.keylog {
            let mut l = line.to_bytes().to_vec();
            l.push(b'\n');
            w.lines.push(l);
        }
    });
}

/// connEnableKeylog(id): from now on the connection's key log lines are kept.
pub(super) fn conn_enable_keylog<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    update_wants(arg_id(s, args, 0), |w, ssl| {
        w.keylog = true;
        // SAFETY: the connection's context is live while the connection is.
        unsafe { enable_keylog_on(openssl_sys::SSL_get_SSL_CTX(ssl.as_ptr())) };
    });
}

/// connTakeKeylog(id) -> [line, ...] logged since the last call, or undefined.
pub(super) fn conn_take_keylog<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let lines = with_conn(arg_id(s, args, 0), |c| {
        with_wants(c.stream.ssl(), |w| std::mem::take(&mut w.lines))
    })
    .flatten()
    .unwrap_or_default();
    if !lines.is_empty() {
        let items: Vec<_> = lines.into_iter().map(|l| bytes_value(s, l)).collect();
        args.ret(s.array(&items).value());
    }
}

/// connRequestOcsp(id): a client asks the server for a stapled OCSP response.
pub(super) fn conn_request_ocsp<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    update_wants(arg_id(s, args, 0), |_, ssl| {
        let _ = ssl.set_status_type(StatusType::OCSP);
    });
}

/// connTakeOcspResponse(id) -> the response the server stapled (Uint8Array),
/// null when it stapled none, undefined when not known yet (or already taken).
pub(super) fn conn_take_ocsp_response<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let seen = with_conn(arg_id(s, args, 0), |c| {
        with_wants(c.stream.ssl(), |w| w.ocsp_seen.take()).flatten()
    })
    .flatten();
    match seen {
        None => {}
        Some(None) => args.ret(s.null()),
        Some(Some(r)) => args.ret(bytes_value(s, r)),
    }
}

/// connPauseForOcsp(id): a server's handshake stops (connHandshake returns 3)
/// when the client asks for a stapled response, so 'OCSPRequest' can answer.
pub(super) fn conn_pause_for_ocsp<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    update_wants(arg_id(s, args, 0), |w, _| w.ocsp_pause = true);
}

/// connOcspCerts(id) -> [the certificate the server sends (DER), its issuer's
/// (DER) or undefined when the context has no issuer for it].
pub(super) fn conn_ocsp_certs<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let found = with_conn(arg_id(s, args, 0), |c| {
        let ssl = c.stream.ssl();
        let cert = ssl.certificate()?;
        let issuer = find_issuer(ssl, cert).and_then(|i| i.to_der().ok());
        Some((cert.to_der().ok()?, issuer))
    })
    .flatten();
    if let Some((cert, issuer)) = found {
        let issuer = issuer.map_or_else(|| s.undefined(), |d| bytes_value(s, d));
        args.ret(s.array(&[bytes_value(s, cert), issuer]).value());
    }
}

/// The certificate among the context's chain and trusted CAs that issued `cert`.
fn find_issuer(ssl: &SslRef, cert: &X509Ref) -> Option<openssl::x509::X509> {
    let ctx = ssl.ssl_context();
    let issued = |c: &X509Ref| c.issued(cert) == X509VerifyResult::OK;
    let mut chain: *mut openssl_sys::stack_st_X509 = std::ptr::null_mut();
    // SAFETY: ctx is live; the stack (null when the context has no chain) is
    // owned by the context and only read here, while the connection holds it.
    unsafe {
        openssl_sys::SSL_CTX_get_extra_chain_certs(ctx.as_ptr(), &mut chain);
        if !chain.is_null() {
            for i in 0..openssl_sys::OPENSSL_sk_num(chain.cast()) {
                let c = openssl_sys::OPENSSL_sk_value(chain.cast(), i) as *mut openssl_sys::X509;
                let c = X509Ref::from_ptr(c);
                if issued(c) {
                    return Some(c.to_owned());
                }
            }
        }
    }
    ctx.cert_store()
        .all_certificates()
        .into_iter()
        .find(|c| issued(c))
}

/// connOcspDone(id, response bytes | undefined): 'OCSPRequest' was answered;
/// the handshake goes on (stapling the response, if any) at the next call.
pub(super) fn conn_ocsp_done<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let response = arg_view(args, 1).map(<[u8]>::to_vec);
    update_wants(arg_id(s, args, 0), |w, _| {
        w.ocsp_answered = true;
        w.ocsp_response = response;
    });
}

thread_local! {
    /// lib/'s PSK dispatcher and the isolate it lives in.
    static PSK_DISPATCHER: RefCell<Option<Global>> = const { RefCell::new(None) };
    static ISOLATE: Cell<*mut RawIsolate> = const { Cell::new(std::ptr::null_mut()) };
}

/// setPskDispatcher(fn): fn(connId, hint or identity, maxPskLen, maxIdentityLen)
/// answers OpenSSL's PSK callbacks: a client's [identity bytes, psk bytes], a
/// server's psk bytes, or undefined for none. It must not throw.
pub(super) fn set_psk_dispatcher<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let f = args.get(0);
    if !f.is(ValueKind::Function) {
        return s.throw_error(
            ErrorKind::TypeError,
            "setPskDispatcher: expected a function",
        );
    }
    ISOLATE.with(|i| i.set(s.isolate()));
    PSK_DISPATCHER.with(|d| *d.borrow_mut() = Some(Global::new(s, f)));
}

/// connEnablePsk(id, hint | undefined) -> false when OpenSSL refused the hint
/// (too long), else true: the connection answers PSK callbacks through the
/// dispatcher (a server also sends `hint`).
pub(super) fn conn_enable_psk<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let id = arg_id(s, args, 0);
    let hint = arg_opt_string(s, args, 1).map(|h| CString::new(h).ok());
    let ok = update_wants(id, |w, ssl| {
        w.psk_conn = Some(id);
        // SAFETY: ssl is live; the callbacks are plain functions; OpenSSL copies
        // the hint (set now to learn whether it is accepted, again after SNI).
        unsafe {
            if ssl.is_server() {
                SSL_set_psk_server_callback(ssl.as_ptr(), Some(psk_server_cb));
            } else {
                SSL_set_psk_client_callback(ssl.as_ptr(), Some(psk_client_cb));
            }
            match hint {
                None => true,
                Some(Some(h)) if SSL_use_psk_identity_hint(ssl.as_ptr(), h.as_ptr()) == 1 => {
                    w.psk_hint = Some(h);
                    true
                }
                Some(_) => {
                    // Drop OpenSSL's reason: lib/ reports Node's error.
                    let _ = openssl::error::ErrorStack::get();
                    false
                }
            }
        }
    });
    args.ret(s.boolean(ok.unwrap_or(false)));
}

/// Calls the dispatcher for connection `ssl` with its text argument and the
/// limits; `read` turns its answer into bytes.
fn ask_dispatcher<R>(
    ssl: *mut SSL,
    text: *const c_char,
    max_psk: c_uint,
    max_identity: c_uint,
    read: impl for<'t> FnOnce(&Scope<'t>, Local<'t, Value>) -> Option<R>,
) -> Option<R> {
    // SAFETY: OpenSSL passes the live SSL the callback is for.
    let conn = with_wants(unsafe { SslRef::from_ptr(ssl) }, |w| w.psk_conn).flatten()?;
    let isolate = ISOLATE.with(Cell::get);
    if isolate.is_null() {
        return None;
    }
    // SAFETY: PSK callbacks run inside connHandshake, a V8 function callback on
    // this thread's isolate, so a HandleScope is open and JS may be called.
    let outer = unsafe { Scope::for_callback(isolate) };
    outer.inner(|s| {
        let f = PSK_DISPATCHER.with(|d| d.borrow().as_ref().map(|g| g.get(s)))?;
        let f = f.to::<Function>(ValueKind::Function)?;
        let text = if text.is_null() {
            s.null()
        } else {
            // SAFETY: OpenSSL passes a NUL-terminated hint or identity.
            let t = unsafe { CStr::from_ptr(text) }.to_string_lossy();
            s.string(&t).value()
        };
        let argv = [
            s.number(conn as f64),
            text,
            s.number(f64::from(max_psk)),
            s.number(f64::from(max_identity)),
        ];
        s.try_catch(|_| {
            let answer = f.call(s, s.undefined(), &argv)?;
            read(s, answer)
        })
    })
}

unsafe extern "C" fn psk_client_cb(
    ssl: *mut SSL,
    hint: *const c_char,
    identity: *mut c_char,
    max_identity_len: c_uint,
    psk: *mut c_uchar,
    max_psk_len: c_uint,
) -> c_uint {
    let got = ask_dispatcher(ssl, hint, max_psk_len, max_identity_len, |s, answer| {
        let pair = answer.to::<Object>(ValueKind::Object)?;
        let id = pair.get_index(s, 0)?.view_bytes()?.to_vec();
        let key = pair.get_index(s, 1)?.view_bytes()?.to_vec();
        Some((id, key))
    });
    let Some((id, key)) = got else {
        return 0;
    };
    if id.len() > max_identity_len as usize || key.len() > max_psk_len as usize {
        return 0;
    }
    // SAFETY: OpenSSL's buffers hold max_identity_len + 1 and max_psk_len bytes;
    // both lengths were checked above.
    unsafe {
        std::ptr::copy_nonoverlapping(id.as_ptr(), identity.cast::<u8>(), id.len());
        *identity.add(id.len()) = 0;
        std::ptr::copy_nonoverlapping(key.as_ptr(), psk, key.len());
    }
    key.len() as c_uint
}

unsafe extern "C" fn psk_server_cb(
    ssl: *mut SSL,
    identity: *const c_char,
    psk: *mut c_uchar,
    max_psk_len: c_uint,
) -> c_uint {
    let got = ask_dispatcher(ssl, identity, max_psk_len, 0, |_, answer| {
        Some(answer.view_bytes()?.to_vec())
    });
    match got {
        Some(key) if key.len() <= max_psk_len as usize => {
            // SAFETY: OpenSSL's buffer holds max_psk_len bytes; checked above.
            unsafe { std::ptr::copy_nonoverlapping(key.as_ptr(), psk, key.len()) };
            key.len() as c_uint
        }
        _ => 0,
    }
}

/// Whether the connection's peer was authenticated by a pre-shared key: a PSK
/// cipher (TLSv1.2 and older), or a TLSv1.3 session resumed on a connection that
/// answers PSK callbacks.
pub(super) fn authenticated_by_psk(ssl: &SslRef) -> bool {
    const NID_AUTH_PSK: c_int = 1048;
    extern "C" {
        // libssl (linked through the openssl crate).
        fn SSL_CIPHER_get_auth_nid(c: *const openssl_sys::SSL_CIPHER) -> c_int;
    }
    if let Some(c) = ssl.current_cipher() {
        // SAFETY: the cipher is OpenSSL's static description, live for the call.
        if unsafe { SSL_CIPHER_get_auth_nid(c.as_ptr()) } == NID_AUTH_PSK {
            return true;
        }
    }
    ssl.version2() == Some(openssl::ssl::SslVersion::TLS1_3)
        && ssl.session_reused()
        && with_wants(ssl, |w| w.psk_conn.is_some()).unwrap_or(false)
}
