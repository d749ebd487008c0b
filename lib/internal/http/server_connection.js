'use strict';
// One HTTP server connection: the socket's listeners, the parser's callbacks (onHead is the
// single call per request head; onBody hands the request a view of the socket's read;
// onComplete ends the request), the order of responses on the socket (pipelining), the
// default answers to bad requests (400, 431, 413, 408 and close), and the per-server sweep
// that enforces keepAliveTimeout, headersTimeout and requestTimeout. While the socket's reads
// would go straight to the parser, the parser consumes them: they are parsed in Rust as they
// complete, without the socket's JS read path (src/binding/http_parser/consume.rs; docs/http.md).

const {
  ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeShift, DateNow, Float64Array, FunctionPrototypeCall, MathMin,
  SafeSet, Symbol, TypedArrayPrototypeGetLength, TypedArrayPrototypeSubarray, ArrayPrototypeSlice,
} = primordials;

const {
  METHODS, REQUEST, kKeepAlive, kUpgrade, kNoBody, kExpectContinue, kExpectOther, kHost,
  kStop, createParser, executeParser, finishParser, freeParser, parseError, rawHeadersOf, headersCut,
} = require('_http_common');
const { setInterval, clearInterval } = require('timers');
const { kDataSink, kConsumer, kHandle } = require('internal/net');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const parserBinding = internalBinding('http_parser');
// COIL_HTTP_CONSUME=0: every read takes the socket's JS path (to compare).
const consumeReads = process.env.COIL_HTTP_CONSUME !== '0';
// onHead's answer bit asking for onExecute after the read (a consumed read).
const kAfterRead = 8;
// A consumed read's head flag: the read ends with this head (consume.rs). With no body and
// keep-alive the read is done once onHead returns, so onHead runs the ticks itself.
const kReadDone = 256 | kNoBody | kKeepAlive;
const { runTicksNow } = require('internal/process/task_queues');
const { isMaterialized, dumpUnheard, kHeadersCount } = require('_http_incoming');
const { maybePause, maybeResume } = require('internal/http/server_backpressure');
const { emitRequest } = require('internal/http/server_emit');
const { emitClose, abortOpen, closeListener } = require('internal/http/server_close');
// diagnostics_channel: what node publishes per request (a getter read when unheard).
const dc = require('diagnostics_channel');
const channels = { requestStart: dc.channel('http.server.request.start'), responseFinish: dc.channel('http.server.response.finish') };

// Requests read by every server of the process, shared with Rust: --stats divides
// the syscalls the backend made by it (syscalls per request).
const httpServed = new Float64Array(internalBinding('uring').httpServed);
const kConnection = Symbol('kConnection'), kConnections = Symbol('kConnections');
// The sweep's interval timer (node exports this key as _http_server's kConnectionsCheckingInterval).
const { startDrain } = require('internal/http/server_drain');
const kSweep = Symbol('http.server.connectionsCheckingInterval');
const kNotUpgrade = 3, kUnseen = -1, kNone = -0;
// The method names in an array of our own: optimized code reads the frozen METHODS'
// elements through a generic KeyedLoadIC call. CONNECT is METHODS[3].
const methodNames = ArrayPrototypeSlice(METHODS), CONNECT = 3;
const noop = () => {};
const socketClosedLast = closeListener(kConnection);

// `waiting` while none waits: shared, never changed, so in cache per request.
const noneWaiting = [];

function Connection(server, socket) { // fields in request order (docs/http.md)
  this.server = server;
  this.socket = socket;
  this.current = null; // the response that owns the socket
  this.waiting = noneWaiting; // responses behind it, in request order
  this.endingFirst = null; // responses whose last write is in flight, in order:
  this.endingRest = null; // the first, then the rest (nearly always none)
  this.finishing = null; // while a 'finish' is owed on a tick: responses written since (finishNext)
  this.requests = 0;
  // Times for the sweep: none (kNone, -0: a double, so the first time stored does not
  // change the field's representation, deprecating every Connection map mid-run), kUnseen
  // started but not yet stamped (the sweep stamps it), else Date.now() at that point.
  this.idleSince = kNone;
  this.headStart = DateNow(); // a head is awaited since
  this.requestStart = kNone;
  this.paused = false; // reading stopped by maybePause
  this.consumed = false; // the parser takes the socket's reads (maybeConsume)
  this.keepAlive = false; // the last head asked to keep the connection
  // The last-write callback every response of this connection shares.
  this.onEndWritten = (err) => endWritten(this, err);
  this.incoming = null; // the request whose body is being read
  this.parser = createParser(REQUEST, this, onHead, onBody, onComplete, server.maxHeaderSize,
                             server.insecureHTTPParser);
  this.buffer = null; // the read being parsed (body parts are views of it)
  this.failed = null; // responses whose last write failed, in order (the socket is closing)
  this.holder = null; // the response that gets 'close' when the socket closes
  this.upgradeReq = null;
  this.dead = false;
}

