'use strict';
// buffer.transcode(source, fromEnc, toEnc) between utf8, ucs2/utf16le, latin1 and
// ascii. Node delegates to ICU; this reproduces what ICU does there, quirks kept:
// - utf8 -> ucs2 and ucs2 -> utf8 are strict (invalid input throws
//   U_INVALID_CHAR_FOUND); every other pair substitutes (U+FFFD when decoding,
//   '?' when a code point has no latin1/ascii byte);
// - latin1/ascii -> ucs2 widens each byte, so ascii behaves as latin1 there;
// - default-ignorable code points (BOM, ZWSP, ...) are dropped, not replaced,
//   when they cannot be encoded in latin1/ascii;
// - an odd trailing byte of ucs2 input is dropped, except ucs2 -> ucs2 where it
//   (with a pending high surrogate) becomes one U+FFFD.
// No internalBinding beyond Buffer's own decoders.

const {
  ArrayPrototypePush, SafeArrayIterator, SafeSet, SafeStringIterator, StringPrototypeCodePointAt,
} = primordials;
const { regExpReplace, regExpTest } = require('internal/util/regexp');

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { normalizeEncoding } = require('internal/buffer/encodings');

const icuErrno = { U_ILLEGAL_ARGUMENT_ERROR: 1, U_INVALID_CHAR_FOUND: 10 };

function icuError(code) {
  const err = new Error(`Unable to transcode Buffer [${code}]`);
  err.code = code;
  err.errno = icuErrno[code];
  return err;
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const loneSurrogates = new RegExp(loneSurrogate.source, 'g');

// Unicode's Default_Ignorable_Code_Point set.
function isDefaultIgnorable(cp) {
  return cp === 0xAD || cp === 0x34F || cp === 0x61C || cp === 0x115F || cp === 0x1160 ||
    cp === 0x17B4 || cp === 0x17B5 || (cp >= 0x180B && cp <= 0x180F) ||
    (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
    (cp >= 0x2060 && cp <= 0x206F) || cp === 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
    cp === 0xFEFF || cp === 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8) ||
    (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
    (cp >= 0xE0000 && cp <= 0xE0FFF);
}

// Encodes a string to latin1 (limit 0xFF) or ascii (0x7F) bytes, ICU-style.
function encodeNarrow(Buffer, str, limit) {
  const out = [];
  for (const ch of new SafeStringIterator(str)) {
    const cp = StringPrototypeCodePointAt(ch, 0);
    if (cp <= limit) ArrayPrototypePush(out, cp);
    else if (!isDefaultIgnorable(cp)) ArrayPrototypePush(out, 0x3F);
  }
  return Buffer.from(out);
}

function ucs2Units(Buffer, source) {
  const even = source.length & ~1;
  return Buffer.from(source.buffer, source.byteOffset, even).toString('utf16le');
}

function decode(Buffer, source, enc) {
  const buf = Buffer.from(source.buffer, source.byteOffset, source.length);
  switch (enc) {
    case 'utf8': return buf.toString('utf8');
    case 'latin1': return buf.toString('latin1');
    case 'ascii': return regExpReplace(buf.toString('latin1'), /[\u0080-\u00ff]/g, '\ufffd');
    default: { // utf16le, only reached for ucs2 -> ucs2
      let str = regExpReplace(ucs2Units(Buffer, source), loneSurrogates, '\ufffd');
      if (source.length & 1) {
        const last = source.length >= 3 ? source[source.length - 2] : 0;
        // A trailing high surrogate and the odd byte make one truncated character.
        if (!(source.length >= 3 && last >= 0xD8 && last <= 0xDB)) str += '\ufffd';
      }
      return str;
    }
  }
}

function encode(Buffer, str, enc) {
  switch (enc) {
    case 'utf8': return Buffer.from(str, 'utf8');
    case 'utf16le': return Buffer.from(str, 'utf16le');
    case 'latin1': return encodeNarrow(Buffer, str, 0xFF);
    default: return encodeNarrow(Buffer, str, 0x7F);
  }
}

const supported = new SafeSet(new SafeArrayIterator(['utf8', 'utf16le', 'latin1', 'ascii']));

function transcode(source, fromEncoding, toEncoding) {
  const { Buffer, isUtf8 } = require('buffer');
  if (!(source instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  if (!supported.has(from) || !supported.has(to)) throw icuError('U_ILLEGAL_ARGUMENT_ERROR');

  if (from === 'utf8' && to === 'utf16le') {
    if (!isUtf8(source)) throw icuError('U_INVALID_CHAR_FOUND');
    return encode(Buffer, decode(Buffer, source, 'utf8'), 'utf16le');
  }
  if (from === 'utf16le' && to !== 'utf16le') {
    const str = ucs2Units(Buffer, source);
    if (to === 'utf8') {
      if (str.length === 0 || regExpTest(loneSurrogate, str)) throw icuError('U_INVALID_CHAR_FOUND');
      return encode(Buffer, str, 'utf8');
    }
    return encode(Buffer, regExpReplace(str, loneSurrogates, '?'), to);
  }
  if (to === 'utf16le' && from !== 'utf16le') {
    return encode(Buffer, decode(Buffer, source, 'latin1'), 'utf16le');
  }
  return encode(Buffer, decode(Buffer, source, from), to);
}

module.exports = { transcode };
