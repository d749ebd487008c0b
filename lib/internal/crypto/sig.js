'use strict';
// Signatures and other uses of asymmetric keys: crypto.sign / verify, Sign and
// Verify (createSign / createVerify, writable streams), publicEncrypt /
// privateDecrypt / privateEncrypt / publicDecrypt, and diffieHellman.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { Writable } = require('stream');
const {
  ERR_CRYPTO_INCOMPATIBLE_KEY,
  ERR_CRYPTO_SIGN_KEY_REQUIRED,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = require('internal/crypto/errors');
const { validateFunction, validateObject, validateString } = require('internal/validators');
const { asBuffer, byteSource, toBytes } = require('internal/crypto/util');
const { KeyObject, keyData, parseKey } = require('internal/crypto/keys');
const { isArrayBufferView } = require('internal/util/types');
const {
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectSetPrototypeOf,
  Symbol,
  TypeError,
} = primordials;

const constants = {
  __proto__: null,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
};

function invalidDigest() {
  const err = new TypeError('Invalid digest');
  err.code = 'ERR_CRYPTO_INVALID_DIGEST';
  return err;
}

// The signing options a key argument may carry.
function sigOptions(key) {
  const o = key !== null && typeof key === 'object' && !(key instanceof KeyObject) &&
    !isArrayBufferView(key) ? key : {};
  let padding = -1;
  let saltLength;
  if (o.padding !== undefined) {
    if (typeof o.padding !== 'number') throw new ERR_INVALID_ARG_VALUE('options.padding', o.padding);
    padding = o.padding;
  }
  if (o.saltLength !== undefined) {
    if (typeof o.saltLength !== 'number') throw new ERR_INVALID_ARG_VALUE('options.saltLength', o.saltLength);
    saltLength = o.saltLength;
  }
  let p1363 = 0;
  if (o.dsaEncoding !== undefined && o.dsaEncoding !== 'der') {
    if (o.dsaEncoding !== 'ieee-p1363') throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', o.dsaEncoding);
    p1363 = 1;
  }
  return [padding, saltLength, p1363];
}

function signWith(algorithm, data, key) {
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const [padding, saltLength, p1363] = sigOptions(key);
  const [, der] = parseKey(key, true);
  const out = binding.sign(der, true, algorithm || '', padding, saltLength, p1363, data);
  return asBuffer(out);
}

function verifyWith(algorithm, data, key, signature) {
  const [padding, saltLength, p1363] = sigOptions(key);
  const [isPrivate, der] = parseKey(key, false);
  return binding.verify(der, isPrivate, algorithm || '', padding, saltLength, p1363, data, signature);
}

function checkData(data, name) {
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], data);
  }
}

function checkAlgorithm(algorithm) {
  if (algorithm !== null && algorithm !== undefined) validateString(algorithm, 'algorithm');
}

// The callback forms deliver on a later turn (the work itself is done here).
function deliver(callback, f) {
  let result;
  try {
    result = f();
  } catch (err) {
    process.nextTick(callback, err);
    return;
  }
  process.nextTick(callback, null, result);
}

function sign(algorithm, data, key, callback) {
  checkAlgorithm(algorithm);
  if (callback !== undefined) validateFunction(callback, 'callback');
  checkData(data, 'data');
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  if (callback === undefined) return signWith(algorithm, data, key);
  deliver(callback, () => signWith(algorithm, data, key));
}

function verify(algorithm, data, key, signature, callback) {
  checkAlgorithm(algorithm);
  if (callback !== undefined) validateFunction(callback, 'callback');
  checkData(data, 'data');
  checkData(signature, 'signature');
  if (callback === undefined) return verifyWith(algorithm, data, key, signature);
  deliver(callback, () => verifyWith(algorithm, data, key, signature));
}

const kAlgorithm = Symbol('kAlgorithm');
const kChunks = Symbol('kChunks');

