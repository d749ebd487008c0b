//! Connections: an `SslStream` over memory buffers (`MemIo`), driven by
//! lib/_tls_wrap.js. Ciphertext goes in by connFeed and out by connTakeOut; the
//! handshake advances by connHandshake; plaintext comes out of connRead and goes
//! in by connWrite. Nothing here blocks or waits: when OpenSSL needs bytes that
//! have not arrived it says WANT_READ and JS calls again after the next read.
use std::cell::RefCell;
use std::io::{self, Read, Write};
use std::sync::{Mutex, OnceLock};

use foreign_types::ForeignTypeRef;
use openssl::ssl::{
    select_next_proto, AlpnError, ClientHelloResponse, ErrorCode, NameType, Ssl, SslContextBuilder,
    SslRef, SslSession, SslStream, SslVerifyMode,
};
use slab::Slab;

use super::{arg_id, arg_opt_string, arg_view, bytes_value, context, ossl_error, throw_ossl};
use crate::v8::{CallbackArgs, ErrorKind, Local, Object, Scope, Value, ValueKind};

/// The two directions of ciphertext, in memory.
#[derive(Default)]
pub(super) struct MemIo {
    input: Vec<u8>,
    read_at: usize,
    pub(super) output: Vec<u8>,
}

impl MemIo {
    /// Ciphertext received, for OpenSSL to read.
    pub(super) fn feed(&mut self, bytes: &[u8]) {
        self.input.extend_from_slice(bytes);
    }
}

impl Read for MemIo {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let rest = &self.input[self.read_at..];
        if rest.is_empty() {
            return Err(io::ErrorKind::WouldBlock.into());
        }
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.read_at += n;
        if self.read_at == self.input.len() {
            self.input.clear();
            self.read_at = 0;
        }
        Ok(n)
    }
}

impl Write for MemIo {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.output.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What OpenSSL's callbacks need of a connection, kept on its SSL object.
#[derive(Default)]
pub(super) struct Extra {
    /// A server's ALPN protocols (wire format), if it has any.
    alpn: Option<Vec<u8>>,
    /// The server stops at the ClientHello so JS can pick a context by SNI.
    pause_for_sni: bool,
    /// The name the paused ClientHello asked for (or "" without one).
    hello_name: Option<String>,
    /// Sessions the peer gave (tickets), DER, not yet handed to JS.
    sessions: Vec<Vec<u8>>,
}

pub(super) struct Conn {
    pub(super) stream: SslStream<MemIo>,
}

thread_local! {
    static CONNS: RefCell<Slab<Conn>> = const { RefCell::new(Slab::new()) };
}

fn extra_index() -> openssl::ex_data::Index<Ssl, Mutex<Extra>> {
    static INDEX: OnceLock<openssl::ex_data::Index<Ssl, Mutex<Extra>>> = OnceLock::new();
    *INDEX.get_or_init(|| Ssl::new_ex_index().expect("SSL ex_data index"))
}

fn with_extra<R>(ssl: &SslRef, f: impl FnOnce(&mut Extra) -> R) -> Option<R> {
    let m = ssl.ex_data(extra_index())?;
    let mut guard = m.lock().ok()?;
    Some(f(&mut guard))
}

/// Runs `f` on connection `id`; None when there is none, or when called again
/// from JS that runs inside `f` (a PSK callback's).
pub(super) fn with_conn<R>(id: usize, f: impl FnOnce(&mut Conn) -> R) -> Option<R> {
    CONNS.with(|t| t.try_borrow_mut().ok()?.get_mut(id).map(f))
}

/// The callbacks every context has; each looks at the connection's `Extra`.
pub(super) fn install_callbacks(b: &mut SslContextBuilder) {
    b.set_alpn_select_callback(|ssl, client| {
        let chosen = with_extra(ssl, |x| {
            let server = x.alpn.as_deref()?;
            Some(select_next_proto(server, client).map(<[u8]>::to_vec))
        });
        match chosen.flatten() {
            // A server without ALPN protocols ignores the client's.
            None => Err(AlpnError::NOACK),
            Some(None) => Err(AlpnError::ALERT_FATAL),
            Some(Some(p)) => alpn_entry(client, &p).ok_or(AlpnError::ALERT_FATAL),
        }
    });
    b.set_client_hello_callback(|ssl, _alert| {
        let pause = with_extra(ssl, |x| x.pause_for_sni && x.hello_name.is_none()).unwrap_or(false);
        if !pause {
            return Ok(ClientHelloResponse::SUCCESS);
        }
        let name = hello_server_name(ssl).unwrap_or_default();
        with_extra(ssl, |x| x.hello_name = Some(name));
        Ok(ClientHelloResponse::RETRY)
    });
    b.set_new_session_callback(|ssl, session| {
        // Only a client hands its sessions to JS ('session'); a server's TLS 1.3
        // tickets would pile up unread.
        if ssl.is_server() {
            return;
        }
        if let Ok(der) = session.to_der() {
            with_extra(ssl, |x| x.sessions.push(der));
        }
    });
}

/// The entry `p` of an ALPN list in wire format (length-prefixed names), as a
/// slice of the list: OpenSSL keeps the client's list alive past the callback.
fn alpn_entry<'a>(list: &'a [u8], p: &[u8]) -> Option<&'a [u8]> {
    let mut at = 0;
    while at < list.len() {
        let n = list[at] as usize;
        let name = list.get(at + 1..at + 1 + n)?;
        if name == p {
            return Some(name);
        }
        at += 1 + n;
    }
    None
}

