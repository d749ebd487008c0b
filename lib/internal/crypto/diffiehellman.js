'use strict';
// crypto.createECDH / ECDH: elliptic-curve Diffie-Hellman with raw keys (a
// private scalar and an encoded public point), as Node's ECDH class hands them out;
// createDiffieHellman / getDiffieHellman (DiffieHellman, DiffieHellmanGroup):
// classic Diffie-Hellman over a prime, its state (prime, generator, keys) kept
// here as bytes.

const binding = internalBinding('crypto');
const {
  ERR_CRYPTO_ECDH_INVALID_FORMAT,
  ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
  ERR_CRYPTO_INVALID_CURVE,
  ERR_CRYPTO_INVALID_KEYTYPE,
  ERR_CRYPTO_UNKNOWN_DH_GROUP,
  ERR_INVALID_ARG_TYPE,
} = require('internal/crypto/errors');
const { validateInt32, validateString } = require('internal/validators');
const { asBuffer, byteSource } = require('internal/crypto/util');
const { Buffer } = require('buffer');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  Error,
  ObjectDefineProperty,
  RangeError,
  Symbol,
  TypeError,
} = primordials;

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
  // publicKey: a point set with setPublicKey (uncompressed), which may not be
  // the private key's; undefined means the private key's own.
  this[kState] = { __proto__: null, curve, privateKey: undefined, publicKey: undefined };
}

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  this[kState].privateKey = asBuffer(binding.ecdhGenerate(this[kState].curve));
  this[kState].publicKey = undefined;
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const f = formatOf(format);
  const { curve, privateKey, publicKey } = this[kState];
  if (publicKey !== undefined) {
    return encode(asBuffer(binding.ecdhConvert(curve, publicKey, f)), encoding);
  }
  if (privateKey === undefined) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH public key');
  return encode(asBuffer(binding.ecdhPublic(curve, privateKey, f)), encoding);
};

ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
  const point = byteSource(key, 'key', encoding);
  const out = binding.ecdhConvert(this[kState].curve, point, 0);
  if (out === undefined) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  this[kState].publicKey = asBuffer(out);
  return this;
};

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  const { privateKey } = this[kState];
  if (privateKey === undefined) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH private key');
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
  this[kState].publicKey = undefined;
  return this;
};

ECDH.prototype.computeSecret = function computeSecret(key, inputEncoding, outputEncoding) {
  const peer = byteSource(key, 'key', inputEncoding);
  const { curve, privateKey, publicKey } = this[kState];
  if (privateKey === undefined ||
      (publicKey !== undefined &&
       !asBuffer(binding.ecdhPublic(curve, privateKey, 0)).equals(publicKey))) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair');
  }
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
  if (out === undefined) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  return encode(asBuffer(out), outputEncoding);
};

function createECDH(curve) {
  return new ECDH(curve);
}

// Errors Node raises from its native side: a plain Error of the kind, with a code
// and that side's own message.
function nativeError(Kind, code, message) {
  const err = new Kind(message);
  err.code = code;
  return err;
}

const kSources = ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

// A prime or generator given as a string (in `encoding`, utf8 for none or
// 'buffer') or bytes, as a Buffer.
function sourceBytes(value, encoding) {
  if (typeof value === 'string') {
    return Buffer.from(value, encoding === 'buffer' ? undefined : encoding);
  }
  if (isAnyArrayBuffer(value)) return Buffer.from(value);
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

// A number's big-endian bytes (a negative one is no generator: [0] makes the
// native check report OpenSSL's bad generator).
function numberBytes(n) {
  if (n < 2) return Buffer.from([n === 1 ? 1 : 0]);
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex');
}

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  }
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' &&
      !isArrayBufferView(sizeOrKey) && !isAnyArrayBuffer(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE('sizeOrKey', kSources, sizeOrKey);
  }
  // An encoding that is none is the generator (and the next one its encoding).
  if (keyEncoding && !Buffer.isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
  if (generator === undefined) {
    generator = 2;
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
    // Through history, a numeric generator of 0 means the default, 2.
    if (generator === 0) generator = 2;
  } else if (typeof generator === 'string' || isArrayBufferView(generator) ||
             isAnyArrayBuffer(generator)) {
    generator = sourceBytes(generator, genEncoding);
  } else {
    throw new ERR_INVALID_ARG_TYPE('generator', kSources, generator);
  }
  let prime;
  if (typeof sizeOrKey === 'number') {
    // Node 20 generates for a numeric generator only; given bytes, it fails.
    if (typeof generator !== 'number') throw nativeError(Error, undefined, 'Initialization failed');
    prime = asBuffer(binding.dhGenerateParams(sizeOrKey, generator));
  } else {
    prime = sourceBytes(sizeOrKey, keyEncoding);
  }
  init(this, prime, typeof generator === 'number' ? numberBytes(generator) : generator);
}

