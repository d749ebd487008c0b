'use strict';
// Web Crypto's operations over CryptoKeys: encrypt / decrypt (AES-CBC, AES-CTR,
// AES-GCM, RSA-OAEP, and AES-KW for wrapping), sign / verify (HMAC, ECDSA,
// Ed25519/Ed448, RSASSA-PKCS1-v1_5, RSA-PSS), deriveBits (ECDH, X25519/X448,
// HKDF, PBKDF2) and digest, each on crypto's own functions (and so on its
// native paths; PBKDF2 on the work pool).

const { createCipheriv, createDecipheriv } = require('internal/crypto/cipher');
const { Hash, Hmac } = require('internal/crypto/hash');
const binding = internalBinding('crypto');
const sig = require('internal/crypto/sig');
const { hkdfSync } = require('internal/crypto/hkdf');
const { pbkdf2 } = require('internal/crypto/pbkdf2');
const { Buffer } = require('buffer');
const { isAnyArrayBuffer } = require('internal/util/types');
const {
  domError, hashName, isCryptoKey, kAlgorithm, kKeyObject,
} = require('internal/crypto/webcrypto_keys');
const {
  ArrayPrototypeIncludes,
  BigInt,
  MathCeil,
  Number,
  Promise,
  TypeError,
  Uint8Array,
} = primordials;

function opFailed() {
  return domError('The operation failed for an operation-specific reason', 'OperationError');
}

// Bytes as the fresh ArrayBuffer Web Crypto resolves with.
function toArrayBuffer(bytes) {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out.buffer;
}

