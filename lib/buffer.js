'use strict';
// The public 'buffer' module: Buffer (a Uint8Array subclass with node's pooled
// allocation), SlowBuffer, atob/btoa, Blob, constants.
//
// internalBinding('buffer'): the string<->bytes, search, compare and fill functions
// documented in lib/internal/buffer/encodings.js. Numeric reads/writes are pure JS
// (lib/internal/buffer/rw.js).

const {
  ArrayIsArray, ArrayBufferIsView, MathFloor, NumberIsNaN, NumberMAX_SAFE_INTEGER,
  NumberMIN_SAFE_INTEGER, ObjectDefineProperties, ObjectDefineProperty, ObjectPrototypeToString,
  ObjectSetPrototypeOf, StringPrototypeCharCodeAt, SymbolFor, SymbolSpecies, SymbolToPrimitive,
  TypedArrayPrototypeCopyWithin, TypedArrayPrototypeFill, TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength, TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetSymbolToStringTag, TypedArrayPrototypeSet, TypedArrayPrototypeSubarray,
  DataViewPrototypeGetBuffer, DataViewPrototypeGetByteLength, DataViewPrototypeGetByteOffset,
  ArrayBuffer, Number, Uint8Array, Uint32Array,
} = primordials;
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE, ERR_UNKNOWN_ENCODING,
    ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_BUFFER_SIZE,
  },
} = require('internal/errors');
const { validateNumber, validateInteger, validateString } = require('internal/validators');
const enc = require('internal/buffer/encodings');
const { getEncodingOps, binding } = enc;
const rw = require('internal/buffer/rw');

// 2 ** 32 and V8's (1 << 29) - 24 on 64-bit hosts, as in node 20.
const kMaxLength = 2 ** 32;
const kStringMaxLength = 536870888;
let INSPECT_MAX_BYTES = 50;

const isUint8Array = (v) => TypedArrayPrototypeGetSymbolToStringTag(v) === 'Uint8Array';
const isTypedArray = (v) => TypedArrayPrototypeGetSymbolToStringTag(v) !== undefined;
const isArrayBufferView = ArrayBufferIsView;
function isAnyArrayBuffer(v) {
  if (v === null || typeof v !== 'object') return false;
  const t = ObjectPrototypeToString(v);
  return t === '[object ArrayBuffer]' || t === '[object SharedArrayBuffer]';
}

const { FastBuffer } = require('internal/buffer/fast_buffer');

// While zeroFill[0] is 0, the allocator leaves a new ArrayBuffer's memory as it
// finds it: for allocations whose bytes are written before anyone reads them (or
// that the API documents as uninitialised, as node's allocUnsafe is).
const zeroFill = new Uint32Array(1);
zeroFill[0] = 1;
binding.setZeroFillField(zeroFill);
function createUnsafeBuffer(size) {
  zeroFill[0] = 0;
  try {
    return new FastBuffer(size);
  } finally {
    zeroFill[0] = 1;
  }
}

// Pool used by allocUnsafe and from(string/array) for small sizes.
let poolSize, poolOffset, allocPool, poolBytes;
function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = TypedArrayPrototypeGetBuffer(createUnsafeBuffer(poolSize));
  poolBytes = new FastBuffer(allocPool);
  poolOffset = 0;
}

// Buffer.from(short string) in UTF-8: ASCII (the usual case) is written into the
// pool in the same pass that checks it; undefined when a character is not ASCII.
// A new pool starts when 4 bytes a UTF-16 unit would not fit, as node's does.
function fromShortAscii(string) {
  const len = string.length;
  if (allocPool === undefined || len * 4 > poolSize - poolOffset) createPool();
  const at = poolOffset;
  const bytes = poolBytes;
  // One test after the loop: the bytes past poolOffset are free until it moves.
  let seen = 0;
  for (let i = 0; i < len; i++) {
    const c = StringPrototypeCharCodeAt(string, i);
    seen |= c;
    bytes[at + i] = c;
  }
  if (seen > 0x7f) return undefined;
  const b = new FastBuffer(allocPool, at, len);
  poolOffset += len;
  alignPool();
  return b;
}
function alignPool() {
  if (poolOffset & 0x7) poolOffset = (poolOffset | 0x7) + 1;
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (allocPool === undefined || size > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return createUnsafeBuffer(size);
}

// Node's rule for where a string's bytes go: over half a pool of UTF-16 units, or
// of measured bytes, gets memory of its own; otherwise a new pool starts when 4
// bytes a unit (the most any encoding takes) would not fit. Below an eighth of a
// pool of units nothing is measured first: the write, which never splits a character,
// says how many bytes there were (one native call for UTF-8, not two).
function fromStringFast(string, ops) {
  const maxLength = Buffer.poolSize >>> 1;
  let length = string.length;
  if (length >= maxLength) return fromStringUnpooled(string, ops, ops.byteLength(string));
  length *= 4;
  if (length >= maxLength) {
    length = ops.byteLength(string);
    if (length >= maxLength) return fromStringUnpooled(string, ops, length);
  }
  if (allocPool === undefined || length > poolSize - poolOffset) createPool();
  let b = new FastBuffer(allocPool, poolOffset, length);
  const actual = ops.write(b, string, 0, length);
  if (actual !== length) b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}

function fromStringUnpooled(string, ops, length) {
  const b = createUnsafeBuffer(length);
  const actual = ops.write(b, string, 0, length);
  return actual === length ? b : new FastBuffer(b.buffer, 0, actual);
}

// Below this many UTF-16 units an ASCII string is copied into the pool by a JS
// loop; from it on, one native write is cheaper than the loop.
const kShortAscii = 32;

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    if (string.length < kShortAscii) {
      const b = fromShortAscii(string);
      if (b !== undefined) return b;
    }
    ops = enc.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringFast(string, ops);
}

