'use strict';
// Buffer.prototype read/write methods for integers, floats and BigInts, with
// node's range checks and messages. Pure JS: no internalBinding needed.

const {
  MathFloor, ObjectDefineProperty, ObjectKeys, SafeArrayIterator, StringPrototypeReplace,
} = primordials;
const { includesIn } = require('internal/util/either');

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_BUFFER_OUT_OF_BOUNDS },
} = require('internal/errors');
const { validateNumber } = require('internal/validators');

const f32 = new Float32Array(1);
const f32u8 = new Uint8Array(f32.buffer);
const f64 = new Float64Array(1);
const f64u8 = new Uint8Array(f64.buffer);
const bigEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

function boundsError(value, length, type) {
  if (MathFloor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, byteLength1) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength1] === undefined) {
    boundsError(offset, buf.length - (byteLength1 + 1));
  }
}

function checkInt(value, min, max, buf, offset, byteLength1) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    const bits = (byteLength1 + 1) * 8;
    let range;
    if (byteLength1 > 3) {
      if (min === 0 || min === 0n) range = `>= 0${n} and < 2${n} ** ${bits}${n}`;
      else range = `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, byteLength1);
}

function readStart(buf, offset, n) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + n - 1] === undefined) boundsError(offset, buf.length - n);
}

// Unsigned little/big endian reads of 1..6 bytes.
function readUle(buf, offset, n) {
  readStart(buf, offset, n);
  let v = 0;
  let mul = 1;
  for (let i = 0; i < n; i++, mul *= 0x100) v += buf[offset + i] * mul;
  return v;
}
function readUbe(buf, offset, n) {
  readStart(buf, offset, n);
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 0x100 + buf[offset + i];
  return v;
}
function toSigned(v, n) {
  const lim = 2 ** (n * 8 - 1);
  return v >= lim ? v - lim * 2 : v;
}

function writeLe(buf, value, offset, n, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, n - 1);
  let v = value < 0 ? value + 2 ** (n * 8) : value;
  for (let i = 0; i < n; i++) {
    buf[offset + i] = v % 0x100;
    v = MathFloor(v / 0x100);
  }
  return offset + n;
}
function writeBe(buf, value, offset, n, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, n - 1);
  let v = value < 0 ? value + 2 ** (n * 8) : value;
  for (let i = n - 1; i >= 0; i--) {
    buf[offset + i] = v % 0x100;
    v = MathFloor(v / 0x100);
  }
  return offset + n;
}

function writeInt8(buf, value, offset, min, max) {
  value = +value;
  validateNumber(offset, 'offset');
  if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

function byteLengthError(byteLength) {
  if (byteLength === undefined) throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
  boundsError(byteLength, 6, 'byteLength');
}

function validLength(n) {
  return typeof n === 'number' && n >= 1 && n <= 6 && n % 1 === 0;
}

const UMAX = [0, 0xff, 0xffff, 0xffffff, 0xffffffff, 2 ** 40 - 1, 2 ** 48 - 1];
const SMIN = [0, -0x80, -0x8000, -0x800000, -0x80000000, -(2 ** 39), -(2 ** 47)];

function copyFloat(buf, offset, src, n, le) {
  const rev = le === bigEndianHost;
  for (let i = 0; i < n; i++) buf[offset + i] = src[rev ? n - 1 - i : i];
}
function loadFloat(buf, offset, dst, n, le) {
  const rev = le === bigEndianHost;
  for (let i = 0; i < n; i++) dst[rev ? n - 1 - i : i] = buf[offset + i];
}

function readBig(buf, offset, le, signed) {
  readStart(buf, offset, 8);
  let lo, hi;
  if (le) {
    lo = buf[offset] + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000 + buf[offset + 3] * 0x1000000;
    hi = buf[offset + 4] + buf[offset + 5] * 0x100 + buf[offset + 6] * 0x10000 + buf[offset + 7] * 0x1000000;
  } else {
    hi = buf[offset] * 0x1000000 + buf[offset + 1] * 0x10000 + buf[offset + 2] * 0x100 + buf[offset + 3];
    lo = buf[offset + 4] * 0x1000000 + buf[offset + 5] * 0x10000 + buf[offset + 6] * 0x100 + buf[offset + 7];
  }
  if (signed && hi >= 0x80000000) hi -= 0x100000000;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function writeBig(buf, value, offset, le, min, max) {
  checkInt(value, min, max, buf, offset, 7);
  let lo = Number(value & 0xffffffffn);
  let hi = Number((value >> 32n) & 0xffffffffn);
  for (let i = 0; i < 4; i++) {
    buf[le ? offset + i : offset + 7 - i] = lo & 0xff;
    buf[le ? offset + 4 + i : offset + 3 - i] = hi & 0xff;
    lo >>>= 8;
    hi >>>= 8;
  }
  return offset + 8;
}

function install(proto) {
  const m = {
    readUInt8(offset = 0) {
      validateNumber(offset, 'offset');
      const v = this[offset];
      if (v === undefined) boundsError(offset, this.length - 1);
      return v;
    },
    readInt8(offset = 0) {
      validateNumber(offset, 'offset');
      const v = this[offset];
      if (v === undefined) boundsError(offset, this.length - 1);
      return v >= 0x80 ? v - 0x100 : v;
    },
    readUInt16LE(offset = 0) { return readUle(this, offset, 2); },
    readUInt16BE(offset = 0) { return readUbe(this, offset, 2); },
    readUInt32LE(offset = 0) { return readUle(this, offset, 4); },
    readUInt32BE(offset = 0) { return readUbe(this, offset, 4); },
    readInt16LE(offset = 0) { return toSigned(readUle(this, offset, 2), 2); },
    readInt16BE(offset = 0) { return toSigned(readUbe(this, offset, 2), 2); },
    readInt32LE(offset = 0) { return toSigned(readUle(this, offset, 4), 4); },
    readInt32BE(offset = 0) { return toSigned(readUbe(this, offset, 4), 4); },
    readUIntLE(offset, byteLength) {
      if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
      if (validLength(byteLength)) return readUle(this, offset, byteLength);
      return byteLengthError(byteLength);
    },
    readUIntBE(offset, byteLength) {
      if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
      if (validLength(byteLength)) return readUbe(this, offset, byteLength);
      return byteLengthError(byteLength);
    },
    readIntLE(offset, byteLength) {
      if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
      if (validLength(byteLength)) return toSigned(readUle(this, offset, byteLength), byteLength);
      return byteLengthError(byteLength);
    },
    readIntBE(offset, byteLength) {
      if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
      if (validLength(byteLength)) return toSigned(readUbe(this, offset, byteLength), byteLength);
      return byteLengthError(byteLength);
    },
    readBigUInt64LE(offset = 0) { return readBig(this, offset, true, false); },
    readBigUInt64BE(offset = 0) { return readBig(this, offset, false, false); },
    readBigInt64LE(offset = 0) { return readBig(this, offset, true, true); },
    readBigInt64BE(offset = 0) { return readBig(this, offset, false, true); },
    readFloatLE(offset = 0) { readStart(this, offset, 4); loadFloat(this, offset, f32u8, 4, true); return f32[0]; },
    readFloatBE(offset = 0) { readStart(this, offset, 4); loadFloat(this, offset, f32u8, 4, false); return f32[0]; },
    readDoubleLE(offset = 0) { readStart(this, offset, 8); loadFloat(this, offset, f64u8, 8, true); return f64[0]; },
    readDoubleBE(offset = 0) { readStart(this, offset, 8); loadFloat(this, offset, f64u8, 8, false); return f64[0]; },

    writeUInt8(value, offset = 0) { return writeInt8(this, value, offset, 0, 0xff); },
    writeInt8(value, offset = 0) { return writeInt8(this, value, offset, -0x80, 0x7f); },
    writeUInt16LE(value, offset = 0) { return writeLe(this, value, offset, 2, 0, 0xffff); },
    writeUInt16BE(value, offset = 0) { return writeBe(this, value, offset, 2, 0, 0xffff); },
    writeUInt32LE(value, offset = 0) { return writeLe(this, value, offset, 4, 0, 0xffffffff); },
    writeUInt32BE(value, offset = 0) { return writeBe(this, value, offset, 4, 0, 0xffffffff); },
    writeInt16LE(value, offset = 0) { return writeLe(this, value, offset, 2, -0x8000, 0x7fff); },
    writeInt16BE(value, offset = 0) { return writeBe(this, value, offset, 2, -0x8000, 0x7fff); },
    writeInt32LE(value, offset = 0) { return writeLe(this, value, offset, 4, -0x80000000, 0x7fffffff); },
    writeInt32BE(value, offset = 0) { return writeBe(this, value, offset, 4, -0x80000000, 0x7fffffff); },
    writeUIntLE(value, offset, byteLength) {
      if (byteLength === 1) return writeInt8(this, value, offset, 0, 0xff);
      if (validLength(byteLength)) return writeLe(this, value, offset, byteLength, 0, UMAX[byteLength]);
      return byteLengthError(byteLength);
    },
    writeUIntBE(value, offset, byteLength) {
      if (byteLength === 1) return writeInt8(this, value, offset, 0, 0xff);
      if (validLength(byteLength)) return writeBe(this, value, offset, byteLength, 0, UMAX[byteLength]);
      return byteLengthError(byteLength);
    },
    writeIntLE(value, offset, byteLength) {
      if (byteLength === 1) return writeInt8(this, value, offset, -0x80, 0x7f);
      if (validLength(byteLength)) return writeLe(this, value, offset, byteLength, SMIN[byteLength], -SMIN[byteLength] - 1);
      return byteLengthError(byteLength);
    },
    writeIntBE(value, offset, byteLength) {
      if (byteLength === 1) return writeInt8(this, value, offset, -0x80, 0x7f);
      if (validLength(byteLength)) return writeBe(this, value, offset, byteLength, SMIN[byteLength], -SMIN[byteLength] - 1);
      return byteLengthError(byteLength);
    },
    writeBigUInt64LE(value, offset = 0) { return writeBig(this, value, offset, true, 0n, 0xffffffffffffffffn); },
    writeBigUInt64BE(value, offset = 0) { return writeBig(this, value, offset, false, 0n, 0xffffffffffffffffn); },
    writeBigInt64LE(value, offset = 0) { return writeBig(this, value, offset, true, -(2n ** 63n), 2n ** 63n - 1n); },
    writeBigInt64BE(value, offset = 0) { return writeBig(this, value, offset, false, -(2n ** 63n), 2n ** 63n - 1n); },
    writeFloatLE(value, offset = 0) { f32[0] = +value; checkBounds(this, offset, 3); copyFloat(this, offset, f32u8, 4, true); return offset + 4; },
    writeFloatBE(value, offset = 0) { f32[0] = +value; checkBounds(this, offset, 3); copyFloat(this, offset, f32u8, 4, false); return offset + 4; },
    writeDoubleLE(value, offset = 0) { f64[0] = +value; checkBounds(this, offset, 7); copyFloat(this, offset, f64u8, 8, true); return offset + 8; },
    writeDoubleBE(value, offset = 0) { f64[0] = +value; checkBounds(this, offset, 7); copyFloat(this, offset, f64u8, 8, false); return offset + 8; },
  };
  for (const name of new SafeArrayIterator(ObjectKeys(m))) {
    ObjectDefineProperty(proto, name, { __proto__: null, value: m[name], writable: true, configurable: true, enumerable: true });
    // Lowercase 'Uint' aliases share the same function, as in node.
    if (includesIn(name, 'UInt')) {
      ObjectDefineProperty(proto, StringPrototypeReplace(name, 'UInt', 'Uint'), { __proto__: null, value: m[name], writable: true, configurable: true, enumerable: true });
    }
  }
}

module.exports = { install, boundsError };