// A BufferSource (ArrayBuffer, typed array or DataView) as a Buffer over its bytes.
function bytesOf(data) {
  if (isAnyArrayBuffer(data)) return Buffer.from(data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function aesName(key, mode) {
  return `aes-${key[kAlgorithm].length}-${mode}`;
}

function run(cipher, data) {
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function aesCbc(encrypt, algorithm, key, data) {
  if (algorithm.iv.byteLength !== 16) {
    throw domError('algorithm.iv must contain exactly 16 bytes', 'OperationError');
  }
  const secret = key[kKeyObject].export();
  const make = encrypt ? createCipheriv : createDecipheriv;
  try {
    return run(make(aesName(key, 'cbc'), secret, algorithm.iv), data);
  } catch {
    throw opFailed();
  }
}

// AES-CTR where only the low `length` bits of the counter block count: when
// they would wrap, the rest runs from the block with those bits zeroed.
function aesCtr(algorithm, key, data) {
  const { counter, length } = algorithm;
  if (counter.byteLength !== 16) {
    throw domError('algorithm.counter must contain exactly 16 bytes', 'OperationError');
  }
  if (length === 0 || length > 128) {
    throw domError('algorithm.length must be between 1 and 128', 'OperationError');
  }
  const secret = key[kKeyObject].export();
  const name = aesName(key, 'ctr');
  const whole = BigInt(`0x${Buffer.from(counter).toString('hex')}`);
  const mask = (1n << BigInt(length)) - 1n;
  const low = whole & mask;
  const blocks = BigInt(MathCeil(data.byteLength / 16));
  const left = mask - low + 1n;
  if (blocks <= left) return run(createCipheriv(name, secret, counter), data);
  if (blocks > mask + 1n) throw domError('The counter would repeat', 'OperationError');
  const split = Number(left) * 16;
  const first = run(createCipheriv(name, secret, counter), data.subarray(0, split));
  const wrapped = Buffer.from((whole & ~mask).toString(16).padStart(32, '0'), 'hex');
  return Buffer.concat([first, run(createCipheriv(name, secret, wrapped), data.subarray(split))]);
}

const kTagLengths = [32, 64, 96, 104, 112, 120, 128];

function aesGcm(encrypt, algorithm, key, data) {
  const tagLength = algorithm.tagLength === undefined ? 128 : algorithm.tagLength;
  if (!ArrayPrototypeIncludes(kTagLengths, tagLength)) {
    throw domError(`${tagLength} is not a valid AES-GCM tag length`, 'OperationError');
  }
  const secret = key[kKeyObject].export();
  const tagBytes = tagLength / 8;
  const options = { authTagLength: tagBytes };
  if (encrypt) {
    const c = createCipheriv(aesName(key, 'gcm'), secret, algorithm.iv, options);
    if (algorithm.additionalData !== undefined) c.setAAD(algorithm.additionalData);
    const out = run(c, data);
    return Buffer.concat([out, c.getAuthTag()]);
  }
  if (data.byteLength < tagBytes) throw domError('The provided data is too small.', 'OperationError');
  try {
    const d = createDecipheriv(aesName(key, 'gcm'), secret, algorithm.iv, options);
    d.setAuthTag(data.subarray(data.byteLength - tagBytes));
    if (algorithm.additionalData !== undefined) d.setAAD(algorithm.additionalData);
    return run(d, data.subarray(0, data.byteLength - tagBytes));
  } catch {
    throw opFailed();
  }
}

// AES key wrap (RFC 3394) with its default initial value.
function aesKw(encrypt, key, data) {
  if (data.byteLength % 8 !== 0) throw opFailed();
  const secret = key[kKeyObject].export();
  const name = `id-aes${key[kAlgorithm].length}-wrap`;
  const iv = Buffer.from('a6a6a6a6a6a6a6a6', 'hex');
  try {
    return run((encrypt ? createCipheriv : createDecipheriv)(name, secret, iv), data);
  } catch {
    throw opFailed();
  }
}

function rsaOaep(encrypt, algorithm, key, data) {
  const options = {
    key: key[kKeyObject],
    padding: sig.constants.RSA_PKCS1_OAEP_PADDING,
    oaepHash: hashName(key[kAlgorithm].hash),
  };
  if (algorithm.label !== undefined) options.oaepLabel = algorithm.label;
  try {
    return (encrypt ? sig.publicEncrypt : sig.privateDecrypt)(options, data);
  } catch {
    throw opFailed();
  }
}

// encrypt / decrypt (and the wrapping of wrapKey / unwrapKey): the key must
// belong to the algorithm and allow `usage`.
function cipher(encrypt, algorithm, key, data) {
  const bytes = bytesOf(data);
  switch (algorithm.name) {
    case 'AES-CBC': return toArrayBuffer(aesCbc(encrypt, algorithm, key, bytes));
    case 'AES-CTR': return toArrayBuffer(aesCtr(algorithm, key, bytes));
    case 'AES-GCM': return toArrayBuffer(aesGcm(encrypt, algorithm, key, bytes));
    case 'AES-KW': return toArrayBuffer(aesKw(encrypt, key, bytes));
    default: return toArrayBuffer(rsaOaep(encrypt, algorithm, key, bytes));
  }
}

function signOptions(algorithm, key) {
  const keyObject = key[kKeyObject];
  switch (algorithm.name) {
    case 'ECDSA':
      return [hashName(algorithm.hash), { key: keyObject, dsaEncoding: 'ieee-p1363' }];
    case 'RSA-PSS':
      return [hashName(key[kAlgorithm].hash), {
        key: keyObject, padding: sig.constants.RSA_PKCS1_PSS_PADDING, saltLength: algorithm.saltLength,
      }];
    case 'RSASSA-PKCS1-v1_5':
      return [hashName(key[kAlgorithm].hash), keyObject];
    default:
      return [null, keyObject];
  }
}

// Ed448's context string: Node signs with an empty one only.
function checkContext(algorithm) {
  if (algorithm.name === 'Ed448' && algorithm.context !== undefined && algorithm.context.byteLength) {
    throw domError('Non zero-length context is not yet supported', 'NotSupportedError');
  }
}

function sign(algorithm, key, data) {
  checkContext(algorithm);
  const bytes = bytesOf(data);
  if (algorithm.name === 'HMAC') {
    const h = new Hmac(hashName(key[kAlgorithm].hash), key[kKeyObject].export());
    return toArrayBuffer(h.update(bytes).digest());
  }
  const [hash, options] = signOptions(algorithm, key);
  try {
    return toArrayBuffer(sig.sign(hash, bytes, options));
  } catch {
    throw opFailed();
  }
}

function verify(algorithm, key, signature, data) {
  checkContext(algorithm);
  const bytes = bytesOf(data);
  const given = bytesOf(signature);
  if (algorithm.name === 'HMAC') {
    const h = new Hmac(hashName(key[kAlgorithm].hash), key[kKeyObject].export());
    const mac = h.update(bytes).digest();
    return mac.length === given.length && binding.timingSafeEqual(mac, given);
  }
  const [hash, options] = signOptions(algorithm, key);
  try {
    return sig.verify(hash, bytes, options, given);
  } catch {
    return false;
  }
}

// The first `length` bits of `bytes` (length null: all).
function truncated(bytes, length) {
  if (length === null || length === undefined) return toArrayBuffer(bytes);
  if (length > bytes.length * 8) throw domError('derived bit length is too small', 'OperationError');
  // A partial last byte is kept whole, as Node gives it.
  return toArrayBuffer(bytes.subarray(0, MathCeil(length / 8)));
}

async function deriveBits(algorithm, key, length) {
  const { name } = algorithm;
  if (name === 'HKDF' || name === 'PBKDF2') {
    if (length === null || length === undefined) throw domError('length cannot be null', 'OperationError');
    if (length === 0) throw domError('length cannot be zero', 'OperationError');
    if (length % 8) throw domError('length must be a multiple of 8', 'OperationError');
  }
  const secret = name === 'HKDF' || name === 'PBKDF2' ? key[kKeyObject].export() : undefined;
  if (name === 'HKDF') {
    try {
      const out = hkdfSync(hashName(algorithm.hash), secret, algorithm.salt, algorithm.info, length / 8);
      return toArrayBuffer(new Uint8Array(out));
    } catch {
      throw opFailed();
    }
  }
  if (name === 'PBKDF2') {
    if (algorithm.iterations === 0) throw domError('iterations cannot be zero', 'OperationError');
    return new Promise((resolve, reject) => {
      pbkdf2(secret, algorithm.salt, algorithm.iterations, length / 8, hashName(algorithm.hash),
             (err, bits) => (err ? reject(opFailed()) : resolve(toArrayBuffer(bits))));
    });
  }
  // ECDH, X25519, X448: the peer's public key of the same algorithm.
  const peer = algorithm.public;
  if (!isCryptoKey(peer)) {
    const err = new TypeError('algorithm.public must be an instance of CryptoKey');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  if (peer.type !== 'public') {
    throw domError('algorithm.public must be a public key', 'InvalidAccessError');
  }
  const peerName = peer[kAlgorithm].name;
  if (peerName !== 'ECDH' && peerName !== 'X25519' && peerName !== 'X448') {
    throw domError('Keys must be ECDH, X25519, or X448 keys', 'InvalidAccessError');
  }
  if (peerName !== key[kAlgorithm].name) {
    throw domError('The public and private keys must be of the same type', 'InvalidAccessError');
  }
  if (name === 'ECDH' && peer[kAlgorithm].namedCurve !== key[kAlgorithm].namedCurve) {
    throw domError('Named curve mismatch', 'InvalidAccessError');
  }
  let bits;
  try {
    bits = sig.diffieHellman({ privateKey: key[kKeyObject], publicKey: peer[kKeyObject] });
  } catch {
    throw opFailed();
  }
  return truncated(bits, length);
}

function digest(algorithm, data) {
  return toArrayBuffer(new Hash(hashName(algorithm)).update(bytesOf(data)).digest());
}

module.exports = { cipher, deriveBits, digest, sign, verify };
