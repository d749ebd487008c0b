'use strict';
// http.ClientRequest: an OutgoingMessage whose head is the request line, sent on
// a socket from an Agent (or one made by createConnection). The response is read
// by a RESPONSE-mode parser (internalBinding('http_parser')) into an
// IncomingMessage: one head call per response (1xx heads become 'information'
// and 'continue'), body parts as views of the socket's reads. When both the
// request's last write and the response are done, a kept-alive socket goes
// back to the agent ('free'); otherwise it is closed.

const {
  ArrayIsArray, Error, FunctionPrototypeCall, NumberIsFinite, ObjectDefineProperty, ObjectKeys,
  ObjectSetPrototypeOf, RegExpPrototypeExec, StringPrototypeIncludes, StringPrototypeIndexOf,
  StringPrototypeToUpperCase, Symbol, TypedArrayPrototypeGetLength, TypedArrayPrototypeSubarray,
} = primordials;

const net = require('net');
const eos = require('internal/streams/end-of-stream');
const { Buffer } = require('buffer');
const { URL, urlToHttpOptions } = require('internal/url');
const {
  OutgoingMessage, kOutHeaders, kUniqueHeaders, parseUniqueHeadersOption,
} = require('_http_outgoing');
const { IncomingMessage, kHeadersCount } = require('_http_incoming');
const agentModule = require('_http_agent');
const { Agent } = agentModule;
const {
  RESPONSE, kKeepAlive, kUpgrade, kNoBody, kSkipBody, kStop, checkIsHttpToken,
  createParser, executeParser, finishParser, freeParser, parseError, rawHeadersOf, headersCut,
} = require('_http_common');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_HTTP_TOKEN, ERR_INVALID_PROTOCOL, ERR_OUT_OF_RANGE,
    ERR_UNESCAPED_CHARACTERS,
  },
} = require('internal/errors');
const { validateBoolean, validateNumber } = require('internal/validators');
let debug = require('internal/util/debuglog').debuglog('http', (fn) => { debug = fn; });
const dc = require('diagnostics_channel');
const channels = {
  requestStart: dc.channel('http.client.request.start'),
  responseFinish: dc.channel('http.client.response.finish'),
};

const kState = Symbol('kClientState');
const kBodyless = { __proto__: null, GET: true, HEAD: true, DELETE: true, OPTIONS: true, TRACE: true, CONNECT: true };
const invalidPath = /[^\u0021-\u00ff]/;

const TIMEOUT_MAX = 2 ** 31 - 1;

// A timeout in ms for a socket: longer than a timer can wait is cut to the
// longest one, with a warning raised here (its stack shows the caller).
function timerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !NumberIsFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'undefined', 'null'], host);
  }
}

function connReset(message) {
  const err = new Error(message);
  ObjectDefineProperty(err, 'code', {
    __proto__: null, value: 'ECONNRESET', writable: true, enumerable: true, configurable: true,
  });
  return err;
}

