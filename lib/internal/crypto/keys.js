'use strict';
// KeyObject (SecretKeyObject, PublicKeyObject, PrivateKeyObject) and
// createSecretKey / createPublicKey / createPrivateKey from PEM, DER and JWK, with
// export() in each encoding. An asymmetric key is held as DER (PKCS#8 when
// private, SPKI when public), which internalBinding('crypto') parses for each use.
// A KeyObject is a host object that a MessagePort or structuredClone copies (a JS
// transferable, internal/worker/js_transferable.js): its type and bytes travel.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const {
  ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS,
  ERR_CRYPTO_INVALID_JWK,
  ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
  ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = require('internal/crypto/errors');
const { validateObject, validateOneOf, validateString } = require('internal/validators');
const { asBuffer, byteSource } = require('internal/crypto/util');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { hostThis, kClone, kDeserialize } = require('internal/worker/js_transferable');
const {
  ArrayPrototypeIncludes,
  BigInt,
  ObjectDefineProperty,
  Symbol,
  SymbolToStringTag,
  TypedArrayPrototypeGetLength,
} = primordials;

const kKeyType = Symbol('kKeyType');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kData = Symbol('kData');

const privateTypes = ['pkcs1', 'pkcs8', 'sec1'];
// A public key may be read from a private key's encoding.
const publicTypes = ['pkcs1', 'spki', 'pkcs8', 'sec1'];
const exportPublicTypes = ['pkcs1', 'spki'];
const keyTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'];

class KeyObject {
  constructor(type, data) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    const self = hostThis(new.target);
    self[kKeyType] = type;
    ObjectDefineProperty(self, kData, { __proto__: null, value: data, enumerable: false });
    return self;
  }

  [kClone]() {
    return { data: { type: this[kKeyType], bytes: this[kData] }, deserializeInfo: 'internal/crypto/keys:KeyObject' };
  }

  // A copy received from a port (kClone's data).
  static [kDeserialize]({ type, bytes }) {
    const data = asBuffer(bytes);
    if (type === 'secret') return new SecretKeyObject(data);
    return type === 'private' ? new PrivateKeyObject(data) : new PublicKeyObject(data);
  }

  get type() {
    return this[kKeyType];
  }

  // The KeyObject under a Web Crypto CryptoKey.
  static from(key) {
    const webKeys = require('internal/crypto/webcrypto_keys');
    if (!webKeys.isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return key[webKeys.kKeyObject];
  }

  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    if (otherKeyObject.type !== this.type) return false;
    const a = this[kData];
    const b = otherKeyObject[kData];
    return a.length === b.length && binding.timingSafeEqual(a, b);
  }
}
ObjectDefineProperty(KeyObject.prototype, SymbolToStringTag, {
  __proto__: null, value: 'KeyObject', configurable: true,
});

function base64url(bytes) {
  return asBuffer(bytes).toString('base64url');
}

class SecretKeyObject extends KeyObject {
  constructor(data) {
    super('secret', data);
  }

  get symmetricKeySize() {
    return TypedArrayPrototypeGetLength(this[kData]);
  }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      if (options.format === 'jwk') return { kty: 'oct', k: base64url(this[kData]) };
      if (options.format !== undefined && options.format !== 'buffer') {
        throw new ERR_INVALID_ARG_VALUE('options.format', options.format);
      }
    }
    return Buffer.from(this[kData]);
  }
}

class AsymmetricKeyObject extends KeyObject {
  constructor(type, der) {
    super(type, der);
    this[kAsymmetricKeyType] = binding.keyDetails(der, type === 'private')[0] || undefined;
  }

  get asymmetricKeyType() {
    return this[kAsymmetricKeyType];
  }

  get asymmetricKeyDetails() {
    const [, modulusLength, exponent, namedCurve] = binding.keyDetails(this[kData], this.type === 'private');
    if (modulusLength !== undefined) {
      return { modulusLength, publicExponent: BigInt(`0x${asBuffer(exponent).toString('hex')}`) };
    }
    if (namedCurve !== undefined) return { namedCurve };
    return {};
  }

  export(options) {
    validateObject(options, 'options');
    const isPrivate = this.type === 'private';
    const { format, type, cipher, passphrase } = options;
    if (format === 'jwk') return toJwk(this);
    if (!ArrayPrototypeIncludes(isPrivate ? privateTypes : exportPublicTypes, type)) throw new ERR_INVALID_ARG_VALUE('options.type', type);
    if (type === 'pkcs1' && this.asymmetricKeyType !== 'rsa') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'can only be used for RSA keys');
    }
    if (type === 'sec1' && this.asymmetricKeyType !== 'ec') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'can only be used for EC keys');
    }
    if (format !== 'pem' && format !== 'der') throw new ERR_INVALID_ARG_VALUE('options.format', format);
    let pass = null;
    if (isPrivate && cipher !== undefined) {
      validateString(cipher, 'options.cipher');
      if (format === 'der' && type !== 'pkcs8') {
        throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(`${type} encoding`,
                                                      'does not support encryption');
      }
      if (passphrase === undefined) throw new ERR_INVALID_ARG_VALUE('options.passphrase', passphrase);
      pass = byteSource(passphrase, 'options.passphrase');
    }
    const out = binding.keyExport(this[kData], isPrivate, format, type,
                                  isPrivate && cipher !== undefined ? cipher : '', pass);
    return format === 'pem' ? asBuffer(out).toString('latin1') : asBuffer(out);
  }
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(der) {
    super('public', der);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(der) {
    super('private', der);
  }
}

