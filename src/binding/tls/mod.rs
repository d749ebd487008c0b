//! internalBinding('tls_wrap'): TLS over the system's OpenSSL (the library Node's
//! tls is, so cipher names, alerts and error texts are the same).
//!
//! The engine never touches a socket. Each connection is an `SslStream` over two
//! memory buffers: lib/_tls_wrap.js feeds it the ciphertext an ordinary
//! net.Socket received, takes back the ciphertext to send, and reads and writes
//! plaintext. So TLS needs nothing of the I/O backends and runs the same over
//! io_uring and epoll (docs/tls.md says why this shape).
//! - context.rs: secure contexts (keys, certificates, CAs, ciphers, versions)
//! - conn.rs: connections (handshake, shutdown, sessions, ALPN, SNI)
//! - records.rs: plaintext in and out, ciphertext in and out, one crossing each
//! - tickets.rs: session ticket keys (Node's 48-byte form)
//! - cert.rs: certificates as Node's objects, verify results as Node's codes
//! - extras.rs: key log lines, OCSP stapling, pre-shared keys
//!
//! Contexts and connections live in per-thread tables; JS holds their numbers and
//! frees them (a FinalizationRegistry frees the ones a program drops).
use super::crypto::{constant_case, OsslError};
use super::set_methods;
use crate::v8::{CallbackArgs, Local, Object, Scope, Value, ValueKind};

mod cert;
mod conn;
mod context;
mod extras;
mod records;
mod roots;
mod tickets;

pub use roots::warn_extra_ca_certs;

pub fn init<'s>(s: &Scope<'s>, target: Local<'s, Object>) {
    set_methods(
        s,
        target,
        crate::methods![
            "contextNew" => context::context_new,
            "contextSetKey" => context::context_set_key,
            "contextSetCert" => context::context_set_cert,
            "contextAddCA" => context::context_add_ca,
            "contextLoadPfx" => context::context_load_pfx,
            "contextSetCiphers" => context::context_set_ciphers,
            "contextSetCiphersuites" => context::context_set_ciphersuites,
            "contextSetGroups" => context::context_set_groups,
            "contextSetSessionIdContext" => context::context_set_session_id_context,
            "contextSetOptions" => context::context_set_options,
            "contextSetSessionTimeout" => context::context_set_session_timeout,
            "contextGetTicketKeys" => tickets::context_get_ticket_keys,
            "contextSetTicketKeys" => tickets::context_set_ticket_keys,
            "contextFree" => context::context_free,
            "connNew" => conn::conn_new,
            "connHandshake" => conn::conn_handshake,
            "setInfo" => records::set_info,
            "connFeed" => records::conn_feed,
            "connRead" => records::conn_read,
            "connWrite" => records::conn_write,
            "connTakeOut" => records::conn_take_out,
            "connShutdown" => conn::conn_shutdown,
            "connSetContext" => conn::conn_set_context,
            "connClientHelloName" => conn::conn_client_hello_name,
            "connTakeSessions" => conn::conn_take_sessions,
            "connInfo" => conn::conn_info,
            "connSession" => conn::conn_session,
            "connPeerCerts" => cert::conn_peer_certs,
            "connOwnCert" => cert::conn_own_cert,
            "connVerifyError" => cert::conn_verify_error,
            "connFree" => conn::conn_free,
            "getCiphers" => context::get_ciphers,
            "connEnableKeylog" => extras::conn_enable_keylog,
            "connTakeKeylog" => extras::conn_take_keylog,
            "connRequestOcsp" => extras::conn_request_ocsp,
            "connTakeOcspResponse" => extras::conn_take_ocsp_response,
            "connPauseForOcsp" => extras::conn_pause_for_ocsp,
            "connOcspCerts" => extras::conn_ocsp_certs,
            "connOcspDone" => extras::conn_ocsp_done,
            "connEnablePsk" => extras::conn_enable_psk,
            "setPskDispatcher" => extras::set_psk_dispatcher,
        ],
    );
}

fn arg_id(s: &Scope, args: &CallbackArgs, i: usize) -> usize {
    args.get(i).integer(s).unwrap_or(-1) as usize
}

/// The bytes of argument `i` (a typed array), borrowed.
fn arg_view<'s>(args: &CallbackArgs<'s>, i: usize) -> Option<&'s [u8]> {
    args.get(i).view_bytes()
}

/// Argument `i` as a string, or None when it is not one.
fn arg_opt_string(s: &Scope, args: &CallbackArgs, i: usize) -> Option<String> {
    let v = args.get(i);
    v.is(ValueKind::String).then(|| v.to_rust_string(s))
}

/// A fresh Uint8Array holding `bytes`.
fn bytes_value<'s>(s: &Scope<'s>, bytes: Vec<u8>) -> Local<'s, Value> {
    let len = bytes.len();
    let ab = s.array_buffer_from_vec(bytes);
    s.uint8_array(ab, 0, len).value()
}

/// OpenSSL's oldest queued error as Node's Error. The SSL library's errors get
/// Node's TLS codes (`ERR_SSL_WRONG_VERSION_NUMBER`), the others crypto's
/// (`ERR_OSSL_PEM_...`).
fn ossl_error<'s>(s: &Scope<'s>, stack: &openssl::error::ErrorStack) -> Local<'s, Value> {
    let e = OsslError::from_stack(stack);
    let value = e.to_value(s);
    if e.lib_code == 20 {
        if let (Some(reason), Some(o)) = (&e.reason, value.to::<Object>(ValueKind::Object)) {
            let code = constant_case(reason);
            o.set_str(s, "code", s.string(&format!("ERR_SSL_{code}")).value());
        }
    }
    value
}

fn throw_ossl(s: &Scope, stack: &openssl::error::ErrorStack) {
    s.throw(ossl_error(s, stack));
}
