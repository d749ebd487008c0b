'use strict';
// crypto.Cipheriv / Decipheriv (createCipheriv, createDecipheriv), the
// deprecated password forms Cipher / Decipher (createCipher, createDecipher) and
// getCipherInfo: OpenSSL cipher contexts (internalBinding 'crypto') fed with
// update()/final() or used as Transform streams. The native context is freed by
// final() or, for a dropped object, by a FinalizationRegistry.

const binding = internalBinding('crypto');
const {
  ERR_CRYPTO_INVALID_AUTH_TAG,
  ERR_CRYPTO_INVALID_IV,
  ERR_CRYPTO_INVALID_KEYLEN,
  ERR_CRYPTO_INVALID_STATE,
  ERR_CRYPTO_UNKNOWN_CIPHER,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = require('internal/crypto/errors');
const { validateInt32, validateObject, validateString } = require('internal/validators');
const { asBuffer, byteSource, toBytes } = require('internal/crypto/util');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { Buffer } = require('buffer');
const LazyTransform = require('internal/streams/lazy_transform');
const { StringDecoder } = require('string_decoder');
const {
  Error,
  FunctionPrototypeCall,
  NumberIsInteger,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  SafeFinalizationRegistry,
  Symbol,
  TypeError,
} = primordials;

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');

const unfinished = new SafeFinalizationRegistry((id) => binding.cipherFree(id));

// A secret key: bytes in `encoding`, or a secret KeyObject's bytes.
function secretKey(key, encoding) {
  if (key !== null && typeof key === 'object' && key.type === 'secret' &&
      typeof key.export === 'function') {
    return key.export();
  }
  if (typeof key === 'string' || isArrayBufferView(key) ||
      isAnyArrayBuffer(key)) {
    return byteSource(key, 'key', encoding);
  }
  throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray',
                                         'DataView', 'KeyObject', 'CryptoKey'], key);
}

function authTagLength(options) {
  const value = options?.authTagLength;
  if (value === undefined) return -1;
  if (typeof value !== 'number' || !NumberIsInteger(value) || value < 0 || value > 2 ** 31 - 1) {
    throw new ERR_INVALID_ARG_VALUE('options.authTagLength', value);
  }
  return value;
}

function makeCipher(self, cipher, key, iv, options, encrypt) {
  validateString(cipher, 'cipher');
  const keyBytes = secretKey(key, options?.encoding);
  const ivBytes = iv === null ? null : byteSource(iv, 'iv');
  const tagLength = authTagLength(options);
  const id = binding.cipherNew(cipher, keyBytes, ivBytes, encrypt, tagLength);
  switch (id) {
    case -1: throw new ERR_CRYPTO_UNKNOWN_CIPHER();
    case -2: throw new ERR_CRYPTO_INVALID_KEYLEN();
    case -3: throw new ERR_CRYPTO_INVALID_IV();
    case -4: throw new ERR_CRYPTO_INVALID_AUTH_TAG(`authTagLength required for ${cipher}`);
    case -5: throw new ERR_CRYPTO_INVALID_AUTH_TAG(`Invalid authentication tag length: ${tagLength}`);
  }
  self[kHandle] = id;
  // finished: final() ran; tagSet: a decipher's tag was given.
  self[kState] = { __proto__: null, finished: false, tagSet: false, tagLength };
  unfinished.register(self, id, self);
  self._decoder = null;
  FunctionPrototypeCall(LazyTransform, self, options);
}

function decoderFor(self, encoding) {
  if (self._decoder === null || self._decoder.encoding !== encoding) {
    self._decoder = new StringDecoder(encoding);
  }
  return self._decoder;
}

function update(data, inputEncoding, outputEncoding) {
  if (typeof data === 'string') {
    // An encoding Buffer does not know reads as utf8, as in Node.
    data = toBytes(data, Buffer.isEncoding(inputEncoding) ? inputEncoding : 'utf8', 'data');
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  // OpenSSL counts in ints: input that could overflow one is refused, as in Node.
  if (this[kState].finished || data.byteLength > 2 ** 31 - 1 - 32) {
    throw new Error('Trying to add data in unsupported state');
  }
  const out = asBuffer(binding.cipherUpdate(this[kHandle], data));
  if (outputEncoding && outputEncoding !== 'buffer') {
    return decoderFor(this, outputEncoding).write(out);
  }
  return out;
}

function final(outputEncoding) {
  const state = this[kState];
  if (state.finished) {
    const err = new Error('Invalid state');
    err.code = 'ERR_CRYPTO_INVALID_STATE';
    throw err;
  }
  state.finished = true;
  let out;
  try {
    out = asBuffer(binding.cipherFinal(this[kHandle]));
  } finally {
    // An encrypting AEAD's tag is read after final(): keep its context until then.
    if (!this.getAuthTag) this.destroyHandle();
  }
  if (outputEncoding && outputEncoding !== 'buffer') {
    return decoderFor(this, outputEncoding).end(out);
  }
  return out;
}

function destroyHandle() {
  if (this[kHandle] !== -1) {
    unfinished.unregister(this);
    binding.cipherFree(this[kHandle]);
    this[kHandle] = -1;
  }
}

function setAutoPadding(ap) {
  if (this[kState].finished) throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  binding.cipherSetPadding(this[kHandle], ap === undefined ? true : !!ap);
  return this;
}

function setAAD(aadbuf, options) {
  const buf = byteSource(aadbuf, 'buffer', options?.encoding);
  const plaintextLength = options?.plaintextLength;
  if (plaintextLength !== undefined) validateInt32(plaintextLength, 'options.plaintextLength', 0);
  const verdict = this[kState].finished ? 1 :
    binding.cipherSetAAD(this[kHandle], buf, plaintextLength === undefined ? -1 : plaintextLength);
  if (verdict !== 0) {
    if (verdict === 2) {
      const err = new TypeError('options.plaintextLength required for CCM mode with AAD');
      err.code = 'ERR_MISSING_ARGS';
      throw err;
    }
    throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  }
  return this;
}

function _transform(chunk, encoding, callback) {
  this.push(this.update(chunk, encoding));
  callback();
}

function _flush(callback) {
  try {
    this.push(this.final());
  } catch (err) {
    callback(err);
    return;
  }
  callback();
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  makeCipher(this, cipher, key, iv, options, true);
}

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  makeCipher(this, cipher, key, iv, options, false);
}

