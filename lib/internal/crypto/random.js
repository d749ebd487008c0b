'use strict';
// crypto's random numbers: randomBytes, randomFill(Sync), randomInt, randomUUID and
// getRandomValues, all from the kernel's CSPRNG (getrandom(2)). The callback forms
// deliver on a later turn of the loop, as Node's thread-pool jobs do; large ones
// are drawn on the work pool.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const {
  ERR_INVALID_ARG_TYPE,
  ERR_OUT_OF_RANGE,
} = require('internal/errors').codes;
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateObject,
} = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { DOMException } = require('internal/dom_exception');
const {
  MathMin,
  NumberIsNaN,
  NumberIsSafeInteger,
  StringPrototypePadStart,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint8Array,
} = primordials;

const kMaxLength = 2 ** 31 - 1;
// randomInt draws 48 bits at a time.
const RAND_MAX = 2 ** 48 - 1;

function later(callback, ...args) {
  setImmediate(callback, ...args);
}

function validateSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

// From this size on, the callback forms draw on the work pool (as Node's draw on
// its threadpool) so the loop goes on meanwhile; smaller draws cost less than the
// hand-off and are made at once.
const kPoolSize = 64 * 1024;

// `size` random bytes from the work pool, to callback(err, buffer).
function drawOnPool(size, callback) {
  binding.randomBytesJob({
    __proto__: null,
    oncomplete(err, bytes) {
      if (err) callback(err);
      else callback(null, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    },
  }, size);
}

function randomBytes(size, callback) {
  validateSize(size);
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (callback !== undefined && size >= kPoolSize) return drawOnPool(size, callback);
  const buf = Buffer.alloc(size);
  binding.randomFill(buf);
  if (callback === undefined) return buf;
  later(callback, null, buf);
}

// The byte range of `buf` that randomFill(Sync) fills: offset and size count in
// the view's elements.
function fillRange(buf, offset, size) {
  if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  const view = isAnyArrayBuffer(buf) ? new Uint8Array(buf) :
    new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const length = view.length;
  validateNumber(offset, 'offset');
  offset *= elementSize;
  if (NumberIsNaN(offset) || offset > length || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${MathMin(length, kMaxLength)}`, offset);
  }
  if (size === undefined) {
    size = length - offset;
  } else {
    validateNumber(size, 'size');
    size *= elementSize;
    if (NumberIsNaN(size) || size < 0 || size > kMaxLength) {
      throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
    }
    if (size + offset > length) {
      throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
    }
  }
  return view.subarray(offset, offset + size);
}

function randomFillSync(buf, offset = 0, size) {
  binding.randomFill(fillRange(buf, offset, size));
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    callback = size;
    size = undefined;
  }
  validateFunction(callback, 'callback');
  const range = fillRange(buf, offset, size);
  if (range.length >= kPoolSize) {
    return drawOnPool(range.length, (err, bytes) => {
      if (err) return callback(err);
      range.set(bytes);
      callback(null, buf);
    });
  }
  binding.randomFill(range);
  later(callback, null, buf);
}

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!NumberIsSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!NumberIsSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  }
  // Rejection sampling: draws at or above the largest multiple of `range` below
  // 2**48 are redrawn, so every result is equally likely.
  const limit = RAND_MAX - (RAND_MAX % range);
  const bytes = new Uint8Array(6);
  let x;
  do {
    binding.randomFill(bytes);
    x = bytes[0] * 2 ** 40 + bytes[1] * 2 ** 32 + bytes[2] * 2 ** 24 +
        bytes[3] * 2 ** 16 + bytes[4] * 2 ** 8 + bytes[5];
  } while (x >= limit);
  const n = min + (x % range);
  if (isSync) return n;
  // Drawn already, as from Node's cache of random bytes: delivered on the next tick.
  process.nextTick(callback, undefined, n);
}

const hex = [];
for (let i = 0; i < 256; i++) hex[i] = StringPrototypePadStart(i.toString(16), 2, '0');

// A version 4 (random) UUID, RFC 4122 section 4.4.
function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  if (options?.disableEntropyCache !== undefined) {
    validateBoolean(options.disableEntropyCache, 'options.disableEntropyCache');
  }
  const b = new Uint8Array(16);
  binding.randomFill(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += hex[b[i]];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}

const kIntegerArrays = {
  __proto__: null,
  Int8Array: true, Uint8Array: true, Uint8ClampedArray: true, Int16Array: true,
  Uint16Array: true, Int32Array: true, Uint32Array: true, BigInt64Array: true,
  BigUint64Array: true,
};

// Web Crypto's getRandomValues: integer typed arrays of at most 65,536 bytes.
function getRandomValues(data) {
  const tag = isArrayBufferView(data) ? TypedArrayPrototypeGetSymbolToStringTag(data) : undefined;
  if (!kIntegerArrays[tag]) {
    throw new DOMException('The data argument must be an integer-type TypedArray',
                           'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw new DOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  binding.randomFill(data);
  return data;
}

module.exports = {
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
};
