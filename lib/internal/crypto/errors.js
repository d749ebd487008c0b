'use strict';
// The error codes only crypto raises, registered with internal/errors when crypto
// is first loaded (so internal/errors stays small). Messages are Node's.

const { E, codes } = require('internal/errors');
const { Error, RangeError, TypeError } = primordials;

if (codes.ERR_CRYPTO_INVALID_IV === undefined) {
  E('ERR_CRYPTO_ECDH_INVALID_FORMAT', 'Invalid ECDH format: %s', TypeError);
  E('ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve', Error);
  E('ERR_CRYPTO_INCOMPATIBLE_KEY', 'Incompatible %s: %s', Error);
  E('ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding %s %s.', Error);
  E('ERR_CRYPTO_INVALID_AUTH_TAG', '%s', TypeError);
  E('ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name', TypeError);
  E('ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector', TypeError);
  E('ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data', TypeError);
  E('ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length', RangeError);
  E('ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair', RangeError);
  E('ERR_CRYPTO_INVALID_KEYTYPE', 'Private key is not valid for specified curve.', RangeError);
  E('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
    'Invalid key object type %s, expected %s.', TypeError);
  E('ERR_CRYPTO_INVALID_MESSAGELEN', 'Invalid message length', RangeError);
  E('ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
    (detail) => (detail ? `Invalid scrypt params: ${detail}` : 'Invalid scrypt params'), RangeError);
  E('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation %s', Error);
  E('ERR_CRYPTO_JWK_UNSUPPORTED_CURVE', 'Unsupported JWK EC curve: %s.', Error);
  E('ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.', Error);
  E('ERR_CRYPTO_OPERATION_FAILED', (msg) => msg || 'Operation failed', Error);
  E('ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter', Error);
  E('ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign', Error);
  E('ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher', Error);
  E('ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group', Error);
  E('ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation', Error);
}

module.exports = codes;
