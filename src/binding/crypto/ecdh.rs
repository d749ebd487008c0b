//! createECDH's arithmetic: raw private scalars and encoded curve points on a
//! named curve (the key pair lives in lib/ as bytes, as Node's ECDH hands them out).
use openssl::bn::{BigNum, BigNumContext};
use openssl::ec::{EcGroup, EcPoint, PointConversionForm};
use openssl::error::ErrorStack;

use super::keygen::curve_nid;
use super::{arg_int, arg_string, arg_view, bytes_value};
use crate::v8::{CallbackArgs, Scope};

fn group(name: &str) -> Option<EcGroup> {
    EcGroup::from_curve_name(curve_nid(name, false)?).ok()
}

fn form(n: Option<i64>) -> PointConversionForm {
    match n {
        Some(1) => PointConversionForm::COMPRESSED,
        Some(2) => PointConversionForm::HYBRID,
        _ => PointConversionForm::UNCOMPRESSED,
    }
}

/// The public point of private scalar `d`, or None when `d` is not in [1, n).
fn public_of(g: &EcGroup, d: &[u8], f: PointConversionForm) -> Option<Vec<u8>> {
    (|| -> Result<Option<Vec<u8>>, ErrorStack> {
        let mut ctx = BigNumContext::new()?;
        let d = BigNum::from_slice(d)?;
        let mut order = BigNum::new()?;
        g.order(&mut order, &mut ctx)?;
        if d.num_bits() == 0 || d >= order {
            return Ok(None);
        }
        let mut p = EcPoint::new(g)?;
        p.mul_generator2(g, &d, &mut ctx)?;
        Ok(Some(p.to_bytes(g, f, &mut ctx)?))
    })()
    .ok()
    .flatten()
}

/// ecdhGenerate(curve) -> a random private scalar (bytes).
pub(super) fn ecdh_generate<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let Some(g) = group(&arg_string(s, args, 0)) else {
        return;
    };
    let made = (|| -> Result<Vec<u8>, ErrorStack> {
        let mut ctx = BigNumContext::new()?;
        let mut order = BigNum::new()?;
        g.order(&mut order, &mut ctx)?;
        let mut d = BigNum::new()?;
        loop {
            order.rand_range(&mut d)?;
            if d.num_bits() > 0 {
                break;
            }
        }
        d.to_vec_padded(g.degree().div_ceil(8) as i32)
    })();
    if let Ok(d) = made {
        args.ret(bytes_value(s, d));
    }
}

/// ecdhPublic(curve, private, form 0 uncompressed | 1 compressed | 2 hybrid) ->
/// the encoded public point, or undefined for a scalar out of range.
pub(super) fn ecdh_public<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(g), Some(d)) = (group(&arg_string(s, args, 0)), arg_view(args, 1)) else {
        return;
    };
    if let Some(p) = public_of(&g, d, form(arg_int(s, args, 2))) {
        args.ret(bytes_value(s, p));
    }
}

/// ecdhCompute(curve, private, peer point) -> the shared secret (the x
/// coordinate), or undefined when the point is not on the curve.
pub(super) fn ecdh_compute<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(g), Some(d), Some(peer)) = (
        group(&arg_string(s, args, 0)),
        arg_view(args, 1),
        arg_view(args, 2),
    ) else {
        return;
    };
    let secret = (|| -> Result<Vec<u8>, ErrorStack> {
        let mut ctx = BigNumContext::new()?;
        let q = EcPoint::from_bytes(&g, peer, &mut ctx)?;
        let d = BigNum::from_slice(d)?;
        let mut shared = EcPoint::new(&g)?;
        shared.mul2(&g, &q, &d, &mut ctx)?;
        let (mut x, mut y) = (BigNum::new()?, BigNum::new()?);
        shared.affine_coordinates(&g, &mut x, &mut y, &mut ctx)?;
        x.to_vec_padded(g.degree().div_ceil(8) as i32)
    })();
    if let Ok(x) = secret {
        args.ret(bytes_value(s, x));
    }
}

/// ecdhConvert(curve, point, form) -> the point re-encoded, or undefined when it
/// is not a point of the curve.
pub(super) fn ecdh_convert<'s>(s: &Scope<'s>, args: &CallbackArgs<'s>) {
    let (Some(g), Some(point)) = (group(&arg_string(s, args, 0)), arg_view(args, 1)) else {
        return;
    };
    let f = form(arg_int(s, args, 2));
    let out = (|| -> Result<Vec<u8>, ErrorStack> {
        let mut ctx = BigNumContext::new()?;
        EcPoint::from_bytes(&g, point, &mut ctx)?.to_bytes(&g, f, &mut ctx)
    })();
    if let Ok(p) = out {
        args.ret(bytes_value(s, p));
    }
}
