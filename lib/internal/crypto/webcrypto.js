'use strict';
// The Web Crypto objects: globalThis.crypto and require('crypto').webcrypto (a
// Crypto with getRandomValues, randomUUID and subtle), and SubtleCrypto, whose
// methods check their arguments as WebIDL does (Node's messages), then run on
// webcrypto_keys.js (CryptoKey, import / export / generate) and webcrypto_ops.js
// (the operations). Every method returns a promise; bad input rejects it.

const { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS } = require('internal/errors').codes;
const random = require('internal/crypto/random');
const keys = require('internal/crypto/webcrypto_keys');
const ops = require('internal/crypto/webcrypto_ops');
const { Buffer } = require('buffer');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  JSONStringify,
  ObjectDefineProperty,
  Symbol,
  SymbolToStringTag,
} = primordials;

const { domError, idlError, isCryptoKey, kAlgorithm, kUsages, normalizeAlgorithm } = keys;

const kToken = Symbol('kToken');
// Brand checks (a private field, so an object made with Reflect.construct fails).
let isSubtle;
let isCrypto;
const kOrdinals = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];

function prefix(method) {
  return `Failed to execute '${method}' on 'SubtleCrypto': `;
}

function checkThis(self) {
  if (!isSubtle(self)) throw new ERR_INVALID_THIS('SubtleCrypto');
}

function checkCount(method, count, required) {
  if (count < required) {
    throw idlError('ERR_MISSING_ARGS', `${prefix(method)}${required} arguments required, but only ` +
      `${count} present.`);
  }
}

