'use strict';
// punycode: Node's deprecated copy of the punycode.js library (version 2.1.0's API).
// The RFC 3492 coder is the URL host parser's (internal/url/idna); this module adds
// punycode.js's string handling: UCS-2 helpers, e-mail-aware toASCII/toUnicode and
// RangeErrors instead of null. Node 20 warns (DEP0040) only under --pending-deprecation.

const {
  RangeError, StringFromCodePointApply, StringPrototypeCharCodeAt, StringPrototypeSlice,
  StringPrototypeSplit, StringPrototypeStartsWith, StringPrototypeToLowerCase,
} = primordials;
const idna = require('internal/url/idna');
const { regExpReplace, regExpTest } = require('internal/util/regexp');
const { getOptionValue } = require('internal/options');

if (getOptionValue('--pending-deprecation') || process.env.NODE_PENDING_DEPRECATION === '1') {
  process.emitWarning('The `punycode` module is deprecated. Please use a userland ' +
                      'alternative instead.', 'DeprecationWarning', 'DEP0040');
}

// A string to its code points, each lone surrogate kept as its own value.
function ucs2decode(string) {
  string = `${string}`;
  const output = [];
  for (let i = 0; i < string.length; i++) {
    const c = StringPrototypeCharCodeAt(string, i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < string.length) {
      const next = StringPrototypeCharCodeAt(string, i + 1);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        output[output.length] = ((c - 0xD800) * 0x400) + (next - 0xDC00) + 0x10000;
        i++;
        continue;
      }
    }
    output[output.length] = c;
  }
  return output;
}

function ucs2encode(codePoints) {
  return StringFromCodePointApply(codePoints);
}

function throwOverflow() {
  throw new RangeError('Overflow: input needs wider integers to process');
}

function encode(input) {
  const out = idna.encode(`${input}`);
  if (out === null) throwOverflow();
  return out;
}

function decode(input) {
  input = `${input}`;
  let basicEnd = -1;
  for (let i = 0; i < input.length; i++) if (input[i] === '-') basicEnd = i;
  for (let i = 0; i < basicEnd; i++) {
    if (StringPrototypeCharCodeAt(input, i) >= 0x80) {
      throw new RangeError('Illegal input >= 0x80 (not a basic code point)');
    }
  }
  const out = idna.decode(input, throwOverflow);
  if (out === null) throw new RangeError('Invalid input');
  return out;
}

// Apply `fn` to each label of a domain, leaving an e-mail's local part alone.
function mapDomain(domain, fn) {
  const parts = StringPrototypeSplit(domain, '@');
  let result = '';
  if (parts.length > 1) {
    result = `${parts[0]}@`;
    domain = parts[1];
  }
  const labels = StringPrototypeSplit(regExpReplace(domain, /[.\u3002\uFF0E\uFF61]/g, '.'), '.');
  let encoded = '';
  for (let i = 0; i < labels.length; i++) encoded += (i > 0 ? '.' : '') + fn(labels[i]);
  return result + encoded;
}

function toASCII(input) {
  return mapDomain(input, (label) =>
    (regExpTest(/[^\0-\x7F]/, label) ? `xn--${encode(label)}` : label));
}

function toUnicode(input) {
  return mapDomain(input, (label) =>
    (StringPrototypeStartsWith(label, 'xn--') ?
      decode(StringPrototypeToLowerCase(StringPrototypeSlice(label, 4))) : label));
}

module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  decode, encode, toASCII, toUnicode,
};