function fromArrayLike(obj) {
  const length = obj.length;
  if (!(length > 0)) return new FastBuffer();
  if (length < (Buffer.poolSize >>> 1)) {
    if (allocPool === undefined || length > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, length);
    TypedArrayPrototypeSet(b, obj, 0);
    poolOffset += length;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (NumberIsNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && ArrayIsArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

let warnedLegacy = false;
function Buffer(arg, encodingOrOffset, length) {
  if (!warnedLegacy) {
    warnedLegacy = true;
    process.emitWarning('Buffer() is deprecated due to security and usability issues. Please use the ' +
      'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.', 'DeprecationWarning', 'DEP0005');
  }
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
ObjectDefineProperty(Buffer, SymbolSpecies, {
  __proto__: null, get() { return FastBuffer; }, configurable: true, enumerable: false,
});

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[SymbolToPrimitive] === 'function') {
      const primitive = value[SymbolToPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return new FastBuffer();
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = TypedArrayPrototypeSubarray(view, offset, end);
  }
  return fromArrayLike(new Uint8Array(TypedArrayPrototypeGetBuffer(view),
    TypedArrayPrototypeGetByteOffset(view), TypedArrayPrototypeGetByteLength(view)));
};

Buffer.of = function of(...items) {
  const b = allocate(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

ObjectSetPrototypeOf(Buffer, Uint8Array);

Buffer.alloc = function alloc(size, fill, encoding) {
  // The usual call, a size alone: one range test (false for NaN) is the whole of
  // validateNumber's check, which keeps the error for anything else.
  if (fill === undefined && typeof size === 'number' && size >= 0 && size <= kMaxLength) {
    return new FastBuffer(size);
  }
  validateNumber(size, 'size', 0, kMaxLength);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = createUnsafeBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return createUnsafeBuffer(size);
};

function SlowBuffer(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return createUnsafeBuffer(size);
}
ObjectSetPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
ObjectSetPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) { return b instanceof Buffer; };

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return compareBytes(buf1, buf2);
};

// Byte-wise comparison, -1/0/1. Short inputs (keys, tokens, hashes) are compared
// here: a native call costs more than the loop.
function compareBytes(a, b) {
  const la = a.length;
  const lb = b.length;
  if (la > 64 || lb > 64) return binding.compare(a, b);
  const n = la < lb ? la : lb;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y) return x < y ? -1 : 1;
  }
  return la < lb ? -1 : la > lb ? 1 : 0;
}

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && getEncodingOps(encoding) !== undefined;
};
Buffer[SymbolFor('kIsEncodingSymbol')] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  if (!ArrayIsArray(list)) throw new ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = allocate(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    const len = buf.length;
    if (len <= length - pos) {
      // The whole source fits: one set(), no view made to cut it.
      TypedArrayPrototypeSet(buffer, buf, pos);
      pos += len;
    } else {
      pos += copyActual(buf, buffer, pos, 0, len);
    }
  }
  if (pos < length) TypedArrayPrototypeFill(buffer, 0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  if (encoding) {
    const ops = getEncodingOps(encoding);
    if (ops) return ops.byteLength(string);
  }
  return enc.utf8.byteLength(string);
}
Buffer.byteLength = byteLength;

ObjectDefineProperty(Buffer, 'poolSize', {
  __proto__: null, value: 8192, writable: true, enumerable: true, configurable: true,
});

function validateOffset(value, name, min = 0, max = kMaxLength) {
  validateInteger(value, name, min, max);
}

function toInteger(n, defaultVal) {
  n = +n;
  if (!NumberIsNaN(n) && n >= NumberMIN_SAFE_INTEGER && n <= NumberMAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : MathFloor(n);
  }
  return defaultVal;
}

function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.length - targetStart) sourceEnd = sourceStart + target.length - targetStart;
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.length - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  if (sourceStart !== 0 || sourceEnd < source.length) {
    source = new Uint8Array(TypedArrayPrototypeGetBuffer(source),
      TypedArrayPrototypeGetByteOffset(source) + sourceStart, nb);
  }
  TypedArrayPrototypeSet(target, source, targetStart);
  return nb;
}