// The socket's reads go its own way again (consumer.js's protocol).
Connection.prototype.unconsume = function unconsume() {
  if (!this.consumed) return;
  this.consumed = false;
  const socket = this.socket;
  socket[kConsumer] = null;
  if (this.parser >= 0) socket._bytesRead += parserBinding.unconsume(this.parser);
};

Connection.prototype.takeBytes = function takeBytes() {
  if (this.consumed) this.socket._bytesRead += parserBinding.takeBytes(this.parser);
};

// A response behind another is queued as it takes the socket (responseEnded):
// last writes complete in the socket's order, not in the order responses end.
Connection.prototype.responseEnding = function responseEnding(res) {
  if (res === this.current) queueEnding(this, res);
  return this.onEndWritten;
};

function queueEnding(conn, res) {
  if (conn.endingFirst === null) conn.endingFirst = res;
  else if (conn.endingRest === null) conn.endingRest = [res];
  else ArrayPrototypePush(conn.endingRest, res);
}

// A response's last bytes are queued: the next response takes the socket.
Connection.prototype.responseEnded = function responseEnded(res) {
  if (this.current !== res) return;
  const socket = this.socket;
  this.current = null;
  if (res._last) {
    this.dead = true;
    this.unconsume();
    this.waiting = noneWaiting;
    // A stream handed in by 'connection' (a Duplex, no net.Socket) is ended.
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
    return;
  }
  const next = takeFirst(this.waiting);
  if (this.waiting.length === 0) this.waiting = noneWaiting;
  if (next !== undefined) {
    this.current = next;
    if (next.finished) queueEnding(this, next);
    socket._httpMessage = null;
    next.assignSocket(socket);
    if (next.finished) this.responseEnded(next);
    else maybeResume(this);
  } else {
    maybeResume(this);
    this.idleSince = kUnseen;
  }
};

// The first of a queue that holds one entry or none nearly always (pipelining
// aside): pop and a length check stay in optimized code where shift, on V8 10.2,
// calls a C++ builtin.
function takeFirst(list) {
  const n = list.length;
  if (n === 0) return undefined;
  if (n === 1) return ArrayPrototypePop(list);
  return ArrayPrototypeShift(list);
}

function isIdle(conn) {
  return conn.current === null && conn.incoming === null && conn.endingFirst === null;
}

function endWritten(conn, err) {
  const res = conn.endingFirst;
  if (res === null) return;
  conn.endingFirst = conn.endingRest?.length > 0 ? takeFirst(conn.endingRest) : null;
  if (err) {
    // Unfinished: its request is aborted when the socket closes (socketOnClose).
    if (conn.failed === null) conn.failed = [];
    ArrayPrototypePush(conn.failed, res);
    return;
  }
  if (conn.finishing !== null) ArrayPrototypePush(conn.finishing, res);
  else finishResponse(conn, res);
}

// The next pipelined response whose last write completed: its 'finish' comes a
// tick after the one before it, as in node, where a response takes the socket
// (and writes) only once the one before it finished.
function finishNext(conn) {
  const list = conn.finishing;
  if (list.length === 0) conn.finishing = null;
  else finishResponse(conn, ArrayPrototypeShift(list));
}

