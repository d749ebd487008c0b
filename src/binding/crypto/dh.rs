//! Classic (finite-field) Diffie-Hellman for createDiffieHellman and
//! getDiffieHellman: the prime, generator and keys live in lib/ as big-endian
//! bytes, as Node's DiffieHellman hands them out; each call rebuilds OpenSSL's DH
//! from them (a few allocations next to a modular exponentiation).
use foreign_types::ForeignType;
use openssl::bn::BigNum;
use openssl::dh::Dh;
use openssl::error::ErrorStack;
use openssl::pkey::Params;

use super::{arg_int, arg_string, arg_view, bytes_value, throw_ossl, OsslError};
use crate::v8::{CallbackArgs, Scope};

extern "C" {
    // libcrypto: the public-value range check Node reports computeSecret's
    // failures with (openssl-sys does not declare it).
    fn DH_check_pub_key(
        dh: *const openssl_sys::DH,
        pub_key: *const openssl_sys::BIGNUM,
        codes: *mut libc::c_int,
    ) -> libc::c_int;
}

/// The prime of one of the RFC 2409 / RFC 3526 MODP groups Node names.
pub(super) fn group_prime(name: &str) -> Option<BigNum> {
    match name {
        "modp1" => BigNum::get_rfc2409_prime_768(),
        "modp2" => BigNum::get_rfc2409_prime_1024(),
        "modp5" => BigNum::get_rfc3526_prime_1536(),
        "modp14" => BigNum::get_rfc3526_prime_2048(),
        "modp15" => BigNum::get_rfc3526_prime_3072(),
        "modp16" => BigNum::get_rfc3526_prime_4096(),
        "modp17" => BigNum::get_rfc3526_prime_6144(),
        "modp18" => BigNum::get_rfc3526_prime_8192(),
        _ => return None,
    }
    .ok()
}

fn params(p: &[u8], g: &[u8]) -> Result<Dh<Params>, ErrorStack> {
    Dh::from_pqg(BigNum::from_slice(p)?, None, BigNum::from_slice(g)?)
}

/// dhGroupPrime(name) -> the group's prime, or undefined for an unknown name.
pub(super) fn dh_group_prime<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    if let Some(p) = group_prime(&arg_string(s, args, 0)) {
        args.ret(bytes_value(s, p.to_vec()));
    }
}

/// dhGenerateParams(bits, generator) -> a new safe prime of `bits` bits for the
/// generator.
pub(super) fn dh_generate_params<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let bits = arg_int(s, args, 0).unwrap_or(0);
    let generator = arg_int(s, args, 1).unwrap_or(2);
    if generator < 2 {
        // OpenSSL's own check, reported before it tries.
        return bad_generator().throw(s);
    }
    // OpenSSL takes sizes as an int: a negative one is too small for it.
    let made = Dh::generate_params(bits.max(0) as u32, generator as u32);
    match made.map(|dh| dh.prime_p().to_vec()) {
        Ok(p) => args.ret(bytes_value(s, p)),
        Err(e) if e.errors().is_empty() => OsslError::plain("Initialization failed").throw(s),
        Err(e) => throw_ossl(s, &e),
    }
}

fn bad_generator() -> OsslError {
    OsslError {
        code: 0x0280_0065,
        lib_code: 5,
        library: Some("Diffie-Hellman routines".into()),
        reason: Some("bad generator".into()),
        plain: None,
    }
}

/// dhCheck(prime, generator) -> DH_check's flags (Node's verifyError); throws
/// for a generator of 0 or 1 and what OpenSSL cannot check at all.
pub(super) fn dh_check<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(p), Some(g)) = (arg_view(args, 0), arg_view(args, 1)) else {
        return;
    };
    if p.iter().all(|b| *b == 0) {
        // No prime at all: what OpenSSL says of a zero-bit number.
        return OsslError {
            code: 0x0180_0076,
            lib_code: 3,
            library: Some("bignum routines".into()),
            reason: Some("bits too small".into()),
            plain: None,
        }
        .throw(s);
    }
    let checked = (|| -> Result<Option<i32>, ErrorStack> {
        let gn = BigNum::from_slice(g)?;
        if gn.num_bits() <= 1 {
            return Ok(None);
        }
        let dh = params(p, g)?;
        let mut codes: libc::c_int = 0;
        // SAFETY: `dh` is a live DH for the call and `codes` a valid out slot.
        if unsafe { openssl_sys::DH_check(dh.as_ptr(), &mut codes) } != 1 {
            return Err(ErrorStack::get());
        }
        Ok(Some(codes))
    })();
    match checked {
        Ok(Some(codes)) => args.ret(s.number(f64::from(codes))),
        Ok(None) => bad_generator().throw(s),
        Err(e) => throw_ossl(s, &e),
    }
}

