'use strict';
// crypto.generatePrime(Sync) and checkPrime(Sync): OpenSSL's prime generation and
// primality test; the callback forms run on the work pool. Numbers cross as
// big-endian bytes; a prime comes back as an ArrayBuffer, or a bigint if asked.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = require('internal/crypto/errors');
const {
  validateBoolean,
  validateFunction,
  validateInt32,
  validateObject,
} = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  ArrayBufferPrototypeSlice,
  BigInt,
  BigIntPrototypeToString,
  MathClz32,
  RangeError,
  Uint8Array,
} = primordials;

const numberTypes = ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'];

// A non-negative number as big-endian bytes.
function numberBytes(value, name) {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new ERR_OUT_OF_RANGE(name, '>= 0', value);
    const hex = BigIntPrototypeToString(value, 16);
    return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  }
  if (isArrayBufferView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  throw new ERR_INVALID_ARG_TYPE(name, numberTypes, value);
}

function bitLength(bytes) {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - MathClz32(bytes[i]));
}

function compare(a, b) {
  const x = BigInt(`0x${Buffer.from(a).toString('hex') || '0'}`);
  const y = BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
  return x < y ? -1 : x > y ? 1 : 0;
}

// Node's message for add / rem no prime of the size can satisfy.
function impossible(message) {
  const err = new RangeError(message);
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

function checkGenerate(size, options) {
  validateInt32(size, 'size', 1);
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  const add = options.add === undefined ? null : numberBytes(options.add, 'options.add');
  const rem = options.rem === undefined ? null : numberBytes(options.rem, 'options.rem');
  if (add !== null) {
    if (bitLength(add) > size) throw impossible('invalid options.add');
    if (rem !== null && compare(add, rem) <= 0) throw impossible('invalid options.rem');
  }
  return { safe, bigint, add, rem };
}

function result(bytes, bigint) {
  if (bigint) return BigInt(`0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex')}`);
  return ArrayBufferPrototypeSlice(bytes.buffer, bytes.byteOffset, bytes.byteOffset + bytes.length);
}

function generatePrimeSync(size, options = {}) {
  const o = checkGenerate(size, options);
  return result(binding.generatePrime(undefined, size, o.safe, o.add, o.rem), o.bigint);
}

function generatePrime(size, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  const o = checkGenerate(size, options === undefined ? {} : options);
  validateFunction(callback, 'callback');
  binding.generatePrime({
    __proto__: null,
    oncomplete(err, bytes) {
      if (err) callback(err);
      else callback(undefined, result(bytes, o.bigint));
    },
  }, size, o.safe, o.add, o.rem);
}

function checkChecks(options) {
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInt32(checks, 'options.checks', 0);
  return checks;
}

function checkPrimeSync(candidate, options = {}) {
  const bytes = numberBytes(candidate, 'candidate');
  const checks = checkChecks(options);
  return binding.checkPrime(undefined, bytes, checks)[0] === 1;
}

function checkPrime(candidate, options, callback) {
  const bytes = numberBytes(candidate, 'candidate');
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  const checks = checkChecks(options === undefined ? {} : options);
  validateFunction(callback, 'callback');
  binding.checkPrime({
    __proto__: null,
    oncomplete(err, verdict) {
      if (err) callback(err);
      else callback(undefined, verdict[0] === 1);
    },
  }, bytes, checks);
}

module.exports = { checkPrime, checkPrimeSync, generatePrime, generatePrimeSync };
