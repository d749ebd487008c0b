'use strict';
// http.OutgoingMessage: what ServerResponse (and later ClientRequest) share — the
// header table (setHeader & co.), the head built once as one string, and the
// body written to the socket: Content-Length when the length is known at the
// first write (res.end(body)), chunked otherwise, none for HEAD/204/304. The
// head and the first body part go out together (one string when the body is a
// string, one writev of both otherwise), so a small response is one send.
// A message whose turn on the socket has not come (pipelining) queues its
// writes in outputData until the socket is assigned to it.

const {
  ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypePush, FunctionPrototypeCall, MathFloor,
  NumberPrototypeToString, ObjectDefineProperty, ObjectKeys, ObjectSetPrototypeOf, RegExpPrototypeExec,
  StringPrototypeCharCodeAt, StringPrototypeToLowerCase, Symbol, TypedArrayPrototypeGetByteLength,
} = primordials;

const { Stream } = require('stream');
const { Buffer } = require('buffer');
const { byteLength: BufferByteLength } = Buffer;
const { isUint8Array } = require('internal/util/types');
const {
  codes: {
    ERR_HTTP_BODY_NOT_ALLOWED, ERR_HTTP_HEADERS_SENT, ERR_HTTP_INVALID_HEADER_VALUE, ERR_HTTP_TRAILER_INVALID,
    ERR_INVALID_ARG_TYPE, ERR_INVALID_CHAR, ERR_INVALID_HTTP_TOKEN, ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_ALREADY_FINISHED, ERR_STREAM_CANNOT_PIPE, ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES, ERR_STREAM_WRITE_AFTER_END,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { checkIsHttpToken, checkInvalidHeaderChar, utcDate } = require('_http_common');

const kOutHeaders = Symbol('kOutHeaders');
const kHighWaterMark = 16 * 1024;
const crlf = '\r\n';

const closeRegExp = /(?:^|\W)close(?:$|\W)/i;
const chunkedRegExp = /(?:^|\W)chunked(?:$|\W)/i;
const nonAsciiRegExp = /[^\x00-\x7f]/;
// What a field value may hold that is not plain ASCII text (HTAB and SP..~ are).
const nonPlainRegExp = /[^\t\x20-\x7e]/;

function validateHeaderName(name, label) {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN(label || 'Header name', name);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) throw new ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('header content', name);
}

function OutgoingMessage() {
  FunctionPrototypeCall(Stream, this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this.finished = false;
  this._headerSent = false;
  this._closed = false;
  this.socket = null;
  this._header = null;
  this._headerAscii = true;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._rejectNonStandardBodyWrites = false;
}
ObjectSetPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
ObjectSetPrototypeOf(OutgoingMessage, Stream);

function getter(name, get, set) {
  ObjectDefineProperty(OutgoingMessage.prototype, name, {
    __proto__: null, configurable: true, enumerable: true, get, set,
  });
}

getter('connection', function() { return this.socket; }, function(v) { this.socket = v; });
getter('headersSent', function() { return this._header !== null; });
getter('writableEnded', function() { return this.finished; });
getter('writableFinished', function() {
  return this.finished && this.outputSize === 0 &&
    (this.socket === null || this.socket.writableLength === 0);
});
getter('writableObjectMode', function() { return false; });
getter('writableLength', function() {
  return this.outputSize + (this.socket !== null ? this.socket.writableLength : 0);
});
getter('writableHighWaterMark', function() {
  return this.socket !== null ? this.socket.writableHighWaterMark : kHighWaterMark;
});
getter('writableCorked', function() {
  return this.socket !== null ? this.socket.writableCorked : 0;
});
getter('writableNeedDrain', function() {
  return !this.destroyed && !this.finished && this._needDrain === true;
});

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header !== null) throw new ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  headers[StringPrototypeToLowerCase(name)] = [name, value];
  return this;
};

OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header !== null) throw new ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const lower = StringPrototypeToLowerCase(name);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  const old = headers[lower];
  if (old === undefined) {
    headers[lower] = [name, value];
    return this;
  }
  const list = ArrayIsArray(old[1]) ? old[1] : [old[1]];
  if (ArrayIsArray(value)) {
    for (let i = 0; i < value.length; i++) ArrayPrototypePush(list, value[i]);
  } else {
    ArrayPrototypePush(list, value);
  }
  old[1] = list;
  return this;
};