/// The host name in the ClientHello's server_name extension (RFC 6066 section 3).
fn hello_server_name(ssl: &SslRef) -> Option<String> {
    let mut data: *const u8 = std::ptr::null();
    let mut len: libc::size_t = 0;
    // SAFETY: ssl is live and inside its client hello callback; `data` points into
    // the ClientHello OpenSSL keeps for the callback's duration.
    let ext = unsafe {
        if openssl_sys::SSL_client_hello_get0_ext(ssl.as_ptr(), 0, &mut data, &mut len) != 1 {
            return None;
        }
        std::slice::from_raw_parts(data, len)
    };
    // list length (2), then entries: type (1), length (2), name.
    let mut rest = ext.get(2..)?;
    while rest.len() >= 3 {
        let kind = rest[0];
        let n = u16::from_be_bytes([rest[1], rest[2]]) as usize;
        let name = rest.get(3..3 + n)?;
        if kind == 0 {
            return Some(String::from_utf8_lossy(name).into_owned());
        }
        rest = &rest[3 + n..];
    }
    None
}

/// connNew(contextId, isServer, servername | undefined, alpn wire bytes | undefined,
///         verify mode bits, session DER | undefined, pauseForSni) -> id
pub(super) fn conn_new<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(ctx) = context::built(arg_id(s, args, 0)) else {
        return s.throw_error(ErrorKind::Error, "no such SecureContext");
    };
    let server = args.get(1).boolean(s);
    let servername = arg_opt_string(s, args, 2);
    let alpn = arg_view(args, 3).map(|b| b.to_vec());
    let verify = args.get(4).integer(s).unwrap_or(0) as i32;
    let session = arg_view(args, 5).map(|b| b.to_vec());
    let pause_for_sni = args.get(6).boolean(s);
    let made = (|| {
        let mut ssl = Ssl::new(&ctx)?;
        let mode = SslVerifyMode::from_bits_truncate(verify);
        // Every peer certificate is accepted here; lib/ reads the verify result
        // once the handshake is done and decides (rejectUnauthorized), as Node does.
        ssl.set_verify_callback(mode, |_, _| true);
        let mut extra = Extra {
            pause_for_sni,
            ..Extra::default()
        };
        if server {
            ssl.set_accept_state();
            extra.alpn = alpn;
        } else {
            ssl.set_connect_state();
            if let Some(name) = &servername {
                ssl.set_hostname(name)?;
            }
            if let Some(p) = &alpn {
                ssl.set_alpn_protos(p)?;
            }
            if let Some(der) = &session {
                if let Ok(sess) = SslSession::from_der(der) {
                    // SAFETY: the session was made for a connection of this kind
                    // (lib/ only passes a client's own getSession()).
                    unsafe { ssl.set_session(&sess)? };
                }
            }
        }
        ssl.set_ex_data(extra_index(), Mutex::new(extra));
        SslStream::new(ssl, MemIo::default())
    })();
    match made {
        Ok(stream) => {
            let id = CONNS.with(|t| t.borrow_mut().insert(Conn { stream }));
            args.ret(s.number(id as f64));
        }
        Err(e) => throw_ossl(s, &e),
    }
}

/// The JS value for an OpenSSL failure of a read, write or handshake.
pub(super) fn failure<'s>(s: &Scope<'s>, e: &openssl::ssl::Error) -> Local<'s, Value> {
    if let Some(stack) = e.ssl_error() {
        if !stack.errors().is_empty() {
            return ossl_error(s, stack);
        }
    }
    let err = s.error(
        ErrorKind::Error,
        "Client network socket disconnected before secure TLS connection was established",
    );
    if let Some(o) = err.to::<Object>(ValueKind::Object) {
        o.set_str(s, "code", s.string("ECONNRESET").value());
    }
    err
}

