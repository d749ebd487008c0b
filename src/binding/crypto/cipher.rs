//! Symmetric ciphers for createCipheriv / createDecipheriv: an OpenSSL cipher
//! context per object, in a per-thread table keyed by the number JS holds (freed
//! at final() or by lib/'s FinalizationRegistry).
//!
//! Authenticated modes follow Node: the IV length may vary (set before the key),
//! CCM and OCB need the tag length at creation, and a decipher's expected tag is
//! handed to OpenSSL lazily — before CCM's data, before the others' final().
use std::cell::RefCell;

use foreign_types::ForeignTypeRef;
use openssl::cipher::{Cipher, CipherRef};
use openssl::cipher_ctx::CipherCtx;
use slab::Slab;

use super::{arg_int, arg_string, arg_view, bytes_value, throw_ossl};
use crate::v8::{CallbackArgs, ErrorKind, Scope};

const MODE_ECB: u64 = 1;
const MODE_CBC: u64 = 2;
const MODE_CFB: u64 = 3;
const MODE_OFB: u64 = 4;
const MODE_CTR: u64 = 5;
const MODE_GCM: u64 = 6;
const MODE_CCM: u64 = 7;
const MODE_XTS: u64 = 0x10001;
const MODE_WRAP: u64 = 0x10002;
const MODE_OCB: u64 = 0x10003;
/// EVP_CIPH_VARIABLE_LENGTH: the key length may be chosen.
const FLAG_VARIABLE_LENGTH: u64 = 0x8;
const NID_CHACHA20_POLY1305: i32 = 1018;

/// Node's message when an authenticated decryption fails.
const AUTH_FAILED: &str = "Unsupported state or unable to authenticate data";

/// The kind of authenticated cipher, for the rules that differ between them.
#[derive(Clone, Copy, PartialEq)]
enum Aead {
    None,
    Gcm,
    Ccm,
    Ocb,
    ChaCha,
}

struct Context {
    ctx: CipherCtx,
    encrypt: bool,
    aead: Aead,
    /// The tag length getAuthTag gives (or setAuthTag expected), 0 when none.
    tag_len: usize,
    /// A decipher's expected tag, not yet handed to OpenSSL.
    pending_tag: Option<Vec<u8>>,
    /// CCM found the data not authentic at update(): final() says so.
    auth_failed: bool,
}

thread_local! {
    static CONTEXTS: RefCell<Slab<Context>> = const { RefCell::new(Slab::new()) };
}

fn fetch(name: &str) -> Option<Cipher> {
    Cipher::fetch(None, name, None).ok()
}

fn mode(c: &CipherRef) -> u64 {
    // SAFETY: `c` is a live EVP_CIPHER.
    (unsafe { openssl_sys::EVP_CIPHER_get_flags(c.as_ptr()) }) as u64
}

fn aead_of(c: &CipherRef) -> Aead {
    if c.nid().as_raw() == NID_CHACHA20_POLY1305 {
        return Aead::ChaCha;
    }
    match mode(c) & openssl_sys::EVP_CIPH_MODE {
        MODE_GCM => Aead::Gcm,
        MODE_CCM => Aead::Ccm,
        MODE_OCB => Aead::Ocb,
        _ => Aead::None,
    }
}

fn mode_name(c: &CipherRef) -> &'static str {
    if c.nid().as_raw() == NID_CHACHA20_POLY1305 {
        return "stream";
    }
    match mode(c) & openssl_sys::EVP_CIPH_MODE {
        MODE_ECB => "ecb",
        MODE_CBC => "cbc",
        MODE_CFB => "cfb",
        MODE_OFB => "ofb",
        MODE_CTR => "ctr",
        MODE_GCM => "gcm",
        MODE_CCM => "ccm",
        MODE_XTS => "xts",
        MODE_WRAP => "wrap",
        MODE_OCB => "ocb",
        _ => "stream",
    }
}

