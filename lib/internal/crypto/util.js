'use strict';
// Argument handling shared by crypto's functions: data and keys as bytes.

const { Buffer } = require('buffer');
const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { Uint8Array } = primordials;

// update()'s data: a string in `encoding` (utf8 by default) or any view.
function toBytes(data, encoding, name) {
  if (typeof data === 'string') return Buffer.from(data, encoding);
  if (isArrayBufferView(data)) return data;
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

// A secret key: a string in `encoding`, an ArrayBuffer or a view.
function keyBytes(key, encoding) {
  if (typeof key === 'string') return Buffer.from(key, encoding);
  if (isArrayBufferView(key)) return key;
  if (isAnyArrayBuffer(key)) return new Uint8Array(key);
  throw new ERR_INVALID_ARG_TYPE('key',
    ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
}

module.exports = { toBytes, keyBytes };
