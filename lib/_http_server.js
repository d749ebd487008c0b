'use strict';
// http.Server and http.ServerResponse. A Server is a net.Server whose every
// connection gets one Connection: the Rust parser (internalBinding('http_parser'))
// fed with each read, the request whose body is being read, and the responses in
// request order (pipelining: a response whose turn has not come queues its
// output; when the one before it ends, it takes the socket and flushes in one
// writev). Each parsed head is one call from Rust (onHead below); a response's
// 'finish' comes from the callback of its last write, one function per
// connection shared by its responses (a FIFO, as a socket's writes complete in
// order). Timeouts (keepAliveTimeout, headersTimeout, requestTimeout) are one
// sweep per server, not timers per request. Connection-level code lives in
// internal/http/server_connection.js.

const {
  ArrayIsArray, FunctionPrototypeCall, MathMin, ObjectDefineProperty, ObjectKeys, ObjectSetPrototypeOf,
  RegExpPrototypeExec, Symbol, SymbolFor,
} = primordials;

const net = require('net');
const {
  OutgoingMessage, kOutHeaders, kUniqueHeaders, parseUniqueHeadersOption,
} = require('_http_outgoing');
const { STATUS_CODES } = require('internal/http/status_codes');
const { checkInvalidHeaderChar } = require('_http_common');
const { validateHeaderName } = require('internal/http/outgoing_head');

const nonAsciiRegExp = /[^\x00-\x7f]/;
const {
  codes: {
    ERR_HTTP_HEADERS_SENT, ERR_HTTP_INVALID_STATUS_CODE, ERR_HTTP_SOCKET_ASSIGNED, ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR, ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean, validateInteger, validateObject,
} = require('internal/validators');
const {
  kConnection, kSweep, connectionListener, startSweep, stopSweep, closeConnections,
} = require('internal/http/server_connection');

const kRequest = Symbol('kRequest');

function ServerResponse(req, conn) {
  FunctionPrototypeCall(OutgoingMessage, this);
  this.req = req;
  this.statusCode = 200;
  this.statusMessage = undefined;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  this[kConnection] = conn === undefined ? null : conn;
  if (req.method === 'HEAD') this._hasBody = false;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    // HTTP/1.0: no chunked encoding unless the client said TE: chunked.
    const te = req.headers.te;
    this.useChunkedEncodingByDefault = typeof te === 'string' &&
      RegExpPrototypeExec(/(?:^|\W)chunked(?:$|\W)/i, te) !== null;
    this.shouldKeepAlive = false;
  }
}
ObjectSetPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
ObjectSetPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype.statusCode = 200;
ServerResponse.prototype.statusMessage = undefined;
// The server's uniqueHeaders, looked up only when a list value is stored (no
// field per response); one set on the response itself wins.
ObjectDefineProperty(ServerResponse.prototype, kUniqueHeaders, {
  __proto__: null, configurable: true, enumerable: false,
  get() {
    const conn = this[kConnection];
    return conn !== null && conn !== undefined ? conn.server[kUniqueHeaders] || null : null;
  },
  set(value) {
    ObjectDefineProperty(this, kUniqueHeaders, {
      __proto__: null, configurable: true, enumerable: false, writable: true, value,
    });
  },
});

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