function ClientRequest(input, options, cb) {
  FunctionPrototypeCall(OutgoingMessage, this);
  if (typeof input === 'string') {
    input = urlToHttpOptions(new URL(input));
  } else if (input instanceof URL) {
    input = urlToHttpOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || { __proto__: null };
  } else {
    options = { __proto__: null, ...input, ...options };
  }
  let agent = options.agent;
  const defaultAgent = options._defaultAgent || agentModule.globalAgent;
  if (agent === false) {
    agent = new defaultAgent.constructor();
  } else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
  } else if (typeof agent.addRequest !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
  }
  this.agent = agent;
  const protocol = options.protocol || defaultAgent.protocol;
  let expected = defaultAgent.protocol;
  if (this.agent && this.agent.protocol) expected = this.agent.protocol;
  if (protocol !== expected) throw new ERR_INVALID_PROTOCOL(protocol, expected);
  // Without an agent there is no default port: the Host field then names :80.
  const defaultPort = options.defaultPort || (this.agent && this.agent.defaultPort);
  const port = options.port = options.port || defaultPort || 80;
  validateHost(options.hostname, 'hostname');
  validateHost(options.host, 'host');
  const host = options.host = options.hostname || options.host || 'localhost';
  const setHost = options.setHost === undefined || Boolean(options.setHost);
  this.socketPath = options.socketPath;
  this.timeout = options.timeout === undefined ? undefined : timerDuration(options.timeout, 'timeout');
  // The socket 'timeout' listener that forwards to this request, once set up.
  this.timeoutCb = null;
  let method = options.method;
  if (method !== null && method !== undefined && typeof method !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.method', 'string', method);
  }
  if (method) {
    if (!checkIsHttpToken(method)) throw new ERR_INVALID_HTTP_TOKEN('Method', method);
    method = this.method = StringPrototypeToUpperCase(method);
  } else {
    method = this.method = 'GET';
  }
  this.path = options.path || '/';
  if (RegExpPrototypeExec(invalidPath, this.path) !== null) throw new ERR_UNESCAPED_CHARACTERS('Request path');
  this.host = host;
  this.protocol = protocol;
  this.useChunkedEncodingByDefault = kBodyless[method] !== true;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.res = null;
  this.aborted = false;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeaderSize = options.maxHeaderSize;
  const insecure = options.insecureHTTPParser;
  if (insecure !== undefined) validateBoolean(insecure, 'options.insecureHTTPParser');
  this.insecureHTTPParser = insecure;
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;
  this[kState] = null;
  this._agentOptions = options;
  if (cb) this.once('response', cb);
  // An agent that can reuse the socket (keepAlive, or a finite maxSockets that
  // queues requests for it) asks for keep-alive, as node's.
  this.shouldKeepAlive = this.agent ?
    Boolean(this.agent.keepAlive) || NumberIsFinite(this.agent.maxSockets) : false;
  this._last = !this.shouldKeepAlive;
  const firstLine = `${method} ${this.path} HTTP/1.1\r\n`;
  const headers = options.headers;
  if (!ArrayIsArray(headers)) {
    if (headers) {
      const keys = ObjectKeys(headers);
      for (let i = 0; i < keys.length; i++) this.setHeader(keys[i], headers[keys[i]]);
    }
    if (host && !this.getHeader('host') && setHost) {
      let hostHeader = host;
      // Only an IPv6 address (two colons or more) goes in brackets: 'foo:1234' stays.
      const colon = StringPrototypeIndexOf(hostHeader, ':');
      if (colon !== -1 && StringPrototypeIncludes(hostHeader, ':', colon + 1) && hostHeader[0] !== '[') {
        hostHeader = `[${hostHeader}]`;
      }
      if (port && +port !== defaultPort) hostHeader += `:${port}`;
      this.setHeader('Host', hostHeader);
    }
    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', `Basic ${Buffer.from(options.auth).toString('base64')}`);
    }
    if (this.getHeader('expect')) this._storeHeader(firstLine, this[kOutHeaders]);
  } else {
    this._storeHeader(firstLine, headers);
  }
  // Known from here on, as in node: a head stored above (array headers, an
  // Expect field) went out without it.
  const unique = parseUniqueHeadersOption(options.uniqueHeaders);
  if (unique !== null) this[kUniqueHeaders] = unique;
  const signal = options.signal;
  if (signal) {
    const onAbort = () => this.destroy(abortError(signal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  const connectOptions = { __proto__: null, ...options, signal: undefined };
  if (this.agent) {
    this.agent.addRequest(this, connectOptions);
  } else {
    this._last = true;
    this.shouldKeepAlive = false;
    const make = typeof options.createConnection === 'function' ? options.createConnection : net.createConnection;
    const socket = make(connectOptions, (err, s) => { if (err) this.onSocket(s, err); else if (s) this.onSocket(s); });
    if (socket) this.onSocket(socket);
  }
  if (channels.requestStart.hasSubscribers) channels.requestStart.publish({ request: this });
}
ObjectSetPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
ObjectSetPrototypeOf(ClientRequest, OutgoingMessage);

function abortError(signal) {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  ObjectDefineProperty(err, 'code', {
    __proto__: null, value: 'ABORT_ERR', writable: true, enumerable: true, configurable: true,
  });
  if (signal.reason !== undefined) err.cause = signal.reason;
  return err;
}

ClientRequest.prototype._implicitHeader = function _implicitHeader() {
  this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this[kOutHeaders]);
};

ClientRequest.prototype._finish = function _finish() {
  this.emit('finish');
  const state = this[kState];
  if (state !== null) {
    state.requestDone = true;
    maybeRelease(state);
  }
};

ClientRequest.prototype.abort = function abort() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

ClientRequest.prototype.destroy = function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.res) this.res._dump();
  this._destroyError = err;
  // Without a socket yet, onSocket finishes the request when one comes.
  if (this.socket !== null) this.socket.destroy(err);
  return this;
};

