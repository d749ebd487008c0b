'use strict';
// crypto.createECDH / ECDH: elliptic-curve Diffie-Hellman with raw keys (a
// private scalar and an encoded public point), as Node's ECDH class hands them out.

const binding = internalBinding('crypto');
const {
  ERR_CRYPTO_ECDH_INVALID_FORMAT,
  ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
  ERR_CRYPTO_INVALID_CURVE,
  ERR_CRYPTO_INVALID_KEYTYPE,
  ERR_CRYPTO_OPERATION_FAILED,
} = require('internal/crypto/errors');
const { validateString } = require('internal/validators');
const { asBuffer, byteSource } = require('internal/crypto/util');
const { Buffer } = require('buffer');
const { Symbol } = primordials;

const kState = Symbol('kState');

function formatOf(format) {
  if (format === undefined || format === 'uncompressed') return 0;
  if (format === 'compressed') return 1;
  if (format === 'hybrid') return 2;
  throw new ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
}

function encode(buf, encoding) {
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  if (!binding.curveKnown(curve, false)) throw new ERR_CRYPTO_INVALID_CURVE();
  this[kState] = { __proto__: null, curve, privateKey: undefined };
}

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  this[kState].privateKey = asBuffer(binding.ecdhGenerate(this[kState].curve));
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const f = formatOf(format);
  const { curve, privateKey } = this[kState];
  if (privateKey === undefined) throw new ERR_CRYPTO_OPERATION_FAILED('Failed to get ECDH public key');
  return encode(asBuffer(binding.ecdhPublic(curve, privateKey, f)), encoding);
};

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  const { privateKey } = this[kState];
  if (privateKey === undefined) throw new ERR_CRYPTO_OPERATION_FAILED('Failed to get ECDH private key');
  // Without leading zero bytes, as Node gives it.
  let start = 0;
  while (start < privateKey.length - 1 && privateKey[start] === 0) start++;
  return encode(privateKey.subarray(start), encoding);
};

ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  const bytes = Buffer.from(byteSource(key, 'key', encoding));
  if (binding.ecdhPublic(this[kState].curve, bytes, 0) === undefined) {
    throw new ERR_CRYPTO_INVALID_KEYTYPE();
  }
  this[kState].privateKey = bytes;
  return this;
};

ECDH.prototype.computeSecret = function computeSecret(key, inputEncoding, outputEncoding) {
  const peer = byteSource(key, 'key', inputEncoding);
  const { curve, privateKey } = this[kState];
  if (privateKey === undefined) throw new ERR_CRYPTO_OPERATION_FAILED('Failed to get ECDH private key');
  const secret = binding.ecdhCompute(curve, privateKey, peer);
  if (secret === undefined) throw new ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
  return encode(asBuffer(secret), outputEncoding);
};

ECDH.convertKey = function convertKey(key, curve, inputEncoding, outputEncoding, format) {
  validateString(curve, 'curve');
  const point = byteSource(key, 'key', inputEncoding);
  const f = formatOf(format);
  if (!binding.curveKnown(curve, false)) throw new ERR_CRYPTO_INVALID_CURVE();
  const out = binding.ecdhConvert(curve, point, f);
  if (out === undefined) throw new ERR_CRYPTO_OPERATION_FAILED('Failed to convert Buffer to EC_POINT');
  return encode(asBuffer(out), outputEncoding);
};

function createECDH(curve) {
  return new ECDH(curve);
}

module.exports = { ECDH, createECDH };