OutgoingMessage.prototype.getHeader = function getHeader(name) {
  validateString(name, 'name');
  const headers = this[kOutHeaders];
  if (headers === null) return undefined;
  const entry = headers[StringPrototypeToLowerCase(name)];
  return entry && entry[1];
};

OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] !== null ? ObjectKeys(this[kOutHeaders]) : [];
};

OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  const headers = this[kOutHeaders];
  if (headers === null) return [];
  const keys = ObjectKeys(headers);
  const out = [];
  for (let i = 0; i < keys.length; i++) ArrayPrototypePush(out, headers[keys[i]][0]);
  return out;
};

OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const out = { __proto__: null };
  if (headers !== null) {
    const keys = ObjectKeys(headers);
    for (let i = 0; i < keys.length; i++) out[keys[i]] = headers[keys[i]][1];
  }
  return out;
};

OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  validateString(name, 'name');
  return this[kOutHeaders] !== null &&
    this[kOutHeaders][StringPrototypeToLowerCase(name)] !== undefined;
};

OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  validateString(name, 'name');
  if (this._header !== null) throw new ERR_HTTP_HEADERS_SENT('remove');
  const lower = StringPrototypeToLowerCase(name);
  switch (lower) {
    case 'connection': this._removedConnection = true; break;
    case 'content-length': this._removedContLen = true; break;
    case 'transfer-encoding': this._removedTE = true; break;
    case 'date': this.sendDate = false; break;
  }
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][lower];
};

OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

// A field value (already valid) with a byte past 0x7f makes the head non-ASCII.
function noteAscii(state, value) {
  if (state.ascii && typeof value !== 'number' &&
      RegExpPrototypeExec(nonAsciiRegExp, `${value}`) !== null) {
    state.ascii = false;
  }
}

// Appends one field line, noting the fields that decide framing and the connection.
function storeField(self, state, name, value, validate) {
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
    if (value.length >= 2 && StringPrototypeToLowerCase(name) === 'cookie') {
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
    case 'content-length': state.contLen = true; break;
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
}
ObjectSetPrototypeOf(FieldCache.prototype, null);
const fieldCache = new FieldCache();

function cacheFields(state, keys, values) {
  if (state.connection || state.te || state.expect) return;
  const c = fieldCache;
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
      state.head = c.head;
      state.ascii = c.ascii;
      state.contLen = c.contLen;
      state.date = c.date;
      state.trailer = c.trailer;
      state.keepAlive = c.keepAlive;
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
  if (cacheable) cacheFields(state, keys, values);
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
OutgoingMessage.prototype._storeHeader = function _storeHeader(firstLine, headers, firstLineAscii) {
  const firstAscii = firstLineAscii !== undefined ? firstLineAscii :
    RegExpPrototypeExec(nonAsciiRegExp, firstLine) === null;
  // The fields' own: a cached field set's answer must not depend on the first line.
  const state = new HeadState(true);
  if (headers === this[kOutHeaders] && headers !== null) {
    const keys = ObjectKeys(headers);
    for (let i = 0; i < keys.length; i++) {
      const entry = headers[keys[i]];
      storeField(this, state, entry[0], entry[1], false);
    }
  } else if (ArrayIsArray(headers)) {
    if (headers.length > 0 && ArrayIsArray(headers[0])) {
      for (let i = 0; i < headers.length; i++) storeField(this, state, headers[i][0], headers[i][1], true);
    } else {
      for (let i = 0; i + 1 < headers.length; i += 2) storeField(this, state, headers[i], headers[i + 1], true);
    }
  } else if (headers) {
    storeObjectFields(this, state, headers);
  }
  const date = this.sendDate && !state.date ? currentDateLine() : '';
  if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
    this.chunkedEncoding = false;
  }
  let connection = '';
  if (!state.connection) {
    const keepAlive = this.shouldKeepAlive &&
      (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (keepAlive && this.maxRequestsOnConnectionReached) {
      connection = 'Connection: close\r\n';
    } else if (keepAlive) {
      if (this._keepAliveTimeout && this._defaultKeepAlive && !state.keepAlive) {
        connection = keepAliveHead(this._keepAliveTimeout, this._maxRequestsPerSocket);
      } else {
        connection = 'Connection: keep-alive\r\n';
      }
    } else {
      this._last = true;
      connection = 'Connection: close\r\n';
    }
  }
  let framing = '';
  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
      framing = contentLengthHead(this._contentLength);
    } else if (!this._removedTE) {
      framing = 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    } else {
      this._last = true;
    }
  }
  if (this.chunkedEncoding !== true && state.trailer) throw new ERR_HTTP_TRAILER_INVALID();
  this._header = joinHead(firstLine, state.head, date, connection, framing);
  this._headerSent = false;
  // Node sends a head with latin1 field bytes as latin1 when chunked framing
  // follows (the size line goes with it), in the body's encoding otherwise.
  this._headerAscii = firstAscii && state.ascii;
  if (state.expect) this._send('');
};

