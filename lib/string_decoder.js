'use strict';
// string_decoder: StringDecoder turns a stream of byte chunks into strings
// without splitting multi-byte characters (utf8, utf16le) or base64 groups.
// Complete runs of bytes are decoded by require('buffer').Buffer#toString.
// internalBinding: none.

const {
  ArrayBufferIsView, ObjectDefineProperties, ObjectDefineProperty, StringFromCodePoint,
  StringPrototypeToLowerCase,
} = primordials;

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING, ERR_INVALID_THIS },
} = require('internal/errors');

const kState = Symbol('kState');

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  switch (StringPrototypeToLowerCase(`${enc}`)) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'ascii': return 'ascii';
    default: return undefined;
  }
}

function toBuffer(buf) {
  if (Buffer.isBuffer(buf)) return buf;
  if (ArrayBufferIsView(buf)) return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
}

// Length of the UTF-8 sequence a lead byte announces, by its bit pattern
// alone (0 for continuation bytes and 0xF8-0xFF). Node's decoder waits for
// that many bytes even when the lead can never start a valid character;
// the final decode then turns such bytes into U+FFFD.
function utf8SeqLength(b) {
  if ((b & 0xE0) === 0xC0) return 2;
  if ((b & 0xF0) === 0xE0) return 3;
  if ((b & 0xF8) === 0xF0) return 4;
  return 0;
}

function isContinuation(b) {
  return (b & 0xC0) === 0x80;
}

// How many bytes at the end of `buf` start a character still missing bytes,
// and that character's full length.
// An unfinished character at the end of buf[start, end): how many of its bytes are
// there (low 3 bits) and how many it needs (next bits), packed so that a write
// allocates nothing for it; 0 when the bytes end on a character boundary.
function utf8Tail(buf, start, end) {
  for (let back = 1; back <= 4 && back <= end - start; back++) {
    const b = buf[end - back];
    if (isContinuation(b)) continue;
    const need = utf8SeqLength(b);
    return need > back ? back | (need << 3) : 0;
  }
  return 0;
}

// The character a completed multi-byte sequence held across writes stands for,
// without a trip to the native decoder; '' when it is ill-formed (overlong,
// surrogate, past U+10FFFF), which the native decoder then turns into U+FFFD.
function heldChar(bytes, n) {
  let cp = bytes[0] & (0x7f >> n);
  for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[k] & 0x3f);
  if (n === 2 ? cp < 0x80 : n === 3 ? cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) : cp < 0x10000 || cp > 0x10ffff) {
    return '';
  }
  return StringFromCodePoint(cp);
}

const kNativeDecoder = Symbol('kNativeDecoder');
const encodingIds = { ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, base64url: 7 };

class DecoderState {
  constructor(encoding) {
    this.encoding = encoding;
    this.native = Buffer.alloc(7);
    this.native[6] = encodingIds[encoding];
    this.lastChar = this.native.subarray(0, 4);
  }

  get lastNeed() {
    return this.native[4];
  }

  set lastNeed(n) {
    this.native[4] = n;
  }

  get buffered() {
    return this.native[5];
  }

  set buffered(n) {
    this.native[5] = n;
  }

  get lastTotal() {
    return this.native[4] + this.native[5];
  }

  hold(bytes, total) {
    for (let i = 0; i < bytes.length; i++) this.lastChar[i] = bytes[i];
    this.buffered = bytes.length;
    this.lastNeed = total - bytes.length;
  }

  clear() {
    this.buffered = 0;
    this.lastNeed = 0;
  }

  pendingPlus(buf) {
    if (this.buffered === 0) return buf;
    return Buffer.concat([this.lastChar.subarray(0, this.buffered), buf]);
  }

  pending() {
    return this.lastChar.subarray(0, this.buffered);
  }

  write(buf) {
    switch (this.encoding) {
      case 'utf8': return this.writeUtf8(buf);
      case 'utf16le': return this.writeUtf16(buf);
      case 'base64':
      case 'base64url': return this.writeBase64(buf);
      default: return buf.toString(this.encoding);
    }
  }

  writeUtf8(buf) {
    let out = '';
    let i = 0;
    const len = buf.length;
    if (this.lastNeed > 0) {
      while (i < len && this.lastNeed > 0 && isContinuation(buf[i])) {
        this.lastChar[this.buffered++] = buf[i++];
        this.lastNeed--;
      }
      if (this.lastNeed > 0 && i === len) return '';
      out = this.lastNeed === 0 ? heldChar(this.lastChar, this.buffered) : '';
      if (out === '') out = this.lastChar.toString('utf8', 0, this.buffered);
      this.clear();
    }
    const tail = utf8Tail(buf, i, len);
    if (tail === 0) return out + buf.toString('utf8', i, len);
    const held = tail & 7;
    for (let k = 0; k < held; k++) this.lastChar[k] = buf[len - held + k];
    this.buffered = held;
    this.lastNeed = (tail >> 3) - held;
    return out + buf.toString('utf8', i, len - held);
  }

  writeUtf16(buf) {
    let out = '';
    let i = 0;
    if (this.lastNeed > 0) {
      while (i < buf.length && this.lastNeed > 0) {
        this.lastChar[this.buffered++] = buf[i++];
        this.lastNeed--;
      }
      if (this.lastNeed > 0) return '';
      out = this.pending().toString('utf16le');
      this.clear();
    }
    const rest = i === 0 ? buf : buf.subarray(i);
    let end = rest.length;
    if (end & 1) {
      end--;
      this.hold(rest.subarray(end), 2);
    } else if (end >= 2) {
      // A trailing high surrogate waits for its partner.
      const unit = rest[end - 2] | (rest[end - 1] << 8);
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        end -= 2;
        this.hold(rest.subarray(end), 4);
      }
    }
    return out + rest.toString('utf16le', 0, end);
  }

  writeBase64(buf) {
    const data = this.pendingPlus(buf);
    this.clear();
    const rest = data.length % 3;
    const end = data.length - rest;
    if (rest > 0) this.hold(data.subarray(end), 3);
    return data.toString(this.encoding, 0, end);
  }

  flush() {
    if (this.buffered === 0) return '';
    const pending = this.pending();
    const enc = this.encoding;
    const total = this.lastTotal;
    this.clear();
    if (enc === 'utf16le') {
      // A held high surrogate comes out alone; a lone odd byte is dropped.
      return total === 4 && pending.length >= 2 ? pending.toString('utf16le', 0, 2) : '';
    }
    return pending.toString(enc);
  }
}

function stateOf(decoder) {
  const s = decoder?.[kState];
  if (s === undefined) throw new ERR_INVALID_THIS('StringDecoder');
  return s;
}

function StringDecoder(encoding) {
  const enc = normalizeEncoding(encoding);
  if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = enc;
  const state = new DecoderState(enc);
  ObjectDefineProperty(this, kState, { __proto__: null, value: state });
  this[kNativeDecoder] = state.native;
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  return stateOf(this).write(toBuffer(buf));
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  return ret + stateOf(this).flush();
};

// Decode from `offset` on, dropping any character held back from earlier.
StringDecoder.prototype.text = function text(buf, offset) {
  const state = stateOf(this);
  state.clear();
  return this.write(toBuffer(buf).subarray(offset));
};

ObjectDefineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return stateOf(this).lastChar;
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return stateOf(this).lastNeed;
    },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return stateOf(this).lastTotal;
    },
  },
});

module.exports = { StringDecoder };
