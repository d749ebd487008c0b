'use strict';
// atob/btoa (WHATWG forgiving-base64), exported from 'buffer' and used as globals.
// No internalBinding: inputs are strings of latin1 characters, decoded in JS.

const {
  StringFromCharCode, StringPrototypeCharCodeAt,
} = primordials;
const { regExpReplace } = require('internal/util/regexp');
const { includesIn, sliceOf } = require('internal/util/either');

const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) DECODE[StringPrototypeCharCodeAt(ALPHABET, i)] = i;

function domException(message) {
  const DE = globalThis.DOMException;
  if (typeof DE === 'function') return new DE(message, 'InvalidCharacterError');
  const e = new Error(message);
  e.name = 'InvalidCharacterError';
  e.code = 5;
  return e;
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let out = '';
  const n = input.length;
  for (let i = 0; i < n; i++) if (StringPrototypeCharCodeAt(input, i) > 0xff) throw domException('Invalid character');
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (StringPrototypeCharCodeAt(input, i) << 16) | (StringPrototypeCharCodeAt(input, i + 1) << 8) | StringPrototypeCharCodeAt(input, i + 2);
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
  }
  if (n - i === 1) {
    const v = StringPrototypeCharCodeAt(input, i) << 16;
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + '==';
  } else if (n - i === 2) {
    const v = (StringPrototypeCharCodeAt(input, i) << 16) | (StringPrototypeCharCodeAt(input, i + 1) << 8);
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + '=';
  }
  return out;
}

function isWhitespace(c) {
  return c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
}

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let data = '';
  for (let i = 0; i < input.length; i++) {
    const c = StringPrototypeCharCodeAt(input, i);
    if (isWhitespace(c)) continue;
    if (c !== 0x3d && (c > 127 || DECODE[c] === -1)) throw domException('Invalid character');
    data += input[i];
  }
  // Order of checks matches node: misplaced or excess '=' is an invalid character,
  // a dangling single sextet is a bad encoding, padding must complete a quantum.
  const eq = data.length - regExpReplace(data, /=+$/, '').length;
  const body = sliceOf(data, 0, data.length - eq);
  if (includesIn(body, '=') || eq > 2) throw domException('Invalid character');
  if (body.length % 4 === 1) throw domException('The string to be decoded is not correctly encoded.');
  if (eq > 0 && data.length % 4 !== 0) throw domException('Invalid character');
  data = body;
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < data.length; i++) {
    acc = (acc << 6) | DECODE[StringPrototypeCharCodeAt(data, i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += StringFromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

module.exports = { atob, btoa };