/// cipherInfo(name) -> [name, nid, keyLength, ivLength, blockSize, mode] or
/// undefined for a cipher OpenSSL does not have.
pub(super) fn cipher_info<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(c) = fetch(&arg_string(s, args, 0)) else {
        return;
    };
    let name = c.nid().short_name().unwrap_or("").to_ascii_lowercase();
    let items = [
        s.string(&name).value(),
        s.number(c.nid().as_raw() as f64),
        s.number(c.key_length() as f64),
        s.number(c.iv_length() as f64),
        s.number(c.block_size() as f64),
        s.string(mode_name(&c)).value(),
    ];
    args.ret(s.array(&items).value());
}

/// Whether `len` is a tag length the mode allows.
fn tag_len_ok(aead: Aead, len: usize) -> bool {
    match aead {
        Aead::Gcm => matches!(len, 4 | 8 | 12..=16),
        Aead::Ccm => (4..=16).contains(&len) && len.is_multiple_of(2),
        Aead::Ocb | Aead::ChaCha => (1..=16).contains(&len),
        Aead::None => false,
    }
}

/// cipherNew(name, key, iv | null, encrypt, authTagLength | -1) -> id, or
/// -1 unknown cipher, -2 bad key length, -3 bad IV, -4 tag length missing,
/// -5 bad tag length (lib/ throws Node's error for each).
pub(super) fn cipher_new<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let code = match make(s, args) {
        Ok(ctx) => CONTEXTS.with(|t| t.borrow_mut().insert(ctx)) as f64,
        Err(Some(code)) => code as f64,
        Err(None) => return,
    };
    args.ret(s.number(code));
}

/// Err(Some(code)) for what lib/ reports, Err(None) after throwing OpenSSL's error.
fn make(s: &Scope, args: &CallbackArgs) -> Result<Context, Option<i32>> {
    let cipher = fetch(&arg_string(s, args, 0)).ok_or(Some(-1))?;
    let key = arg_view(args, 1).ok_or(Some(-2))?;
    let iv = arg_view(args, 2);
    let encrypt = args.get(3).boolean(s);
    let asked_tag = arg_int(s, args, 4).filter(|n| *n >= 0).map(|n| n as usize);
    let aead = aead_of(&cipher);
    let ossl = |e: openssl::error::ErrorStack| {
        throw_ossl(s, &e);
        None
    };

    let tag_len = match (aead, asked_tag) {
        (Aead::Ccm | Aead::Ocb, None) => return Err(Some(-4)),
        (Aead::None, _) => 0,
        (_, Some(n)) if !tag_len_ok(aead, n) => return Err(Some(-5)),
        (_, Some(n)) => n,
        (_, None) => 16,
    };
    let variable_key = mode(&cipher) & FLAG_VARIABLE_LENGTH != 0;
    if key.len() != cipher.key_length() && !variable_key {
        return Err(Some(-2));
    }
    let iv_ok = match (aead, iv) {
        (Aead::None, None) => cipher.iv_length() == 0,
        (Aead::None, Some(iv)) => iv.len() == cipher.iv_length(),
        (_, None) => false,
        (Aead::Ccm, Some(iv)) => (7..=13).contains(&iv.len()),
        (Aead::Ocb, Some(iv)) => (1..=15).contains(&iv.len()),
        (Aead::ChaCha, Some(iv)) => (1..=12).contains(&iv.len()),
        (Aead::Gcm, Some(iv)) => !iv.is_empty(),
    };
    if !iv_ok {
        return Err(Some(-3));
    }

    let mut ctx = CipherCtx::new().map_err(ossl)?;
    let init = |ctx: &mut CipherCtx, c: Option<&CipherRef>, k, v| {
        if encrypt {
            ctx.encrypt_init(c, k, v)
        } else {
            ctx.decrypt_init(c, k, v)
        }
    };
    init(&mut ctx, Some(&cipher), None, None).map_err(ossl)?;
    if variable_key {
        ctx.set_key_length(key.len()).map_err(|_| Some(-2))?;
    }
    // Always set: OpenSSL's CCM reports 12 but starts at 7 until told.
    if let (true, Some(iv)) = (aead != Aead::None, iv) {
        ctx.set_iv_length(iv.len()).map_err(|_| Some(-3))?;
    }
    if matches!(aead, Aead::Ccm | Aead::Ocb) || (aead == Aead::ChaCha && !encrypt) {
        ctx.set_tag_length(tag_len).map_err(|_| Some(-5))?;
    }
    let iv = iv.filter(|v| !v.is_empty());
    init(&mut ctx, None, Some(key), iv).map_err(ossl)?;
    Ok(Context {
        ctx,
        encrypt,
        aead,
        tag_len,
        pending_tag: None,
        auth_failed: false,
    })
}