// The socket's 'timeout' reaches the request once per socket (a once listener
// kept in req.timeoutCb, taken off when the response ends).
function emitRequestTimeout() {
  const req = this._httpMessage;
  if (req) req.emit('timeout');
}

function listenSocketTimeout(req) {
  if (req.timeoutCb !== null) return;
  req.timeoutCb = emitRequestTimeout;
  if (req.socket !== null) req.socket.once('timeout', emitRequestTimeout);
  else req.once('socket', (socket) => socket.once('timeout', emitRequestTimeout));
}

// A socket still connecting gets its timeout once connected.
function setSocketTimeout(socket, msecs) {
  if (socket.connecting) socket.once('connect', () => socket.setTimeout(msecs));
  else socket.setTimeout(msecs);
}

ClientRequest.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this._ended) return this;
  msecs = timerDuration(msecs, 'msecs');
  listenSocketTimeout(this);
  if (callback) this.once('timeout', callback);
  if (this.socket !== null) setSocketTimeout(this.socket, msecs);
  else this.once('socket', (socket) => setSocketTimeout(socket, msecs));
  return this;
};

ClientRequest.prototype.clearTimeout = function clearTimeout(callback) {
  this.setTimeout(0, callback);
};

ClientRequest.prototype.setNoDelay = function setNoDelay(noDelay) {
  if (this.socket !== null) this.socket.setNoDelay(noDelay);
  else this.once('socket', (s) => s.setNoDelay(noDelay));
};

ClientRequest.prototype.setSocketKeepAlive = function setSocketKeepAlive(enable, delay) {
  if (this.socket !== null) this.socket.setKeepAlive(enable, delay);
  else this.once('socket', (s) => s.setKeepAlive(enable, delay));
};

ClientRequest.prototype.onSocket = function onSocket(socket, err) {
  debug('CLIENT onSocket', err ? err.message : '');
  process.nextTick(() => {
    if (err || this.destroyed) {
      this.destroyed = true;
      finishUnattached(this, socket, err);
      return;
    }
    attach(this, socket);
  });
};

// A request destroyed before its socket came: a healthy agent socket goes back
// to the agent for the next request; any other socket is destroyed and its own
// error (if it failed meanwhile) is the request's.
function finishUnattached(req, socket, err) {
  const done = (e) => {
    e = e || req._destroyError || (req.aborted ? null : connReset('socket hang up'));
    if (e) req.emit('error', e);
    emitClose(req);
  };
  if (!socket) {
    done(err);
    return;
  }
  if (!err && req.agent && !socket.destroyed) {
    socket.emit('free');
    done(null);
    return;
  }
  socket.destroy(err || req._destroyError);
  eos(socket, (e) => done(e && e.code !== 'ERR_STREAM_PREMATURE_CLOSE' ? e : err));
}

// What one response on one socket needs: the parser and who is waiting.
function ClientState(req, socket) {
  this.req = req;
  this.socket = socket;
  this.parser = createParser(RESPONSE, this, onHead, onBody, onComplete, req.maxHeaderSize,
                             req.insecureHTTPParser);
  this.buffer = null;
  this.res = null;
  this.keepAlive = false;
  this.requestDone = false;
  this.responseDone = false;
  this.released = false;
  this.upgrade = false;
  // As node's parser, the limit in force when the socket was assigned.
  this.maxHeadersCount = req.maxHeadersCount;
}

