'use strict';
// Web Crypto's keys: CryptoKey (a KeyObject with an algorithm, usages and an
// extractable flag), algorithm normalization, and importKey / exportKey /
// generateKey for every algorithm SubtleCrypto has. The key material lives in a
// KeyObject, so the operations reuse crypto's own native paths.

const {
  KeyObject,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
} = require('internal/crypto/keys');
const { generateKeyPair } = require('internal/crypto/keygen');
const { asymmetricType, checkJwk, jwkAlg, parseJwk } = require('internal/crypto/webcrypto_jwk');
const { randomBytes } = require('internal/crypto/random');
const { Buffer } = require('buffer');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS } = require('internal/errors').codes;
const { hostThis, kClone, kDeserialize } = require('internal/worker/js_transferable');
const {
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectSetPrototypeOf,
  Promise,
  StringPrototypeToUpperCase,
  Symbol,
  SymbolFor,
  SymbolToStringTag,
  TypeError,
  Uint8Array,
} = primordials;

let DOMExceptionCtor;
function domError(message, name) {
  DOMExceptionCtor ??= require('internal/dom_exception').DOMException;
  return new DOMExceptionCtor(message, name);
}

// WebIDL's errors, as Node words them: a TypeError with a code.
function idlError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

const kKeyObject = Symbol('kKeyObject');
const kAlgorithm = Symbol('kAlgorithm');
const kExtractable = Symbol('kExtractable');
const kUsages = Symbol('kUsages');
const kInspect = SymbolFor('nodejs.util.inspect.custom');

class CryptoKey {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get type() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kKeyObject].type;
  }

  get extractable() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kExtractable];
  }

  get algorithm() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kAlgorithm];
  }

  get usages() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return ArrayPrototypeSlice(this[kUsages]);
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `CryptoKey ${inspect({
      type: this.type, extractable: this.extractable, algorithm: this.algorithm, usages: this.usages,
    }, opts)}`;
  }
}
ObjectDefineProperty(CryptoKey.prototype, SymbolToStringTag, {
  __proto__: null, value: 'CryptoKey', configurable: true,
});

// The constructor lib/ uses; instances are CryptoKeys, host objects that a port or
// structuredClone copies (internal/worker/js_transferable.js).
function InternalCryptoKey(keyObject, algorithm, extractable, usages) {
  const self = hostThis(new.target ?? InternalCryptoKey);
  self[kKeyObject] = keyObject;
  self[kAlgorithm] = algorithm;
  self[kExtractable] = extractable;
  self[kUsages] = usages;
  return self;
}
InternalCryptoKey.prototype[kClone] = function() {
  return {
    data: { key: this[kKeyObject][kClone]().data, algorithm: this[kAlgorithm], extractable: this[kExtractable],
            usages: this[kUsages] },
    deserializeInfo: 'internal/crypto/webcrypto_keys:InternalCryptoKey',
  };
};
InternalCryptoKey[kDeserialize] = ({ key, algorithm, extractable, usages }) =>
  new InternalCryptoKey(KeyObject[kDeserialize](key), algorithm, extractable, usages);
ObjectSetPrototypeOf(InternalCryptoKey.prototype, CryptoKey.prototype);
ObjectDefineProperty(InternalCryptoKey.prototype, 'constructor', {
  __proto__: null, value: CryptoKey, writable: true, configurable: true,
});

function isCryptoKey(value) {
  return value !== null && typeof value === 'object' && value[kKeyObject] instanceof KeyObject;
}

// Which algorithm names each operation knows, in their canonical spelling.
const kAes = ['AES-CTR', 'AES-CBC', 'AES-GCM'];
const kSign = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA', 'Ed25519', 'Ed448', 'HMAC'];
const kKeyGen = [...kSign, 'RSA-OAEP', 'ECDH', 'X25519', 'X448', ...kAes, 'AES-KW'];
const kSupported = {
  __proto__: null,
  digest: ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'],
  encrypt: ['RSA-OAEP', ...kAes],
  decrypt: ['RSA-OAEP', ...kAes],
  sign: kSign,
  verify: kSign,
  generateKey: kKeyGen,
  importKey: [...kKeyGen, 'HKDF', 'PBKDF2'],
  exportKey: [...kKeyGen, 'HKDF', 'PBKDF2'],
  deriveBits: ['ECDH', 'X25519', 'X448', 'HKDF', 'PBKDF2'],
  wrapKey: ['RSA-OAEP', ...kAes, 'AES-KW'],
  unwrapKey: ['RSA-OAEP', ...kAes, 'AES-KW'],
  'get key length': [...kAes, 'AES-KW', 'HMAC', 'HKDF', 'PBKDF2'],
};

