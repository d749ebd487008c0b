'use strict';
// querystring: parse/decode, stringify/encode, escape, unescape, unescapeBuffer.
// internalBinding: none (uses require('buffer').Buffer for unescapeBuffer).

const {
  ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypePush, NumberIsFinite, ObjectKeys,
  ObjectSetPrototypeOf, SafeStringIterator, StringPrototypeCharCodeAt,
  StringPrototypeSlice, StringPrototypeToUpperCase,
} = primordials;

const { codes: { ERR_INVALID_URI } } = require('internal/errors');
const { hexDigit, decodeAsciiEscapes } = require('internal/querystring');

// Bytes that escape() leaves alone: A-Z a-z 0-9 - _ . ! ~ * ' ( )
const unreserved = new Int8Array(128);
for (const ch of new SafeStringIterator('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*\'()')) {
  unreserved[StringPrototypeCharCodeAt(ch, 0)] = 1;
}
const hex = [];
for (let i = 0; i < 256; i++) ArrayPrototypePush(hex, '%' + (i < 16 ? '0' : '') + StringPrototypeToUpperCase(i.toString(16)));

// Percent-encode UTF-8 bytes of `str` except those marked in `noEscape`.
// Lone surrogates cannot be encoded: URIError with code ERR_INVALID_URI.
function encodeStr(str, noEscape) {
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    let c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x80) {
      if (noEscape[c] === 1) continue;
      if (last < i) out += StringPrototypeSlice(str, last, i);
      last = i + 1;
      out += hex[c];
      continue;
    }
    if (last < i) out += StringPrototypeSlice(str, last, i);
    if (c < 0x800) {
      last = i + 1;
      out += hex[0xC0 | (c >> 6)] + hex[0x80 | (c & 0x3F)];
      continue;
    }
    if (c < 0xD800 || c >= 0xE000) {
      last = i + 1;
      out += hex[0xE0 | (c >> 12)] + hex[0x80 | ((c >> 6) & 0x3F)] + hex[0x80 | (c & 0x3F)];
      continue;
    }
    // Surrogate: Node combines it with whatever unit follows (it checks
    // only that one follows), so lone surrogates mid-string encode as a
    // four-byte sequence rather than failing.
    ++i;
    if (i >= str.length) throw new ERR_INVALID_URI();
    const c2 = StringPrototypeCharCodeAt(str, i);
    last = i + 1;
    c = 0x10000 + (((c & 0x3FF) << 10) | (c2 & 0x3FF));
    out += hex[0xF0 | (c >> 18)] + hex[0x80 | ((c >> 12) & 0x3F)] +
      hex[0x80 | ((c >> 6) & 0x3F)] + hex[0x80 | (c & 0x3F)];
  }
  if (last === 0) return str;
  if (last < str.length) return out + StringPrototypeSlice(str, last);
  return out;
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeStr(str, unreserved);
}

// Percent-decode into bytes; malformed escapes stay as they are.
function unescapeBuffer(s, decodeSpaces) {
  const { Buffer } = require('buffer');
  s = `${s}`;
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c === 43 /* + */ && decodeSpaces) {
      out[n++] = 32;
      continue;
    }
    if (c === 37 /* % */ && i + 2 < s.length) {
      const h = hexDigit(StringPrototypeCharCodeAt(s, i + 1));
      const l = h === -1 ? -1 : hexDigit(StringPrototypeCharCodeAt(s, i + 2));
      if (h !== -1 && l !== -1) {
        out[n++] = h * 16 + l;
        i += 2;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.slice(0, n);
}

function qsUnescape(s, decodeSpaces) {
  if (typeof s === 'string') {
    const ascii = decodeAsciiEscapes(s);
    if (ascii !== undefined) return ascii;
  }
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && NumberIsFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = module.exports.escape; // a user may replace qs.escape, as in node
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  const convert = (v) => encode(stringifyPrimitive(v));
  if (obj === null || typeof obj !== 'object') return '';
  const keys = ObjectKeys(obj);
  const fields = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = obj[k];
    const ks = convert(k) + eq;
    if (ArrayIsArray(v)) {
      for (let j = 0; j < v.length; j++) ArrayPrototypePush(fields, ks + convert(v[j]));
    } else {
      ArrayPrototypePush(fields, ks + convert(v));
    }
  }
  return ArrayPrototypeJoin(fields, sep);
}

function isHex(c) {
  return hexDigit(c) !== -1;
}

function decodeComponent(decode, str) {
  try {
    return decode(str);
  } catch {
    return qsUnescape(str, true);
  }
}

