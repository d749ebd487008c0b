'use strict';
// generateKeyPair / generateKeyPairSync for rsa, rsa-pss, ec, ed25519, ed448,
// x25519, x448 and dh, and generateKey / generateKeySync for secret keys. The callback form runs on the work pool. With
// publicKeyEncoding / privateKeyEncoding the keys come out encoded (as export()
// gives them), otherwise as KeyObjects.

const binding = internalBinding('crypto');
const {
  ERR_CRYPTO_INVALID_CURVE,
  ERR_CRYPTO_UNKNOWN_DH_GROUP,
  ERR_INCOMPATIBLE_OPTION_PAIR,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_OPTION,
} = require('internal/crypto/errors');
const {
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateOneOf,
  validateString,
  validateBuffer,
  validateUint32,
} = require('internal/validators');
const { PrivateKeyObject, PublicKeyObject, createSecretKey } = require('internal/crypto/keys');
const { randomBytes } = require('internal/crypto/random');
const { customPromisifyArgs } = require('internal/util/promisify');
const { MathFloor, ObjectDefineProperty } = primordials;

const kinds = {
  __proto__: null, rsa: 1, 'rsa-pss': 1, ec: 1, ed25519: 1, ed448: 1, x25519: 1, x448: 1, dh: 1,
};

// The arguments for the binding after Node's checks, and the encodings wanted.
function parse(type, options) {
  validateString(type, 'type');
  if (!kinds[type]) throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  if (options !== undefined) validateObject(options, 'options');
  const o = options || {};
  let bits = 0;
  let exponent = 65537;
  let curve = '';
  let hash = '';
  let mgf1 = '';
  let salt = -1;
  if (type === 'rsa' || type === 'rsa-pss') {
    validateObject(options, 'options');
    validateUint32(o.modulusLength, 'options.modulusLength');
    bits = o.modulusLength;
    if (o.publicExponent !== undefined) {
      validateUint32(o.publicExponent, 'options.publicExponent');
      exponent = o.publicExponent;
    }
    if (type === 'rsa-pss') {
      const h = o.hashAlgorithm !== undefined ? o.hashAlgorithm : o.hash;
      const m = o.mgf1HashAlgorithm !== undefined ? o.mgf1HashAlgorithm : o.mgf1Hash;
      if (h !== undefined) { validateString(h, 'options.hashAlgorithm'); hash = h; }
      if (m !== undefined) { validateString(m, 'options.mgf1HashAlgorithm'); mgf1 = m; }
      if (o.saltLength !== undefined) { validateInt32(o.saltLength, 'options.saltLength', 0); salt = o.saltLength; }
    }
  } else if (type === 'ec') {
    validateObject(options, 'options');
    validateString(o.namedCurve, 'options.namedCurve');
    if (!binding.curveKnown(o.namedCurve, true)) throw new ERR_CRYPTO_INVALID_CURVE();
    curve = o.namedCurve;
  } else if (type === 'dh') {
    validateObject(options, 'options');
    return dhSpec(o, type);
  }
  const { publicKeyEncoding, privateKeyEncoding } = o;
  if (publicKeyEncoding !== undefined) validateObject(publicKeyEncoding, 'options.publicKeyEncoding');
  if (privateKeyEncoding !== undefined) validateObject(privateKeyEncoding, 'options.privateKeyEncoding');
  return { args: [type, bits, exponent, curve, hash, mgf1, salt], publicKeyEncoding, privateKeyEncoding };
}

// 'dh': a MODP group by name, a prime, or a prime length (with a generator).
function dhSpec(o, type) {
  const { group, generator, prime, primeLength } = o;
  let bits = 0;
  let primeBytes;
  if (group != null) {
    if (prime != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'prime');
    if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'primeLength');
    if (generator != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'generator');
    validateString(group, 'options.group');
    primeBytes = binding.dhGroupPrime(group);
    if (primeBytes === undefined) throw new ERR_CRYPTO_UNKNOWN_DH_GROUP();
  } else if (prime != null) {
    if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('prime', 'primeLength');
    validateBuffer(prime, 'options.prime');
    primeBytes = prime;
  } else if (primeLength != null) {
    validateInt32(primeLength, 'options.primeLength', 0);
    bits = primeLength;
  } else {
    throw new ERR_MISSING_OPTION('At least one of the group, prime, or primeLength options');
  }
  let g = 2;
  if (generator != null) {
    validateInt32(generator, 'options.generator', 0);
    g = generator;
  }
  const { publicKeyEncoding, privateKeyEncoding } = o;
  if (publicKeyEncoding !== undefined) validateObject(publicKeyEncoding, 'options.publicKeyEncoding');
  if (privateKeyEncoding !== undefined) validateObject(privateKeyEncoding, 'options.privateKeyEncoding');
  return {
    args: [type, bits, 65537, '', '', '', -1, primeBytes, g], publicKeyEncoding, privateKeyEncoding,
  };
}

function finish(spec, [privateDer, publicDer]) {
  const privateKey = new PrivateKeyObject(privateDer);
  const publicKey = new PublicKeyObject(publicDer);
  return {
    publicKey: spec.publicKeyEncoding ? publicKey.export(spec.publicKeyEncoding) : publicKey,
    privateKey: spec.privateKeyEncoding ? privateKey.export(spec.privateKeyEncoding) : privateKey,
  };
}

function generateKeyPairSync(type, options) {
  const spec = parse(type, options);
  const a = spec.args;
  return finish(spec, binding.generateKeyPair(undefined, a[0], a[1], a[2], a[3], a[4], a[5], a[6],
                                              a[7], a[8]));
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const spec = parse(type, options);
  const a = spec.args;
  const req = {
    __proto__: null,
    oncomplete(err, pair) {
      if (err) return callback(err);
      let keys;
      try {
        keys = finish(spec, pair);
      } catch (e) {
        return callback(e);
      }
      callback(null, keys.publicKey, keys.privateKey);
    },
  };
  binding.generateKeyPair(req, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
}
// util.promisify(generateKeyPair) resolves to { publicKey, privateKey }.
ObjectDefineProperty(generateKeyPair, customPromisifyArgs, {
  __proto__: null, value: ['publicKey', 'privateKey'], enumerable: false,
});

// generateKey / generateKeySync: a secret key of random bytes ('hmac': any length
// of 8 bits or more, whole bytes; 'aes': 128, 192 or 256 bits).
function secretKeyBytes(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') {
    validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
  } else if (type === 'aes') {
    validateOneOf(length, 'options.length', [128, 192, 256]);
  } else {
    throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  return MathFloor(length / 8);
}

function generateKeySync(type, options) {
  return createSecretKey(randomBytes(secretKeyBytes(type, options)));
}

function generateKey(type, options, callback) {
  const size = secretKeyBytes(type, options);
  validateFunction(callback, 'callback');
  randomBytes(size, (err, bytes) => {
    if (err) return callback(err);
    callback(null, createSecretKey(bytes));
  });
}

module.exports = { generateKey, generateKeySync, generateKeyPair, generateKeyPairSync };
