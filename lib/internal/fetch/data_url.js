'use strict';
// The Fetch standard's data: URL processor (a MIME type and percent-decoded or
// base64 bytes), and the "bad port" list fetch refuses to connect to.
// internalBinding: none.

const {
  RegExpPrototypeExec, StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeReplace,
  StringPrototypeSlice, StringPrototypeToLowerCase, StringPrototypeTrim, Uint8Array,
} = primordials;

const { Buffer } = require('buffer');

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// %XX escapes into bytes; every other code unit is one byte (the URL is ASCII once serialized).
function percentDecode(text) {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = StringPrototypeCharCodeAt(text, i);
    if (c === 0x25 && i + 2 < text.length) {
      const hi = hexValue(StringPrototypeCharCodeAt(text, i + 1));
      const lo = hexValue(StringPrototypeCharCodeAt(text, i + 2));
      if (hi !== -1 && lo !== -1) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  return Buffer.from(out.buffer, 0, n);
}

// The Infra standard's forgiving-base64 decode: null when the text is not base64.
function forgivingBase64(bytes) {
  let text = StringPrototypeReplace(bytes.latin1Slice(0, bytes.length), /[\t\n\f\r ]/g, '');
  if (text.length % 4 === 0) text = StringPrototypeReplace(text, /==?$/, '');
  if (text.length % 4 === 1 || RegExpPrototypeExec(/[^A-Za-z0-9+/]/, text) !== null) return null;
  return Buffer.from(text, 'base64');
}

// { type, bytes } of a data: URL (given serialized), or null when it is not valid.
function processDataURL(href) {
  let input = StringPrototypeSlice(href, 5);
  const hash = StringPrototypeIndexOf(input, '#');
  if (hash !== -1) input = StringPrototypeSlice(input, 0, hash);
  const comma = StringPrototypeIndexOf(input, ',');
  if (comma === -1) return null;
  let type = StringPrototypeTrim(StringPrototypeSlice(input, 0, comma));
  let bytes = percentDecode(StringPrototypeSlice(input, comma + 1));
  const base64 = RegExpPrototypeExec(/;[\t\n\f\r ]*base64[\t\n\f\r ]*$/i, type);
  if (base64 !== null) {
    bytes = forgivingBase64(bytes);
    if (bytes === null) return null;
    type = StringPrototypeSlice(type, 0, base64.index);
  }
  if (type[0] === ';') type = `text/plain${type}`;
  // A MIME type must be type/subtype; anything else means US-ASCII text.
  if (RegExpPrototypeExec(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*;.*)?$/, type) === null) {
    type = 'text/plain;charset=US-ASCII';
  } else {
    type = StringPrototypeToLowerCase(StringPrototypeSlice(type, 0, StringPrototypeIndexOf(type, '/'))) +
      StringPrototypeSlice(type, StringPrototypeIndexOf(type, '/'));
  }
  return { __proto__: null, type, bytes };
}

// Ports the Fetch standard blocks ("bad port").
const kBadPorts = {
  __proto__: null,
  1: true, 7: true, 9: true, 11: true, 13: true, 15: true, 17: true, 19: true, 20: true, 21: true, 22: true,
  23: true, 25: true, 37: true, 42: true, 43: true, 53: true, 69: true, 77: true, 79: true, 87: true, 95: true,
  101: true, 102: true, 103: true, 104: true, 109: true, 110: true, 111: true, 113: true, 115: true, 117: true,
  119: true, 123: true, 135: true, 137: true, 139: true, 143: true, 161: true, 179: true, 389: true, 427: true,
  465: true, 512: true, 513: true, 514: true, 515: true, 526: true, 530: true, 531: true, 532: true, 540: true,
  548: true, 554: true, 556: true, 563: true, 587: true, 601: true, 636: true, 989: true, 990: true, 993: true,
  995: true, 1719: true, 1720: true, 1723: true, 2049: true, 3659: true, 4045: true, 5060: true, 5061: true,
  6000: true, 6566: true, 6665: true, 6666: true, 6667: true, 6668: true, 6669: true, 6697: true, 10080: true,
};

function isBadPort(port) {
  return kBadPorts[port] === true;
}

module.exports = { isBadPort, processDataURL };
