'use strict';
// crypto: Node's crypto over the system's OpenSSL (internalBinding 'crypto'), as
// Node's is. Each area lives in lib/internal/crypto/<area>.js: digests and HMACs
// (hash), random values (random), key derivation (pbkdf2, scrypt, hkdf), ciphers
// (cipher), keys and key generation (keys, keygen), signatures and RSA encryption
// (sig), ECDH and classic Diffie-Hellman (diffiehellman), primes (prime), and Web
// Crypto (webcrypto, webcrypto_keys, webcrypto_ops), certificates (x509).
// Work Node runs on libuv's threadpool runs on coil's work pool.
//

const binding = internalBinding('crypto');
const { Hash, Hmac, getHashes, hash } = require('internal/crypto/hash');
const random = require('internal/crypto/random');
const { pbkdf2, pbkdf2Sync } = require('internal/crypto/pbkdf2');
const { scrypt, scryptSync } = require('internal/crypto/scrypt');
const { hkdf, hkdfSync } = require('internal/crypto/hkdf');
const cipher = require('internal/crypto/cipher');
const { getCiphers, getCurves } = require('internal/crypto/util');
const keys = require('internal/crypto/keys');
const keygen = require('internal/crypto/keygen');
const sig = require('internal/crypto/sig');
const dh = require('internal/crypto/diffiehellman');
const prime = require('internal/crypto/prime');
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
// tests check) and the RSA padding and PSS salt-length values.
const constants = {
  __proto__: null,
  OPENSSL_VERSION_NUMBER: binding.OPENSSL_VERSION_NUMBER,
  ...sig.constants,
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
};

module.exports = {
  checkPrime: prime.checkPrime,
  checkPrimeSync: prime.checkPrimeSync,
  constants,
  createCipher: cipher.createCipher,
  createCipheriv: cipher.createCipheriv,
  createDecipher: cipher.createDecipher,
  createDecipheriv: cipher.createDecipheriv,
  createDiffieHellman: dh.createDiffieHellman,
  createDiffieHellmanGroup: dh.createDiffieHellmanGroup,
  createECDH: dh.createECDH,
  createHash,
  createHmac,
  createPrivateKey: keys.createPrivateKey,
  createPublicKey: keys.createPublicKey,
  createSecretKey: keys.createSecretKey,
  createSign: sig.createSign,
  createVerify: sig.createVerify,
  diffieHellman: sig.diffieHellman,
  generateKey: keygen.generateKey,
  generateKeyPair: keygen.generateKeyPair,
  generateKeyPairSync: keygen.generateKeyPairSync,
  generateKeySync: keygen.generateKeySync,
  generatePrime: prime.generatePrime,
  generatePrimeSync: prime.generatePrimeSync,
  getCipherInfo: cipher.getCipherInfo,
  getCiphers,
  getDiffieHellman: dh.createDiffieHellmanGroup,
  // coil runs on the system's OpenSSL in its default (non-FIPS) configuration.
  getFips() { return 0; },
  getCurves,
  getHashes,
  getRandomValues: random.getRandomValues,
  hash,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  privateDecrypt: sig.privateDecrypt,
  privateEncrypt: sig.privateEncrypt,
  publicDecrypt: sig.publicDecrypt,
  publicEncrypt: sig.publicEncrypt,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  scrypt,
  scryptSync,
  sign: sig.sign,
  timingSafeEqual,
  verify: sig.verify,
  webcrypto: require('internal/crypto/webcrypto').crypto,
  subtle: require('internal/crypto/webcrypto').subtle,
  Cipher: cipher.Cipher,
  Cipheriv: cipher.Cipheriv,
  Decipher: cipher.Decipher,
  DiffieHellman: dh.DiffieHellman,
  DiffieHellmanGroup: dh.DiffieHellmanGroup,
  ECDH: dh.ECDH,
  Decipheriv: cipher.Decipheriv,
  Hash,
  Hmac,
  KeyObject: keys.KeyObject,
  Sign: sig.Sign,
  Verify: sig.Verify,
  X509Certificate: require('internal/crypto/x509').X509Certificate,
};
