'use strict';
// crypto.hkdf / hkdfSync (RFC 5869), OpenSSL's. The result is an ArrayBuffer, as
// in Node. The callback form runs on the work pool.

const binding = internalBinding('crypto');
const {
  ERR_CRYPTO_INVALID_DIGEST,
  ERR_CRYPTO_INVALID_KEYLEN,
  ERR_INVALID_ARG_TYPE,
  ERR_OUT_OF_RANGE,
} = require('internal/crypto/errors');
const { validateFunction, validateInteger, validateString } = require('internal/validators');
const { byteSource } = require('internal/crypto/util');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { Buffer } = require('buffer');
const { ArrayBufferPrototypeSlice, Uint8Array } = primordials;

const kMaxLength = 2 ** 31 - 1;

// The input key: bytes, or a secret KeyObject's bytes.
function ikmBytes(ikm) {
  if (typeof ikm === 'string') return Buffer.from(ikm);
  if (isArrayBufferView(ikm)) return ikm;
  if (isAnyArrayBuffer(ikm)) return new Uint8Array(ikm);
  if (ikm !== null && typeof ikm === 'object' && ikm.type === 'secret' &&
      typeof ikm.export === 'function') {
    return ikm.export();
  }
  throw new ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer',
                                         'TypedArray', 'DataView', 'Buffer'], ikm);
}

const digestSizes = { __proto__: null };
function digestSize(digest) {
  let size = digestSizes[digest];
  if (size === undefined) {
    const id = binding.hashNew(digest, undefined);
    if (id === -1) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
    size = digestSizes[digest] = binding.digestFinal(id).length;
  }
  return size;
}

function check(digest, ikm, salt, info, length) {
  validateString(digest, 'digest');
  ikm = ikmBytes(ikm);
  salt = byteSource(salt, 'salt');
  info = byteSource(info, 'info');
  validateInteger(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes',
                               info.byteLength);
  }
  if (length > 255 * digestSize(digest)) throw new ERR_CRYPTO_INVALID_KEYLEN();
  return { ikm, salt, info };
}

// The bytes as an ArrayBuffer of exactly their length.
function toArrayBuffer(bytes) {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes.buffer;
  return ArrayBufferPrototypeSlice(bytes.buffer, bytes.byteOffset, bytes.byteOffset + bytes.length);
}

function hkdf(digest, ikm, salt, info, length, callback) {
  const c = check(digest, ikm, salt, info, length);
  validateFunction(callback, 'callback');
  if (length === 0) {
    process.nextTick(callback, null, new ArrayBuffer(0));
    return;
  }
  const req = {
    __proto__: null,
    oncomplete(err, bytes) {
      if (err) callback(err);
      else callback(null, toArrayBuffer(bytes));
    },
  };
  binding.hkdf(req, digest, c.ikm, c.salt, c.info, length);
}

function hkdfSync(digest, ikm, salt, info, length) {
  const c = check(digest, ikm, salt, info, length);
  if (length === 0) return new ArrayBuffer(0);
  return toArrayBuffer(binding.hkdf(undefined, digest, c.ikm, c.salt, c.info, length));
}

module.exports = { hkdf, hkdfSync };