fn with_ctx<R>(s: &Scope, args: &CallbackArgs, f: impl FnOnce(&mut Context) -> R) -> Option<R> {
    let id = arg_int(s, args, 0)? as usize;
    CONTEXTS.with(|t| t.borrow_mut().get_mut(id).map(f))
}

/// Hands a decipher's expected tag to OpenSSL, once.
fn pass_tag(c: &mut Context) -> Result<(), openssl::error::ErrorStack> {
    match c.pending_tag.take() {
        Some(tag) => c.ctx.set_tag(&tag),
        None => Ok(()),
    }
}

/// cipherUpdate(id, data) -> the bytes produced so far. They are written straight
/// into the ArrayBuffer returned (no zero-filling and no copy of 64 KiB updates).
pub(super) fn cipher_update<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(data) = arg_view(args, 1) else {
        return s.throw_error(ErrorKind::TypeError, "cipherUpdate: data must be bytes");
    };
    let mut made = None;
    let out = with_ctx(s, args, |c| {
        if c.aead == Aead::Ccm && !c.encrypt {
            pass_tag(c)?;
        }
        // Key-wrap ciphers add up to 16 bytes in one update (the crate asserts
        // the room is there), more than a block.
        let room = data.len() + c.ctx.block_size() + 16;
        let ab = s.array_buffer_uninit(room);
        // SAFETY: the new ArrayBuffer has `room` writable bytes, no JS runs while
        // the slice lives, and it is another allocation than `data`.
        let out = unsafe { std::slice::from_raw_parts_mut(ab.data(), room) };
        let n = match c.ctx.cipher_update(data, Some(out)) {
            Ok(n) => n,
            // CCM checks the tag here: an empty result now, the error at final().
            Err(_) if c.aead == Aead::Ccm && !c.encrypt => {
                c.auth_failed = true;
                0
            }
            Err(e) => return Err(e),
        };
        // The bytes past the result are never uninitialized memory JS could read.
        out[n..].fill(0);
        made = Some(ab);
        Ok(n)
    });
    match (out, made) {
        (Some(Ok(n)), Some(ab)) => args.ret(s.uint8_array(ab, 0, n).value()),
        (Some(Err(e)), _) => throw_ossl(s, &e),
        _ => s.throw_error(ErrorKind::Error, "cipherUpdate: no such cipher"),
    }
}

/// cipherFinal(id) -> the last bytes; the context stays until cipherFree (an
/// encrypting AEAD's tag is read after final()).
pub(super) fn cipher_final<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let out = with_ctx(s, args, |c| {
        if c.auth_failed {
            return Err(None);
        }
        let authenticated = c.aead != Aead::None && !c.encrypt;
        if authenticated && c.aead != Aead::Ccm {
            if c.pending_tag.is_none() && c.aead == Aead::Gcm {
                // GCM without an expected tag cannot be authentic.
                return Err(None);
            }
            pass_tag(c).map_err(|_| None)?;
        }
        let mut out = vec![0; c.ctx.block_size().max(16)];
        match c.ctx.cipher_final(&mut out) {
            Ok(n) => {
                out.truncate(n);
                Ok(out)
            }
            Err(_) if authenticated => Err(None),
            Err(e) => Err(Some(e)),
        }
    });
    match out {
        Some(Ok(bytes)) => args.ret(bytes_value(s, bytes)),
        Some(Err(Some(e))) => throw_ossl(s, &e),
        Some(Err(None)) => s.throw_error(ErrorKind::Error, AUTH_FAILED),
        None => s.throw_error(ErrorKind::Error, "cipherFinal: no such cipher"),
    }
}