function _copy(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.length) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.length}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.length;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

// Shared by Buffer.alloc and Buffer.prototype.fill.
function _fill(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    let normalized = 'utf8';
    if (encoding !== undefined && encoding !== '') {
      validateString(encoding, 'encoding');
      const ops = getEncodingOps(encoding);
      if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
      normalized = ops.encodingVal;
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      const code = StringPrototypeCharCodeAt(value, 0);
      if ((normalized === 'utf8' && code < 128) || normalized === 'latin1') value = code;
    }
    encoding = normalized;
  } else {
    encoding = undefined;
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) {
      end = buf.length;
    } else {
      validateOffset(end, 'end', 0, buf.length);
    }
    if (offset >= end) return buf;
  }

  if (typeof value === 'number') {
    TypedArrayPrototypeFill(buf, value & 255, offset, end);
  } else if (typeof value === 'boolean') {
    TypedArrayPrototypeFill(buf, Number(value), offset, end);
  } else if (typeof value === 'string') {
    if (binding.fill(buf, value, offset, end, encoding) === -1) throw new ERR_INVALID_ARG_VALUE('value', value);
  } else if (isArrayBufferView(value)) {
    const bytes = viewBytes(value);
    if (bytes.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
    fillBytes(buf, bytes, offset, end);
  } else {
    TypedArrayPrototypeFill(buf, Number(value) & 255, offset, end);
  }
  return buf;
}

// Repeats `bytes` over buf[offset, end) by doubling with copyWithin.
function fillBytes(buf, bytes, offset, end) {
  const len = end - offset;
  const first = bytes.length < len ? bytes.length : len;
  if (first < bytes.length) bytes = TypedArrayPrototypeSubarray(bytes, 0, first);
  TypedArrayPrototypeSet(buf, bytes, offset);
  let filled = first;
  while (filled < len) {
    const n = filled < len - filled ? filled : len - filled;
    TypedArrayPrototypeCopyWithin(buf, offset + filled, offset, offset + n);
    filled += n;
  }
}

Buffer.prototype = FastBuffer.prototype;
ObjectDefineProperty(FastBuffer.prototype, 'constructor', {
  __proto__: null, value: Buffer, writable: true, configurable: true, enumerable: false,
});
SlowBuffer.prototype = FastBuffer.prototype;

rw.install(Buffer.prototype);
require('internal/buffer/proto').install(Buffer.prototype, {
  FastBuffer, isUint8Array, validateOffset, toInteger, _copy, _fill, kMaxLength, viewBytes, compareBytes,
  getInspectMax: () => INSPECT_MAX_BYTES,
});

const { atob, btoa } = require('internal/buffer/base64');

// Both scan natively: a per-byte JS loop is far slower on large inputs.
function isUtf8(input) {
  const u8 = toBytes(input);
  return binding.isUtf8(u8, 0, u8.length);
}

function isAscii(input) {
  const u8 = toBytes(input);
  return binding.isAscii(u8, 0, u8.length);
}

// The bytes of any view (typed array or DataView) as a Uint8Array over the same memory.
function viewBytes(view) {
  if (isTypedArray(view)) {
    return new Uint8Array(TypedArrayPrototypeGetBuffer(view), TypedArrayPrototypeGetByteOffset(view),
      TypedArrayPrototypeGetByteLength(view));
  }
  return new Uint8Array(DataViewPrototypeGetBuffer(view), DataViewPrototypeGetByteOffset(view),
    DataViewPrototypeGetByteLength(view));
}

function toBytes(input) {
  if (isArrayBufferView(input)) return viewBytes(input);
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

let blobMod;
function lazyBlob() {
  if (blobMod === undefined) blobMod = require('internal/buffer/blob');
  return blobMod;
}

module.exports = {
  Buffer,
  SlowBuffer,
  kMaxLength,
  kStringMaxLength,
  constants: ObjectDefineProperties({}, {
    __proto__: null,
    MAX_LENGTH: { __proto__: null, value: kMaxLength, writable: false, enumerable: true },
    MAX_STRING_LENGTH: { __proto__: null, value: kStringMaxLength, writable: false, enumerable: true },
  }),
  atob,
  btoa,
  isUtf8,
  isAscii,
};

ObjectDefineProperties(module.exports, {
  __proto__: null,
  INSPECT_MAX_BYTES: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
  Blob: { __proto__: null, configurable: true, enumerable: true, get() { return lazyBlob().Blob; } },
});

// Loaded on first use: transcode, File and the Blob URL registry are rarely needed.
ObjectDefineProperties(module.exports, {
  __proto__: null,
  File: {
    __proto__: null, configurable: true, enumerable: true, get() { return require('internal/buffer/file').File; },
  },
  transcode: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return require('internal/buffer/transcode').transcode; },
  },
  resolveObjectURL: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return require('internal/url/blob').resolveObjectURL; },
  },
});
