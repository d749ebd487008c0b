'use strict';
// The head of an outgoing HTTP message as one string: the field checks (token
// names, field-value bytes), the fields that decide framing and the connection,
// then Date, Connection/Keep-Alive and the body framing the fields left open.
// What a server repeats request after request is kept, checked, from the last
// time: the header object's field lines (same keys and values), the Date line
// (once a second), the Keep-Alive and Content-Length lines, and the whole head
// when all its parts are the same.

const {
  ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypePush, MathFloor, ObjectKeys, ObjectSetPrototypeOf,
  RegExpPrototypeExec, SafeSet, StringPrototypeCharCodeAt, StringPrototypeToLowerCase, Symbol,
} = primordials;

const {
  codes: {
    ERR_HTTP_INVALID_HEADER_VALUE, ERR_HTTP_TRAILER_INVALID, ERR_INVALID_ARG_TYPE, ERR_INVALID_CHAR,
    ERR_INVALID_HTTP_TOKEN,
  },
} = require('internal/errors');
const { checkIsHttpToken, checkInvalidHeaderChar, utcDate } = require('_http_common');
const { Buffer } = require('buffer');

const closeRegExp = /(?:^|\W)close(?:$|\W)/i;
const chunkedRegExp = /(?:^|\W)chunked(?:$|\W)/i;
const nonAsciiRegExp = /[^\x00-\x7f]/;
// What a field value may hold that is not plain ASCII text (HTAB and SP..~ are).
const nonPlainRegExp = /[^\t\x20-\x7e]/;

// The lower-cased names a message sends once, a list value joined with '; '
// (the uniqueHeaders option of createServer and http.request); null for none.
const kUniqueHeaders = Symbol('kUniqueHeaders');

// As node: anything but an array means none; the names are not checked.
function parseUniqueHeadersOption(headers) {
  if (!ArrayIsArray(headers)) return null;
  const unique = new SafeSet();
  for (let i = 0; i < headers.length; i++) {
    if (typeof headers[i] !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`options.uniqueHeaders[${i}]`, 'string', headers[i]);
    }
    unique.add(StringPrototypeToLowerCase(headers[i]));
  }
  return unique;
}

// A list value goes out as one field when its name is a cookie (two values or
// more) or one of the message's unique headers; else one field per value.
function joinsList(self, name, list) {
  const unique = self[kUniqueHeaders];
  if (list.length < 2 && (unique === null || unique === undefined)) return false;
  const lower = StringPrototypeToLowerCase(name);
  return (list.length >= 2 && lower === 'cookie') ||
    (unique !== null && unique !== undefined && unique.has(lower));
}

function validateHeaderName(name, label) {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN(label || 'Header name', name);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) throw new ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('header content', name);
}

// A field value (already valid) with a byte past 0x7f makes the head non-ASCII.
function noteAscii(state, value) {
  if (state.ascii && typeof value !== 'number' &&
      RegExpPrototypeExec(nonAsciiRegExp, `${value}`) !== null) {
    state.ascii = false;
  }
}

// RFC 6266's Content-Disposition may carry a UTF-8 filename: given as the Latin-1
// string of its bytes (`Buffer.toString('binary')`), node sends those bytes as they
// are when the message's length is known by the time the field is stored (a
// Content-Length field before it, or end()'s data), though the head around them
// goes out in the body's encoding; its value is then the text those bytes spell.
// A head holding such a field is not cached: the length is per message.
function dispositionBytes(self, state, name, value) {
  if (name.length !== 19 || typeof value !== 'string' ||
      RegExpPrototypeExec(nonAsciiRegExp, value) === null ||
      StringPrototypeToLowerCase(name) !== 'content-disposition') {
    return value;
  }
  state.disposition = true;
  const length = state.contLen ? +state.contLenValue : self._contentLength;
  return length ? Buffer.from(value, 'latin1').toString('utf8') : value;
}

