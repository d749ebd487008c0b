'use strict';
// crypto: message digests (createHash, createHmac) from the system's OpenSSL, as
// Node's are, random values from the kernel, and timingSafeEqual.
//
// A first part of Node's crypto: ciphers, keys, signatures, key derivation
// (pbkdf2, scrypt, hkdf), Diffie-Hellman, X509 and webcrypto.subtle are not here
// yet; their names are absent rather than present and throwing, so a package
// that feature-detects takes its fallback.

const binding = internalBinding('crypto');
const { Hash, Hmac, getHashes } = require('internal/crypto/hash');
const random = require('internal/crypto/random');
const { ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH } = require('internal/errors').codes;
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { TypeError, Uint8Array } = primordials;

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

// Node checks these in C++, and its message there names no received value.
function asView(value, name) {
  if (isArrayBufferView(value)) return value;
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  const err = new TypeError(`The "${name}" argument must be an instance of ` +
                            'ArrayBuffer, Buffer, TypedArray, or DataView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

function timingSafeEqual(buf1, buf2) {
  const a = asView(buf1, 'buf1');
  const b = asView(buf2, 'buf2');
  if (a.byteLength !== b.byteLength) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return binding.timingSafeEqual(a, b);
}

// The constants of what coil has: the OpenSSL version (what packages and Node's
// tests check) so far.
const constants = { __proto__: null, OPENSSL_VERSION_NUMBER: binding.OPENSSL_VERSION_NUMBER };

module.exports = {
  constants,
  createHash,
  createHmac,
  getHashes,
  getRandomValues: random.getRandomValues,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  timingSafeEqual,
  Hash,
  Hmac,
};