// The status line of the last writeHead, checked: the same code and message
// (a string) reuse it.
let lastStatusCode = 0;
let lastStatusMessage = '';
let lastStatusLine = '';
let lastStatusAscii = true;

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header !== null) throw new ERR_HTTP_HEADERS_SENT('write');
  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
    if (obj === undefined) obj = reason;
  }
  this.statusCode = statusCode;
  let headers;
  if (this[kOutHeaders] !== null) {
    // Fields given here join those set before.
    if (ArrayIsArray(obj)) {
      // As node: a flat [name, value, ...] list, each field set (replacing one
      // set before, in its place; a later one of the same name wins), an empty
      // name skipped. [[name, value], ...] pairs are not taken here: a pair is
      // no header name (ERR_INVALID_HTTP_TOKEN), as node 20 answers.
      if (obj.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', obj);
      for (let i = 0; i < obj.length; i += 2) if (obj[i]) this.setHeader(obj[i], obj[i + 1]);
    } else if (obj) {
      const keys = ObjectKeys(obj);
      for (let i = 0; i < keys.length; i++) {
        if (keys[i]) this.setHeader(keys[i], obj[keys[i]]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    if (ArrayIsArray(obj) && obj.length % 2 !== 0 && !(obj.length > 0 && ArrayIsArray(obj[0]))) {
      throw new ERR_INVALID_ARG_VALUE('headers', obj);
    }
    headers = obj;
  }
  const message = this.statusMessage;
  if (statusCode !== lastStatusCode || message !== lastStatusMessage || typeof message !== 'string') {
    if (checkInvalidHeaderChar(message)) throw new ERR_INVALID_CHAR('statusMessage');
    lastStatusLine = `HTTP/1.1 ${statusCode} ${message}\r\n`;
    lastStatusAscii = RegExpPrototypeExec(nonAsciiRegExp, message) === null;
    lastStatusCode = statusCode;
    lastStatusMessage = message;
  }
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(lastStatusLine, headers, lastStatusAscii);
  return this;
};
ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'latin1', cb);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'latin1', cb);
};

// A Link field value as node 20 takes one: `<uri>` and `; param[=value]`
// parameters (a value bare or quoted, neither with spaces or semicolons).
// Unlike node's, whitespace around a ';' is SP/HTAB only and the URI holds no
// CR/LF: a hint must not break the head.
const linkValueRegExp = /^<[^>\r\n]*>(?:[ \t]*;[ \t]*[^;"\s]+(?:=(?:"[^;"\s]*"|[^;"\s]*))?)*$/;
const linkFormat = 'must be an array or string of format "</styles.css>; rel=preload; as=style"';

function checkLink(link) {
  if (typeof link !== 'string' || RegExpPrototypeExec(linkValueRegExp, link) === null) {
    throw new ERR_INVALID_ARG_VALUE('hints', link, linkFormat);
  }
  return link;
}

// The Link field of a 103: a link or a list of them, joined with ', '.
function linkValue(link) {
  if (typeof link === 'string') return checkLink(link);
  if (!ArrayIsArray(link)) throw new ERR_INVALID_ARG_VALUE('hints', link, linkFormat);
  let value = '';
  for (let i = 0; i < link.length; i++) value += i === 0 ? checkLink(link[i]) : `, ${checkLink(link[i])}`;
  return value;
}

// As node 20: nothing is sent without a `link` hint (or with an empty list);
// the other hints follow the Link field as given (checked here, where node
// sends them unchecked).
ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints, cb) {
  validateObject(hints, 'hints');
  if (hints.link === null || hints.link === undefined) return;
  const link = linkValue(hints.link);
  if (link === '') return;
  let head = `HTTP/1.1 103 Early Hints\r\nLink: ${link}\r\n`;
  const keys = ObjectKeys(hints);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === 'link') continue;
    const value = `${hints[key]}`;
    validateHeaderName(key);
    if (checkInvalidHeaderChar(value)) throw new ERR_INVALID_CHAR('header content', key);
    head += `${key}: ${value}\r\n`;
  }
  this._writeRaw(`${head}\r\n`, 'latin1', cb);
};

// The server's responses share their connection's end-of-write callback.
ServerResponse.prototype._endCallback = function _endCallback() {
  const conn = this[kConnection];
  if (conn === null) return FunctionPrototypeCall(OutgoingMessage.prototype._endCallback, this);
  return conn.responseEnding(this);
};

ServerResponse.prototype._afterEnd = function _afterEnd() {
  const conn = this[kConnection];
  if (conn !== null) conn.responseEnded(this);
};

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  this.socket = socket;
  this.emit('socket', socket);
  this._flushOutput(socket);
};

ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  if (socket._httpMessage === this) socket._httpMessage = null;
  this.socket = null;
};

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = { __proto__: null };
  } else if (options === undefined || options === null) {
    options = { __proto__: null };
  } else {
    validateObject(options, 'options');
  }
  FunctionPrototypeCall(storeHTTPOptions, this, options);
  FunctionPrototypeCall(net.Server, this, {
    __proto__: null,
    allowHalfOpen: true,
    noDelay: options.noDelay === undefined ? true : options.noDelay,
    keepAlive: options.keepAlive,
    highWaterMark: options.highWaterMark,
  });
  if (requestListener) this.on('request', requestListener);
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  setupConnectionsTracking(this);
}
ObjectSetPrototypeOf(Server.prototype, net.Server.prototype);
ObjectSetPrototypeOf(Server, net.Server);