/// cipherSetAAD(id, aad, plaintextLength | -1) -> 0 taken, 1 refused, 2 CCM
/// without the plaintext length it needs.
pub(super) fn cipher_set_aad<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(aad) = arg_view(args, 1) else {
        return;
    };
    let plain_len = arg_int(s, args, 2).filter(|n| *n >= 0);
    let ok = with_ctx(s, args, |c| {
        if c.aead == Aead::Ccm {
            let Some(len) = plain_len else {
                return 2;
            };
            if !c.encrypt && pass_tag(c).is_err() {
                return 1;
            }
            if c.ctx.set_data_len(len as usize).is_err() {
                return 1;
            }
        }
        i32::from(c.ctx.cipher_update(aad, None).is_err())
    });
    args.ret(s.number(f64::from(ok.unwrap_or(1))));
}

/// cipherSetAuthTag(id, tag) -> whether the length fits the mode.
pub(super) fn cipher_set_auth_tag<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(tag) = arg_view(args, 1) else {
        return;
    };
    let ok = with_ctx(s, args, |c| {
        if !tag_len_ok(c.aead, tag.len()) {
            return false;
        }
        c.tag_len = tag.len();
        c.pending_tag = Some(tag.to_vec());
        true
    });
    args.ret(s.boolean(ok == Some(true)));
}

/// cipherGetAuthTag(id) -> an encrypting AEAD's tag (after final()).
pub(super) fn cipher_get_auth_tag<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let tag = with_ctx(s, args, |c| {
        let mut tag = vec![0; c.tag_len];
        c.ctx.tag(&mut tag).map(|_| tag)
    });
    match tag {
        Some(Ok(tag)) => args.ret(bytes_value(s, tag)),
        Some(Err(e)) => throw_ossl(s, &e),
        None => {}
    }
}

/// cipherSetPadding(id, on)
pub(super) fn cipher_set_padding<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let on = args.get(1).boolean(s);
    with_ctx(s, args, |c| c.ctx.set_padding(on));
}

/// cipherFree(id)
pub(super) fn cipher_free<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(id) = arg_int(s, args, 0) {
        CONTEXTS.with(|t| t.borrow_mut().try_remove(id as usize));
    }
}

/// cipherBytesToKey(name, password) -> [key, iv | null, mode] as the deprecated
/// createCipher derives them (EVP_BytesToKey: MD5, no salt, one round, as Node),
/// or undefined for a cipher OpenSSL does not have.
pub(super) fn cipher_bytes_to_key<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(c) = fetch(&arg_string(s, args, 0)) else {
        return;
    };
    let Some(password) = arg_view(args, 1) else {
        return s.throw_error(
            ErrorKind::TypeError,
            "cipherBytesToKey: password must be bytes",
        );
    };
    let md = openssl::hash::MessageDigest::md5();
    let mut key = vec![0u8; c.key_length()];
    let mut iv = vec![0u8; c.iv_length()];
    // SAFETY: the cipher and digest are live; key and iv have the cipher's key and
    // IV lengths, which is what EVP_BytesToKey writes; the password is only read.
    let n = unsafe {
        openssl_sys::EVP_BytesToKey(
            c.as_ptr(),
            md.as_ptr(),
            std::ptr::null(),
            password.as_ptr(),
            password.len() as libc::c_int,
            1,
            key.as_mut_ptr(),
            if iv.is_empty() {
                std::ptr::null_mut()
            } else {
                iv.as_mut_ptr()
            },
        )
    };
    if n <= 0 {
        return throw_ossl(s, &openssl::error::ErrorStack::get());
    }
    let iv = if iv.is_empty() {
        s.null()
    } else {
        bytes_value(s, iv)
    };
    let items = [bytes_value(s, key), iv, s.string(mode_name(&c)).value()];
    args.ret(s.array(&items).value());
}
