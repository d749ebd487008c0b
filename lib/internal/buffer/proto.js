'use strict';
// Buffer.prototype methods other than the numeric reads/writes: toString, write,
// compare, search, fill, copy, slice, swaps, inspect. String work goes through
// lib/internal/buffer/encodings.js (internalBinding('buffer') as documented there).

const {
  ArrayBufferIsView, ArrayPrototypeJoin, MathMax, MathMin, MathTrunc,
  NumberIsNaN, NumberPrototypeToString, ObjectDefineProperty, ObjectKeys, RangeError,
  SymbolFor, SymbolPrototypeToString, TypeError, TypedArrayPrototypeGetBuffer, TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset, Uint8Array,
} = primordials;
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING, ERR_INVALID_BUFFER_SIZE },
} = require('internal/errors');
const enc = require('internal/buffer/encodings');
const { getEncodingOps, binding } = enc;

const customInspect = SymbolFor('nodejs.util.inspect.custom');

function install(proto, h) {
  const { FastBuffer, isUint8Array, validateOffset, _copy, _fill, getInspectMax, compareBytes } = h;

  function adjustOffset(offset, length) {
    offset = MathTrunc(offset);
    if (offset === 0 || NumberIsNaN(offset)) return 0;
    if (offset < 0) {
      offset += length;
      return offset > 0 ? offset : 0;
    }
    return offset < length ? offset : length;
  }

  // Normalises a search start like node's native side, for a needle of nlen bytes;
  // -1 means nothing can match.
  function searchStart(len, off, nlen, dir) {
    if (off < 0) {
      if (off + len >= 0) return len + off;
      if (dir || nlen === 0) return 0;
      return -1;
    }
    if (off + nlen <= len) return off;
    if (nlen === 0) return len;
    if (dir) return -1;
    return len - 1;
  }

  function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
    if (!ArrayBufferIsView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    }
    if (typeof byteOffset === 'string') {
      encoding = byteOffset;
      byteOffset = undefined;
    } else if (byteOffset > 0x7fffffff) {
      byteOffset = 0x7fffffff;
    } else if (byteOffset < -0x80000000) {
      byteOffset = -0x80000000;
    }
    byteOffset = +byteOffset;
    if (NumberIsNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
    byteOffset = MathTrunc(byteOffset);
    const len = buffer.length;

    if (typeof val === 'number') {
      const start = searchStart(len, byteOffset, 1, dir);
      if (start < 0 || len === 0) return -1;
      return binding.indexOfNumber(buffer, (val >>> 0) & 0xff, start, dir ? 1 : 0);
    }
    let ops;
    let needleLen;
    if (typeof val === 'string') {
      ops = encoding === undefined ? enc.utf8 : getEncodingOps(encoding);
      if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
      if (ops === enc.hex || ops === enc.base64 || ops === enc.base64url) {
        // Their estimated length can exceed what the string decodes to.
        val = require('buffer').Buffer.from(val, ops.encoding);
        ops = undefined;
        needleLen = val.length;
      } else {
        needleLen = ops.byteLength(val);
      }
    } else if (isUint8Array(val)) {
      needleLen = val.length;
    } else {
      throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
    }
    const start = searchStart(len, byteOffset, needleLen, dir);
    if (needleLen === 0) return start;
    if (start < 0 || len === 0 || needleLen > len) return -1;
    if (ops !== undefined) return ops.indexOf(buffer, val, start, dir);
    // Flags as one small integer (bit 0 forward, bit 1 UTF-16 units): read in
    // place by the binding, no boolean conversions.
    const flags = (dir ? 1 : 0) | (encoding !== undefined && getEncodingOps(encoding) === enc.ucs2 ? 2 : 0);
    return binding.indexOfBuffer(buffer, val, start, flags);
  }

  function swap(b, n, m) {
    const t = b[n];
    b[n] = b[m];
    b[m] = t;
  }

  // Plain functions, as node's are (constructible: `new buf.indexOf()` reaches the
  // argument checks instead of failing as a method would).
  const methods = {
    toString: function toString(encoding, start, end) {
      if (arguments.length === 0) return enc.utf8.slice(this, 0, this.length);
      const len = this.length;
      if (start <= 0) start = 0;
      else if (start >= len) return '';
      else start = MathTrunc(start) || 0;
      if (end === undefined || end > len) end = len;
      else end = MathTrunc(end) || 0;
      if (end <= start) return '';
      if (encoding === undefined) return enc.utf8.slice(this, start, end);
      const ops = getEncodingOps(encoding);
      if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
      return ops.slice(this, start, end);
    },
    equals: function equals(otherBuffer) {
      if (!isUint8Array(otherBuffer)) throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
      if (this === otherBuffer) return true;
      const len = TypedArrayPrototypeGetByteLength(this);
      if (len !== TypedArrayPrototypeGetByteLength(otherBuffer)) return false;
      return len === 0 || compareBytes(this, otherBuffer) === 0;
    },
    compare: function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
      if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
      // A receiver that is not a Uint8Array gets the binding's error, as in node.
      if (arguments.length === 1) return isUint8Array(this) ? compareBytes(this, target) : binding.compare(this, target);
      if (targetStart === undefined) targetStart = 0;
      else validateOffset(targetStart, 'targetStart');
      if (targetEnd === undefined) targetEnd = target.length;
      else validateOffset(targetEnd, 'targetEnd', 0, target.length);
      if (sourceStart === undefined) sourceStart = 0;
      else validateOffset(sourceStart, 'sourceStart');
      if (sourceEnd === undefined) sourceEnd = this.length;
      else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
      if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
      if (targetStart >= targetEnd) return 1;
      const a = new Uint8Array(TypedArrayPrototypeGetBuffer(this), TypedArrayPrototypeGetByteOffset(this) + sourceStart,
                               MathMin(sourceEnd, this.length) - sourceStart);
      const targetFrom = MathMin(targetStart, target.length);
      const b = new Uint8Array(TypedArrayPrototypeGetBuffer(target), TypedArrayPrototypeGetByteOffset(target) + targetFrom,
                               MathMax(0, MathMin(targetEnd, target.length) - targetFrom));
      return compareBytes(a, b);
    },
    indexOf: function indexOf(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, true); },
    lastIndexOf: function lastIndexOf(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, false); },
    includes: function includes(val, byteOffset, encoding) { return this.indexOf(val, byteOffset, encoding) !== -1; },
    fill: function fill(value, offset, end, encoding) {
      TypedArrayPrototypeGetByteLength(this); // a TypeError for anything but a typed array
      return _fill(this, value, offset, end, encoding);
    },
    write: function write(string, offset, length, encoding) {
      if (typeof string !== 'string') throw nativeArgError('argument must be a string');
      if (offset === undefined) return enc.utf8.write(this, string, 0, this.length);
      if (length === undefined && typeof offset === 'string') {
        encoding = offset;
        length = this.length;
        offset = 0;
      } else {
        validateOffset(offset, 'offset', 0, this.length);
        const remaining = this.length - offset;
        if (length === undefined) {
          length = remaining;
        } else if (typeof length === 'string') {
          encoding = length;
          length = remaining;
        } else {
          validateOffset(length, 'length', 0, this.length);
          if (length > remaining) length = remaining;
        }
      }
      if (!encoding || encoding === 'utf8') return enc.utf8.write(this, string, offset, length);
      const ops = getEncodingOps(encoding);
      if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
      return ops.write(this, string, offset, length);
    },
    toJSON: function toJSON() {
      if (this.length > 0) {
        const data = new Array(this.length);
        for (let i = 0; i < this.length; ++i) data[i] = this[i];
        return { type: 'Buffer', data };
      }
      return { type: 'Buffer', data: [] };
    },
    copy: function copy(target, targetStart, sourceStart, sourceEnd) {
      return _copy(this, target, targetStart, sourceStart, sourceEnd);
    },
    // A view of the same memory, never through @@species (faster than
    // %TypedArray%.prototype.subarray, and what node's Buffer has).
    subarray: function subarray(start, end) {
      const srcLength = this.length;
      start = adjustOffset(start, srcLength);
      end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
      const newLength = end > start ? end - start : 0;
      return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
    },
    slice: function slice(start, end) {
      return this.subarray(start, end);
    },
    swap16: function swap16() {
      const len = this.length;
      if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
      for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
      return this;
    },
    swap32: function swap32() {
      const len = this.length;
      if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
      for (let i = 0; i < len; i += 4) {
        swap(this, i, i + 3);
        swap(this, i + 1, i + 2);
      }
      return this;
    },
    swap64: function swap64() {
      const len = this.length;
      if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
      for (let i = 0; i < len; i += 8) {
        swap(this, i, i + 7);
        swap(this, i + 1, i + 6);
        swap(this, i + 2, i + 5);
        swap(this, i + 3, i + 4);
      }
      return this;
    },
    inspect: function inspect(recurseTimes, ctx) {
      const max = getInspectMax();
      const actualMax = MathMin(max, this.length);
      const remaining = this.length - max;
      let str = '';
      for (let i = 0; i < actualMax; i++) {
        const b = this[i];
        str += (i === 0 ? '' : ' ') + (b < 16 ? '0' : '') + NumberPrototypeToString(b, 16);
      }
      if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
      // Own non-index properties are shown after the bytes, like node.
      const extras = internalBinding('util').getOwnNonIndexProperties(this, true);
      if (extras.length > 0) {
        const { inspect } = require('internal/util/inspect');
        const opts = ctx && typeof ctx === 'object' ?
          { __proto__: null, ...ctx, breakLength: Infinity, compact: true } : { __proto__: null };
        for (let i = 0; i < extras.length; i++) {
          const k = extras[i];
          const name = typeof k === 'symbol' ? `[${SymbolPrototypeToString(k)}]` : k;
          extras[i] = `${name}: ${inspect(this[k], opts)}`;
        }
        str += (str ? ', ' : '') + ArrayPrototypeJoin(extras, ', ');
      }
      return `<${this.constructor.name} ${str}>`;
    },
  };
  methods.toLocaleString = methods.toString;

  const names = ObjectKeys(methods);
  for (let i = 0; i < names.length; i++) {
    ObjectDefineProperty(proto, names[i], {
      __proto__: null, value: methods[names[i]], writable: true, configurable: true, enumerable: true,
    });
  }
  ObjectDefineProperty(proto, customInspect, {
    __proto__: null, value: methods.inspect, writable: true, configurable: true, enumerable: false,
  });

  // Legacy per-encoding methods (buf.utf8Slice(start, end), buf.hexWrite(str, off, len)):
  // like node's native ones, they take no declared parameters, refuse a `this` that is
  // not a view and a non-string to write, with ERR_INVALID_ARG_TYPE.
  const legacy = [['ascii', enc.ascii], ['base64', enc.base64], ['base64url', enc.base64url],
    ['latin1', enc.latin1], ['hex', enc.hex], ['ucs2', enc.ucs2], ['utf8', enc.utf8]];
  for (let i = 0; i < legacy.length; i++) {
    const name = legacy[i][0];
    const ops = legacy[i][1];
    ObjectDefineProperty(proto, `${name}Slice`, {
      __proto__: null,
      value: { [`${name}Slice`]() {
        if (!ArrayBufferIsView(this)) throw nativeArgError('argument must be a buffer');
        const start = arguments.length > 0 && arguments[0] !== undefined ? arguments[0] : 0;
        const end = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : this.length;
        if (start < 0 || end > this.length || start > end) throw new RangeError('Index out of range');
        return ops.slice(this, start, end);
      } }[`${name}Slice`],
      writable: true, configurable: true, enumerable: true,
    });
    ObjectDefineProperty(proto, `${name}Write`, {
      __proto__: null,
      value: { [`${name}Write`]() {
        if (!ArrayBufferIsView(this)) throw nativeArgError('argument must be a buffer');
        const string = arguments[0];
        if (typeof string !== 'string') throw nativeArgError('argument must be a string');
        const offset = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : 0;
        let length = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : this.length - offset;
        if (offset < 0 || offset > this.length) throw new RangeError('Index out of range');
        if (length > this.length - offset) length = this.length - offset;
        return ops.write(this, string, offset, length);
      } }[`${name}Write`],
      writable: true, configurable: true, enumerable: true,
    });
  }

  ObjectDefineProperty(proto, 'parent', {
    __proto__: null,
    enumerable: true, configurable: true,
    get() { return this instanceof FastBuffer ? TypedArrayPrototypeGetBuffer(this) : undefined; },
  });
  ObjectDefineProperty(proto, 'offset', {
    __proto__: null,
    enumerable: true, configurable: true,
    get() { return this instanceof FastBuffer ? TypedArrayPrototypeGetByteOffset(this) : undefined; },
  });
}

// The TypeError node's native buffer functions throw: a bare message, code ERR_INVALID_ARG_TYPE.
function nativeArgError(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

module.exports = { install };