// Appends one field line, noting the fields that decide framing and the connection.
function storeField(self, state, name, value, validate) {
  value = dispositionBytes(self, state, name, value);
  if (validate) {
    validateHeaderName(name);
    // A plain-ASCII string is valid and keeps the head ASCII (one regexp for
    // both); anything else gets the full check.
    if (typeof value !== 'string' || RegExpPrototypeExec(nonPlainRegExp, value) !== null) {
      validateHeaderValue(name, value);
      if (!ArrayIsArray(value)) noteAscii(state, value);
    }
  } else if (!ArrayIsArray(value)) {
    noteAscii(state, value);
  }
  if (ArrayIsArray(value)) {
    if (joinsList(self, name, value)) {
      storeField(self, state, name, ArrayPrototypeJoin(value, '; '), false);
      return;
    }
    for (let i = 0; i < value.length; i++) storeField(self, state, name, value[i], false);
    return;
  }
  state.head += `${name}: ${value}\r\n`;
  const len = name.length;
  if (len !== 4 && len !== 6 && len !== 7 && len !== 10 && len !== 14 && len !== 17) return;
  switch (StringPrototypeToLowerCase(name)) {
    case 'date': state.date = true; break;
    case 'expect': state.expect = true; break;
    case 'trailer': state.trailer = true; break;
    case 'keep-alive': state.keepAlive = true; break;
    case 'connection':
      state.connection = true;
      if (RegExpPrototypeExec(closeRegExp, `${value}`) !== null) self._last = true;
      else self.shouldKeepAlive = true;
      break;
    case 'content-length':
      state.contLen = true;
      state.contLenValue = value;
      break;
    case 'transfer-encoding':
      state.te = true;
      if (RegExpPrototypeExec(chunkedRegExp, `${value}`) !== null) self.chunkedEncoding = true;
      break;
  }
}

// Builds the head: the first line, the fields (the stored table, or those given
// to writeHead: an object, a flat [name, value, ...] array or [[name, value]]),
// then Date, Connection/Keep-Alive and the body framing the fields left open.
// The fields being built and what they decided. Made by `new` from a
// constructor whose prototype has no prototype: its fields are fast properties
// (V8 makes a `{ __proto__: null, ... }` literal a dictionary) and no setter a
// user puts on Object.prototype can catch them.
function HeadState(ascii) {
  this.head = '';
  this.ascii = ascii;
  this.connection = false;
  this.contLen = false;
  this.te = false;
  this.date = false;
  this.expect = false;
  this.trailer = false;
  this.keepAlive = false;
  this.contLenValue = null;
  this.disposition = false; // a non-ASCII Content-Disposition (dispositionBytes)
}
ObjectSetPrototypeOf(HeadState.prototype, null);

// The fields of the last header object given to writeHead whose values were all
// strings or numbers and none of them Connection, Transfer-Encoding or Expect
// (fields with effects on the message): its keys, its values and what checking
// and joining them made. A server answering each request with the same literal
// (`{ 'Content-Type': 'text/plain' }`) gets the checked field lines back instead
// of the validation regexps and the string building again.
function FieldCache() {
  this.keys = null;
  this.values = null;
  this.head = '';
  this.ascii = true;
  this.contLen = false;
  this.date = false;
  this.trailer = false;
  this.keepAlive = false;
  this.contLenValue = null;
}
ObjectSetPrototypeOf(FieldCache.prototype, null);
const fieldCache = new FieldCache();
// The same for the message's own table (setHeader): its keys, and each entry's
// name and value (`values` holds them in turn).
const ownFieldCache = new FieldCache();

function cacheFields(c, state, keys, values) {
  if (state.connection || state.te || state.expect || state.disposition) return;
  c.keys = keys;
  c.values = values;
  // Flattened once here, not at every write of a head holding it.
  StringPrototypeCharCodeAt(state.head, 0);
  c.head = state.head;
  c.ascii = state.ascii;
  c.contLen = state.contLen;
  c.date = state.date;
  c.trailer = state.trailer;
  c.keepAlive = state.keepAlive;
  c.contLenValue = state.contLenValue;
}