// Hands data to the socket (the head goes first, in the same write when it can).
OutgoingMessage.prototype._send = function _send(data, encoding, callback) {
  if (!this._headerSent && this._header !== null) {
    if (typeof data === 'string' && (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
      data = this._header + data;
    } else {
      const socket = this.socket;
      const corked = socket !== null && socket._httpMessage === this;
      if (corked) socket.cork();
      this._writeRaw(this._header, 'latin1', null);
      this._headerSent = true;
      const r = this._writeRaw(data, encoding, callback);
      if (corked) socket.uncork();
      return r;
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback);
};

OutgoingMessage.prototype._writeRaw = function _writeRaw(data, encoding, callback) {
  const socket = this.socket;
  if (socket !== null && socket._httpMessage === this) {
    if (socket.destroyed) {
      if (typeof callback === 'function') process.nextTick(callback, new ERR_STREAM_DESTROYED('write'));
      return false;
    }
    if (!socket.writable) return false;
    const r = socket.write(data, encoding, callback);
    if (!r) this._needDrain = true;
    return r;
  }
  ArrayPrototypePush(this.outputData, { __proto__: null, data, encoding, callback });
  this.outputSize += typeof data === 'string' ? data.length : TypedArrayPrototypeGetByteLength(data);
  this._needDrain = this.outputSize >= kHighWaterMark;
  return !this._needDrain;
};

// The socket became this message's: what was queued goes out in one writev.
OutgoingMessage.prototype._flushOutput = function _flushOutput(socket) {
  const queued = this.outputData;
  if (queued.length === 0) return true;
  this.outputData = [];
  this.outputSize = 0;
  socket.cork();
  let r = true;
  for (let i = 0; i < queued.length; i++) {
    r = socket.write(queued[i].data, queued[i].encoding, queued[i].callback);
  }
  socket.uncork();
  this._needDrain = !r;
  return r;
};

function chunkLength(chunk, encoding) {
  return typeof chunk === 'string' ? BufferByteLength(chunk, encoding) :
    TypedArrayPrototypeGetByteLength(chunk);
}

function checkChunk(chunk) {
  if (chunk === null) throw new ERR_STREAM_NULL_VALUES();
  if (typeof chunk !== 'string' && !isUint8Array(chunk)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
}

function writeAfterEnd(msg, callback) {
  const err = new ERR_STREAM_WRITE_AFTER_END();
  process.nextTick(() => {
    if (typeof callback === 'function') callback(err);
    if (!msg.destroyed) msg.emit('error', err);
  });
}

// One body part: chunked framing when the message is chunked.
function writeBody(msg, chunk, encoding, callback) {
  if (!msg._hasBody) {
    // HEAD, 1xx, 204, 304: the body is dropped, or refused when the server asked.
    if (msg._rejectNonStandardBodyWrites) throw new ERR_HTTP_BODY_NOT_ALLOWED();
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  }
  const len = chunkLength(chunk, encoding);
  if (len === 0) {
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  }
  if (!msg.chunkedEncoding) return msg._send(chunk, encoding, callback);
  const size = NumberPrototypeToString(len, 16);
  if (typeof chunk === 'string' && (msg._headerSent || msg._headerAscii) &&
      (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
    return msg._send(`${size}\r\n${chunk}\r\n`, encoding, callback);
  }
  const socket = msg.socket;
  const corked = socket !== null && socket._httpMessage === msg;
  if (corked) socket.cork();
  msg._send(`${size}\r\n`, 'latin1', null);
  msg._send(chunk, encoding, null);
  const r = msg._send(crlf, 'latin1', callback);
  if (corked) socket.uncork();
  return r;
}

OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (this.finished) {
    writeAfterEnd(this, callback);
    return true;
  }
  checkChunk(chunk);
  if (this.destroyed) {
    if (typeof callback === 'function') process.nextTick(callback, new ERR_STREAM_DESTROYED('write'));
    return false;
  }
  if (this._header === null) this._implicitHeader();
  return writeBody(this, chunk, encoding, callback);
};

// The callback handed with the last write; the owner may give one shared by all
// its messages (the server's connection), else one is made here.
OutgoingMessage.prototype._endCallback = function _endCallback() {
  return () => this._finish();
};

OutgoingMessage.prototype._finish = function _finish() {
  this.emit('finish');
};

OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (chunk !== null && chunk !== undefined) {
    if (this.finished) {
      writeAfterEnd(this, callback);
      return this;
    }
    checkChunk(chunk);
    if (this.destroyed) return this;
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.once('finish', callback);
      else callback(new ERR_STREAM_ALREADY_FINISHED('end'));
    }
    return this;
  } else if (this.destroyed) {
    return this;
  }
  if (this._header === null) {
    this._contentLength = chunk !== null && chunk !== undefined ? chunkLength(chunk, encoding) : 0;
    this._implicitHeader();
  }
  if (chunk !== null && chunk !== undefined && !this._hasBody && this._rejectNonStandardBodyWrites) {
    throw new ERR_HTTP_BODY_NOT_ALLOWED();
  }
  if (typeof callback === 'function') this.once('finish', callback);
  const done = this._endCallback();
  this.finished = true;
  let sent = false;
  if (chunk !== null && chunk !== undefined && this._hasBody) {
    if (!this.chunkedEncoding) {
      this._send(chunk, encoding, done);
      sent = true;
    } else if (typeof chunk === 'string' && (this._headerSent || this._headerAscii) &&
               (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
      const len = BufferByteLength(chunk, encoding);
      if (len > 0) {
        const size = NumberPrototypeToString(len, 16);
        this._send(`${size}\r\n${chunk}\r\n0\r\n${this._trailer}\r\n`, encoding, done);
        sent = true;
      }
    } else {
      writeBody(this, chunk, encoding, null);
    }
  }
  if (!sent) {
    if (this._hasBody && this.chunkedEncoding) this._send(`0\r\n${this._trailer}\r\n`, 'latin1', done);
    else this._send('', 'latin1', done);
  }
  this._afterEnd();
  this.emit('prefinish');
  return this;
};

// The owner's hook once the last bytes are queued (the server moves on to the
// next pipelined response).
OutgoingMessage.prototype._afterEnd = function _afterEnd() {};

OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  let trailer = '';
  const keys = ObjectKeys(headers);
  const isArray = ArrayIsArray(headers);
  for (let i = 0; i < keys.length; i++) {
    let field, value;
    if (isArray) {
      field = headers[keys[i]][0];
      value = headers[keys[i]][1];
    } else {
      field = keys[i];
      value = headers[field];
    }
    validateHeaderName(field, 'Trailer name');
    if (ArrayIsArray(value) && value.length > 1 &&
        (!this[kOutHeaders] || !this[kOutHeaders][StringPrototypeToLowerCase(field)])) {
      for (let j = 0; j < value.length; j++) {
        if (checkInvalidHeaderChar(value[j])) throw new ERR_INVALID_CHAR('trailer content', field);
        trailer += `${field}: ${value[j]}\r\n`;
      }
    } else {
      if (ArrayIsArray(value)) value = ArrayPrototypeJoin(value, '; ');
      if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('trailer content', field);
      trailer += `${field}: ${value}\r\n`;
    }
  }
  this._trailer = trailer;
};

OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (this._header === null) this._implicitHeader();
  this._send('');
};

OutgoingMessage.prototype.cork = function cork() {
  if (this.socket !== null) this.socket.cork();
};

OutgoingMessage.prototype.uncork = function uncork() {
  if (this.socket !== null) this.socket.uncork();
};

OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket !== null) this.socket.setTimeout(msecs);
  else this.once('socket', (socket) => socket.setTimeout(msecs));
  return this;
};

OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.socket !== null) this.socket.destroy(error);
  else this.once('socket', (socket) => socket.destroy(error));
  return this;
};

OutgoingMessage.prototype.pipe = function pipe() {
  this.emit('error', new ERR_STREAM_CANNOT_PIPE());
};

module.exports = {
  OutgoingMessage, validateHeaderName, validateHeaderValue, kOutHeaders, kHighWaterMark,
};