// The members a parameter dictionary must have: [dictionary name, members].
function required(name, op) {
  if (op === 'encrypt' || op === 'decrypt' || op === 'wrapKey' || op === 'unwrapKey') {
    if (name === 'AES-CBC') return ['AesCbcParams', ['iv']];
    if (name === 'AES-GCM') return ['AesGcmParams', ['iv']];
    if (name === 'AES-CTR') return ['AesCtrParams', ['counter', 'length']];
  } else if (op === 'generateKey') {
    if (name === 'HMAC') return ['HmacKeyGenParams', ['hash']];
    if (name[0] === 'A') return ['AesKeyGenParams', ['length']];
    if (name[0] === 'R') return ['RsaHashedKeyGenParams', ['modulusLength', 'publicExponent', 'hash']];
    if (name === 'ECDSA' || name === 'ECDH') return ['EcKeyGenParams', ['namedCurve']];
  } else if (op === 'importKey') {
    if (name === 'HMAC') return ['HmacImportParams', ['hash']];
    if (name[0] === 'R') return ['RsaHashedImportParams', ['hash']];
    if (name === 'ECDSA' || name === 'ECDH') return ['EcKeyImportParams', ['namedCurve']];
  } else if (op === 'sign' || op === 'verify') {
    if (name === 'ECDSA') return ['EcdsaParams', ['hash']];
    if (name === 'RSA-PSS') return ['RsaPssParams', ['saltLength']];
  } else if (op === 'deriveBits') {
    if (name === 'HKDF') return ['HkdfParams', ['hash', 'salt', 'info']];
    if (name === 'PBKDF2') return ['Pbkdf2Params', ['hash', 'salt', 'iterations']];
    if (name !== 'HKDF') return ['EcdhKeyDeriveParams', ['public']];
  } else if (op === 'get key length') {
    if (name === 'HMAC') return ['HmacImportParams', ['hash']];
    if (name[0] === 'A') return ['AesDerivedKeyParams', ['length']];
  }
  return null;
}

const kBufferMembers = ['iv', 'counter', 'additionalData', 'label', 'salt', 'info', 'publicExponent'];

// A private copy of a BufferSource's bytes.
function copyBytes(value) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(ArrayPrototypeSlice(new Uint8Array(value)));
  return new Uint8Array(ArrayPrototypeSlice(new Uint8Array(value.buffer, value.byteOffset,
                                                            value.byteLength)));
}

// WebCrypto's "normalize an algorithm": a name or dictionary, the name matched
// without regard to case, required members present, buffers copied.
function normalizeAlgorithm(algorithm, op) {
  if (typeof algorithm === 'string' || algorithm === null || typeof algorithm !== 'object') {
    algorithm = { name: `${algorithm}` };
  }
  if (algorithm.name === undefined) {
    throw idlError('ERR_MISSING_OPTION', "Failed to normalize algorithm: 'name' is required in 'Algorithm'.");
  }
  const wanted = StringPrototypeToUpperCase(`${algorithm.name}`);
  const names = kSupported[op];
  let name;
  for (let i = 0; i < names.length; i++) {
    if (StringPrototypeToUpperCase(names[i]) === wanted) name = names[i];
  }
  if (name === undefined) throw domError('Unrecognized algorithm name', 'NotSupportedError');
  const out = { name };
  const keys = ObjectKeys(algorithm);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 'name') out[keys[i]] = algorithm[keys[i]];
  }
  // Members on the prototype count too (a dictionary reads them all).
  const dict = required(name, op);
  if (dict !== null) {
    for (let i = 0; i < dict[1].length; i++) {
      const member = dict[1][i];
      if (algorithm[member] === undefined) {
        throw idlError('ERR_MISSING_OPTION', 'Failed to normalize algorithm: passed algorithm can not ' +
          `be converted to '${dict[0]}' because '${member}' is required in '${dict[0]}'.`);
      }
      out[member] = algorithm[member];
    }
  }
  for (let i = 0; i < kBufferMembers.length; i++) {
    const member = kBufferMembers[i];
    const value = out[member];
    if (value === undefined) continue;
    if (!isArrayBufferView(value) && !isAnyArrayBuffer(value)) {
      throw idlError('ERR_INVALID_ARG_TYPE', `Failed to normalize algorithm: ${member} is not ` +
        'instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
    }
    out[member] = copyBytes(value);
  }
  if (out.hash !== undefined) out.hash = normalizeAlgorithm(out.hash, 'digest');
  return out;
}