// A header object's fields: those of the cached object when every key and value
// is the same. Each value is read once, in order, as the checks go.
function storeObjectFields(self, state, headers) {
  const keys = ObjectKeys(headers);
  const n = keys.length;
  const c = fieldCache;
  let same = 0; // the leading fields equal to the cached ones
  let read = false; // field `same`'s value was read (and differs)
  let value;
  if (c.keys !== null && c.keys.length === n) {
    const cachedKeys = c.keys;
    const cachedValues = c.values;
    while (same < n && keys[same] === cachedKeys[same]) {
      value = headers[keys[same]];
      if (value !== cachedValues[same]) {
        read = true;
        break;
      }
      same++;
    }
    if (same === n) {
      useCachedFields(state, c);
      return;
    }
  }
  const values = [];
  let cacheable = n > 0;
  for (let i = 0; i < same; i++) {
    storeField(self, state, c.keys[i], c.values[i], false);
    ArrayPrototypePush(values, c.values[i]);
  }
  for (let i = same; i < n; i++) {
    if (i !== same || !read) value = headers[keys[i]];
    if (typeof value !== 'string' && typeof value !== 'number') cacheable = false;
    else if (cacheable) ArrayPrototypePush(values, value);
    storeField(self, state, keys[i], value, true);
  }
  if (cacheable) cacheFields(fieldCache, state, keys, values);
}

function useCachedFields(state, c) {
  state.head = c.head;
  state.ascii = c.ascii;
  state.contLen = c.contLen;
  state.date = c.date;
  state.trailer = c.trailer;
  state.keepAlive = c.keepAlive;
  state.contLenValue = c.contLenValue;
}

// The message's own table's fields (checked by setHeader as they were set): those
// of the cache when every key, name and value is the same. A list value (from
// appendHeader, or an array given to setHeader) can change in place, so a table
// holding one is not kept.
function storeOwnFields(self, state, headers) {
  const keys = ObjectKeys(headers);
  const n = keys.length;
  const c = ownFieldCache;
  if (c.keys !== null && c.keys.length === n) {
    const cachedKeys = c.keys;
    const cachedValues = c.values;
    let i = 0;
    for (; i < n; i++) {
      const entry = headers[keys[i]];
      if (keys[i] !== cachedKeys[i] || entry[0] !== cachedValues[2 * i] ||
          entry[1] !== cachedValues[2 * i + 1]) {
        break;
      }
    }
    if (i === n) {
      useCachedFields(state, c);
      return;
    }
  }
  const values = [];
  let cacheable = n > 0;
  for (let i = 0; i < n; i++) {
    const entry = headers[keys[i]];
    const name = entry[0];
    const value = entry[1];
    if (typeof value !== 'string' && typeof value !== 'number') {
      cacheable = false;
    } else if (cacheable) {
      ArrayPrototypePush(values, name);
      ArrayPrototypePush(values, value);
    }
    storeField(self, state, name, value, false);
  }
  if (cacheable) cacheFields(ownFieldCache, state, keys, values);
}

// The Date line, made once a second (utcDate's cache).
let dateLine = '';
let dateLineOf = '';
function currentDateLine() {
  const date = utcDate();
  if (date !== dateLineOf) {
    dateLineOf = date;
    dateLine = `Date: ${date}\r\n`;
  }
  return dateLine;
}

// `Connection: keep-alive` and its Keep-Alive line for the last timeout and max.
let keepAliveTimeout = -1;
let keepAliveMax = -1;
let keepAliveLines = '';
function keepAliveHead(timeoutMs, max) {
  if (timeoutMs !== keepAliveTimeout || max !== keepAliveMax) {
    keepAliveTimeout = timeoutMs;
    keepAliveMax = max;
    const timeout = MathFloor(timeoutMs / 1000);
    keepAliveLines = `Connection: keep-alive\r\nKeep-Alive: timeout=${timeout}${max ? `, max=${max}` : ''}\r\n`;
  }
  return keepAliveLines;
}

// The Content-Length line for the last length.
let contentLengthOf = -1;
let contentLengthLine = '';
function contentLengthHead(length) {
  if (length !== contentLengthOf) {
    contentLengthOf = length;
    contentLengthLine = `Content-Length: ${length}\r\n`;
  }
  return contentLengthLine;
}

// The last head made from its five parts: the same parts (a server answering
// alike, within the same second) give the same flat string, with nothing joined
// or flattened again.
function HeadCache() {
  this.first = '';
  this.fields = '';
  this.date = '';
  this.connection = '';
  this.framing = '';
  this.head = null;
}
ObjectSetPrototypeOf(HeadCache.prototype, null);
const headCache = new HeadCache();