function bufferSource(method, index, value) {
  if (!isArrayBufferView(value) && !isAnyArrayBuffer(value)) {
    throw idlError('ERR_INVALID_ARG_TYPE', `${prefix(method)}${kOrdinals[index]} argument is not ` +
      'instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
  }
  return value;
}

function cryptoKey(method, index, value) {
  if (!isCryptoKey(value)) {
    throw idlError('ERR_INVALID_ARG_TYPE', `${prefix(method)}${kOrdinals[index]} argument is not ` +
      'of type CryptoKey.');
  }
  return value;
}

function keyFormat(method, index, value) {
  const format = `${value}`;
  if (format !== 'raw' && format !== 'pkcs8' && format !== 'spki' && format !== 'jwk') {
    throw idlError('ERR_INVALID_ARG_VALUE', `${prefix(method)}${kOrdinals[index]} argument value ` +
      `'${format}' is not a valid enum value of type KeyFormat.`);
  }
  return format;
}

function usageList(method, index, value) {
  if (value === null || typeof value !== 'object' || typeof value[primordials.SymbolIterator] !== 'function') {
    throw idlError('ERR_INVALID_ARG_TYPE', `${prefix(method)}${kOrdinals[index]} argument can not be ` +
      'converted to sequence.');
  }
  const out = [];
  for (const use of value) {
    const name = `${use}`;
    const known = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey'];
    if (!ArrayPrototypeIncludes(known, name)) {
      throw idlError('ERR_INVALID_ARG_VALUE', `${prefix(method)}${kOrdinals[index]} argument value ` +
        `'${name}' is not a valid enum value of type KeyUsage.`);
    }
    out[out.length] = name;
  }
  return out;
}

// The key must be of the algorithm and allow the usage.
function checkKey(algorithm, key, usage) {
  const used = ArrayPrototypeIncludes(key[kUsages], usage);
  const same = algorithm.name === key[kAlgorithm].name;
  if (usage === 'deriveBits' || usage === 'deriveKey') {
    if (!used) throw domError(`baseKey does not have ${usage} usage`, 'InvalidAccessError');
    if (!same) throw domError('Key algorithm mismatch', 'InvalidAccessError');
  } else if (!used || !same) {
    throw domError(usage === 'sign' || usage === 'verify' ? `Unable to use this key to ${usage}` :
      'The requested operation is not valid for the provided key', 'InvalidAccessError');
  }
}

// How many bits deriveKey asks for, for the key it makes.
function keyLength(algorithm) {
  const { name } = algorithm;
  if (name === 'HKDF' || name === 'PBKDF2') return null;
  if (name === 'HMAC') {
    if (algorithm.length !== undefined) return algorithm.length;
    const h = algorithm.hash.name;
    return h === 'SHA-384' || h === 'SHA-512' ? 1024 : 512;
  }
  if (algorithm.length !== 128 && algorithm.length !== 192 && algorithm.length !== 256) {
    throw domError('AES key length must be 128, 192, or 256 bits', 'OperationError');
  }
  return algorithm.length;
}

class SubtleCrypto {
  #brand = true;

  constructor(token) {
    if (token !== kToken) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  static {
    isSubtle = (value) => value !== null && typeof value === 'object' && #brand in value;
  }

  async encrypt(algorithm, key, data) {
    checkThis(this);
    checkCount('encrypt', arguments.length, 3);
    algorithm = normalizeAlgorithm(algorithm, 'encrypt');
    cryptoKey('encrypt', 1, key);
    bufferSource('encrypt', 2, data);
    checkKey(algorithm, key, 'encrypt');
    return ops.cipher(true, algorithm, key, data);
  }

  async decrypt(algorithm, key, data) {
    checkThis(this);
    checkCount('decrypt', arguments.length, 3);
    algorithm = normalizeAlgorithm(algorithm, 'decrypt');
    cryptoKey('decrypt', 1, key);
    bufferSource('decrypt', 2, data);
    checkKey(algorithm, key, 'decrypt');
    return ops.cipher(false, algorithm, key, data);
  }

  async sign(algorithm, key, data) {
    checkThis(this);
    checkCount('sign', arguments.length, 3);
    algorithm = normalizeAlgorithm(algorithm, 'sign');
    cryptoKey('sign', 1, key);
    bufferSource('sign', 2, data);
    checkKey(algorithm, key, 'sign');
    return ops.sign(algorithm, key, data);
  }

  async verify(algorithm, key, signature, data) {
    checkThis(this);
    checkCount('verify', arguments.length, 4);
    algorithm = normalizeAlgorithm(algorithm, 'verify');
    cryptoKey('verify', 1, key);
    bufferSource('verify', 2, signature);
    bufferSource('verify', 3, data);
    checkKey(algorithm, key, 'verify');
    return ops.verify(algorithm, key, signature, data);
  }

  async digest(algorithm, data) {
    checkThis(this);
    checkCount('digest', arguments.length, 2);
    algorithm = normalizeAlgorithm(algorithm, 'digest');
    bufferSource('digest', 1, data);
    return ops.digest(algorithm, data);
  }

  async generateKey(algorithm, extractable, keyUsages) {
    checkThis(this);
    checkCount('generateKey', arguments.length, 3);
    algorithm = normalizeAlgorithm(algorithm, 'generateKey');
    return keys.generateKeyImpl(algorithm, !!extractable, usageList('generateKey', 2, keyUsages));
  }

  async deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
    checkThis(this);
    checkCount('deriveKey', arguments.length, 5);
    algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
    cryptoKey('deriveKey', 1, baseKey);
    const derived = normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
    const length = keyLength(normalizeAlgorithm(derivedKeyAlgorithm, 'get key length'));
    const usages = usageList('deriveKey', 4, keyUsages);
    checkKey(algorithm, baseKey, 'deriveKey');
    const bits = await ops.deriveBits(algorithm, baseKey, length);
    return keys.importKeySync('raw', bits, derived, !!extractable, usages);
  }

  async deriveBits(algorithm, baseKey, length) {
    checkThis(this);
    checkCount('deriveBits', arguments.length, 2);
    algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
    cryptoKey('deriveBits', 1, baseKey);
    checkKey(algorithm, baseKey, 'deriveBits');
    return ops.deriveBits(algorithm, baseKey, length === undefined ? null : length);
  }

  async importKey(format, keyData, algorithm, extractable, keyUsages) {
    checkThis(this);
    checkCount('importKey', arguments.length, 5);
    format = keyFormat('importKey', 0, format);
    if (format === 'jwk') {
      if (keyData === null || typeof keyData !== 'object') throw domError('Invalid keyData', 'DataError');
    } else {
      bufferSource('importKey', 1, keyData);
    }
    algorithm = normalizeAlgorithm(algorithm, 'importKey');
    return keys.importKeySync(format, keyData, algorithm, !!extractable,
                              usageList('importKey', 4, keyUsages));
  }

  async exportKey(format, key) {
    checkThis(this);
    checkCount('exportKey', arguments.length, 2);
    format = keyFormat('exportKey', 0, format);
    cryptoKey('exportKey', 1, key);
    return keys.exportKeySync(format, key);
  }

  async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    checkThis(this);
    checkCount('wrapKey', arguments.length, 4);
    format = keyFormat('wrapKey', 0, format);
    cryptoKey('wrapKey', 1, key);
    cryptoKey('wrapKey', 2, wrappingKey);
    wrapAlgorithm = normalizeAlgorithm(wrapAlgorithm, 'wrapKey');
    checkKey(wrapAlgorithm, wrappingKey, 'wrapKey');
    let bytes = keys.exportKeySync(format, key);
    if (format === 'jwk') {
      let text = JSONStringify(bytes);
      // AES-KW wraps whole 8-byte blocks: JSON allows trailing spaces.
      if (wrapAlgorithm.name === 'AES-KW') while (text.length % 8) text += ' ';
      bytes = Buffer.from(text, 'utf8');
    }
    return ops.cipher(true, wrapAlgorithm, wrappingKey, bytes);
  }

  async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm,
                  extractable, keyUsages) {
    checkThis(this);
    checkCount('unwrapKey', arguments.length, 7);
    format = keyFormat('unwrapKey', 0, format);
    bufferSource('unwrapKey', 1, wrappedKey);
    cryptoKey('unwrapKey', 2, unwrappingKey);
    unwrapAlgorithm = normalizeAlgorithm(unwrapAlgorithm, 'unwrapKey');
    const algorithm = normalizeAlgorithm(unwrappedKeyAlgorithm, 'importKey');
    const usages = usageList('unwrapKey', 6, keyUsages);
    checkKey(unwrapAlgorithm, unwrappingKey, 'unwrapKey');
    let keyData = ops.cipher(false, unwrapAlgorithm, unwrappingKey, wrappedKey);
    if (format === 'jwk') keyData = keys.parseJwk(new primordials.Uint8Array(keyData));
    return keys.importKeySync(format, keyData, algorithm, !!extractable, usages);
  }
}
ObjectDefineProperty(SubtleCrypto.prototype, SymbolToStringTag, {
  __proto__: null, value: 'SubtleCrypto', configurable: true,
});

const subtle = new SubtleCrypto(kToken);

class Crypto {
  #brand = true;

  constructor(token) {
    if (token !== kToken) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  static {
    isCrypto = (value) => value !== null && typeof value === 'object' && #brand in value;
  }

  get subtle() {
    if (!isCrypto(this)) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (!isCrypto(this)) throw new ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (!isCrypto(this)) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}
ObjectDefineProperty(Crypto.prototype, SymbolToStringTag, {
  __proto__: null, value: 'Crypto', configurable: true,
});

const crypto = new Crypto(kToken);

module.exports = { Crypto, CryptoKey: keys.CryptoKey, SubtleCrypto, crypto, subtle };