function toJwk(key) {
  const fields = binding.keyToJwk(key[kData], key.type === 'private');
  const jwk = {};
  for (let i = 0; i < fields.length; i += 2) {
    if (fields[i] === 'error') throw new ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE();
    const value = fields[i + 1];
    jwk[fields[i]] = typeof value === 'string' ? value : base64url(value);
  }
  return jwk;
}

function fromJwk(jwk, wantPrivate) {
  validateObject(jwk, 'key.key');
  const { kty } = jwk;
  const names = kty === 'RSA' ? ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] :
    kty === 'EC' ? ['x', 'y', 'd'] : kty === 'OKP' ? ['x', 'd'] : null;
  if (names === null) validateOneOf(kty, 'key.kty', ['RSA', 'EC', 'OKP']);
  if (kty !== 'RSA') validateString(jwk.crv, 'key.crv');
  const parts = { __proto__: null };
  for (let i = 0; i < names.length; i++) {
    const value = jwk[names[i]];
    if (value === undefined || (names[i] === 'd' && !wantPrivate)) continue;
    if (typeof value !== 'string') throw new ERR_CRYPTO_INVALID_JWK();
    parts[names[i]] = Buffer.from(value, 'base64url');
  }
  if (wantPrivate && parts.d === undefined) throw new ERR_CRYPTO_INVALID_JWK();
  return binding.keyFromJwk(kty, jwk.crv || '', parts);
}

// [isPrivate, der] of what createPublicKey / createPrivateKey (or a function taking
// a key) was given: PEM text or bytes, {key, format, type, passphrase, encoding},
// JWK, or a KeyObject.
function parseKey(key, wantPrivate) {
  if (key instanceof KeyObject) {
    if (key.type === 'secret' || (wantPrivate && key.type !== 'private')) {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, wantPrivate ? 'private' : 'public');
    }
    return [key.type === 'private', key[kData]];
  }
  let data = key;
  let format = 'pem';
  let type;
  let passphrase = null;
  let encoding;
  if (typeof key === 'object' && key !== null && !isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
    data = key.key;
    if (data instanceof KeyObject) return parseKey(data, wantPrivate);
    if (key.format !== undefined) format = key.format;
    type = key.type;
    encoding = key.encoding;
    if (key.passphrase !== undefined) passphrase = byteSource(key.passphrase, 'key.passphrase');
    if (format === 'jwk') return fromJwk(data, wantPrivate);
    if (format !== 'pem' && format !== 'der') throw new ERR_INVALID_ARG_VALUE('key.format', format);
  }
  if (typeof data !== 'string' && !isArrayBufferView(data) && !isAnyArrayBuffer(data)) {
    throw new ERR_INVALID_ARG_TYPE(data === key ? 'key' : 'key.key', keyTypes, data);
  }
  const bytes = byteSource(data, 'key', encoding);
  if (format === 'der') {
    const ok = wantPrivate ? privateTypes : publicTypes;
    if (!ArrayPrototypeIncludes(ok, type)) throw new ERR_INVALID_ARG_VALUE('options.type', type);
  }
  return binding.keyParse(bytes, format, type || '', wantPrivate, passphrase);
}

function makeKey([isPrivate, der]) {
  return isPrivate ? new PrivateKeyObject(der) : new PublicKeyObject(der);
}

function createSecretKey(key, encoding) {
  if (typeof key !== 'string' && !isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  }
  return new SecretKeyObject(Buffer.from(byteSource(key, 'key', encoding)));
}

function createPublicKey(key) {
  const [isPrivate, der] = parseKey(key, false);
  if (!isPrivate) return new PublicKeyObject(der);
  return new PublicKeyObject(asBuffer(binding.keyExport(der, true, 'der', 'spki', '', null)));
}

function createPrivateKey(key) {
  return makeKey(parseKey(key, true));
}

// The DER of a key object (for the other crypto files).
function keyData(key) {
  return key[kData];
}

module.exports = {
  KeyObject, SecretKeyObject, PublicKeyObject, PrivateKeyObject,
  createSecretKey, createPublicKey, createPrivateKey, parseKey, makeKey, keyData,
};
