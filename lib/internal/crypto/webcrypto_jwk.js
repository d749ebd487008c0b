'use strict';
// Web Crypto's JSON Web Keys: the checks importKey makes of a JWK's kty, use,
// key_ops, ext, crv and alg members before its key material, the "alg" a key
// exports with, and unwrapKey's JWK text.

const { Buffer } = require('buffer');
const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  JSONParse,
  RegExpPrototypeExec,
  StringPrototypeToLowerCase,
} = primordials;

let DOMExceptionCtor;
function domError(message, name) {
  DOMExceptionCtor ??= require('internal/dom_exception').DOMException;
  return new DOMExceptionCtor(message, name);
}

// The key type each algorithm's asymmetric keys have.
function asymmetricType(name) {
  if (name === 'ECDSA' || name === 'ECDH') return 'ec';
  if (name === 'RSA-PSS' || name === 'RSA-OAEP' || name === 'RSASSA-PKCS1-v1_5') return 'rsa';
  if (name === 'Ed25519' || name === 'Ed448' || name === 'X25519' || name === 'X448') {
    return StringPrototypeToLowerCase(name);
  }
  return null;
}

const kJwkAlg = {
  __proto__: null,
  'AES-CTR': 'CTR', 'AES-CBC': 'CBC', 'AES-GCM': 'GCM', 'AES-KW': 'KW',
  'SHA-1': '1', 'SHA-256': '256', 'SHA-384': '384', 'SHA-512': '512',
};

function jwkAlg(algorithm) {
  const { name } = algorithm;
  if (name[0] === 'A') return `A${algorithm.length}${kJwkAlg[name]}`;
  if (name === 'HMAC') return `HS${kJwkAlg[algorithm.hash.name]}`;
  if (name === 'RSASSA-PKCS1-v1_5') return `RS${kJwkAlg[algorithm.hash.name]}`;
  if (name === 'RSA-PSS') return `PS${kJwkAlg[algorithm.hash.name]}`;
  if (name === 'RSA-OAEP') {
    const h = kJwkAlg[algorithm.hash.name];
    return h === '1' ? 'RSA-OAEP' : `RSA-OAEP-${h}`;
  }
  if (name === 'Ed25519' || name === 'Ed448') return 'EdDSA';
  return undefined;
}

// What a JWK's "use" must be for each algorithm's keys.
function jwkUse(name) {
  return name === 'HMAC' || name === 'ECDSA' || name === 'RSA-PSS' || name === 'RSASSA-PKCS1-v1_5' ||
    name === 'Ed25519' || name === 'Ed448' ? 'sig' : 'enc';
}

const kEcAlg = { __proto__: null, 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };

// The checks Web Crypto makes of a JWK before its key material.
function checkJwk(jwk, algorithm, extractable, usages) {
  const { name } = algorithm;
  const type = asymmetricType(name);
  const kty = type === null ? 'oct' : type === 'rsa' ? 'RSA' : type === 'ec' ? 'EC' : 'OKP';
  if (jwk.kty !== kty) throw domError('Invalid JWK "kty" Parameter', 'DataError');
  if (jwk.use !== undefined && jwk.use !== jwkUse(name)) {
    throw domError('Invalid JWK "use" Parameter', 'DataError');
  }
  if (jwk.key_ops !== undefined) {
    if (!ArrayIsArray(jwk.key_ops)) throw domError('Invalid JWK "key_ops" Parameter', 'DataError');
    for (let i = 0; i < usages.length; i++) {
      if (!ArrayPrototypeIncludes(jwk.key_ops, usages[i])) {
        throw domError('Key operations and usage mismatch', 'DataError');
      }
    }
  }
  if (jwk.ext === false && extractable) {
    throw domError('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
  if (kty === 'EC') {
    if (jwk.crv !== algorithm.namedCurve) {
      throw domError('JWK "crv" does not match the requested algorithm', 'DataError');
    }
    if (name === 'ECDSA' && jwk.alg !== undefined && jwk.alg !== kEcAlg[jwk.crv]) {
      throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
    }
  } else if (kty === 'OKP') {
    if (jwk.crv !== name) throw domError('JWK "crv" Parameter and algorithm name mismatch', 'DataError');
  } else if (jwk.alg !== undefined && name !== 'HKDF' && name !== 'PBKDF2') {
    let ok;
    if (kty === 'RSA') {
      // Only the hash an RSA "alg" names must match.
      const alg = `${jwk.alg}`;
      const digits = alg === 'RSA-OAEP' ? '1' : RegExpPrototypeExec(/(1|256|384|512)$/, alg)?.[1];
      ok = digits !== undefined && kJwkAlg[algorithm.hash.name] === digits;
    } else {
      ok = jwk.alg === jwkAlg(name === 'HMAC' ? algorithm :
        { name, length: Buffer.from(`${jwk.k}`, 'base64url').length * 8 });
    }
    if (!ok) {
      throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
    }
  }
}

// A JWK from unwrapKey's bytes.
function parseJwk(bytes) {
  try {
    return JSONParse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw domError('Invalid JWK', 'DataError');
  }
}

module.exports = { asymmetricType, checkJwk, jwkAlg, parseJwk };
