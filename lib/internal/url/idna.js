'use strict';
// Punycode (RFC 3492) and a simplified IDNA ToASCII / ToUnicode for URL
// hosts. The UTS #46 mapping table is approximated by NFKC plus lower-casing
// and dropping default-ignorable characters; bidi and joiner rules are not
// checked, so a few hosts Node rejects are accepted here.
// internalBinding: none.

const {
  ArrayFrom, ArrayPrototypeEvery, ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePush,
  ArrayPrototypeSplice, MathFloor, SafeArrayIterator, StringFromCharCode, StringFromCodePointApply,
  StringPrototypeCharCodeAt, StringPrototypeCodePointAt, StringPrototypeIncludes, StringPrototypeNormalize,
  StringPrototypeReplace, StringPrototypeSplit, StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
} = primordials;
const { regExpReplace, regExpTest } = require('internal/util/regexp');
const { includesIn, lastIndexOfIn, sliceOf } = require('internal/util/either');

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAXINT = 0x7FFFFFFF;

function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? MathFloor(delta / DAMP) : delta >> 1;
  delta += MathFloor(delta / numPoints);
  let k = 0;
  while (delta > ((BASE - TMIN) * TMAX) >> 1) {
    delta = MathFloor(delta / (BASE - TMIN));
    k += BASE;
  }
  return k + MathFloor(((BASE - TMIN + 1) * delta) / (delta + SKEW));
}

function digitToChar(d) {
  return StringFromCharCode(d < 26 ? d + 97 : d + 22);
}

function charToDigit(c) {
  if (c >= 48 && c <= 57) return c - 22;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 97;
  return BASE;
}

function overflowed(onOverflow) {
  if (onOverflow !== undefined) onOverflow();
  return null;
}

// Code points of `label` to its Punycode form (without 'xn--'); null on overflow.
function encode(label) {
  const input = ArrayFrom(label, (ch) => StringPrototypeCodePointAt(ch, 0));
  let out = '';
  for (const cp of new SafeArrayIterator(input)) if (cp < 0x80) out += StringFromCharCode(cp);
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < input.length) {
    let m = MAXINT;
    for (const cp of new SafeArrayIterator(input)) if (cp >= n && cp < m) m = cp;
    if (m - n > MathFloor((MAXINT - delta) / (handled + 1))) return null;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of new SafeArrayIterator(input)) {
      if (cp < n && ++delta > MAXINT) return null;
      if (cp === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
          if (q < t) break;
          out += digitToChar(t + ((q - t) % (BASE - t)));
          q = MathFloor((q - t) / (BASE - t));
        }
        out += digitToChar(q);
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

// Punycode text (without 'xn--') to a string; null when malformed, after calling
// onOverflow (when given) if the cause was a number past 2^31-1.
function decode(input, onOverflow) {
  const output = [];
  let basicEnd = lastIndexOfIn(input, '-');
  if (basicEnd < 0) basicEnd = 0;
  for (let j = 0; j < basicEnd; j++) {
    const c = StringPrototypeCharCodeAt(input, j);
    if (c >= 0x80) return null;
    ArrayPrototypePush(output, c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = basicEnd > 0 ? basicEnd + 1 : 0; pos < input.length;) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = charToDigit(StringPrototypeCharCodeAt(input, pos++));
      if (digit >= BASE) return null;
      if (digit > MathFloor((MAXINT - i) / w)) return overflowed(onOverflow);
      i += digit * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (digit < t) break;
      if (w > MathFloor(MAXINT / (BASE - t))) return overflowed(onOverflow);
      w *= BASE - t;
    }
    const len = output.length + 1;
    bias = adapt(i - oldi, len, oldi === 0);
    if (MathFloor(i / len) > MAXINT - n) return overflowed(onOverflow);
    n += MathFloor(i / len);
    i %= len;
    if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) return null;
    ArrayPrototypeSplice(output, i++, 0, n);
  }
  return StringFromCodePointApply(output);
}

// Characters UTS #46 maps to nothing.
const ignored = /[\u00AD\u034F\u180B-\u180D\u200B\u2060\uFE00-\uFE0F\uFEFF]/g;

// Map a domain the way UTS #46 (non-transitional) roughly does.
function mapDomain(domain) {
  // eslint-disable-next-line no-control-regex
  if (regExpTest(/^[\x00-\x7F]*$/, domain)) return StringPrototypeToLowerCase(domain);
  return StringPrototypeNormalize(StringPrototypeToLowerCase(StringPrototypeReplace(StringPrototypeNormalize(regExpReplace(regExpReplace(domain, ignored, ''), /\u1E9E/g, 'ss'), 'NFKC'), /\u03A3/g, '\u03C3')), 'NFC')
    .replace(/[\u3002\uFF0E\uFF61]/g, '.');
}