// The deprecated password forms (DEP0106): key and IV come from the password by
// OpenSSL's EVP_BytesToKey (MD5, no salt, one round), as in Node.
function withPassword(self, cipher, password, options, encrypt) {
  validateString(cipher, 'cipher');
  const derived = binding.cipherBytesToKey(cipher, byteSource(password, 'password', options?.encoding));
  if (derived === undefined) throw new ERR_CRYPTO_UNKNOWN_CIPHER();
  const mode = derived[2];
  if (encrypt && (mode === 'ctr' || mode === 'gcm' || mode === 'ccm' || mode === 'ocb')) {
    process.emitWarning(`Use Cipheriv for counter mode of ${cipher}`);
  }
  makeCipher(self, cipher, derived[0], derived[1], options, encrypt);
}

function Cipher(cipher, password, options) {
  if (!(this instanceof Cipher)) return new Cipher(cipher, password, options);
  withPassword(this, cipher, password, options, true);
}

function Decipher(cipher, password, options) {
  if (!(this instanceof Decipher)) return new Decipher(cipher, password, options);
  withPassword(this, cipher, password, options, false);
}

let warnedPassword = false;
function warnPassword(name) {
  if (warnedPassword) return;
  warnedPassword = true;
  process.emitWarning(`crypto.${name} is deprecated.`, 'DeprecationWarning', 'DEP0106');
}

function createCipher(cipher, password, options) {
  warnPassword('createCipher');
  return new Cipher(cipher, password, options);
}

function createDecipher(cipher, password, options) {
  warnPassword('createDecipher');
  return new Decipher(cipher, password, options);
}

for (const Ctor of [Cipheriv, Decipheriv, Cipher, Decipher]) {
  ObjectSetPrototypeOf(Ctor.prototype, LazyTransform.prototype);
  ObjectSetPrototypeOf(Ctor, LazyTransform);
  Ctor.prototype._transform = _transform;
  Ctor.prototype._flush = _flush;
  Ctor.prototype.update = update;
  Ctor.prototype.final = final;
  Ctor.prototype.setAutoPadding = setAutoPadding;
  Ctor.prototype.setAAD = setAAD;
}
// Not enumerable: a helper, not part of Node's API.
ObjectDefineProperty(Cipheriv.prototype, 'destroyHandle', { __proto__: null, value: destroyHandle });
ObjectDefineProperty(Decipheriv.prototype, 'destroyHandle', { __proto__: null, value: destroyHandle });
ObjectDefineProperty(Cipher.prototype, 'destroyHandle', { __proto__: null, value: destroyHandle });
ObjectDefineProperty(Decipher.prototype, 'destroyHandle', { __proto__: null, value: destroyHandle });

Cipher.prototype.getAuthTag = Cipheriv.prototype.getAuthTag = function getAuthTag() {
  const state = this[kState];
  if (state.tag !== undefined) return state.tag;
  if (!state.finished || this[kHandle] === -1) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  const tag = binding.cipherGetAuthTag(this[kHandle]);
  this.destroyHandle();
  if (tag === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  state.tag = asBuffer(tag);
  return state.tag;
};

Decipher.prototype.setAuthTag = Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
  const tag = byteSource(tagbuf, 'buffer', encoding);
  const state = this[kState];
  if (state.finished || state.tagSet) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  if ((state.tagLength !== -1 && tag.byteLength !== state.tagLength) ||
      !binding.cipherSetAuthTag(this[kHandle], tag)) {
    throw new ERR_CRYPTO_INVALID_AUTH_TAG(`Invalid authentication tag length: ${tag.byteLength}`);
  }
  state.tagSet = true;
  return this;
};

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

// IV lengths an authenticated mode accepts (others: exactly the cipher's).
const ivRange = { __proto__: null, gcm: [1, 2 ** 31 - 1], ccm: [7, 13], ocb: [1, 15] };

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (options !== undefined) validateObject(options, 'options');
  const info = binding.cipherInfo(`${nameOrNid}`);
  if (info === undefined) return undefined;
  const [name, nid, keyLength, defaultIvLength, blockSize, mode] = info;
  let ivLength = defaultIvLength;
  if (options?.keyLength !== undefined) {
    validateInt32(options.keyLength, 'options.keyLength');
    if (options.keyLength !== keyLength) return undefined;
  }
  if (options?.ivLength !== undefined) {
    validateInt32(options.ivLength, 'options.ivLength');
    const range = name === 'chacha20-poly1305' ? [1, 12] : ivRange[mode];
    const ok = range ? options.ivLength >= range[0] && options.ivLength <= range[1] :
      options.ivLength === defaultIvLength;
    if (!ok) return undefined;
    ivLength = options.ivLength;
  }
  const result = { mode, name, nid };
  if (mode !== 'stream') result.blockSize = blockSize;
  if (ivLength !== 0) result.ivLength = ivLength;
  result.keyLength = keyLength;
  return result;
}

module.exports = {
  Cipheriv, Decipheriv, createCipheriv, createDecipheriv, getCipherInfo,
  Cipher, Decipher, createCipher, createDecipher,
};