function init(dh, prime, generator) {
  const verifyError = binding.dhCheck(prime, generator);
  dh[kState] = { __proto__: null, prime, generator, privateKey: undefined, publicKey: undefined };
  ObjectDefineProperty(dh, 'verifyError', {
    __proto__: null, value: verifyError, writable: false, enumerable: true, configurable: false,
  });
}

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  if (typeof name !== 'string') {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Group name must be a string');
  }
  const prime = binding.dhGroupPrime(name);
  if (prime === undefined) throw new ERR_CRYPTO_UNKNOWN_DH_GROUP();
  init(this, asBuffer(prime), Buffer.from([2]));
}

function dhGenerateKeys(encoding) {
  const state = this[kState];
  const [privateKey, publicKey] = binding.dhGenerateKeys(state.prime, state.generator,
                                                         state.privateKey);
  state.privateKey = asBuffer(privateKey);
  state.publicKey = asBuffer(publicKey);
  return encode(state.publicKey, encoding);
}

function dhComputeSecret(key, inEnc, outEnc) {
  const state = this[kState];
  const peer = byteSource(key, 'key', inEnc === 'buffer' ? undefined : inEnc);
  const out = binding.dhComputeSecret(state.prime, state.generator, state.privateKey, peer);
  if (typeof out === 'number') {
    if (out === 1) throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too small');
    if (out === 2) throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too large');
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Invalid key type');
  }
  return encode(asBuffer(out), outEnc);
}

function dhGetPrime(encoding) {
  return encode(this[kState].prime, encoding);
}

function dhGetGenerator(encoding) {
  return encode(this[kState].generator, encoding);
}

function dhGetPublicKey(encoding) {
  const key = this[kState].publicKey;
  if (key === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'No public key - did you forget to generate one?');
  }
  return encode(key, encoding);
}

function dhGetPrivateKey(encoding) {
  const key = this[kState].privateKey;
  if (key === undefined) {
    throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'No private key - did you forget to generate one?');
  }
  return encode(key, encoding);
}

// Keys are held as OpenSSL hands numbers back: without leading zero bytes.
function trimmed(bytes) {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return Buffer.from(bytes.subarray(start));
}

// What a group's object shares with one made from a prime (a group's keys can
// only be generated, not set).
const sharedBy = [DiffieHellman.prototype, DiffieHellmanGroup.prototype];
for (let i = 0; i < sharedBy.length; i++) {
  const proto = sharedBy[i];
  proto.generateKeys = dhGenerateKeys;
  proto.computeSecret = dhComputeSecret;
  proto.getPrime = dhGetPrime;
  proto.getGenerator = dhGetGenerator;
  proto.getPublicKey = dhGetPublicKey;
  proto.getPrivateKey = dhGetPrivateKey;
}
DiffieHellman.prototype.setPublicKey = function setPublicKey(key, encoding) {
  this[kState].publicKey = trimmed(byteSource(key, 'key', encoding === 'buffer' ? undefined : encoding));
  return this;
};
DiffieHellman.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  this[kState].privateKey = trimmed(byteSource(key, 'key', encoding === 'buffer' ? undefined : encoding));
  return this;
};

function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}

function createDiffieHellmanGroup(name) {
  return new DiffieHellmanGroup(name);
}

module.exports = {
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  createDiffieHellman,
  createDiffieHellmanGroup,
  createECDH,
};
