'use strict';
// Percent-decoding shared by querystring and URLSearchParams.

const { StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeSlice } = primordials;

// The value of a hex digit's char code, or -1 (also for NaN, past a string's end).
function hexDigit(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  c |= 0x20;
  return c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
}

// The usual escapes (%20, %2F, %3D ...) decode to ASCII: done here, without V8's
// C++ decodeURIComponent. undefined when an escape is a UTF-8 byte or a '%' starts
// no escape: the caller's general path decides those. `from`: where to start
// looking (the first '%', when the caller has found it). Query strings are short:
// a charCodeAt loop beats indexOf, which V8 10.2 runs through memchr and its runtime.
function decodeAsciiEscapes(s, from = 0) {
  let out = '';
  let last = 0;
  for (let i = from; i < s.length; i++) {
    if (StringPrototypeCharCodeAt(s, i) !== 0x25 /* % */) continue;
    const hi = hexDigit(StringPrototypeCharCodeAt(s, i + 1));
    const lo = hexDigit(StringPrototypeCharCodeAt(s, i + 2));
    if (hi < 0 || lo < 0 || hi >= 8) return undefined;
    out += StringPrototypeSlice(s, last, i) + StringFromCharCode(hi * 16 + lo);
    last = i + 3;
    i += 2;
  }
  return last === 0 ? s : out + StringPrototypeSlice(s, last);
}

module.exports = { hexDigit, decodeAsciiEscapes };
