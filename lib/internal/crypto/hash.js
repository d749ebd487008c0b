'use strict';
// crypto.Hash and crypto.Hmac: digests computed by OpenSSL (internalBinding
// 'crypto'), fed with update() or written to as a stream. The native digest is
// freed when digest() is called, or by a FinalizationRegistry if the object is
// dropped unfinished.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const LazyTransform = require('internal/streams/lazy_transform');
const {
  ERR_CRYPTO_HASH_FINALIZED,
  ERR_CRYPTO_INVALID_DIGEST,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH,
} = require('internal/errors').codes;
const { validateString, validateUint32 } = require('internal/validators');
const { foldNames, toBytes, keyBytes } = require('internal/crypto/util');
const { isArrayBufferView } = require('internal/util/types');
const {
  ArrayPrototypeSlice,
  Error,
  FunctionPrototypeCall,
  ObjectSetPrototypeOf,
  SafeFinalizationRegistry,
  RegExpPrototypeExec,
  Symbol,
  Uint8Array,
} = primordials;

const kId = Symbol('kId');
const kFinalized = Symbol('kFinalized');
const kState = Symbol('kState');

const unfinished = new SafeFinalizationRegistry((id) => binding.digestFree(id));

function track(self, id) {
  self[kId] = id;
  unfinished.register(self, id, self);
}

// The digest's bytes: a Buffer, or a string when an encoding is named (an encoding
// Buffer does not know gives the Buffer, as in Node).
function encodeDigest(bytes, encoding) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (encoding === undefined || encoding === 'buffer' || !Buffer.isEncoding(encoding)) {
    return buf;
  }
  return buf.toString(encoding);
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const copyOf = algorithm instanceof Hash ? algorithm : undefined;
  if (copyOf === undefined) validateString(algorithm, 'algorithm');
  const xofLen = options?.outputLength;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  let id;
  if (copyOf !== undefined) {
    if (copyOf[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
    id = binding.hashCopy(copyOf[kId], xofLen);
  } else {
    id = binding.hashNew(algorithm, xofLen);
    if (id === -1) throw new Error('Digest method not supported');
  }
  this[kState] = { [kFinalized]: false };
  track(this, id);
  FunctionPrototypeCall(LazyTransform, this, options);
  if (xofLen !== undefined && copyOf === undefined) checkXof(this, algorithm, xofLen);
}
ObjectSetPrototypeOf(Hash.prototype, LazyTransform.prototype);
ObjectSetPrototypeOf(Hash, LazyTransform);

// OpenSSL refuses an output length only when the digest is taken; Node refuses it
// at creation for digests that are not extendable (XOF) and whose size differs.
function checkXof(hash, algorithm, xofLen) {
  const probe = binding.hashNew(algorithm, undefined);
  const size = binding.digestFinal(probe).length;
  if (xofLen !== size && RegExpPrototypeExec(/^shake/i, algorithm) === null) {
    binding.digestFree(hash[kId]);
    unfinished.unregister(hash);
    throw new ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH();
  }
}

Hash.prototype.copy = function copy(options) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this, options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(this.digest());
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  binding.digestUpdate(this[kId], toBytes(data, encoding, 'data'));
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  // Any value names an encoding by its string form, as in Node.
  if (outputEncoding !== undefined) outputEncoding = `${outputEncoding}`;
  this[kState][kFinalized] = true;
  unfinished.unregister(this);
  return encodeDigest(binding.digestFinal(this[kId]), outputEncoding);
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const bytes = keyBytes(key, options?.encoding);
  const id = binding.hmacNew(hmac, bytes);
  if (id === -1) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kState] = { [kFinalized]: false };
  track(this, id);
  FunctionPrototypeCall(LazyTransform, this, options);
}
ObjectSetPrototypeOf(Hmac.prototype, LazyTransform.prototype);
ObjectSetPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype._flush = Hash.prototype._flush;

// A second digest() of an Hmac gives an empty result rather than throwing.
Hmac.prototype.digest = function digest(outputEncoding) {
  if (outputEncoding !== undefined) outputEncoding = `${outputEncoding}`;
  if (this[kState][kFinalized]) return encodeDigest(new Uint8Array(0), outputEncoding);
  this[kState][kFinalized] = true;
  unfinished.unregister(this);
  return encodeDigest(binding.digestFinal(this[kId]), outputEncoding);
};

let hashes;
function getHashes() {
  if (hashes === undefined) hashes = foldNames(binding.getHashes());
  return ArrayPrototypeSlice(hashes);
}

// crypto.hash(algorithm, data[, outputEncoding = 'hex']): a one-shot digest.
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isArrayBufferView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  if (outputEncoding !== 'buffer') {
    validateString(outputEncoding, 'outputEncoding');
    if (!Buffer.isEncoding(outputEncoding)) {
      throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
    }
  }
  const id = binding.hashNew(algorithm, undefined);
  if (id === -1) throw new Error(`Digest method ${algorithm} is not supported`);
  binding.digestUpdate(id, typeof input === 'string' ? Buffer.from(input) : input);
  return encodeDigest(binding.digestFinal(id), outputEncoding);
}

module.exports = { Hash, Hmac, getHashes, hash };