// Sign and Verify collect what is written and sign it in one pass at the end.
function SignBase(self, algorithm, options) {
  validateString(algorithm, 'algorithm');
  if (binding.hashNew(algorithm, undefined) === -1) throw invalidDigest();
  self[kAlgorithm] = algorithm;
  self[kChunks] = [];
  FunctionPrototypeCall(Writable, self, options);
}

function update(data, encoding) {
  ArrayPrototypePush(this[kChunks], Buffer.from(toBytes(data, encoding, 'data')));
  return this;
}

function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  SignBase(this, algorithm, options);
}
ObjectSetPrototypeOf(Sign.prototype, Writable.prototype);
ObjectSetPrototypeOf(Sign, Writable);
Sign.prototype.update = update;
Sign.prototype._write = _write;
Sign.prototype.sign = function sign(privateKey, outputEncoding) {
  if (!privateKey) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const sig = signWith(this[kAlgorithm], Buffer.concat(this[kChunks]), privateKey);
  if (outputEncoding && outputEncoding !== 'buffer') return sig.toString(outputEncoding);
  return sig;
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  SignBase(this, algorithm, options);
}
ObjectSetPrototypeOf(Verify.prototype, Writable.prototype);
ObjectSetPrototypeOf(Verify, Writable);
Verify.prototype.update = update;
Verify.prototype._write = _write;
Verify.prototype.verify = function verify(object, signature, sigEncoding) {
  const sig = byteSource(signature, 'signature', sigEncoding);
  return verifyWith(this[kAlgorithm], Buffer.concat(this[kChunks]), object, sig);
};

function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

// op: 0 publicEncrypt, 1 privateDecrypt, 2 privateEncrypt, 3 publicDecrypt.
function rsaFunction(op, defaultPadding) {
  return function(key, buffer) {
    const o = key !== null && typeof key === 'object' && !(key instanceof KeyObject) &&
      !isArrayBufferView(key) ? key : {};
    const padding = o.padding !== undefined ? o.padding : defaultPadding;
    if (op === 1 && padding === constants.RSA_PKCS1_PADDING) {
      // Node 20 refuses it since the Marvin attack (CVE-2023-46809).
      const err = new TypeError('RSA_PKCS1_PADDING is no longer supported for private decryption,' +
                                ' this can be reverted with --security-revert=CVE-2023-46809');
      err.code = 'ERR_INVALID_ARG_VALUE';
      throw err;
    }
    const oaepHash = o.oaepHash !== undefined ? o.oaepHash : 'sha1';
    if (o.oaepHash !== undefined) validateString(oaepHash, 'key.oaepHash');
    const label = o.oaepLabel !== undefined ? byteSource(o.oaepLabel, 'key.oaepLabel') : null;
    const data = byteSource(buffer, 'buffer', o.encoding);
    const [isPrivate, der] = parseKey(key, op === 1 || op === 2);
    return asBuffer(binding.rsaCrypt(der, isPrivate, op, padding, oaepHash, label, data));
  };
}

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof KeyObject)) {
    throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  }
  if (!(publicKey instanceof KeyObject)) {
    throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  }
  if (privateKey.type !== 'private') {
    throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  }
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  }
  const a = privateKey.asymmetricKeyType;
  const b = publicKey.asymmetricKeyType;
  if (a !== b) throw new ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman', `${a} and ${b}`);
  return asBuffer(binding.deriveShared(keyData(privateKey), true, keyData(publicKey),
                                       publicKey.type === 'private'));
}

module.exports = {
  constants,
  sign,
  verify,
  Sign,
  Verify,
  createSign,
  createVerify,
  publicEncrypt: rsaFunction(0, constants.RSA_PKCS1_OAEP_PADDING),
  privateDecrypt: rsaFunction(1, constants.RSA_PKCS1_OAEP_PADDING),
  privateEncrypt: rsaFunction(2, constants.RSA_PKCS1_PADDING),
  publicDecrypt: rsaFunction(3, constants.RSA_PKCS1_PADDING),
  diffieHellman,
};