// The request drained, the socket let go, 'close' on the next tick, then
// 'finish': node does the rest before its user's 'finish' listeners run (they
// see no socket, a flowing request, and their ticks come after those).
function finishResponse(conn, res) {
  const req = res.req;
  if (channels.responseFinish.hasSubscribers) {
    channels.responseFinish.publish({ request: req, response: res, socket: conn.socket, server: conn.server });
  }
  const rs = isMaterialized(req) ? req._readableState : null; // read from (then paused): not dumped
  if (!req._consuming && (rs === null || (!rs.resumeScheduled && !rs.dataEmitted))) {
    // A finished request nobody listens to has nothing to drain: skip the
    // resume/'end'/'close' round of a Readable no one observes.
    if (req.complete && req._eventsCount === 0) dumpUnheard(req);
    else req._dump();
  }
  res.detachSocket(conn.socket);
  if (res._eventsCount === 0) {
    res.destroyed = true;
    res._closed = true;
  } else {
    process.nextTick(emitClose, res);
  }
  if (conn.endingFirst !== null || (conn.finishing !== null && conn.finishing.length > 0)) {
    if (conn.finishing === null) conn.finishing = [];
    process.nextTick(finishNext, conn);
  } else {
    conn.finishing = null;
  }
  res.emit('finish');
}

function onHead(method, url, minor, rawHeaders, flags, a, b, c, d, e, f, g, h) {
  if (typeof rawHeaders === 'number') rawHeaders = rawHeadersOf(rawHeaders, a, b, c, d, e, f, g, h);
  const server = this.server;
  const socket = this.socket;
  // A head read whole while idle: timed from the sweep's next stamp.
  this.requestStart = this.headStart !== 0 ? this.headStart : kUnseen;
  this.headStart = 0;
  const req = new server.IncomingMessage(socket);
  req.method = methodNames[method];
  req.url = url;
  req.httpVersionMajor = 1;
  req.httpVersionMinor = minor;
  req.httpVersion = minor === 1 ? '1.1' : '1.0';
  const cut = headersCut(server.maxHeadersCount, rawHeaders.length);
  if (cut !== 0) req[kHeadersCount] = cut;
  req.rawHeaders = rawHeaders;
  req.joinDuplicateHeaders = server.joinDuplicateHeaders;
  let answer = 0;
  if ((flags & kUpgrade) !== 0) {
    if (method === CONNECT || server.listenerCount('upgrade') > 0) {
      req.upgrade = true;
      this.upgradeReq = req;
      return kStop;
    }
    req.upgrade = false;
    answer = kNotUpgrade;
  } else {
    req.upgrade = false;
  }
  if (this.requests++ === 0) socket.on('close', socketClosedLast);
  httpServed[0]++;
  const res = new server.ServerResponse(req, this);
  res.shouldKeepAlive = this.keepAlive = (flags & kKeepAlive) !== 0;
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._rejectNonStandardBodyWrites = server.rejectNonStandardBodyWrites;
  const maxRequests = server.maxRequestsPerSocket;
  res._maxRequestsPerSocket = maxRequests;
  if (maxRequests > 0 && this.requests >= maxRequests) res.maxRequestsOnConnectionReached = true;
  const dropped = maxRequests > 0 && this.requests > maxRequests;
  if (this.current === null) {
    this.current = res;
    socket._httpMessage = res;
    res.socket = socket;
  } else {
    if (this.waiting === noneWaiting) this.waiting = [];
    ArrayPrototypePush(this.waiting, res);
  }
  const noBody = (flags & kNoBody) !== 0;
  if (!noBody) this.incoming = req;
  if (channels.requestStart.hasSubscribers) {
    channels.requestStart.publish({ request: req, response: res, socket, server });
  }
  if (dropped) {
    // Past maxRequestsPerSocket (pipelined beyond the limit): 503 and close.
    res.shouldKeepAlive = false;
    server.emit('dropRequest', req, socket);
    res.writeHead(503);
    res.end();
  } else if (server.requireHostHeader && minor === 1 && (flags & kHost) === 0) {
    res.writeHead(400, ['Connection', 'close']);
    res.end();
  } else if ((flags & kExpectContinue) !== 0 && minor === 1) {
    res._expect_continue = true;
    if (server.listenerCount('checkContinue') > 0) {
      server.emit('checkContinue', req, res);
    } else {
      res.writeContinue();
      server.emit('request', req, res);
    }
  } else if ((flags & kExpectOther) !== 0 && minor === 1) {
    if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
    } else {
      res.writeHead(417);
      res.end();
    }
  } else {
    emitRequest(server, req, res);
  }
  if (noBody) {
    req._pushEnd();
    if (this.socket._readableState.flowing === false) readOn(this);
  }
  // A consumed read: pipelined answers queued or writes backed up may have to
  // pause reading once the read is parsed (maybePause, in onExecute).
  if (this.consumed && (this.waiting.length !== 0 || socket.writableNeedDrain)) answer |= kAfterRead;
  if (answer === 0 && (flags & kReadDone) === kReadDone) runTicksNow();
  return answer;
}