function attach(req, socket) {
  const state = new ClientState(req, socket);
  req[kState] = state;
  req.socket = socket;
  socket._httpMessage = req;
  socket[kState] = state;
  socket.on('data', socketOnData);
  socket.on('end', socketOnEnd);
  socket.on('error', socketOnError);
  socket.on('close', socketOnClose);
  socket.on('drain', socketOnDrain);
  // An agent set the request's own timeout when it handed the socket over.
  if (!req.agent && req.timeout !== undefined && socket.timeout !== req.timeout) socket.setTimeout(req.timeout);
  if (req.timeout !== undefined || (req.agent && req.agent.options && req.agent.options.timeout)) {
    listenSocketTimeout(req);
  }
  req.emit('socket', socket);
  req._flushOutput(socket);
}

function detach(state) {
  const socket = state.socket;
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.removeListener('error', socketOnError);
  socket.removeListener('close', socketOnClose);
  socket.removeListener('drain', socketOnDrain);
  socket.removeListener('timeout', responseOnTimeout);
  if (state.req.timeoutCb !== null) socket.removeListener('timeout', emitRequestTimeout);
  if (socket[kState] === state) socket[kState] = null;
  if (socket._httpMessage === state.req) socket._httpMessage = null;
  if (state.parser >= 0) {
    freeParser(state.parser);
    state.parser = -1;
  }
}

function onHead(status, reason, minor, rawHeaders, flags, a, b, c, d, e, f, g, h) {
  if (typeof rawHeaders === 'number') rawHeaders = rawHeadersOf(rawHeaders, a, b, c, d, e, f, g, h);
  const req = this.req;
  const res = new IncomingMessage(this.socket);
  res.statusCode = status;
  res.statusMessage = reason;
  // The parser says 9 for an HTTP/0.9 status line and 20 for HTTP/2.0.
  const major = minor === 9 ? 0 : minor === 20 ? 2 : 1;
  if (minor === 20) minor = 0;
  res.httpVersionMajor = major;
  res.httpVersionMinor = minor;
  res.httpVersion = `${major}.${minor}`;
  const cut = headersCut(this.maxHeadersCount, rawHeaders.length);
  if (cut !== 0) res[kHeadersCount] = cut;
  res.rawHeaders = rawHeaders;
  res.joinDuplicateHeaders = req.joinDuplicateHeaders;
  if (status >= 100 && status < 200 && status !== 101) {
    if (status === 100) req.emit('continue');
    req.emit('information', {
      __proto__: null, statusCode: status, statusMessage: reason, httpVersion: res.httpVersion,
      httpVersionMajor: 1, httpVersionMinor: minor, headers: res.headers, rawHeaders,
    });
    return 0;
  }
  req.res = res;
  res.req = req;
  this.res = res;
  if ((flags & kUpgrade) !== 0 || (req.method === 'CONNECT' && status >= 200 && status < 300)) {
    this.upgrade = true;
    res.upgrade = true;
    return kStop;
  }
  res.upgrade = false;
  this.keepAlive = (flags & kKeepAlive) !== 0 && req.shouldKeepAlive;
  // A response that ends its connection (HTTP/1.0 by default, Connection: close) says so on the request.
  if (!this.keepAlive) req.shouldKeepAlive = false;
  const noBody = (flags & kNoBody) !== 0 || req.method === 'HEAD';
  // The socket is released once the response has been read to its 'end'.
  res[kState] = this;
  res.on('end', responseOnEnd);
  this.socket.on('timeout', responseOnTimeout);
  if (channels.responseFinish.hasSubscribers) channels.responseFinish.publish({ request: req, response: res });
  if (!req.emit('response', res)) res._dump();
  if (noBody) {
    res._pushEnd();
  }
  return req.method === 'HEAD' ? kSkipBody : 0;
}

function onBody(start, length) {
  if (this.res !== null) this.res._pushBody(TypedArrayPrototypeSubarray(this.buffer, start, start + length));
}

function onComplete(trailers) {
  const res = this.res;
  if (res === null) return;
  if (trailers !== undefined) res.rawTrailers = trailers;
  res._pushEnd();
}

function responseOnTimeout() {
  const req = this._httpMessage;
  if (req && req.res) req.res.emit('timeout');
}

function responseOnEnd() {
  const state = this[kState];
  state.req._ended = true;
  state.responseDone = true;
  maybeRelease(state);
}

