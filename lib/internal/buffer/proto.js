'use strict';
// Buffer.prototype methods other than the numeric reads/writes: toString, write,
// compare, search, fill, copy, slice, swaps, inspect. String work goes through
// lib/internal/buffer/encodings.js (internalBinding('buffer') as documented there).

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING, ERR_INVALID_BUFFER_SIZE },
} = require('internal/errors');
const enc = require('internal/buffer/encodings');
const { getEncodingOps, binding } = enc;

const customInspect = Symbol.for('nodejs.util.inspect.custom');

function install(proto, h) {
  const { FastBuffer, isUint8Array, validateOffset, _copy, _fill, getInspectMax } = h;

  function adjustOffset(offset, length) {
    offset = Math.trunc(offset);
    if (offset === 0 || Number.isNaN(offset)) return 0;
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
    if (typeof byteOffset === 'string') {
      encoding = byteOffset;
      byteOffset = undefined;
    } else if (byteOffset > 0x7fffffff) {
      byteOffset = 0x7fffffff;
    } else if (byteOffset < -0x80000000) {
      byteOffset = -0x80000000;
    }
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
    byteOffset = Math.trunc(byteOffset);
    const len = buffer.length;

    if (typeof val === 'number') {
      const start = searchStart(len, byteOffset, 1, dir);
      if (start < 0 || len === 0) return -1;
      return binding.indexOfNumber(buffer, (val >>> 0) & 0xff, start, dir);
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
    const e = encoding === undefined ? 'utf8' : ((getEncodingOps(encoding) || enc.utf8).encodingVal);
    return binding.indexOfBuffer(buffer, val, start, e, dir);
  }

  function swap(b, n, m) {
    const t = b[n];
    b[n] = b[m];
    b[m] = t;
  }

  const methods = {
    toString(encoding, start, end) {
      if (arguments.length === 0) return enc.utf8.slice(this, 0, this.length);
      const len = this.length;
      if (start <= 0) start = 0;
      else if (start >= len) return '';
      else start = Math.trunc(start) || 0;
      if (end === undefined || end > len) end = len;
      else end = Math.trunc(end) || 0;
      if (end <= start) return '';
      if (encoding === undefined) return enc.utf8.slice(this, start, end);
      const ops = getEncodingOps(encoding);
      if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
      return ops.slice(this, start, end);
    },
    equals(otherBuffer) {
      if (!isUint8Array(otherBuffer)) throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
      if (this === otherBuffer) return true;
      const len = this.byteLength;
      if (len !== otherBuffer.byteLength) return false;
      return len === 0 || binding.compare(this, otherBuffer) === 0;
    },
    compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
      if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
      if (arguments.length === 1) return binding.compare(this, target);
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
      const a = new Uint8Array(this.buffer, this.byteOffset + sourceStart, Math.min(sourceEnd, this.length) - sourceStart);
      const b = new Uint8Array(target.buffer, target.byteOffset + Math.min(targetStart, target.length),
                               Math.max(0, Math.min(targetEnd, target.length) - Math.min(targetStart, target.length)));
      return binding.compare(a, b);
    },
    indexOf(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, true); },
    lastIndexOf(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, false); },
    includes(val, byteOffset, encoding) { return this.indexOf(val, byteOffset, encoding) !== -1; },
    fill(value, offset, end, encoding) { return _fill(this, value, offset, end, encoding); },
    write(string, offset, length, encoding) {
      if (typeof string !== 'string') {
        const e = new TypeError('argument must be a string');
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
      }
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
    toJSON() {
      if (this.length > 0) {
        const data = new Array(this.length);
        for (let i = 0; i < this.length; ++i) data[i] = this[i];
        return { type: 'Buffer', data };
      }
      return { type: 'Buffer', data: [] };
    },
    copy(target, targetStart, sourceStart, sourceEnd) {
      return _copy(this, target, targetStart, sourceStart, sourceEnd);
    },
    slice(start, end) {
      const srcLength = this.length;
      start = adjustOffset(start, srcLength);
      end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
      const newLength = end > start ? end - start : 0;
      return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
    },
    swap16() {
      const len = this.length;
      if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
      for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
      return this;
    },
    swap32() {
      const len = this.length;
      if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
      for (let i = 0; i < len; i += 4) {
        swap(this, i, i + 3);
        swap(this, i + 1, i + 2);
      }
      return this;
    },
    swap64() {
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
    inspect(recurseTimes, ctx) {
      const max = getInspectMax();
      const actualMax = Math.min(max, this.length);
      const remaining = this.length - max;
      let str = '';
      for (let i = 0; i < actualMax; i++) {
        const b = this[i];
        str += (i === 0 ? '' : ' ') + (b < 16 ? '0' : '') + b.toString(16);
      }
      if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
      // Own non-index properties are shown after the bytes, like node.
      const extras = Object.keys(this).filter((k) => !(String(k >>> 0) === k && (k >>> 0) < this.length));
      if (extras.length > 0) {
        const { inspect } = require('internal/util/inspect');
        const opts = ctx && typeof ctx === 'object' ? { ...ctx, breakLength: Infinity, compact: true } : {};
        str += (str ? ', ' : '') + extras.map((k) => `${k}: ${inspect(this[k], opts)}`).join(', ');
      }
      return `<${this.constructor.name} ${str}>`;
    },
  };
  methods.toLocaleString = methods.toString;

  for (const name of Object.keys(methods)) {
    Object.defineProperty(proto, name, { value: methods[name], writable: true, configurable: true, enumerable: true });
  }
  Object.defineProperty(proto, customInspect, { value: methods.inspect, writable: true, configurable: true, enumerable: false });

  // Legacy per-encoding methods (buf.utf8Slice(start, end), buf.hexWrite(str, off, len)).
  for (const [name, ops] of [['ascii', enc.ascii], ['base64', enc.base64], ['base64url', enc.base64url],
    ['latin1', enc.latin1], ['hex', enc.hex], ['ucs2', enc.ucs2], ['utf8', enc.utf8]]) {
    Object.defineProperty(proto, `${name}Slice`, {
      value(start = 0, end = this.length) {
        if (start < 0 || end > this.length || start > end) throw new RangeError('Index out of range');
        return ops.slice(this, start, end);
      },
      writable: true, configurable: true, enumerable: true,
    });
    Object.defineProperty(proto, `${name}Write`, {
      value(string, offset = 0, length = this.length - offset) {
        if (offset < 0 || offset > this.length) throw new RangeError('Index out of range');
        if (length > this.length - offset) length = this.length - offset;
        return ops.write(this, string, offset, length);
      },
      writable: true, configurable: true, enumerable: true,
    });
  }

  Object.defineProperty(proto, 'parent', {
    enumerable: true, configurable: true,
    get() { return this instanceof FastBuffer ? this.buffer : undefined; },
  });
  Object.defineProperty(proto, 'offset', {
    enumerable: true, configurable: true,
    get() { return this instanceof FastBuffer ? this.byteOffset : undefined; },
  });
}

module.exports = { install };