// One key/value into parse()'s result (top-level, not closures made per call).
function addPair(obj, decode, k, v, kEnc, vEnc) {
  if (k.length > 0 && kEnc) k = decodeComponent(decode, k);
  if (v.length > 0 && vEnc) v = decodeComponent(decode, v);
  const cur = obj[k];
  if (cur === undefined) obj[k] = v;
  else if (typeof cur === 'string') obj[k] = [cur, v];
  else ArrayPrototypePush(cur, v);
}

// Node's parser, whose exact quirks are observable: separators and the
// key/value delimiter are matched one character at a time with no
// backtracking (a failed partial match is not retried from the current
// character), and the separator is tried before the delimiter. A key or
// value is decoded only when it holds a valid %XX escape, a '+', or a custom
// decoder is in use; empty ones are never decoded.
function parse(qs, sep, eq, options) {
  // A null-prototype result, made from a plain object: V8 10.2 builds the literal
  // `{ __proto__: null }` in dictionary mode, where every key added and read is a
  // hash-table operation (about a quarter slower for a four-key query).
  const obj = ObjectSetPrototypeOf({}, null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  const sepStr = sep ? String(sep) : '&';
  const eqStr = eq ? String(eq) : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  let remaining = maxKeys > 0 ? maxKeys : -1;
  let decode = module.exports.unescape; // a user may replace qs.unescape, as in node
  if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
  const custom = decode !== qsUnescape;
  const plus = custom ? '%20' : ' ';

  let key = '';
  let value = '';
  let keyEnc = custom;
  let valEnc = custom;
  let sepAt = 0; // characters of the separator matched so far
  let eqAt = 0; // characters of the delimiter matched so far
  let pct = 0; // progress through a '%XX' escape: 0 none, 1 after '%', 2 after one digit
  let from = 0; // start of text not yet copied into key/value
  const sepLen = sepStr.length;
  const eqLen = eqStr.length;

  for (let i = 0; i < qs.length; i++) {
    const c = StringPrototypeCharCodeAt(qs, i);
    if (c === StringPrototypeCharCodeAt(sepStr, sepAt)) {
      if (++sepAt < sepLen) continue;
      const end = i - sepLen + 1;
      if (eqAt < eqLen) {
        if (from < end) {
          key += StringPrototypeSlice(qs, from, end);
        } else if (key.length === 0) {
          // Nothing between two separators: skip, but it still counts.
          if (--remaining === 0) return obj;
          from = i + 1;
          sepAt = eqAt = 0;
          continue;
        }
      } else if (from < end) {
        value += StringPrototypeSlice(qs, from, end);
      }
      addPair(obj, decode, key, value, keyEnc, valEnc);
      if (--remaining === 0) return obj;
      key = value = '';
      keyEnc = valEnc = custom;
      pct = 0;
      from = i + 1;
      sepAt = eqAt = 0;
      continue;
    }
    sepAt = 0;
    if (eqAt < eqLen) {
      // Still in the key.
      if (c === StringPrototypeCharCodeAt(eqStr, eqAt)) {
        if (++eqAt === eqLen) {
          const end = i - eqLen + 1;
          if (from < end) key += StringPrototypeSlice(qs, from, end);
          pct = 0;
          from = i + 1;
        }
        continue;
      }
      eqAt = 0;
      if (!keyEnc) {
        if (c === 37 /* % */) {
          pct = 1;
          continue;
        }
        if (pct > 0) {
          if (isHex(c)) {
            if (++pct === 3) keyEnc = true;
            continue;
          }
          pct = 0;
        }
      }
      if (c === 43 /* + */) {
        if (from < i) key += StringPrototypeSlice(qs, from, i);
        key += plus;
        from = i + 1;
        continue;
      }
      // Falls through to the value's escape check, as Node's does: once the
      // key is marked, a further %XX in the key marks the value too.
    } else if (c === 43 /* + */) {
      if (from < i) value += StringPrototypeSlice(qs, from, i);
      value += plus;
      from = i + 1;
      continue;
    }
    if (!valEnc) {
      if (c === 37 /* % */) {
        pct = 1;
      } else if (pct > 0) {
        if (isHex(c)) {
          if (++pct === 3) valEnc = true;
        } else {
          pct = 0;
        }
      }
    }
  }

  if (from < qs.length) {
    if (eqAt < eqLen) key += StringPrototypeSlice(qs, from);
    else if (sepAt < sepLen) value += StringPrototypeSlice(qs, from);
  } else if (eqAt === 0 && key.length === 0) {
    // The string ended right after a separator.
    return obj;
  }
  addPair(obj, decode, key, value, keyEnc, valEnc);
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