// Both halves are done: the socket goes back to the agent or closes.
function maybeRelease(state) {
  if (state.released || !state.requestDone || !state.responseDone) return;
  state.released = true;
  const req = state.req;
  const socket = state.socket;
  // As node: the request counts as destroyed once its response has ended.
  req.destroyed = true;
  detach(state);
  if (state.keepAlive && !socket.destroyed) {
    // Kept without an agent (shouldKeepAlive set by hand): the socket stays as it is.
    if (req.agent) {
      if (socket.timeout !== 0) socket.setTimeout(0);
      // On the next tick, as node: 'end' listeners still see the socket in use.
      process.nextTick(emitFree, req.agent, socket, req);
    }
  } else if (!socket.destroyed) {
    // A generic Duplex from createConnection has no destroySoon.
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  }
  process.nextTick(emitClose, req);
}

function emitClose(req) {
  req.destroyed = true;
  req.emit('close');
}

// The agent listens for its sockets' 'free' (installed when it made them).
// The freed socket still names its request meanwhile (keepSocketAlive reads the
// response's Keep-Alive hint from it).
function emitFree(agent, socket, req) {
  socket._httpMessage = req;
  if (socket.listenerCount('free') > 0) socket.emit('free');
  else agent.emit('free', socket, req._agentOptions);
  if (socket._httpMessage === req) socket._httpMessage = null;
}

function socketOnData(chunk) {
  const state = this[kState];
  if (state === null || state === undefined) return;
  state.buffer = chunk;
  const r = executeParser(state.parser, chunk);
  state.buffer = null;
  if (typeof r !== 'number') {
    const err = parseError(r, chunk);
    fail(state, err);
    this.destroy();
    return;
  }
  if (state.upgrade) {
    const req = state.req;
    const head = TypedArrayPrototypeSubarray(chunk, r, TypedArrayPrototypeGetLength(chunk));
    detach(state);
    state.released = true;
    this.emit('agentRemove');
    req.upgradeOrConnect = true;
    const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (req.listenerCount(event) > 0) {
      req.emit(event, state.res, this, head);
      process.nextTick(emitClose, req);
    } else {
      this.destroy();
    }
  }
}

function socketOnEnd() {
  const state = this[kState];
  if (state === null || state === undefined) return;
  const r = finishParser(state.parser);
  if (r !== 0) fail(state, parseError(r));
  else if (state.res === null) fail(state, connReset('socket hang up'));
  // A response read whole with the request sent: the socket is ended (not
  // destroyed) once the response's 'end' releases it, as node does.
  if (!state.released && !(r === 0 && state.requestDone && state.res !== null && state.res.complete)) {
    this.destroy();
  }
}

// A parse or connection error before the response completes is the request's (once).
function fail(state, err) {
  const req = state.req;
  if (req._hadError) return;
  req._hadError = true;
  if (state.res === null) {
    req.emit('error', err);
  } else if (!state.res.complete) {
    state.res.destroy(connReset('aborted'));
  }
}

// The socket's own errors are the request's even once a response came (as in
// node: a response destroyed with an error, a reset in the middle of a body).
function socketOnError(err) {
  const state = this[kState];
  if (state === null || state === undefined) return;
  const req = state.req;
  if (state.res !== null && !req._hadError) {
    req._hadError = true;
    if (!state.res.complete) state.res.destroy(connReset('aborted'));
    req.emit('error', err);
  } else {
    fail(state, err);
  }
  this.destroy();
}

function socketOnClose() {
  const state = this[kState];
  if (state === null || state === undefined) return;
  debug('CLIENT socket close');
  const req = state.req;
  detach(state);
  state.released = true;
  if (state.res === null) {
    if (!req._hadError) {
      req._hadError = true;
      // destroy() without an error, or abort(), once a socket came, still fails the request.
      req.emit('error', req._destroyError || connReset('socket hang up'));
    }
  } else if (!state.res.complete) {
    state.res.aborted = true;
    state.res.destroy(connReset('aborted'));
  }
  emitClose(req);
}

function socketOnDrain() {
  const state = this[kState];
  if (state === null || state === undefined) return;
  const req = state.req;
  if (req._needDrain) {
    req._needDrain = false;
    req.emit('drain');
  }
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = { Agent, ClientRequest, request, get };
