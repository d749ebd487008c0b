'use strict';
// crypto.pbkdf2 / pbkdf2Sync: OpenSSL's PKCS #5 PBKDF2 with an HMAC. The callback
// form runs on the work pool, so many derivations proceed at once.

const binding = internalBinding('crypto');
const { ERR_CRYPTO_INVALID_DIGEST } = require('internal/crypto/errors');
const { validateFunction, validateInt32, validateString } = require('internal/validators');
const { asBuffer, byteSource } = require('internal/crypto/util');

function check(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = byteSource(password, 'password');
  salt = byteSource(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return { password, salt };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  ({ password, salt } = check(password, salt, iterations, keylen, digest));
  validateFunction(callback, 'callback');
  const req = {
    __proto__: null,
    oncomplete(err, bytes) {
      if (err) callback(err);
      else callback(null, asBuffer(bytes));
    },
  };
  if (binding.pbkdf2(req, password, salt, iterations, keylen, digest) === false) {
    throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  }
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  ({ password, salt } = check(password, salt, iterations, keylen, digest));
  const out = binding.pbkdf2(undefined, password, salt, iterations, keylen, digest);
  if (out === false) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  return asBuffer(out);
}

module.exports = { pbkdf2, pbkdf2Sync };