function joinHead(first, fields, date, connection, framing) {
  const c = headCache;
  if (c.head !== null && first === c.first && fields === c.fields && date === c.date &&
      connection === c.connection && framing === c.framing) {
    return c.head;
  }
  const head = `${first}${fields}${date}${connection}${framing}\r\n`;
  StringPrototypeCharCodeAt(head, 0);
  c.first = first;
  c.fields = fields;
  c.date = date;
  c.connection = connection;
  c.framing = framing;
  c.head = head;
  return head;
}

// `firstLineAscii` may say what the caller knows of the first line (else it is
// looked at here): the head is tested piece by piece, not as the long string it
// becomes, which V8 would have to flatten first.
function storeHeader(msg, firstLine, headers, firstLineAscii, ownHeaders) {
  const firstAscii = firstLineAscii !== undefined ? firstLineAscii :
    RegExpPrototypeExec(nonAsciiRegExp, firstLine) === null;
  // The fields' own: a cached field set's answer must not depend on the first line.
  const state = new HeadState(true);
  if (headers === ownHeaders && headers !== null) {
    storeOwnFields(msg, state, headers);
  } else if (ArrayIsArray(headers)) {
    if (headers.length > 0 && ArrayIsArray(headers[0])) {
      for (let i = 0; i < headers.length; i++) storeField(msg, state, headers[i][0], headers[i][1], true);
    } else {
      for (let i = 0; i + 1 < headers.length; i += 2) storeField(msg, state, headers[i], headers[i + 1], true);
    }
  } else if (headers) {
    storeObjectFields(msg, state, headers);
  }
  // The length a Content-Length field states (strictContentLength holds the
  // body to it); the field is there, whatever removeHeader said before.
  if (state.contLen) {
    msg._contentLength = +state.contLenValue;
    msg._removedContLen = false;
  }
  const date = msg.sendDate && !state.date ? currentDateLine() : '';
  if (msg.chunkedEncoding && (msg.statusCode === 204 || msg.statusCode === 304)) {
    // A bodiless answer that says chunked: the connection closes after it.
    msg.chunkedEncoding = false;
    msg.shouldKeepAlive = false;
  }
  let connection = '';
  if (msg._removedConnection) {
    // No Connection (nor Keep-Alive) line; the connection lives on as it would.
    msg._last = !msg.shouldKeepAlive;
  } else if (!state.connection) {
    const keepAlive = msg.shouldKeepAlive &&
      (state.contLen || msg.useChunkedEncodingByDefault || msg.agent);
    if (keepAlive && msg.maxRequestsOnConnectionReached) {
      connection = 'Connection: close\r\n';
    } else if (keepAlive) {
      if (msg._keepAliveTimeout && msg._defaultKeepAlive && !state.keepAlive) {
        connection = keepAliveHead(msg._keepAliveTimeout, msg._maxRequestsPerSocket);
      } else {
        connection = 'Connection: keep-alive\r\n';
      }
    } else {
      msg._last = true;
      connection = 'Connection: close\r\n';
    }
  }
  let framing = '';
  if (!state.contLen && !state.te) {
    if (!msg._hasBody) {
      msg.chunkedEncoding = false;
    } else if (!msg.useChunkedEncodingByDefault) {
      msg._last = true;
    } else if (!state.trailer && !msg._removedContLen && typeof msg._contentLength === 'number') {
      framing = contentLengthHead(msg._contentLength);
    } else if (!msg._removedTE) {
      framing = 'Transfer-Encoding: chunked\r\n';
      msg.chunkedEncoding = true;
    } else {
      msg._last = true;
    }
  }
  if (msg.chunkedEncoding !== true && state.trailer) throw new ERR_HTTP_TRAILER_INVALID();
  msg._header = joinHead(firstLine, state.head, date, connection, framing);
  msg._headerSent = false;
  // Node sends a head with latin1 field bytes as latin1 when chunked framing
  // follows (the size line goes with it), in the body's encoding otherwise.
  msg._headerAscii = firstAscii && state.ascii;
  if (state.expect) msg._send('');
}

module.exports = {
  storeHeader, validateHeaderName, validateHeaderValue, kUniqueHeaders, parseUniqueHeadersOption,
};