// `ab`: a consumed read's ArrayBuffer (start is into it); else start is into
// the chunk being parsed.
function onBody(start, length, ab) {
  const req = this.incoming;
  if (req === null) return;
  const buf = this.buffer;
  req._pushBody(buf !== null ? TypedArrayPrototypeSubarray(buf, start, start + length) :
    new FastBuffer(ab, start, length));
}

// After a consumed read (length bytes at offset in ab), when JS has something
// to do: what socketOnData does after executeParser.
function onExecute(r, ab, offset, length, atMessageStart) {
  if (typeof r !== 'number') {
    FunctionPrototypeCall(socketOnError, this.socket, parseError(r, new FastBuffer(ab, offset, length)));
    return;
  }
  if (this.upgradeReq !== null) {
    upgrade(this, new FastBuffer(ab, offset, length), r);
    return;
  }
  // Part of a head arrived: headersTimeout runs from now.
  if (!atMessageStart && this.headStart === 0 && this.incoming === null) this.headStart = kUnseen;
  maybePause(this);
}

// Has the parser take the socket's reads, while they would go straight to it
// (dataSink's fast way) and no timeout's clock needs them in JS. Not for a
// connection whose last request closes it: no further head will come to parse.
function maybeConsume(conn, socket) {
  if (conn.consumed || !conn.keepAlive || conn.dead || conn.paused || conn.upgradeReq !== null || conn.parser < 0 ||
      socket._timer !== null || socket._asyncFrame !== undefined || socket[kConsumer] !== null) {
    return;
  }
  const h = socket[kHandle];
  if (h === null || h.plain === true || !readsGoToParser(socket, socket._readableState)) return;
  parserBinding.consume(conn.parser, h.id, onExecute);
  conn.consumed = true;
  socket[kConsumer] = conn;
}

function onComplete(trailers) {
  const req = this.incoming;
  if (req === null) return;
  this.incoming = null;
  if (trailers !== undefined) req.rawTrailers = trailers;
  req._pushEnd();
  if (this.socket._readableState.flowing === false) readOn(this);
}

// As node at the end of each request: the socket reads on, so a socket.pause()
// in a handler holds no later request (node's parser resumes it there too),
// unless the connection paused it itself (answers backed up: maybePause).
function readOn(conn) {
  const socket = conn.socket;
  if (!conn.paused && !conn.dead && socket.readable && !socket.destroyed) socket.resume();
}

function connectionListener(socket) {
  const server = this;
  const conn = new Connection(server, socket);
  socket[kConnection] = conn;
  socket._httpMessage = null;
  socket.setEncoding = socketSetEncoding;
  server[kConnections].add(conn);
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  socket.on('data', socketOnData);
  if (socket[kDataSink] === null) socket[kDataSink] = dataSink;
  socket.on('end', socketOnEnd);
  socket.on('error', socketOnError);
  socket.on('close', socketOnClose);
  socket.on('drain', socketOnDrain);
  socket.on('timeout', socketOnTimeout);
}

// HTTP's bytes are not text in any one encoding (RFC 7230 section 3).
function socketSetEncoding() {
  throw new (require('internal/errors').codes.ERR_HTTP_SOCKET_ENCODING)();
}

function socketOnData(chunk) {
  const conn = this[kConnection];
  if (conn.dead) return;
  if (conn.headStart === 0 && conn.incoming === null) conn.headStart = kUnseen;
  conn.buffer = chunk;
  const r = executeParser(conn.parser, chunk);
  conn.buffer = null;
  if (typeof r !== 'number') {
    FunctionPrototypeCall(socketOnError, this, parseError(r, chunk));
    return;
  }
  // A head begun behind a whole one in this read (r < 0): headersTimeout runs from now.
  if (r < 0 && conn.headStart === 0) conn.headStart = DateNow();
  if (conn.upgradeReq !== null) upgrade(conn, chunk, r);
  else maybePause(conn);
}