// The options an HTTP server reads (https.Server shares them): called with the
// server as `this`.
function storeHTTPOptions(options) {
  // maxHeaderSize and joinDuplicateHeaders stay undefined when not given, as in
  // node (the parser then takes --max-http-header-size's).
  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;
  const requireHostHeader = options.requireHostHeader;
  if (requireHostHeader !== undefined) validateBoolean(requireHostHeader, 'options.requireHostHeader');
  this.requireHostHeader = requireHostHeader !== false;
  const joinDuplicateHeaders = options.joinDuplicateHeaders;
  if (joinDuplicateHeaders !== undefined) validateBoolean(joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  this.joinDuplicateHeaders = joinDuplicateHeaders;
  const insecure = options.insecureHTTPParser;
  if (insecure !== undefined) validateBoolean(insecure, 'options.insecureHTTPParser');
  this.insecureHTTPParser = insecure;
  const reject = options.rejectNonStandardBodyWrites;
  if (reject !== undefined) validateBoolean(reject, 'options.rejectNonStandardBodyWrites');
  this.rejectNonStandardBodyWrites = reject === true;
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
  this.IncomingMessage = options.IncomingMessage || require('_http_incoming').IncomingMessage;
  this.ServerResponse = options.ServerResponse || ServerResponse;
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  // requestTimeout bounds headersTimeout: its default is the smaller of 60 s and requestTimeout.
  const requestTimeout = options.requestTimeout === undefined ? 300000 : options.requestTimeout;
  validateInteger(requestTimeout, 'requestTimeout', 0);
  let headersTimeout = options.headersTimeout;
  if (headersTimeout === undefined) {
    headersTimeout = requestTimeout > 0 ? MathMin(60000, requestTimeout) : 60000;
  } else {
    validateInteger(headersTimeout, 'headersTimeout', 0);
  }
  if (requestTimeout > 0 && headersTimeout > 0 && headersTimeout > requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', headersTimeout);
  }
  this.headersTimeout = headersTimeout;
  this.requestTimeout = requestTimeout;
  this.keepAliveTimeout = options.keepAliveTimeout === undefined ? 5000 : options.keepAliveTimeout;
  this.connectionsCheckingInterval = options.connectionsCheckingInterval === undefined ?
    30000 : options.connectionsCheckingInterval;
  this[kRequest] = null;
}

// The sweep of idle and timed-out connections, started now and at each listen.
function setupConnectionsTracking(server) {
  startSweep(server);
  server.on('listening', function() { startSweep(this); });
}

Server.prototype.close = function close(cb) {
  stopSweep(this);
  FunctionPrototypeCall(net.Server.prototype.close, this, cb);
  closeConnections(this, true);
  return this;
};

// `await using server = http.createServer(...)`: as close(), resolved at its 'close'.
Server.prototype[Symbol.asyncDispose] = async function() {
  await new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

// events.captureRejections: a 'request' listener's rejected promise answers 500
// when nothing of the response went yet (dropping the fields set), else
// destroys it; a 'connection' listener's destroys the socket; others, 'error'.
Server.prototype[SymbolFor('nodejs.rejection')] = function(err, event, ...args) {
  if (event === 'request') {
    const res = args[1];
    if (!res.headersSent && !res.writableEnded) {
      const names = res.getHeaderNames();
      for (let i = 0; i < names.length; i++) res.removeHeader(names[i]);
      res.statusCode = 500;
      res.end(STATUS_CODES[500]);
    } else {
      res.destroy();
    }
  } else if (event === 'connection') {
    args[0].destroy(err);
  } else {
    this.emit('error', err);
  }
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  closeConnections(this, false);
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  closeConnections(this, true);
};

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

module.exports = {
  STATUS_CODES, Server, ServerResponse, kConnection, kConnectionsCheckingInterval: kSweep, storeHTTPOptions, setupConnectionsTracking,
  connectionListener,
};