/// connHandshake(id, ciphertext?) -> 0 done, 1 wants more ciphertext, 2 paused
/// at the ClientHello for SNI (connClientHelloName, connSetContext, then call
/// again), 3 paused for 'OCSPRequest' (extras.rs), or the Error it failed with.
/// The ciphertext given is fed first.
pub(super) fn conn_handshake<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let input = arg_view(args, 1);
    let r = with_conn(arg_id(s, args, 0), |c| {
        if let Some(bytes) = input {
            c.stream.get_mut().feed(bytes);
        }
        c.stream.do_handshake()
    });
    match r {
        None => args.ret(s.number(1.0)),
        Some(Ok(())) => args.ret(s.number(0.0)),
        Some(Err(e)) => match e.code() {
            ErrorCode::WANT_READ | ErrorCode::WANT_WRITE => args.ret(s.number(1.0)),
            c if c.as_raw() == 11 => args.ret(s.number(2.0)), // SSL_ERROR_WANT_CLIENT_HELLO_CB
            c if c.as_raw() == 4 => args.ret(s.number(3.0)), // SSL_ERROR_WANT_X509_LOOKUP (extras.rs)
            _ => args.ret(failure(s, &e)),
        },
    }
}

/// connShutdown(id): queues our close_notify (taken by connTakeOut).
pub(super) fn conn_shutdown<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    with_conn(arg_id(s, args, 0), |c| {
        let _ = c.stream.shutdown();
    });
}

/// connSetContext(id, contextId): the context SNI picked for this connection.
pub(super) fn conn_set_context<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(ctx) = context::built(arg_id(s, args, 1)) else {
        return s.throw_error(ErrorKind::Error, "no such SecureContext");
    };
    with_conn(arg_id(s, args, 0), |c| {
        // SAFETY: both are live; SSL_set_SSL_CTX takes its own reference to ctx.
        unsafe {
            openssl_sys::SSL_set_SSL_CTX(
                c.stream.ssl().as_ptr(),
                openssl::ssl::SslContextRef::as_ptr(&ctx),
            )
        };
    });
}

/// connClientHelloName(id) -> the server name of the ClientHello the handshake
/// paused at ("" without one).
pub(super) fn conn_client_hello_name<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let name = with_conn(arg_id(s, args, 0), |c| {
        with_extra(c.stream.ssl(), |x| x.hello_name.clone()).flatten()
    });
    args.ret(s.string(&name.flatten().unwrap_or_default()).value());
}

/// How many sessions the peer gave that JS has not taken.
pub(super) fn pending_sessions(c: &Conn) -> usize {
    let ssl = c.stream.ssl();
    if ssl.is_server() {
        return 0;
    }
    with_extra(ssl, |x| x.sessions.len()).unwrap_or(0)
}

/// connTakeSessions(id) -> [DER, ...] sessions received since the last call.
pub(super) fn conn_take_sessions<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let list = with_conn(arg_id(s, args, 0), |c| {
        with_extra(c.stream.ssl(), |x| std::mem::take(&mut x.sessions))
    })
    .flatten()
    .unwrap_or_default();
    if list.is_empty() {
        return;
    }
    let items: Vec<_> = list.into_iter().map(|d| bytes_value(s, d)).collect();
    args.ret(s.array(&items).value());
}

/// connInfo(id, what) -> one fact of the established connection: "protocol",
/// "cipher" ([name, standardName, version]), "alpn", "servername", "reused".
pub(super) fn conn_info<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let what = args.get(1).to_rust_string(s);
    let v = with_conn(arg_id(s, args, 0), |c| -> Local<'s, Value> {
        let ssl = c.stream.ssl();
        match what.as_str() {
            "protocol" => s.string(ssl.version_str()).value(),
            "cipher" => match ssl.current_cipher() {
                Some(ci) => {
                    let std_name = ci.standard_name().unwrap_or(ci.name());
                    let items = [
                        s.string(ci.name()).value(),
                        s.string(std_name).value(),
                        s.string(ci.version()).value(),
                    ];
                    s.array(&items).value()
                }
                None => s.undefined(),
            },
            "alpn" => match ssl.selected_alpn_protocol() {
                Some(p) => s.string(&String::from_utf8_lossy(p)).value(),
                None => s.boolean(false),
            },
            "servername" => match ssl.servername(NameType::HOST_NAME) {
                Some(n) => s.string(n).value(),
                None => s.boolean(false),
            },
            "reused" => s.boolean(ssl.session_reused()),
            _ => s.undefined(),
        }
    });
    if let Some(v) = v {
        args.ret(v);
    }
}

/// connSession(id) -> the current session, DER, or undefined.
pub(super) fn conn_session<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let der = with_conn(arg_id(s, args, 0), |c| {
        c.stream.ssl().session().and_then(|x| x.to_der().ok())
    });
    if let Some(d) = der.flatten() {
        args.ret(bytes_value(s, d));
    }
}

/// connFree(id)
pub(super) fn conn_free<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let id = arg_id(s, args, 0);
    CONNS.with(|t| t.borrow_mut().try_remove(id));
}