/// dhGenerateKeys(prime, generator, private | undefined) -> [private, public]:
/// a new pair, or the public value of the private key given.
pub(super) fn dh_generate_keys<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(p), Some(g)) = (arg_view(args, 0), arg_view(args, 1)) else {
        return;
    };
    let private = arg_view(args, 2);
    let made = (|| -> Result<(Vec<u8>, Vec<u8>), ErrorStack> {
        let dh = params(p, g)?;
        let dh = match private {
            Some(k) => dh.set_private_key(BigNum::from_slice(k)?)?,
            None => dh.generate_key()?,
        };
        Ok((dh.private_key().to_vec(), dh.public_key().to_vec()))
    })();
    match made {
        Ok((private, public)) => {
            let items = [bytes_value(s, private), bytes_value(s, public)];
            args.ret(s.array(&items).value());
        }
        Err(e) => throw_ossl(s, &e),
    }
}

/// dhComputeSecret(prime, generator, private | undefined, peer public) -> the
/// shared secret zero-padded to the prime's size, or, when OpenSSL refuses, a
/// number: 1 the peer's value is too small, 2 too large, 0 anything else.
pub(super) fn dh_compute_secret<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(p), Some(g), Some(peer)) = (arg_view(args, 0), arg_view(args, 1), arg_view(args, 3))
    else {
        return;
    };
    let private = arg_view(args, 2);
    let out = (|| -> Result<Result<Vec<u8>, i32>, ErrorStack> {
        let dh = params(p, g)?;
        let peer = BigNum::from_slice(peer)?;
        if let Some(k) = private {
            let k = BigNum::from_slice(k)?;
            // SAFETY: `dh` is live; DH_set0_key takes ownership of `k`'s BIGNUM,
            // which is why `k` is forgotten once the call succeeds.
            if unsafe { openssl_sys::DH_set0_key(dh.as_ptr(), std::ptr::null_mut(), k.as_ptr()) }
                == 1
            {
                std::mem::forget(k);
            }
        }
        let size = p.iter().skip_while(|b| **b == 0).count();
        let mut secret = vec![0u8; size.max(1)];
        // SAFETY: `secret` holds DH_size(dh) bytes (the prime's length), the most
        // DH_compute_key writes; `peer` and `dh` are live for the call.
        let n =
            unsafe { openssl_sys::DH_compute_key(secret.as_mut_ptr(), peer.as_ptr(), dh.as_ptr()) };
        if n < 0 {
            let _ = ErrorStack::get();
            let mut codes: libc::c_int = 0;
            // SAFETY: as above; `codes` is a valid out slot.
            unsafe { DH_check_pub_key(dh.as_ptr(), peer.as_ptr(), &mut codes) };
            let _ = ErrorStack::get();
            return Ok(Err(if codes & 1 != 0 {
                1
            } else if codes & 2 != 0 {
                2
            } else {
                0
            }));
        }
        // Shorter results are left-padded with zeros, as Node gives them.
        let n = n as usize;
        secret.truncate(n.max(size).min(secret.len()));
        if n < size {
            secret.copy_within(0..n, size - n);
            secret[..size - n].fill(0);
        }
        Ok(Ok(secret))
    })();
    match out {
        Ok(Ok(secret)) => args.ret(bytes_value(s, secret)),
        Ok(Err(flag)) => args.ret(s.number(f64::from(flag))),
        Err(e) => throw_ossl(s, &e),
    }
}
