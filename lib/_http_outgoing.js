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
  ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypePush, FunctionPrototypeCall, Map,
  NumberPrototypeToString, ObjectDefineProperty, ObjectKeys, ObjectSetPrototypeOf,
  StringPrototypeToLowerCase, Symbol, SymbolFor, TypedArrayPrototypeGetByteLength,
} = primordials;

const { Stream } = require('stream');
const { Buffer } = require('buffer');
const { byteLength: BufferByteLength } = Buffer;
const {
  codes: {
    ERR_HTTP_BODY_NOT_ALLOWED, ERR_HTTP_HEADERS_SENT,
    ERR_INVALID_ARG_TYPE, ERR_INVALID_CHAR, ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_ALREADY_FINISHED, ERR_STREAM_CANNOT_PIPE, ERR_STREAM_DESTROYED,
    ERR_STREAM_WRITE_AFTER_END,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { getDefaultHighWaterMark } = require('internal/streams/utils');
const { kWriteStringDirect } = require('internal/net');
const { checkInvalidHeaderChar } = require('_http_common');
const {
  storeHeader, validateHeaderName, validateHeaderValue, kUniqueHeaders, parseUniqueHeadersOption,
} = require('internal/http/outgoing_head');
const {
  chunkLength, checkChunk, strictLength, countStrict, kBytesWritten,
} = require('internal/http/outgoing_body');

const { kOutHeaders } = require('internal/http');
// A message's highWaterMark (its socket's, else the streams' default), under the
// key Node keeps it at.
const kHighWaterMark = Symbol('kHighWaterMark');
const crlf = '\r\n';

function OutgoingMessage() {
  // No EventEmitter init: the listener table is made by the first listener
  // (EventEmitter reads an absent table as empty), as most responses get none.
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
// Read only when a list value is stored: no field per message.
OutgoingMessage.prototype[kUniqueHeaders] = null;
OutgoingMessage.prototype[kBytesWritten] = 0;
// The error destroy() was given (none: null), kept on the prototype until then.
OutgoingMessage.prototype.errored = null;

function getter(name, get, set) {
  ObjectDefineProperty(OutgoingMessage.prototype, name, {
    __proto__: null, configurable: true, enumerable: true, get, set,
  });
}

getter('connection', function() { return this.socket; }, function(v) { this.socket = v; });
getter('headersSent', function() { return this._header !== null; });
getter('closed', function() { return this._closed; });
getter('writableEnded', function() { return this.finished; });
getter('writableFinished', function() {
  return this.finished && this.outputSize === 0 &&
    (this.socket === null || this.socket.writableLength === 0);
});
getter('writableObjectMode', function() { return false; });
getter('writableLength', function() {
  return this.outputSize + (this.socket !== null ? this.socket.writableLength : 0);
});
ObjectDefineProperty(OutgoingMessage.prototype, kHighWaterMark, {
  __proto__: null, configurable: true,
  get() { return this.socket !== null ? this.socket.writableHighWaterMark : getDefaultHighWaterMark(false); },
});
getter('writableHighWaterMark', function() { return this[kHighWaterMark]; });
getter('writableCorked', function() {
  return this.socket !== null ? this.socket.writableCorked : 0;
});
getter('writableNeedDrain', function() {
  return !this.destroyed && !this.finished && this._needDrain === true;
});

require('internal/http/outgoing_legacy').installLegacyHeaderViews(OutgoingMessage.prototype, kOutHeaders);

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header !== null) throw new ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  headers[StringPrototypeToLowerCase(name)] = [name, value];
  return this;
};

// Every field of a Headers or a Map, each as setHeader would set it; the
// `set-cookie` entries (a Headers yields one per cookie) are gathered and set
// together, last, as one list.
OutgoingMessage.prototype.setHeaders = function setHeaders(headers) {
  if (this._header !== null) throw new ERR_HTTP_HEADERS_SENT('set');
  const { Headers } = require('internal/fetch/headers');
  if (!(headers instanceof Headers) && !(headers instanceof Map)) {
    throw new ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
  }
  let cookies = null;
  for (const { 0: name, 1: value } of headers) {
    if (name === 'set-cookie') {
      if (cookies === null) cookies = [];
      if (ArrayIsArray(value)) {
        for (let i = 0; i < value.length; i++) ArrayPrototypePush(cookies, value[i]);
      } else {
        ArrayPrototypePush(cookies, value);
      }
    } else {
      this.setHeader(name, value);
    }
  }
  if (cookies !== null) this.setHeader('set-cookie', cookies);
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

// The head: built in internal/http/outgoing_head.js from the first line, the
// fields (this message's table, or those given to writeHead) and its state.
OutgoingMessage.prototype._storeHeader = function _storeHeader(firstLine, headers, firstLineAscii) {
  storeHeader(this, firstLine, headers, firstLineAscii, this[kOutHeaders]);
};

// Hands data to the socket (the head goes first, in the same write when it can).
OutgoingMessage.prototype._send = function _send(data, encoding, callback) {
  if (!this._headerSent && this._header !== null) {
    if (typeof data === 'string' && (!encoding || encoding === 'utf8' || encoding === 'latin1')) {
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

// The last write of a message, a string in up to three pieces (utf8 or latin1):
// when the socket's Writable is idle, the pieces, after the head if it has not
// gone, are encoded straight into the socket's queue; else they are joined and
// sent as one string as before. The pieces are never joined into one string
// there, which V8 would flatten (copy) before encoding it. `sized`: `a` is a
// chunk of chunked coding, sent after its size line (made from its encoded bytes).
function sendLast(msg, encoding, callback, a, b, c, sized) {
  const socket = msg.socket;
  if (typeof callback === 'function' && socket !== null && socket._httpMessage === msg &&
      !socket.destroyed && socket.writable && msg._send === outgoingSend && msg._writeRaw === outgoingWriteRaw &&
      socket[kWriteStringDirect] !== undefined) {
    const head = msg._headerSent || msg._header === null ? '' : msg._header;
    if (socket[kWriteStringDirect](head, encoding, callback, a, b, c, sized)) {
      msg._headerSent = true;
      return true;
    }
  }
  if (sized === true) a = `${chunkSizeLine(BufferByteLength(a, encoding))}${a}`;
  return msg._send(b === undefined ? a : c === undefined ? `${a}${b}` : `${a}${b}${c}`, encoding, callback);
}

// A write queued before the message has the socket (a pipelined response
// behind another). Made by `new` from a constructor whose prototype has no
// prototype (and no constructor): fast properties, where a `{ __proto__: null }`
// literal is a dictionary V8 fills by a runtime call per property.
function OutputChunk(data, encoding, callback) {
  this.data = data;
  this.encoding = encoding;
  this.callback = callback;
}
ObjectSetPrototypeOf(OutputChunk.prototype, null);
delete OutputChunk.prototype.constructor;

OutgoingMessage.prototype._writeRaw = function _writeRaw(data, encoding, callback) {
  const socket = this.socket;
  if (socket !== null && socket._httpMessage === this) {
    if (socket.destroyed) {
      if (typeof callback === 'function') process.nextTick(callback, new ERR_STREAM_DESTROYED('write'));
      return false;
    }
    // A socket that can no longer be written (its end was called) leaves the
    // data queued here, as node does (it counts in outputSize; writableFinished
    // stays false).
    if (socket.writable) {
      // The last write of a message, a short string: straight to the socket's
      // queue when its Writable is idle (no stream bookkeeping per response).
      if (this.finished && typeof callback === 'function' && typeof data === 'string' &&
          socket[kWriteStringDirect] !== undefined && socket[kWriteStringDirect](data, encoding, callback)) {
        return true;
      }
      const r = socket.write(data, encoding, callback);
      if (!r) this._needDrain = true;
      return r;
    }
  }
  ArrayPrototypePush(this.outputData, new OutputChunk(data, encoding, callback));
  this.outputSize += typeof data === 'string' ? data.length : TypedArrayPrototypeGetByteLength(data);
  this._needDrain = this.outputSize >= this[kHighWaterMark];
  return !this._needDrain;
};

const outgoingSend = OutgoingMessage.prototype._send;
const outgoingWriteRaw = OutgoingMessage.prototype._writeRaw;

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
    // An empty write still sends the head, as node's does, and goes through the
    // socket (unframed), so its callback keeps its place among the others'.
    if (!msg._headerSent && msg._header !== null) return msg._send('', 'latin1', callback);
    return msg._send(chunk, encoding, callback);
  }
  if (!msg.chunkedEncoding) return msg._send(chunk, encoding, callback);
  const size = NumberPrototypeToString(len, 16);
  if (typeof chunk === 'string' && (msg._headerSent || msg._headerAscii) &&
      (!encoding || encoding === 'utf8' || encoding === 'latin1')) {
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
    return false;
  }
  checkChunk(chunk);
  if (this.destroyed) {
    if (typeof callback === 'function') process.nextTick(callback, new ERR_STREAM_DESTROYED('write'));
    return false;
  }
  if (this.strictContentLength) countStrict(this, chunkLength(chunk, encoding), false);
  if (this._header === null) this._implicitHeader();
  // The writes of one tick leave together (one writev): the socket is corked
  // until the next tick, as node does (res.writableLength counts them meanwhile).
  const socket = this.socket;
  if (socket !== null && socket._httpMessage === this && socket._writableState !== undefined &&
      socket.writableCorked === 0) {
    socket.cork();
    process.nextTick(uncorkSocket, socket);
  }
  return writeBody(this, chunk, encoding, callback);
};

// end() after the socket closed: nothing is sent and no 'finish' comes, but
// the message counts as ended (writableEnded), as in node.
function endDestroyed(msg) {
  msg.finished = true;
  return msg;
}

function uncorkSocket(socket) { socket.uncork(); }

// The callback handed with the last write; the owner may give one shared by all
// its messages (the server's connection), else one is made here.
OutgoingMessage.prototype._endCallback = function _endCallback() {
  return () => this._finish();
};

OutgoingMessage.prototype._finish = function _finish() {
  this.emit('finish');
};

// A last chunk's framing: its size line (the one for the last size is kept:
// a server answers alike) and, without trailers, the same ending every time.
const lastChunkEnding = '\r\n0\r\n\r\n';
let chunkSizeOf = -1;
let chunkSizeText = '';
function chunkSizeLine(len) {
  if (len !== chunkSizeOf) {
    chunkSizeOf = len;
    chunkSizeText = `${NumberPrototypeToString(len, 16)}\r\n`;
  }
  return chunkSizeText;
}

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
    if (this.destroyed) return endDestroyed(this);
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.once('finish', callback);
      else callback(new ERR_STREAM_ALREADY_FINISHED('end'));
    }
    return this;
  } else if (this.destroyed) {
    return endDestroyed(this);
  }
  if (this._header === null) {
    this._contentLength = chunk !== null && chunk !== undefined ? chunkLength(chunk, encoding) : 0;
    this._implicitHeader();
  }
  if (chunk !== null && chunk !== undefined && !this._hasBody && this._rejectNonStandardBodyWrites) {
    throw new ERR_HTTP_BODY_NOT_ALLOWED();
  }
  if (this.strictContentLength) {
    countStrict(this, chunk !== null && chunk !== undefined ? chunkLength(chunk, encoding) : 0, true);
  }
  if (typeof callback === 'function') this.once('finish', callback);
  const done = this._endCallback();
  this.finished = true;
  let sent = false;
  if (chunk !== null && chunk !== undefined && this._hasBody) {
    if (!this.chunkedEncoding) {
      if (this.socket !== null && this.socket[kWriteStringDirect] === undefined) {
        // A stream that is no net.Socket (assignSocket of any Writable) gets the
        // body, then an empty last write whose callback is the end's, as in node.
        this._send(chunk, encoding, null);
        this._send('', 'latin1', done);
      } else if (typeof chunk === 'string' && (!encoding || encoding === 'utf8' || encoding === 'latin1')) {
        sendLast(this, encoding, done, chunk);
      } else {
        this._send(chunk, encoding, done);
      }
      sent = true;
    } else if (typeof chunk === 'string' && (this._headerSent || this._headerAscii) &&
               (!encoding || encoding === 'utf8' || encoding === 'latin1')) {
      if (chunk.length > 0) { // a string of no bytes is the only empty one
        const ending = this._trailer === '' ? lastChunkEnding : `\r\n0\r\n${this._trailer}\r\n`;
        sendLast(this, encoding, done, chunk, ending, undefined, true);
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
  // Whatever corks are left (the user's, write()'s) are undone: the end goes out now.
  const socket = this.socket;
  if (socket !== null && socket._httpMessage === this && socket._writableState !== undefined &&
      socket._writableState.corked > 0) {
    socket._writableState.corked = 1;
    socket.uncork();
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
    // A list goes out one line per value, or as one joined with '; ' for a
    // field among the message's uniqueHeaders.
    const unique = this[kUniqueHeaders];
    if (ArrayIsArray(value) && value.length > 1 &&
        (unique === null || unique === undefined || !unique.has(StringPrototypeToLowerCase(field)))) {
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
  this.errored = error === undefined ? null : error;
  if (this.socket !== null) this.socket.destroy(error);
  else this.once('socket', (socket) => socket.destroy(error));
  return this;
};

// events.captureRejections: a listener's rejected promise destroys the message.
OutgoingMessage.prototype[SymbolFor('nodejs.rejection')] = function(err) {
  this.destroy(err);
};

OutgoingMessage.prototype.pipe = function pipe() {
  this.emit('error', new ERR_STREAM_CANNOT_PIPE());
};

module.exports = {
  OutgoingMessage, validateHeaderName, validateHeaderValue, kOutHeaders, kHighWaterMark,
  kUniqueHeaders, parseUniqueHeadersOption,
};