// The socket's reads, taken before its Readable: while the connection's 'data'
// listener is the only reader and the stream flows with nothing buffered (what
// push() would do then is emit 'data' to it at once), a read goes to it
// directly, without the stream's bookkeeping and its read-more tick per read.
// Otherwise (paused, buffered, decoding, another 'data' or 'readable'
// listener) the read takes the stream's own way.
function dataSink(socket, chunk) {
  const state = socket._readableState;
  if (!readsGoToParser(socket, state)) return socket.push(chunk);
  // What push() notes of a read it hands to 'data'.
  state.reading = false;
  state.dataEmitted = true;
  FunctionPrototypeCall(socketOnData, socket, chunk);
  if (state.ended) return false;
  if (consumeReads) maybeConsume(socket[kConnection], socket);
  return true;
}

// Whether a read would go to socketOnData at once, as push() would hand it on.
function readsGoToParser(socket, state) {
  return state.flowing === true && state.length === 0 && !state.sync && !state.ended &&
    !state.destroyed && state.errored === null && state.decoder === null &&
    socket._events.data === socketOnData && socket._events.readable === undefined;
}

function detach(conn) {
  const socket = conn.socket;
  conn.dead = true;
  conn.unconsume();
  if (socket[kDataSink] === dataSink) socket[kDataSink] = null;
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.removeListener('error', socketOnError);
  socket.removeListener('close', socketOnClose);
  socket.removeListener('drain', socketOnDrain);
  socket.removeListener('timeout', socketOnTimeout);
  socket.removeListener('close', socketClosedLast);
  release(conn);
}

function release(conn) {
  conn.unconsume();
  if (conn.parser >= 0) {
    freeParser(conn.parser);
    conn.parser = -1;
  }
  conn.server[kConnections].delete(conn);
}

// An upgrade or CONNECT head: the socket leaves HTTP with the bytes after it.
function upgrade(conn, chunk, consumed) {
  const req = conn.upgradeReq;
  conn.upgradeReq = null;
  const socket = conn.socket;
  const server = conn.server;
  const head = TypedArrayPrototypeSubarray(chunk, consumed, TypedArrayPrototypeGetLength(chunk));
  detach(conn);
  socket._httpMessage = null;
  req.complete = true;
  const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (server.listenerCount(event) > 0) server.emit(event, req, socket, head);
  else socket.destroy();
}

function socketOnEnd() {
  const conn = this[kConnection];
  if (conn.dead) { // after an error ('clientError' kept the socket): the peer's end ends ours
    if (this.writable) this.end();
    return;
  }
  const r = finishParser(conn.parser);
  if (r !== 0) {
    FunctionPrototypeCall(socketOnError, this, parseError(r));
    return;
  }
  // server.httpAllowHalfOpen: the requests already read are still answered, and
  // the connection ends after the last of them, as in node.
  if (conn.server.httpAllowHalfOpen) {
    const last = conn.waiting.length > 0 ? conn.waiting[conn.waiting.length - 1] : conn.current;
    if (last !== null && last !== undefined) {
      last._last = true;
      return;
    }
    if (this.writable) this.end();
    return;
  }
  // As node 20 (httpAllowHalfOpen false): our side ends after what is already
  // written; the requests still being answered are aborted when the socket closes.
  if (this.writable) this.end();
}