// Node's (OpenSSL's) digest name for a Web Crypto hash.
function hashName(hash) {
  switch (hash.name) {
    case 'SHA-1': return 'sha1';
    case 'SHA-256': return 'sha256';
    case 'SHA-384': return 'sha384';
    default: return 'sha512';
  }
}

// The usages each algorithm's keys may have: [secret or private, public].
function allowedUsages(name) {
  switch (name) {
    case 'AES-CTR': case 'AES-CBC': case 'AES-GCM':
      return [['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'], null, 'an AES'];
    case 'AES-KW': return [['wrapKey', 'unwrapKey'], null, 'an AES-KW'];
    case 'HMAC': return [['sign', 'verify'], null, 'an HMAC'];
    case 'HKDF': return [['deriveKey', 'deriveBits'], null, 'a HKDF'];
    case 'PBKDF2': return [['deriveKey', 'deriveBits'], null, 'a PBKDF2'];
    case 'RSA-OAEP': return [['decrypt', 'unwrapKey'], ['encrypt', 'wrapKey'], 'an RSA'];
    case 'ECDH': case 'X25519': case 'X448':
      return [['deriveKey', 'deriveBits'], [], name === 'ECDH' ? 'an ECDH' : `an ${name}`];
    case 'ECDSA': return [['sign'], ['verify'], 'an ECDSA'];
    case 'Ed25519': case 'Ed448': return [['sign'], ['verify'], `an ${name}`];
    default: return [['sign'], ['verify'], 'an RSA'];
  }
}

// The usages given, checked against the algorithm's, without repeats.
function checkUsages(name, usages, type) {
  const [privateUses, publicUses, article] = allowedUsages(name);
  const ok = type === 'public' ? publicUses : privateUses;
  const out = [];
  for (let i = 0; i < usages.length; i++) {
    const use = usages[i];
    if (!ArrayPrototypeIncludes(ok, use)) {
      throw domError(`Unsupported key usage for ${article} key`, 'SyntaxError');
    }
    if (!ArrayPrototypeIncludes(out, use)) ArrayPrototypePush(out, use);
  }
  return out;
}

const kCurves = { __proto__: null, 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };

function keyAlgorithm(algorithm, keyObject, imported) {
  const { name } = algorithm;
  if (name === 'HMAC') {
    const length = keyObject.symmetricKeySize * 8;
    // Node orders the members differently for imported and generated keys.
    return imported ? { name, hash: { name: algorithm.hash.name }, length } :
      { name, length, hash: { name: algorithm.hash.name } };
  }
  if (name[0] === 'A') return { name, length: keyObject.symmetricKeySize * 8 };
  if (name === 'ECDSA' || name === 'ECDH') return { name, namedCurve: algorithm.namedCurve };
  if (name[0] === 'R') {
    const { modulusLength, publicExponent } = keyObject.asymmetricKeyDetails;
    let hex = publicExponent.toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    return {
      name, modulusLength, publicExponent: new Uint8Array(Buffer.from(hex, 'hex')),
      hash: { name: algorithm.hash.name },
    };
  }
  return { name };
}

function makeCryptoKey(keyObject, algorithm, extractable, usages, imported = true) {
  const type = keyObject.type;
  const uses = checkUsages(algorithm.name, usages, type);
  if (uses.length === 0 && type !== 'public') {
    throw domError('Usages cannot be empty when importing a ' + `${type} key.`, 'SyntaxError');
  }
  return new InternalCryptoKey(keyObject, keyAlgorithm(algorithm, keyObject, imported), extractable, uses);
}

