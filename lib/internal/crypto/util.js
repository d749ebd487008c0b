'use strict';
// Argument handling shared by crypto's functions: data and keys as bytes, native
// results as Buffers, and the name lists with case-only duplicates folded.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  SafeMap,
  StringPrototypeToLowerCase,
  Uint8Array,
} = primordials;

// update()'s data: a string in `encoding` (utf8 by default) or any view.
function toBytes(data, encoding, name) {
  if (typeof data === 'string') return Buffer.from(data, encoding);
  if (isArrayBufferView(data)) return data;
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

// A secret key: a string in `encoding`, an ArrayBuffer, a view, or a secret
// KeyObject's bytes.
function keyBytes(key, encoding) {
  if (typeof key === 'string') return Buffer.from(key, encoding);
  if (key !== null && typeof key === 'object' && key.type === 'secret' &&
      typeof key.export === 'function') {
    return key.export();
  }
  if (isArrayBufferView(key)) return key;
  if (isAnyArrayBuffer(key)) return new Uint8Array(key);
  throw new ERR_INVALID_ARG_TYPE('key',
    ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
}

// A password, salt or other byte source: a string (utf8 unless `encoding`), an
// ArrayBuffer or a view.
function byteSource(value, name, encoding) {
  if (typeof value === 'string') return Buffer.from(value, encoding);
  if (isArrayBufferView(value)) return value;
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  throw new ERR_INVALID_ARG_TYPE(name,
    ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
}

// A native Uint8Array result as a Buffer over the same memory.
function asBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

// Node lists a name once, in lower case when OpenSSL has it in both cases.
function foldNames(names) {
  const byLower = new SafeMap();
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const lower = StringPrototypeToLowerCase(name);
    if (name === lower || !byLower.has(lower)) byLower.set(lower, name);
  }
  const out = [];
  for (const name of byLower.values()) ArrayPrototypePush(out, name);
  return ArrayPrototypeSort(out);
}

let ciphers;
let curves;
function getCiphers() {
  if (ciphers === undefined) ciphers = foldNames(binding.getCiphers());
  return ArrayPrototypeSlice(ciphers);
}
function getCurves() {
  if (curves === undefined) curves = binding.getCurves();
  return ArrayPrototypeSlice(curves);
}

module.exports = { asBuffer, byteSource, foldNames, getCiphers, getCurves, keyBytes, toBytes };
