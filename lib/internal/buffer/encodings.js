'use strict';
// Per-encoding operations behind Buffer: byte length, string -> bytes, bytes -> string
// and search. Large inputs go to native code; short latin1/ascii/utf8 work stays in
// JS because crossing into native costs more than the loop.
//
// internalBinding('buffer') contract (all `u8` are Uint8Arrays, offsets in bytes):
//   byteLengthUtf8(string) -> number            UTF-8 length, lone surrogates count 3
//   utf8Write|latin1Write|asciiWrite|ucs2Write|hexWrite|base64Write|base64urlWrite
//     (u8, string, offset, maxBytes) -> bytesWritten
//       writes at most maxBytes at u8[offset]; utf8/ucs2 never write a partial
//       character; lone surrogates become EF BF BD; latin1/ascii write code & 0xff;
//       hex stops at the first pair that is not two hex digits (and drops an odd
//       last digit); base64/base64url accept both alphabets, skip whitespace and
//       other non-alphabet characters, and stop at '='.
//   utf8Slice|latin1Slice|asciiSlice|ucs2Slice|hexSlice|base64Slice|base64urlSlice
//     (u8, start, end) -> string   (0 <= start <= end <= u8.length)
//       utf8 replaces invalid sequences with U+FFFD per WHATWG maximal subpart;
//       ascii clears the top bit of each byte; ucs2 ignores an odd last byte;
//       base64 pads with '=', base64url does not.
//   indexOfString(u8, string, byteOffset, encoding, forward) -> index | -1
//   indexOfBuffer(u8, needle, byteOffset, flags) -> index | -1   (flags: 1 forward | 2 ucs2)
//   indexOfNumber(u8, byte, byteOffset, flags) -> index | -1   (flags: 1 forward)
//       byteOffset is already normalised by JS to 0 <= byteOffset < u8.length and
//       the needle is non-empty. forward: first match starting at >= byteOffset;
//       backward: last match starting at <= byteOffset. For encoding 'ucs2' (the
//       string is encoded UTF-16LE first) or ucs2 true, matches are only reported at even
//       indices. `byte` is 0..255.
//   compare(a, b) -> -1 | 0 | 1                 lexicographic, like memcmp then length
//   fill(u8, string, start, end, encoding) -> -1 when the string encodes to no bytes,
//       otherwise repeats its encoding over u8[start, end) and returns undefined.

const { StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeToLowerCase } = primordials;
const binding = internalBinding('buffer');

const SMALL = 32;

function jsLatin1Write(buf, string, offset, max) {
  const n = string.length < max ? string.length : max;
  for (let i = 0; i < n; i++) buf[offset + i] = StringPrototypeCharCodeAt(string, i);
  return n;
}

function isAsciiString(s) {
  for (let i = 0; i < s.length; i++) if (StringPrototypeCharCodeAt(s, i) > 0x7f) return false;
  return true;
}

function utf8Write(buf, string, offset, max) {
  if (string.length < SMALL && isAsciiString(string)) return jsLatin1Write(buf, string, offset, max);
  return binding.utf8Write(buf, string, offset, max);
}

function latin1Write(buf, string, offset, max) {
  if (string.length < SMALL) return jsLatin1Write(buf, string, offset, max);
  return binding.latin1Write(buf, string, offset, max);
}

function asciiWrite(buf, string, offset, max) {
  if (string.length < SMALL) return jsLatin1Write(buf, string, offset, max);
  return binding.asciiWrite(buf, string, offset, max);
}

function bytesToString(buf, start, end, mask) {
  let s = '';
  for (let i = start; i < end; i++) s += StringFromCharCode(buf[i] & mask);
  return s;
}

function utf8Slice(buf, start, end) {
  if (end - start < SMALL) {
    let ascii = true;
    for (let i = start; i < end; i++) if (buf[i] > 0x7f) { ascii = false; break; }
    if (ascii) return bytesToString(buf, start, end, 0xff);
  }
  return binding.utf8Slice(buf, start, end);
}

function latin1Slice(buf, start, end) {
  if (end - start < SMALL) return bytesToString(buf, start, end, 0xff);
  return binding.latin1Slice(buf, start, end);
}

function asciiSlice(buf, start, end) {
  if (end - start < SMALL) return bytesToString(buf, start, end, 0x7f);
  return binding.asciiSlice(buf, start, end);
}

function base64ByteLength(str) {
  let len = str.length;
  if (len > 0 && StringPrototypeCharCodeAt(str, len - 1) === 0x3d) len--;
  if (len > 1 && StringPrototypeCharCodeAt(str, len - 1) === 0x3d) len--;
  return (len * 3) >>> 2;
}

function makeOps(encoding, encodingVal, byteLength, write, slice) {
  return {
    encoding,
    encodingVal,
    byteLength,
    write,
    slice,
    indexOf(buf, val, byteOffset, dir) {
      return binding.indexOfString(buf, val, byteOffset, encodingVal, dir);
    },
  };
}

const utf8 = makeOps('utf8', 'utf8', (s) => (s.length < SMALL && isAsciiString(s) ? s.length : binding.byteLengthUtf8(s)),
                     utf8Write, utf8Slice);
const ucs2 = makeOps('utf16le', 'ucs2', (s) => s.length * 2, binding.ucs2Write, binding.ucs2Slice);
const latin1 = makeOps('latin1', 'latin1', (s) => s.length, latin1Write, latin1Slice);
const ascii = makeOps('ascii', 'ascii', (s) => s.length, asciiWrite, asciiSlice);
const base64 = makeOps('base64', 'base64', base64ByteLength, binding.base64Write, binding.base64Slice);
const base64url = makeOps('base64url', 'base64url', base64ByteLength, binding.base64urlWrite, binding.base64urlSlice);
const hex = makeOps('hex', 'hex', (s) => s.length >>> 1, binding.hexWrite, binding.hexSlice);

function opsForLower(enc) {
  switch (enc) {
    case 'utf8': case 'utf-8': return utf8;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return ucs2;
    case 'latin1': case 'binary': return latin1;
    case 'ascii': return ascii;
    case 'base64': return base64;
    case 'base64url': return base64url;
    case 'hex': return hex;
  }
  return undefined;
}

// Returns the ops object for an encoding name (any case), or undefined.
function getEncodingOps(encoding) {
  encoding += '';
  return opsForLower(encoding) || opsForLower(StringPrototypeToLowerCase(encoding));
}

// Canonical name ('utf8', 'utf16le', 'latin1', ...) or undefined; '' and
// undefined/null mean utf8 as in node.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8' || enc === '') return 'utf8';
  const ops = getEncodingOps(enc);
  return ops === undefined ? undefined : ops.encoding;
}

module.exports = { getEncodingOps, normalizeEncoding, utf8, ucs2, latin1, ascii, base64, base64url, hex, binding };
