'use strict';
// crypto.scrypt / scryptSync (RFC 7914), OpenSSL's. The callback form runs on the
// work pool. Parameters OpenSSL refuses (memory over maxmem) fail at the call, as
// in Node, not in the callback.

const binding = internalBinding('crypto');
const {
  ERR_CRYPTO_INVALID_SCRYPT_PARAMS,
  ERR_CRYPTO_SCRYPT_INVALID_PARAMETER,
} = require('internal/crypto/errors');
const {
  validateFunction,
  validateInt32,
  validateInteger,
  validateUint32,
} = require('internal/validators');
const { asBuffer, byteSource } = require('internal/crypto/util');

const defaults = { __proto__: null, N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

// One parameter given under either of its two names (both is an error); 0 or
// absent is the default.
function pick(options, name, alias) {
  const a = options[name];
  const b = options[alias];
  if (a !== undefined && b !== undefined) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
  if (a !== undefined) validateUint32(a, name);
  if (b !== undefined) validateUint32(b, alias);
  const value = a !== undefined ? a : b;
  return value === undefined || value === 0 ? defaults[name] : value;
}

function check(password, salt, keylen, options) {
  password = byteSource(password, 'password');
  salt = byteSource(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = defaults;
  if (options && options !== defaults) {
    N = pick(options, 'N', 'cost');
    r = pick(options, 'r', 'blockSize');
    p = pick(options, 'p', 'parallelization');
    maxmem = options.maxmem;
    if (maxmem !== undefined) validateInteger(maxmem, 'maxmem', 0);
    if (maxmem === undefined || maxmem === 0) maxmem = defaults.maxmem;
    if (N < 2 || (N & (N - 1)) !== 0) throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS();
  }
  // OpenSSL's own limits, checked before any work as Node does: the memory scrypt
  // needs (128 * r * (N + p + 2) bytes) must fit maxmem.
  if (r * p >= 2 ** 30 || (r < 16 && N >= 2 ** (16 * r))) {
    throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS();
  }
  if (128 * r * (N + p + 2) > maxmem) {
    throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS(
      'error:030000AC:digital envelope routines::memory limit exceeded');
  }
  return { password, salt, N, r, p, maxmem };
}

function scrypt(password, salt, keylen, options, callback = defaults) {
  if (callback === defaults) {
    callback = options;
    options = defaults;
  }
  const c = check(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  const req = {
    __proto__: null,
    oncomplete(err, bytes) {
      if (err) callback(err);
      else callback(null, asBuffer(bytes));
    },
  };
  binding.scrypt(req, c.password, c.salt, keylen, c.N, c.r, c.p, c.maxmem);
}

function scryptSync(password, salt, keylen, options = defaults) {
  const c = check(password, salt, keylen, options);
  return asBuffer(binding.scrypt(undefined, c.password, c.salt, keylen, c.N, c.r, c.p, c.maxmem));
}

module.exports = { scrypt, scryptSync };
