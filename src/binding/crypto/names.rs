//! The algorithm names crypto offers: getHashes, getCiphers (what OpenSSL can
//! really fetch, not every name it registers) and getCurves. lib/ folds names that
//! differ only in case, as Node does.
use std::ffi::CStr;

use openssl::cipher::Cipher;
use openssl::hash::{Hasher, MessageDigest};

use crate::v8::{CallbackArgs, Local, Scope, Value};

/// EVP_{MD,CIPHER}_do_all_sorted's callback: (algorithm or null for an alias,
/// name, alias target, the caller's argument).
type NameFn = extern "C" fn(
    obj: *const libc::c_void,
    from: *const libc::c_char,
    to: *const libc::c_char,
    arg: *mut libc::c_void,
);

#[repr(C)]
struct BuiltinCurve {
    nid: libc::c_int,
    comment: *const libc::c_char,
}

extern "C" {
    // libcrypto (linked through the openssl crate).
    fn EVP_MD_do_all_sorted(f: NameFn, arg: *mut libc::c_void);
    fn EVP_CIPHER_do_all_sorted(f: NameFn, arg: *mut libc::c_void);
    fn EC_get_builtin_curves(r: *mut BuiltinCurve, nitems: libc::size_t) -> libc::size_t;
    fn OBJ_nid2sn(n: libc::c_int) -> *const libc::c_char;
}

/// The names a walk over OpenSSL's name table gives, kept when `usable` says so.
struct Walk {
    names: Vec<String>,
    usable: fn(&str) -> bool,
}

extern "C" fn collect(
    _obj: *const libc::c_void,
    from: *const libc::c_char,
    _to: *const libc::c_char,
    arg: *mut libc::c_void,
) {
    if from.is_null() {
        return;
    }
    // SAFETY: `arg` is the Walk passed by `walk`, alive for the whole walk; `from`
    // is a NUL-terminated name owned by libcrypto.
    let (walk, from) = unsafe { (&mut *(arg as *mut Walk), CStr::from_ptr(from)) };
    let name = from.to_string_lossy();
    if (walk.usable)(&name) {
        walk.names.push(name.into_owned());
    }
}

fn walk(
    all: unsafe extern "C" fn(NameFn, *mut libc::c_void),
    usable: fn(&str) -> bool,
) -> Vec<String> {
    let mut w = Walk {
        names: Vec::new(),
        usable,
    };
    // SAFETY: `collect` matches the callback type and only touches `w`.
    unsafe { all(collect, &mut w as *mut Walk as *mut _) };
    w.names.sort();
    w.names.dedup();
    w.names
}

fn ret_names<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>, names: &[String]) {
    let items: Vec<Local<Value>> = names.iter().map(|n| s.string(n).value()).collect();
    args.ret(s.array(&items).value());
}

/// getHashes() -> the digest names OpenSSL can compute (the legacy provider's,
/// such as md4 and whirlpool, are named but cannot be fetched).
pub(super) fn get_hashes<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let names = walk(EVP_MD_do_all_sorted, |n| {
        MessageDigest::from_name(n).is_some_and(|md| Hasher::new(md).is_ok())
    });
    ret_names(s, args, &names);
}

/// getCiphers() -> the cipher names OpenSSL can fetch.
pub(super) fn get_ciphers<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let names = walk(EVP_CIPHER_do_all_sorted, |n| {
        Cipher::fetch(None, n, None).is_ok()
    });
    ret_names(s, args, &names);
}

/// getCurves() -> the short names of OpenSSL's built-in elliptic curves.
pub(super) fn get_curves<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    // SAFETY: a null array with size 0 only asks for the count.
    let count = unsafe { EC_get_builtin_curves(std::ptr::null_mut(), 0) };
    let mut curves: Vec<BuiltinCurve> = (0..count)
        .map(|_| BuiltinCurve {
            nid: 0,
            comment: std::ptr::null(),
        })
        .collect();
    // SAFETY: `curves` has room for `count` entries.
    unsafe { EC_get_builtin_curves(curves.as_mut_ptr(), count) };
    let mut names: Vec<String> = curves
        .iter()
        .filter_map(|c| {
            // SAFETY: OBJ_nid2sn returns null or a static NUL-terminated name.
            let sn = unsafe { OBJ_nid2sn(c.nid) };
            // SAFETY: checked non-null; libcrypto owns the string for the process.
            (!sn.is_null()).then(|| unsafe { CStr::from_ptr(sn) }.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    names.dedup();
    ret_names(s, args, &names);
}