function importSecret(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  let bytes;
  if (format === 'raw') {
    bytes = copyBytes(keyData);
  } else if (format === 'jwk' && name !== 'HKDF' && name !== 'PBKDF2') {
    checkJwk(keyData, algorithm, extractable, usages);
    bytes = Buffer.from(`${keyData.k}`, 'base64url');
  } else {
    throw domError(`Unable to import ${name[0] === 'A' ? 'AES' : name} key with format ${format}`,
                   'NotSupportedError');
  }
  if (name[0] === 'A' && bytes.length !== 16 && bytes.length !== 24 && bytes.length !== 32) {
    throw domError('Invalid key length', 'DataError');
  }
  if ((name === 'HKDF' || name === 'PBKDF2') && extractable) {
    throw domError(`${name} keys are not extractable`, 'SyntaxError');
  }
  if (name === 'HMAC') {
    if (bytes.length === 0 || algorithm.length === 0) {
      throw domError('Zero-length key is not supported', 'DataError');
    }
    if (algorithm.length !== undefined && algorithm.length !== bytes.length * 8) {
      throw domError('Invalid key length', 'DataError');
    }
  }
  return makeCryptoKey(createSecretKey(bytes), algorithm, extractable, usages);
}

// A raw public key (an EC point, or an Ed/X curve's bytes) as a KeyObject, by way
// of JWK.
function rawPublicKey(algorithm, bytes) {
  const { name } = algorithm;
  if (name === 'ECDSA' || name === 'ECDH') {
    const curve = kCurves[algorithm.namedCurve];
    const { ECDH } = require('internal/crypto/diffiehellman');
    let point;
    try {
      point = ECDH.convertKey(bytes, curve);
    } catch {
      throw domError('Invalid keyData', 'DataError');
    }
    const size = (point.length - 1) / 2;
    return createPublicKey({ format: 'jwk', key: {
      kty: 'EC', crv: algorithm.namedCurve,
      x: point.subarray(1, 1 + size).toString('base64url'),
      y: point.subarray(1 + size).toString('base64url'),
    } });
  }
  return createPublicKey({ format: 'jwk', key: {
    kty: 'OKP', crv: name, x: Buffer.from(bytes).toString('base64url'),
  } });
}

function importKeySync(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  const type = asymmetricType(name);
  if (type === null) return importSecret(format, keyData, algorithm, extractable, usages);
  if ((name === 'ECDSA' || name === 'ECDH') && kCurves[algorithm.namedCurve] === undefined) {
    throw domError('Unrecognized namedCurve', 'NotSupportedError');
  }
  if (format === 'jwk') checkJwk(keyData, algorithm, extractable, usages);
  let keyObject;
  try {
    if (format === 'spki') {
      keyObject = createPublicKey({ key: Buffer.from(copyBytes(keyData)), format: 'der', type: 'spki' });
    } else if (format === 'pkcs8') {
      keyObject = createPrivateKey({ key: Buffer.from(copyBytes(keyData)), format: 'der', type: 'pkcs8' });
    } else if (format === 'jwk') {
      const make = keyData.d !== undefined ? createPrivateKey : createPublicKey;
      keyObject = make({ key: keyData, format: 'jwk' });
    } else if (format === 'raw' && type !== 'rsa') {
      keyObject = rawPublicKey(algorithm, copyBytes(keyData));
    }
  } catch {
    throw domError('Invalid keyData', 'DataError');
  }
  if (keyObject === undefined) {
    throw domError(`Unable to import ${type === 'rsa' ? 'RSA' : name} key with format ${format}`,
                   'NotSupportedError');
  }
  if (keyObject.asymmetricKeyType !== type) throw domError('Invalid key type', 'DataError');
  if (type === 'ec') {
    const curve = keyObject.asymmetricKeyDetails.namedCurve;
    if (curve !== kCurves[algorithm.namedCurve]) throw domError('Named curve mismatch', 'DataError');
  }
  return makeCryptoKey(keyObject, algorithm, extractable, usages);
}

