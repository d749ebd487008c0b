'use strict';
// Punycode (RFC 3492) and a simplified IDNA ToASCII / ToUnicode for URL
// hosts. The UTS #46 mapping table is approximated by NFKC plus lower-casing
// and dropping default-ignorable characters; bidi and joiner rules are not
// checked, so a few hosts Node rejects are accepted here.
// internalBinding: none.

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAXINT = 0x7FFFFFFF;

function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > ((BASE - TMIN) * TMAX) >> 1) {
    delta = Math.floor(delta / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * delta) / (delta + SKEW));
}

function digitToChar(d) {
  return String.fromCharCode(d < 26 ? d + 97 : d + 22);
}

function charToDigit(c) {
  if (c >= 48 && c <= 57) return c - 22;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 97;
  return BASE;
}

// Code points of `label` to its Punycode form (without 'xn--'); null on overflow.
function encode(label) {
  const input = Array.from(label, (ch) => ch.codePointAt(0));
  let out = '';
  for (const cp of input) if (cp < 0x80) out += String.fromCharCode(cp);
  const basic = out.length;
  let handled = basic;
  if (basic > 0) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < input.length) {
    let m = MAXINT;
    for (const cp of input) if (cp >= n && cp < m) m = cp;
    if (m - n > Math.floor((MAXINT - delta) / (handled + 1))) return null;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of input) {
      if (cp < n && ++delta > MAXINT) return null;
      if (cp === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
          if (q < t) break;
          out += digitToChar(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
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

// Punycode text (without 'xn--') to a string; null when malformed.
function decode(input) {
  const output = [];
  let basicEnd = input.lastIndexOf('-');
  if (basicEnd < 0) basicEnd = 0;
  for (let j = 0; j < basicEnd; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = basicEnd > 0 ? basicEnd + 1 : 0; pos < input.length;) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = charToDigit(input.charCodeAt(pos++));
      if (digit >= BASE || digit > Math.floor((MAXINT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAXINT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const len = output.length + 1;
    bias = adapt(i - oldi, len, oldi === 0);
    if (Math.floor(i / len) > MAXINT - n) return null;
    n += Math.floor(i / len);
    i %= len;
    if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

// Characters UTS #46 maps to nothing.
const ignored = /[\u00AD\u034F\u180B-\u180D\u200B\u2060\uFE00-\uFE0F\uFEFF]/g;

// Map a domain the way UTS #46 (non-transitional) roughly does.
function mapDomain(domain) {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7F]*$/.test(domain)) return domain.toLowerCase();
  return domain.replace(ignored, '').normalize('NFKC').toLowerCase().normalize('NFC')
    .replace(/[\u3002\uFF0E\uFF61]/g, '.');
}

// Domain to ASCII for the URL host parser; null on failure.
function toASCII(domain) {
  const mapped = mapDomain(domain);
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      // eslint-disable-next-line no-control-regex
      if (!/^[\x00-\x7F]*$/.test(label)) return null;
      const decoded = decode(label.slice(4));
      // eslint-disable-next-line no-control-regex
      if (decoded === null || decoded.length === 0 || /^[\x00-\x7F]*$/.test(decoded) ||
          /[\x00-\x20\x7F-\x9F]/.test(decoded) || mapDomain(decoded) !== decoded) {
        return null;
      }
      continue;
    }
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7F]*$/.test(label)) continue;
    const enc = encode(label);
    if (enc === null) return null;
    labels[i] = `xn--${enc}`;
  }
  return labels.join('.');
}

// Domain to Unicode: decode 'xn--' labels, leave the rest (lower-cased).
function toUnicode(domain) {
  const labels = mapDomain(domain).split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      const decoded = decode(label.slice(4));
      if (decoded !== null) labels[i] = decoded;
    }
  }
  return labels.join('.');
}

module.exports = { encode, decode, toASCII, toUnicode };
