//! Session ticket keys, per context, as Node keeps them: 48 bytes (a 16-byte key
//! name, a 16-byte HMAC secret, a 16-byte AES-128 key), random at first and
//! replaced by server.setTicketKeys. Tickets are sealed with them through
//! OpenSSL's ticket key callback; a ticket under a known key is accepted without
//! issuing a new one (so a resumed TLSv1.3 connection gets no new ticket, as with
//! Node), and one under another key means a full handshake.
use std::ffi::c_void;
use std::sync::{Mutex, OnceLock};

use foreign_types::ForeignTypeRef;
use openssl::ex_data::Index;
use openssl::ssl::{SslContext, SslContextBuilder, SslContextRef};

use super::{arg_id, arg_view, bytes_value};
use crate::v8::{CallbackArgs, ErrorKind, Scope};

type Keys = Mutex<[u8; 48]>;

fn index() -> Index<SslContext, Keys> {
    static INDEX: OnceLock<Index<SslContext, Keys>> = OnceLock::new();
    *INDEX.get_or_init(|| SslContext::new_ex_index().expect("SSL_CTX ex_data index"))
}

extern "C" {
    // libssl and libcrypto (linked through the openssl crate).
    fn SSL_CTX_callback_ctrl(
        ctx: *mut openssl_sys::SSL_CTX,
        cmd: libc::c_int,
        cb: Option<unsafe extern "C" fn()>,
    ) -> libc::c_long;
    fn SSL_get_SSL_CTX(ssl: *const openssl_sys::SSL) -> *mut openssl_sys::SSL_CTX;
    fn HMAC_Init_ex(
        ctx: *mut c_void,
        key: *const u8,
        len: libc::c_int,
        md: *const openssl_sys::EVP_MD,
        engine: *mut c_void,
    ) -> libc::c_int;
}
/// SSL_CTRL_SET_TLSEXT_TICKET_KEY_CB (tls1.h).
const SET_TICKET_KEY_CB: libc::c_int = 72;

/// Gives the context random keys and seals its tickets with them.
pub(super) fn install(b: &mut SslContextBuilder) {
    let mut keys = [0u8; 48];
    let _ = openssl::rand::rand_bytes(&mut keys);
    b.set_ex_data(index(), Mutex::new(keys));
    // SAFETY: the builder owns a live SSL_CTX; OpenSSL calls the function with the
    // signature SSL_CTX_set_tlsext_ticket_key_cb documents, which `ticket_key` has.
    unsafe {
        let cb: unsafe extern "C" fn(
            *mut openssl_sys::SSL,
            *mut u8,
            *mut u8,
            *mut openssl_sys::EVP_CIPHER_CTX,
            *mut c_void,
            libc::c_int,
        ) -> libc::c_int = ticket_key;
        let generic = std::mem::transmute::<
            unsafe extern "C" fn(
                *mut openssl_sys::SSL,
                *mut u8,
                *mut u8,
                *mut openssl_sys::EVP_CIPHER_CTX,
                *mut c_void,
                libc::c_int,
            ) -> libc::c_int,
            unsafe extern "C" fn(),
        >(cb);
        SSL_CTX_callback_ctrl(b.as_ptr(), SET_TICKET_KEY_CB, Some(generic));
    }
}

fn keys_of(ctx: &SslContextRef) -> Option<[u8; 48]> {
    ctx.ex_data(index()).and_then(|m| m.lock().ok().map(|k| *k))
}

/// OpenSSL's ticket key callback: enc 1 seals a new ticket, enc 0 opens one.
unsafe extern "C" fn ticket_key(
    ssl: *mut openssl_sys::SSL,
    name: *mut u8,
    iv: *mut u8,
    cipher: *mut openssl_sys::EVP_CIPHER_CTX,
    hmac: *mut c_void,
    enc: libc::c_int,
) -> libc::c_int {
    // SAFETY: OpenSSL passes a live SSL, 16-byte name and iv buffers and live
    // cipher and HMAC contexts for the call.
    unsafe {
        let ctx = SslContextRef::from_ptr(SSL_get_SSL_CTX(ssl));
        let Some(keys) = keys_of(ctx) else {
            return -1;
        };
        let name = std::slice::from_raw_parts_mut(name, 16);
        let iv = std::slice::from_raw_parts_mut(iv, 16);
        if enc == 1 {
            name.copy_from_slice(&keys[..16]);
            if openssl::rand::rand_bytes(iv).is_err() {
                return -1;
            }
        } else if name[..] != keys[..16] {
            // Sealed under other keys: not resumable.
            return 0;
        }
        let md = openssl_sys::EVP_sha256();
        if HMAC_Init_ex(hmac, keys[16..32].as_ptr(), 16, md, std::ptr::null_mut()) != 1 {
            return -1;
        }
        let aes = openssl_sys::EVP_aes_128_cbc();
        let ok = if enc == 1 {
            openssl_sys::EVP_EncryptInit_ex(
                cipher,
                aes,
                std::ptr::null_mut(),
                keys[32..].as_ptr(),
                iv.as_ptr(),
            )
        } else {
            openssl_sys::EVP_DecryptInit_ex(
                cipher,
                aes,
                std::ptr::null_mut(),
                keys[32..].as_ptr(),
                iv.as_ptr(),
            )
        };
        if ok == 1 {
            1
        } else {
            -1
        }
    }
}

/// The context's SSL_CTX, whether it is still being configured or in use.
fn with_ctx<R>(id: usize, f: impl FnOnce(&SslContextRef) -> R) -> Option<R> {
    super::context::raw_ctx(id).map(|p| {
        // SAFETY: raw_ctx returns the live SSL_CTX of a context in the table.
        f(unsafe { SslContextRef::from_ptr(p) })
    })
}

/// contextGetTicketKeys(id) -> the 48 key bytes.
pub(super) fn context_get_ticket_keys<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(Some(k)) = with_ctx(arg_id(s, args, 0), keys_of) {
        args.ret(bytes_value(s, k.to_vec()));
    }
}

/// contextSetTicketKeys(id, 48 bytes)
pub(super) fn context_set_ticket_keys<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(bytes) = arg_view(args, 1).filter(|b| b.len() == 48) else {
        return s.throw_error(ErrorKind::TypeError, "ticket keys must be 48 bytes");
    };
    with_ctx(arg_id(s, args, 0), |ctx| {
        if let Some(m) = ctx.ex_data(index()) {
            if let Ok(mut k) = m.lock() {
                k.copy_from_slice(bytes);
            }
        }
    });
}