function exportKeySync(format, key) {
  if (!key[kExtractable]) throw domError('key is not extractable', 'InvalidAccessException');
  const keyObject = key[kKeyObject];
  const algorithm = key[kAlgorithm];
  const { type } = keyObject;
  if (format === 'jwk') {
    let jwk;
    if (type === 'secret') {
      jwk = { kty: 'oct', k: keyObject.export().toString('base64url') };
    } else {
      jwk = keyObject.export({ format: 'jwk' });
    }
    const alg = jwkAlg(algorithm);
    const out = { key_ops: ArrayPrototypeSlice(key[kUsages]), ext: key[kExtractable], ...jwk };
    if (alg !== undefined) out.alg = alg;
    return out;
  }
  let bytes;
  if (format === 'raw') {
    if (type === 'secret' && algorithm.name !== 'HKDF' && algorithm.name !== 'PBKDF2') {
      bytes = keyObject.export();
    } else if (type === 'public' && algorithm.name[0] !== 'R') {
      const jwk = keyObject.export({ format: 'jwk' });
      bytes = jwk.kty === 'EC' ?
        Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]) :
        Buffer.from(jwk.x, 'base64url');
    }
  } else if (format === 'spki' && type === 'public') {
    bytes = keyObject.export({ format: 'der', type: 'spki' });
  } else if (format === 'pkcs8' && type === 'private') {
    bytes = keyObject.export({ format: 'der', type: 'pkcs8' });
  }
  if (bytes === undefined) {
    if (type !== 'secret' && (format === 'raw' || format === 'spki' || format === 'pkcs8')) {
      throw domError(`Unable to export a raw ${algorithm.name} ${type} key`, 'InvalidAccessError');
    }
    throw domError(`Unable to export ${algorithm.name} secret key using ${format} format`,
                   'NotSupportedError');
  }
  const view = new Uint8Array(bytes.length);
  view.set(bytes);
  return view.buffer;
}

// An RSA public exponent's bytes (big-endian) as a number.
function exponentOf(bytes) {
  let e = 0;
  for (let i = 0; i < bytes.length; i++) e = e * 256 + bytes[i];
  return e;
}

async function generateKeyImpl(algorithm, extractable, usages) {
  const { name } = algorithm;
  const type = asymmetricType(name);
  if (type === null) {
    let bytes;
    if (name === 'HMAC') {
      const length = algorithm.length !== undefined ? algorithm.length :
        (algorithm.hash.name === 'SHA-384' || algorithm.hash.name === 'SHA-512' ? 1024 : 512);
      if (length === 0 || length % 8) throw domError('Invalid key length', 'OperationError');
      bytes = randomBytes(length / 8);
    } else {
      const { length } = algorithm;
      if (length !== 128 && length !== 192 && length !== 256) {
        throw domError('AES key length must be 128, 192, or 256 bits', 'OperationError');
      }
      bytes = randomBytes(length / 8);
    }
    if (usages.length === 0) throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
    return makeCryptoKey(createSecretKey(bytes), algorithm, extractable, usages, false);
  }
  const [privateUses, publicUses, article] = allowedUsages(name);
  for (let i = 0; i < usages.length; i++) {
    if (!ArrayPrototypeIncludes(privateUses, usages[i]) && !ArrayPrototypeIncludes(publicUses, usages[i])) {
      throw domError(`Unsupported key usage for ${article} key`, 'SyntaxError');
    }
  }
  let options;
  if (type === 'ec') {
    if (kCurves[algorithm.namedCurve] === undefined) {
      throw domError('Unrecognized namedCurve', 'NotSupportedError');
    }
    options = { namedCurve: kCurves[algorithm.namedCurve] };
  } else if (type === 'rsa') {
    options = { modulusLength: algorithm.modulusLength, publicExponent: exponentOf(algorithm.publicExponent) };
  }
  const pair = await new Promise((resolve, reject) => {
    generateKeyPair(type, options, (err, publicKey, privateKey) => {
      if (err) reject(domError('The operation failed for an operation-specific reason', 'OperationError'));
      else resolve({ publicKey, privateKey });
    });
  });
  const pick = (list, allowed) => {
    const out = [];
    for (let i = 0; i < list.length; i++) {
      if (ArrayPrototypeIncludes(allowed, list[i]) && !ArrayPrototypeIncludes(out, list[i])) {
        ArrayPrototypePush(out, list[i]);
      }
    }
    return out;
  };
  const privateUsages = pick(usages, privateUses);
  if (privateUsages.length === 0) {
    throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
  }
  const keyAlg = keyAlgorithm(algorithm, pair.publicKey);
  return {
    publicKey: new InternalCryptoKey(pair.publicKey, keyAlg, true, pick(usages, publicUses)),
    privateKey: new InternalCryptoKey(pair.privateKey, keyAlg, extractable, privateUsages),
  };
}

module.exports = {
  CryptoKey,
  InternalCryptoKey,
  domError,
  exportKeySync,
  generateKeyImpl,
  hashName,
  idlError,
  importKeySync,
  isCryptoKey,
  kAlgorithm,
  kKeyObject,
  kUsages,
  normalizeAlgorithm,
  parseJwk,
};
