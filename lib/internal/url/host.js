'use strict';
// WHATWG URL building blocks: percent-encode sets, UTF-8 percent-encoding and
// decoding, and the host parser (domains via IDNA, IPv4 in all its number
// forms, IPv6, opaque hosts) with host serialization. A parsed host is a
// string (domain or opaque), a number (IPv4) or an array of 8 pieces (IPv6).
// internalBinding: none.

const {
  ArrayIsArray, ArrayPrototypePop, ArrayPrototypePush, NumberIsNaN, SafeArrayIterator, SafeSet,
  StringFromCharCode, StringFromCodePoint, StringPrototypeCharCodeAt, StringPrototypeCodePointAt,
  StringPrototypeSplit, StringPrototypeToWellFormed,
} = primordials;
const { regExpReplace, regExpTest } = require('internal/util/regexp');
const { sliceOf } = require('internal/util/either');

const { toASCII } = require('internal/url/idna');

const FAILURE = null;

// --- percent-encode sets, as predicates on a code point ---
const inC0 = (c) => c < 0x20 || c > 0x7E;
const inFragment = (c) => inC0(c) || c === 0x20 || c === 0x22 || c === 0x3C || c === 0x3E || c === 0x60;
const inQuery = (c) => inC0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3C || c === 0x3E;
const inSpecialQuery = (c) => inQuery(c) || c === 0x27;
const inPath = (c) => inQuery(c) || c === 0x3F || c === 0x60 || c === 0x7B || c === 0x7D;
const inUserinfo = (c) => inPath(c) || c === 0x2F || c === 0x3A || c === 0x3B || c === 0x3D ||
  c === 0x40 || (c >= 0x5B && c <= 0x5E) || c === 0x7C;

const hexUpper = '0123456789ABCDEF';
function pctByte(b) {
  return '%' + hexUpper[b >> 4] + hexUpper[b & 15];
}

function utf8PercentEncodeCodePoint(cp, inSet) {
  if (!inSet(cp)) return StringFromCodePoint(cp);
  if (cp < 0x80) return pctByte(cp);
  if (cp < 0x800) return pctByte(0xC0 | (cp >> 6)) + pctByte(0x80 | (cp & 63));
  if (cp < 0x10000) {
    return pctByte(0xE0 | (cp >> 12)) + pctByte(0x80 | ((cp >> 6) & 63)) + pctByte(0x80 | (cp & 63));
  }
  return pctByte(0xF0 | (cp >> 18)) + pctByte(0x80 | ((cp >> 12) & 63)) +
    pctByte(0x80 | ((cp >> 6) & 63)) + pctByte(0x80 | (cp & 63));
}

function utf8PercentEncodeString(str, inSet) {
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const cp = StringPrototypeCodePointAt(str, i);
    if (cp > 0xFFFF) i++;
    out += utf8PercentEncodeCodePoint(cp, inSet);
  }
  return out;
}

