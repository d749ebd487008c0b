//! generatePrime / checkPrime: OpenSSL's prime generation and primality test,
//! asynchronous forms on the work pool (kdf::run).
use openssl::bn::{BigNum, BigNumContext};
use openssl::error::ErrorStack;

use super::kdf::run;
use super::{arg_bytes, arg_int, OsslError};
use crate::v8::{CallbackArgs, Scope};

/// generatePrime(req, bits, safe, add | null, rem | null) -> the prime's bytes,
/// big-endian.
pub(super) fn generate_prime<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let bits = arg_int(s, args, 1).unwrap_or(0) as i32;
    let safe = args.get(2).boolean(s);
    let (add, rem) = (arg_bytes(args, 3), arg_bytes(args, 4));
    run(s, args, "generatePrime", move || {
        let fail = |e: ErrorStack| OsslError::from_stack(&e);
        let add = add
            .map(|b| BigNum::from_slice(&b))
            .transpose()
            .map_err(fail)?;
        let rem = rem
            .map(|b| BigNum::from_slice(&b))
            .transpose()
            .map_err(fail)?;
        let mut p = BigNum::new().map_err(fail)?;
        p.generate_prime(bits, safe, add.as_deref(), rem.as_deref())
            .map_err(fail)?;
        Ok(p.to_vec())
    });
}

/// checkPrime(req, candidate bytes, checks) -> [1] when (probably) prime, else [0].
pub(super) fn check_prime<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(candidate) = arg_bytes(args, 1) else {
        return;
    };
    let checks = arg_int(s, args, 2).unwrap_or(0) as i32;
    run(s, args, "checkPrime", move || {
        let fail = |e: ErrorStack| OsslError::from_stack(&e);
        let n = BigNum::from_slice(&candidate).map_err(fail)?;
        let mut ctx = BigNumContext::new().map_err(fail)?;
        let prime = n.is_prime(checks, &mut ctx).map_err(fail)?;
        Ok(vec![u8::from(prime)])
    });
}