// A parse error, a timeout or a socket error: 'clientError' if anyone listens,
// else Node's default answer and the connection closes.
function socketOnError(err) {
  const conn = this[kConnection];
  this.removeListener('error', socketOnError);
  this.on('error', noop);
  const server = conn.server;
  conn.dead = true;
  conn.unconsume();
  if (server.listenerCount('clientError') > 0) {
    server.emit('clientError', err, this);
    return;
  }
  const res = this._httpMessage;
  if (this.writable && (res === null || res === undefined || !res._headerSent) &&
      err.code !== 'ECONNRESET' && err.code !== 'EPIPE') {
    let status = '400 Bad Request';
    if (err.code === 'HPE_HEADER_OVERFLOW') status = '431 Request Header Fields Too Large';
    else if (err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') status = '413 Payload Too Large';
    else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') status = '408 Request Timeout';
    // As node, the socket is then destroyed with the error (its 'error' and
    // 'close' listeners see it), once the answer is out.
    this.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`, () => this.destroy(err));
    return;
  }
  this.destroy(err);
}

function socketOnClose() {
  const conn = this[kConnection];
  conn.dead = true;
  release(conn);
  abortOpen(conn);
  conn.current = null;
  conn.waiting = noneWaiting;
  conn.endingFirst = conn.endingRest = null;
}

function socketOnDrain() {
  const res = this._httpMessage;
  if (res && res._needDrain) {
    res._needDrain = false;
    res.emit('drain');
  }
  const conn = this[kConnection];
  if (conn !== undefined) maybeResume(conn);
}

function socketOnTimeout() {
  const conn = this[kConnection];
  const res = this._httpMessage;
  // Only a request still being read times out (as node's), not one whose body is in.
  const req = conn.incoming;
  let handled = req !== null && !req.complete && req.emit('timeout', this);
  if (res) handled = res.emit('timeout', this) || handled;
  handled = conn.server.emit('timeout', this) || handled;
  if (!handled) this.destroy();
}

// The sweep: idle keep-alive connections past keepAliveTimeout close; a head
// slower than headersTimeout, or a request slower than requestTimeout, gets 408.
function sweep(server) {
  const now = DateNow();
  for (const conn of server[kConnections]) {
    if (conn.dead) continue;
    // Stamped now, so a timeout runs from at most one sweep late, never early.
    if (conn.idleSince === kUnseen) conn.idleSince = now;
    if (conn.headStart === kUnseen) conn.headStart = now;
    if (conn.requestStart === kUnseen) conn.requestStart = now;
    if (isIdle(conn) && conn.requests > 0 && conn.headStart === 0) {
      const keepAlive = server.keepAliveTimeout;
      if (keepAlive > 0 && now - conn.idleSince >= keepAlive) conn.socket.destroy();
      continue;
    }
    const { headersTimeout: headers, requestTimeout: request } = server;
    // requestTimeout bounds the wait for a head too, as node's (headersTimeout may be 0).
    const head = conn.headStart > 0 ? now - conn.headStart : 0;
    const late = (headers > 0 && head > headers) || (request > 0 && head > request) ||
      (conn.incoming !== null && conn.requestStart > 0 && request > 0 && now - conn.requestStart > request);
    if (late) {
      const { codes: { ERR_HTTP_REQUEST_TIMEOUT } } = require('internal/errors');
      FunctionPrototypeCall(socketOnError, conn.socket, new ERR_HTTP_REQUEST_TIMEOUT());
    }
  }
}

function startSweep(server) {
  if (server[kConnections] === undefined) server[kConnections] = new SafeSet();
  if (server[kSweep] && !server[kSweep]._destroyed) return;
  const every = server.keepAliveTimeout > 0 ?
    MathMin(1000, server.connectionsCheckingInterval) : server.connectionsCheckingInterval;
  if (!(every > 0)) return;
  server[kSweep] = setInterval(sweep, every, server);
  server[kSweep].unref();
}

// The cleared timer stays, as node's does (its _destroyed tells it stopped). The
// connections left still end after keepAliveTimeout idle (node's socket timeouts).
function stopSweep(server) {
  if (server[kSweep]) clearInterval(server[kSweep]);
  if (server[kConnections]?.size > 0) startDrain(server, server[kConnections], isIdle, kUnseen);
}

function closeConnections(server, idleOnly) {
  const list = server[kConnections];
  if (list === undefined) return;
  for (const conn of list) {
    // Part of a head read is a request begun: not idle (as node's).
    const midHead = conn.headStart !== 0 && (conn.requests > 0 || conn.socket.bytesRead > 0);
    if (!idleOnly || (isIdle(conn) && conn.waiting.length === 0 && !midHead)) conn.socket.destroy();
  }
}

module.exports = { kConnection, kSweep, connectionListener, startSweep, stopSweep, closeConnections };