// Replace lone surrogates with U+FFFD (USVString conversion). Most strings hold
// no surrogate at all: a loop (short strings) or one compiled character-class scan
// tells.
const anySurrogate = /[\uD800-\uDFFF]/;
function toUSV(str) {
  if (str.length < 32) {
    let i = 0;
    while (i < str.length && (StringPrototypeCharCodeAt(str, i) & 0xF800) !== 0xD800) i++;
    if (i === str.length) return str;
  } else if (!regExpTest(anySurrogate, str)) {
    return str;
  }
  if (StringPrototypeToWellFormed !== undefined) return StringPrototypeToWellFormed(str);
  return regExpReplace(str, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function hexVal(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// Percent-decode a string to bytes (UTF-8 encoding the rest).
function percentDecodeToBytes(str) {
  const bytes = [];
  const enc = utf8Encode(str);
  for (let i = 0; i < enc.length; i++) {
    const b = enc[i];
    if (b === 0x25 && i + 2 < enc.length) {
      const h = hexVal(enc[i + 1]);
      const l = hexVal(enc[i + 2]);
      if (h !== -1 && l !== -1) {
        ArrayPrototypePush(bytes, h * 16 + l);
        i += 2;
        continue;
      }
    }
    ArrayPrototypePush(bytes, b);
  }
  return bytes;
}

// Minimal UTF-8 encoder to a byte array (avoids depending on TextEncoder).
function utf8Encode(str) {
  const out = [];
  for (let i = 0; i < str.length; i++) {
    const cp = StringPrototypeCodePointAt(str, i);
    if (cp > 0xFFFF) i++;
    if (cp < 0x80) {
      ArrayPrototypePush(out, cp);
    } else if (cp < 0x800) {
      ArrayPrototypePush(out, 0xC0 | (cp >> 6), 0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      ArrayPrototypePush(out, 0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    } else {
      ArrayPrototypePush(out, 0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    }
  }
  return out;
}

// UTF-8 decode with replacement (WHATWG "UTF-8 decode without BOM").
function utf8Decode(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      out += StringFromCharCode(b);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1; cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2; cp = b & 0xF;
      if (b === 0xE0) lower = 0xA0;
      if (b === 0xED) upper = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3; cp = b & 0x7;
      if (b === 0xF0) lower = 0x90;
      if (b === 0xF4) upper = 0x8F;
    } else {
      out += '\uFFFD';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      if (j >= bytes.length || c < lower || c > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xBF;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (!ok) {
      out += '\uFFFD';
      i = j;
      continue;
    }
    out += StringFromCodePoint(cp);
    i = j;
  }
  return out;
}

// --- hosts ---
const forbiddenHost = new SafeSet(new SafeArrayIterator([0x00, 0x09, 0x0A, 0x0D, 0x20, 0x23, 0x2F, 0x3A, 0x3C, 0x3E, 0x3F, 0x40,
  0x5B, 0x5C, 0x5D, 0x5E, 0x7C]));
function isForbiddenHost(c) {
  return forbiddenHost.has(c);
}
function isForbiddenDomain(c) {
  return isForbiddenHost(c) || (c <= 0x1F) || c === 0x25 || c === 0x7F;
}

// IPv4 number: decimal, 0x-hex or 0-octal; returns NaN on failure.
function parseIPv4Number(s) {
  if (s.length === 0) return NaN;
  let radix = 10;
  if (s.length >= 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X')) {
    s = sliceOf(s, 2);
    radix = 16;
  } else if (s.length >= 2 && s[0] === '0') {
    s = sliceOf(s, 1);
    radix = 8;
  }
  if (s.length === 0) return 0;
  const re = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9A-Fa-f]+$/ : /^[0-7]+$/;
  if (!regExpTest(re, s)) return NaN;
  // Precision lost past 2^53 does not matter: such values only need to
  // compare as too large.
  return radix === 10 ? Number(s) : parseInt(s, radix);
}

function endsInANumber(input) {
  const parts = StringPrototypeSplit(input, '.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    ArrayPrototypePop(parts);
  }
  const last = parts[parts.length - 1];
  if (last !== '' && regExpTest(/^[0-9]+$/, last)) return true;
  return !NumberIsNaN(parseIPv4Number(last));
}

function parseIPv4(input) {
  const parts = StringPrototypeSplit(input, '.');
  if (parts[parts.length - 1] === '' && parts.length > 1) ArrayPrototypePop(parts);
  if (parts.length > 4) return FAILURE;
  const numbers = [];
  for (const part of new SafeArrayIterator(parts)) {
    const n = parseIPv4Number(part);
    if (NumberIsNaN(n)) return FAILURE;
    ArrayPrototypePush(numbers, n);
  }
  for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return FAILURE;
  const last = numbers[numbers.length - 1];
  if (last >= 256 ** (5 - numbers.length)) return FAILURE;
  let ipv4 = last;
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return ipv4;
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const cp = (i) => (i < input.length ? StringPrototypeCharCodeAt(input, i) : -1);
  if (cp(p) === 0x3A) {
    if (cp(p + 1) !== 0x3A) return FAILURE;
    p += 2;
    compress = ++pieceIndex;
  }
  while (cp(p) !== -1) {
    if (pieceIndex === 8) return FAILURE;
    if (cp(p) === 0x3A) {
      if (compress !== null) return FAILURE;
      p++;
      compress = ++pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && hexVal(cp(p)) !== -1) {
      value = value * 16 + hexVal(cp(p));
      p++;
      length++;
    }
    if (cp(p) === 0x2E) {
      if (length === 0) return FAILURE;
      p -= length;
      if (pieceIndex > 6) return FAILURE;
      let numbersSeen = 0;
      while (cp(p) !== -1) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (cp(p) === 0x2E && numbersSeen < 4) p++;
          else return FAILURE;
        }
        if (!(cp(p) >= 0x30 && cp(p) <= 0x39)) return FAILURE;
        while (cp(p) >= 0x30 && cp(p) <= 0x39) {
          const number = cp(p) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return FAILURE;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return FAILURE;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return FAILURE;
      break;
    } else if (cp(p) === 0x3A) {
      p++;
      if (cp(p) === -1) return FAILURE;
    } else if (cp(p) !== -1) {
      return FAILURE;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return FAILURE;
  }
  return address;
}

function serializeIPv6(address) {
  // Find the first longest run (length > 1) of zero pieces to compress.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (bestStart === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

function serializeHost(host) {
  if (typeof host === 'number') {
    return `${(host >>> 24) & 255}.${(host >>> 16) & 255}.${(host >>> 8) & 255}.${host & 255}`;
  }
  if (ArrayIsArray(host)) return `[${serializeIPv6(host)}]`;
  return host;
}

function parseOpaqueHost(input) {
  for (let i = 0; i < input.length; i++) {
    if (isForbiddenHost(StringPrototypeCharCodeAt(input, i))) return FAILURE;
  }
  return utf8PercentEncodeString(input, inC0);
}

function parseHost(input, isOpaque) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return FAILURE;
    return parseIPv6(sliceOf(input, 1, -1));
  }
  if (isOpaque) return parseOpaqueHost(input);
  // eslint-disable-next-line no-control-regex
  const domain = regExpTest(/^[\x00-\x24\x26-\x7F]*$/, input) ? input : utf8Decode(percentDecodeToBytes(input));
  const asciiDomain = toASCII(domain);
  if (asciiDomain === null || asciiDomain.length === 0) return FAILURE;
  for (let i = 0; i < asciiDomain.length; i++) {
    if (isForbiddenDomain(StringPrototypeCharCodeAt(asciiDomain, i))) return FAILURE;
  }
  if (endsInANumber(asciiDomain)) return parseIPv4(asciiDomain);
  return asciiDomain;
}

module.exports = {
  FAILURE,
  inC0,
  inFragment,
  inQuery,
  inSpecialQuery,
  inPath,
  inUserinfo,
  utf8PercentEncodeCodePoint,
  utf8PercentEncodeString,
  toUSV,
  percentDecodeToBytes,
  utf8Decode,
  utf8Encode,
  parseHost,
  serializeHost,
  parseIPv4,
  parseIPv6,
};