// --- validity checks on mapped labels (UTS #46 CheckJoiners, CheckBidi) ---
const viramas = /[\u094D\u09CD\u0A4D\u0ACD\u0B4D\u0BCD\u0C4D\u0CCD\u0D3B\u0D3C\u0D4D\u0DCA\u0E3A\u0F84\u1039\u103A\u1714\u1734\u17D2\u1A60\u1B44\u1BAA\u1BAB\u1BF2\u1BF3\u2D7F\uA806\uA8C4\uA953\uA9C0\uAAF6\uABED]$/;
const AN = /[\u0600-\u0605\u0660-\u0669\u066B\u066C\u06DD\u0890\u0891\u08E2]/u;
const EN = /[0-9\u06F0-\u06F9\u00B2\u00B3\u00B9\u2070-\u2079\u2080-\u2089]/u;
const NSM = /[\p{Mn}\p{Me}]/u;
const RTL = /[\u0590-\u08FF\u07C0-\u085F\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

function bidiClass(ch) {
  if (regExpTest(NSM, ch)) return 'NSM';
  if (regExpTest(AN, ch)) return 'AN';
  if (regExpTest(EN, ch)) return 'EN';
  if (regExpTest(RTL, ch)) return 'R';
  if (regExpTest(/[\p{L}\p{Mc}\p{Nd}\p{Nl}\p{No}]/u, ch)) return 'L';
  return 'ON';
}

function validLabel(label, bidiDomain) {
  const chars = ArrayFrom(label);
  if (chars.length === 0) return true;
  if (regExpTest(NSM, chars[0]) || regExpTest(/^\p{Mc}/u, chars[0])) return false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\u200C' || ch === '\u200D') {
      // Joiners are allowed only right after a virama.
      if (i === 0 || !regExpTest(viramas, chars[i - 1])) return false;
    }
    // eslint-disable-next-line no-control-regex
    if (regExpTest(/[\x00-\x1F\x7F-\x9F]/, ch)) return false;
  }
  if (!bidiDomain) return true;
  // Node's IDNA (ada) applies its own reading of the bidi rule, matched
  // here by observation: a label starting right-to-left may hold no L and
  // must end (before marks) in R, AL, EN or AN; any other label may hold no
  // R, AL or AN except as its last character. Right-to-left labels may not
  // mix EN with AN.
  const classes = ArrayPrototypeMap(chars, bidiClass);
  if (classes[0] === 'R') {
    if (includesIn(classes, 'L')) return false;
    if (includesIn(classes, 'EN') && includesIn(classes, 'AN')) return false;
    let last = classes.length - 1;
    while (last > 0 && classes[last] === 'NSM') last--;
    return includesIn(['R', 'EN', 'AN'], classes[last]);
  }
  for (let i = 0; i < classes.length - 1; i++) {
    if (classes[i] === 'R' || classes[i] === 'AN') return false;
  }
  return true;
}

function validDomain(labels) {
  return ArrayPrototypeEvery(labels, (l) => validLabel(l, true));
}

// Domain to ASCII for the URL host parser; null on failure.
function toASCII(domain) {
  // An ASCII name with no punycode label maps to itself lower-cased (each label
  // passes as it is below): the common case, without the regexps and split.
  let ascii = true;
  for (let i = 0; i < domain.length; i++) {
    if (StringPrototypeCharCodeAt(domain, i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const lower = StringPrototypeToLowerCase(domain);
    if (!StringPrototypeIncludes(lower, 'xn--')) return lower;
  }
  const mapped = mapDomain(domain);
  const labels = StringPrototypeSplit(mapped, '.');
  // eslint-disable-next-line no-control-regex
  if (!regExpTest(/^[\x00-\x7F]*$/, mapped) && !validDomain(labels)) return null;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (StringPrototypeStartsWith(label, 'xn--')) {
      // eslint-disable-next-line no-control-regex
      if (!regExpTest(/^[\x00-\x7F]*$/, label)) return null;
      const decoded = decode(sliceOf(label, 4));
      // eslint-disable-next-line no-control-regex
      if (decoded === null || decoded.length === 0 || regExpTest(/^[\x00-\x7F]*$/, decoded) ||
          regExpTest(/[\x00-\x20\x7F-\x9F]/, decoded) || mapDomain(decoded) !== decoded) {
        return null;
      }
      continue;
    }
    // eslint-disable-next-line no-control-regex
    if (regExpTest(/^[\x00-\x7F]*$/, label)) continue;
    const enc = encode(label);
    if (enc === null) return null;
    labels[i] = `xn--${enc}`;
  }
  return ArrayPrototypeJoin(labels, '.');
}

// Domain to Unicode: decode 'xn--' labels, leave the rest (lower-cased).
function toUnicode(domain) {
  const labels = StringPrototypeSplit(mapDomain(domain), '.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (StringPrototypeStartsWith(label, 'xn--')) {
      const decoded = decode(sliceOf(label, 4));
      if (decoded !== null) labels[i] = decoded;
    }
  }
  return ArrayPrototypeJoin(labels, '.');
}

module.exports = { encode, decode, toASCII, toUnicode };
