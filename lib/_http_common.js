'use strict';
// What the HTTP server and client share: the parser binding (one Rust parser per
// connection, internalBinding('http_parser'), that calls back once per message
// head with the method as an index into METHODS, the target, the version, the
// fields as a flat [name, value, ...] array and a flags word; body parts come as
// offsets into the buffer being parsed), the flag bits, the token and field-value
// checks, the cached Date string and Node's parse-error shape.

const {
  ArrayPrototypeSlice, Date, DatePrototypeGetMilliseconds, DatePrototypeToUTCString, Error, NumberParseInt,
  ObjectDefineProperty, ObjectFreeze,
  RegExpPrototypeExec, StringFromCharCode, StringPrototypeCharCodeAt, Uint8Array,
} = primordials;

const binding = internalBinding('http_parser');

const METHODS = ObjectFreeze(ArrayPrototypeSlice(binding.methods));

// The head flags (src/binding/http_parser/parse.rs has the same list).
const kKeepAlive = 1;
const kUpgrade = 2;
const kChunked = 4;
const kContentLength = 8;
const kNoBody = 16; // complete with its head: no body, no separate completion call
const kExpectContinue = 32;
const kExpectOther = 64;
const kHost = 128;

// What a head callback may answer.
const kSkipBody = 1;
const kStop = 2;

const REQUEST = 0;
const RESPONSE = 1;

// RFC 9110 token (field names, methods).
const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
// The same set as a table: a short name is checked by a loop, without the
// match array a successful exec makes.
const tokenChars = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = StringFromCharCode(c);
  tokenChars[c] = RegExpPrototypeExec(tokenRegExp, ch) !== null ? 1 : 0;
}
function checkIsHttpToken(val) {
  if (typeof val !== 'string' || val.length > 64) return RegExpPrototypeExec(tokenRegExp, val) !== null;
  const n = val.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = StringPrototypeCharCodeAt(val, i);
    if (c > 127 || tokenChars[c] === 0) return false;
  }
  return true;
}

// A field value may hold HTAB, visible ASCII, SP and obs-text; nothing else.
const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
function checkInvalidHeaderChar(val) {
  return RegExpPrototypeExec(headerCharRegex, val) !== null;
}

// The Date field's value, made at most once a second (an unref'd timer clears it).
let dateCache;
function utcDate() {
  if (dateCache === undefined) {
    const now = new Date();
    dateCache = DatePrototypeToUTCString(now);
    const t = setTimeout(resetDateCache, 1000 - DatePrototypeGetMilliseconds(now));
    t.unref();
  }
  return dateCache;
}
function resetDateCache() {
  dateCache = undefined;
}

// Node's parse error: `Parse Error: <reason>` with code, reason, bytesParsed and
// rawPacket (the buffer being parsed).
function parseError(result, buffer) {
  const err = new Error(`Parse Error: ${result[1]}`);
  err.bytesParsed = result[2];
  ObjectDefineProperty(err, 'code', {
    __proto__: null, value: result[0], writable: true, enumerable: true, configurable: true,
  });
  err.reason = result[1];
  if (buffer !== undefined) err.rawPacket = buffer;
  return err;
}

// http.maxHeaderSize: --max-http-header-size's value (a number as node reads it,
// 0 when it is none), else the parser's default; the limit of parsers whose
// server or request sets none.
let defaultMaxHeaderSize = binding.maxHeaderSize;
{
  const given = require('internal/options').getOptionValue('--max-http-header-size');
  if (given !== undefined) defaultMaxHeaderSize = NumberParseInt(given, 10) || 0;
}

// onHead's rawHeaders: the parser passes a head of up to four fields as the
// count of its strings and the strings after `flags` (an array literal here is
// far cheaper than one made through V8's API), a longer head as the array.
function rawHeadersOf(n, a, b, c, d, e, f, g, h) {
  switch (n) {
    case 0: return [];
    case 2: return [a, b];
    case 4: return [a, b, c, d];
    case 6: return [a, b, c, d, e, f];
    default: return [a, b, c, d, e, f, g, h];
  }
}

// How many rawHeaders entries make a message's `headers` when its parser's
// maxHeadersCount cuts them (0: all). Only a number counts, as in node; testing
// that first also keeps the default null out of a generic `>` in optimized code.
function headersCut(maxCount, length) {
  return typeof maxCount === 'number' && maxCount > 0 && length > maxCount * 2 ? maxCount * 2 : 0;
}

// `insecure`: the server's or request's insecureHTTPParser; undefined follows
// --insecure-http-parser.
function createParser(kind, receiver, onHead, onBody, onComplete, maxHeaderSize, insecure) {
  const lenient = insecure === undefined ?
    require('internal/options').getOptionValue('--insecure-http-parser') : insecure;
  maxHeaderSize ??= defaultMaxHeaderSize;
  return binding.create(kind, receiver, onHead, onBody, onComplete, maxHeaderSize, lenient);
}

module.exports = {
  // Node's own names for what programs and tests reach into _http_common for.
  _checkIsHttpToken: checkIsHttpToken,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  methods: METHODS,
  CRLF: '\r\n',
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  METHODS, REQUEST, RESPONSE,
  kKeepAlive, kUpgrade, kChunked, kContentLength, kNoBody, kExpectContinue, kExpectOther, kHost,
  kSkipBody, kStop,
  checkIsHttpToken, checkInvalidHeaderChar, utcDate, parseError, createParser, rawHeadersOf, headersCut,
  executeParser: binding.execute,
  finishParser: binding.finish,
  freeParser: binding.free,
  maxHeaderSize: defaultMaxHeaderSize,
};
