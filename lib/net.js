'use strict';
// net: TCP and Unix-socket streams. A Socket is a stream.Duplex over a tcp_wrap
// handle (a loop handle owning the fd): reads are one recv at a time, re-issued
// while the stream wants data (pushing stops it: backpressure reaches the
// kernel's buffer); writes are the Writable's queue, gathered into one send per
// _writev; end() is shutdown(SHUT_WR); destroy() closes the handle, which cancels
// what is in flight, and 'close' follows the handle's close callback. The Server
// lives in internal/net/server.js. A Socket can also wrap an fd the process has
// ({fd}: stdio's pipes and sockets); a pipe or a terminal is read with plain
// read ops and written with writev (`plain` on the handle), and stdout/stderr
// write synchronously (kSyncWrites, set by internal/process/stdio.js).

const {
  ArrayPrototypePush, Error, FunctionPrototypeCall, ObjectSetPrototypeOf,
  TypedArrayPrototypeGetByteLength,
} = primordials;

const binding = internalBinding('tcp_wrap');
const asyncContext = require('internal/async_context');
const { runTicksNow } = require('internal/process/task_queues');
const asyncState = asyncContext.state;
const { FastBuffer } = require('internal/buffer/fast_buffer');
// [offset, length] of the bytes a read completion delivers in its ArrayBuffer.
const readInfo = new Float64Array(2);
binding.setReadInfo(readInfo);
const stream = require('stream');
const { Buffer } = require('buffer');
// Taken now: a user's later Buffer.from = ... must not reach the socket's reads.
const { from: BufferFrom, byteLength: BufferByteLength } = Buffer;
const {
  codes: { ERR_SOCKET_CLOSED_BEFORE_CONNECTION, ERR_SOCKET_CLOSED, ERR_OUT_OF_RANGE, ERR_MISSING_ARGS,
    ERR_INVALID_FD_TYPE, ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validatePort, validateNumber, validateFunction } = require('internal/validators');
const {
  isIP, isIPv4, isIPv6, normalizeArgs, isNormalizedArgs, publicNormalizeArgs, lookupHost, exceptionWithHostPort, errnoStreamError,
  StreamHandle, TCPConnectWrap, PipeConnectWrap, kSyncWrites, kHandle, kReadStop, kAccepted, kDataSink, kSinkResume, kWriteDirect,
  kConsumer,
} = require('internal/net');
const { openFd, openFdError } = require('internal/net/fd_handle');
const { clearHandleOwner } = require('internal/process/active_resources');
const socketOptions = require('internal/net/socket_options');
const streamHandle = require('internal/net/stream_handle');
const autoSelect = require('internal/net/connect_multiple');
const { connectMultiple, attemptTimeoutFor } = autoSelect;
const { validateInt32 } = require('internal/validators');
const { writeSync } = internalBinding('process_methods');

const ECANCELED = -125, EAGAIN = -11, ENOTCONN = -107, ENOBUFS = -105;

// The request object a binding op completes on (no prototype: user patches of
// Object.prototype cannot reach it).
function request(oncomplete) {
  return { __proto__: null, oncomplete };
}

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { __proto__: null, fd: options };
  else options = { __proto__: null, ...options };
  const allowHalfOpen = Boolean(options.allowHalfOpen);
  FunctionPrototypeCall(stream.Duplex, this, {
    __proto__: null,
    allowHalfOpen,
    // A handle's readable/writable: false (a child's stdin is only written to).
    readable: options.readable !== false,
    writable: options.writable !== false,
    emitClose: false,
    autoDestroy: true,
    decodeStrings: false,
    highWaterMark: options.highWaterMark,
    readableHighWaterMark: options.readableHighWaterMark,
    writableHighWaterMark: options.writableHighWaterMark,
    readable: options.readable,
    writable: options.writable,
  });
  // The fields a keep-alive request reads or writes come first, next to the
  // stream states: with many connections each cache line of a socket is a miss
  // (docs/http.md, "Counting misses instead of timing").
  this.connecting = false;
  this[kHandle] = null; // { id, pipe }
  this[kSyncWrites] = -1;
  // The read and write requests are the callbacks themselves: the binding calls
  // a function request directly, with no lookup of `oncomplete` per completion.
  this._writeReq = (err, r) => { inFrame(this, onWriteDrained, r); runTicksNow(); };
  this._bytesDispatched = 0; // handed to the kernel (node counts these)
  this._bytesWritten = 0;
  this._timer = null;
  this.allowHalfOpen = allowHalfOpen;
  this._hadError = false;
  this._handle = null;
  this._host = null;
  this._peername = null;
  this._sockname = null;
  this._bytesRead = 0;
  this._writeCb = null; // the write waiting for the handle's queue to drain
  // The async context (AsyncLocalStorage's stores) the socket's callbacks run in:
  // the one it was made in, as node's TCPWRAP resource (only once async_hooks or
  // AsyncLocalStorage is in use).
  // A connection a server accepted runs outside any store, as in node.
  this._asyncFrame = asyncState.active && !options[kAccepted] ?
    asyncContext.capture('TCPWRAP', this) : undefined;
  this._reading = -1; // the request id of the read in flight (readStart), or -1
  this._stopping = false; // readStop asked for; the read's last completion is due
  this._wantRead = false; // the stream asked for data
  this._pendingWrite = null; // [chunks, cb] waiting for the connection
  this._pendingFinal = null;
  this._readReq = (err, value, more) => { inFrame(this, onRead, value, more); runTicksNow(); };
  this._readStopped = false; // stopped by readStop (a paused stdin) until resumed
  this[kDataSink] = null;
  this[kConsumer] = null; // own from the start: a consumed socket keeps its map
  this.server = null;
  this._server = null;
  this.timeout = 0;
  socketOptions.init(this, options);
  this.on('end', onReadableStreamEnd);
  if (options.handle) {
    streamHandle.adopt(this, options.handle);
  } else if (options.fd !== undefined) {
    const fd = options.fd;
    validateInt32(fd, 'fd', 0);
    const type = internalBinding('process_methods').guessHandleType(fd);
    if (type !== 'PIPE' && type !== 'TCP') throw new ERR_INVALID_FD_TYPE(type);
    const h = openFd(fd);
    if (typeof h === 'number') throw openFdError(h);
    streamHandle.adopt(this, h);
  }
  if (this[kHandle] !== null && options.readable !== false) {
    // pauseOnConnect: nothing is read until resume(), even with a 'data' listener.
    if (options.pauseOnConnect) this.readableFlowing = false;
    else if (!options.manualStart) this.read(0);
  }
}

ObjectSetPrototypeOf(Socket.prototype, stream.Duplex.prototype);
ObjectSetPrototypeOf(Socket, stream.Duplex);

// The peer ended and we do not allow half-open: later writes fail as in node.
function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return FunctionPrototypeCall(stream.Duplex.prototype.write, this, chunk, encoding, cb);
  }
  if (typeof encoding === 'function') cb = encoding;
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

function emitClose(socket, isException) {
  socket.emit('close', isException);
}

// fn(socket, a, b) in the socket's async context, when one was captured.
function inFrame(socket, fn, a, b) {
  const frame = socket._asyncFrame;
  if (frame === undefined) return fn(socket, a, b);
  const prev = asyncContext.enter(frame);
  let completed = false;
  try {
    fn(socket, a, b);
    completed = true;
  } finally {
    asyncContext.finish(frame, prev, false, completed);
  }
}

// Starts the socket's read: it runs until the stream stops wanting data.
function issueRead(socket) {
  const h = socket[kHandle];
  if (h === null || socket._reading !== -1 || socket.connecting) return;
  socket._stopping = false;
  const id = binding.readStart(h.id, socket._readReq, h.plain === true);
  if (id >= 0) socket._reading = id;
  else socket.destroy(errnoStreamError(id, 'read'));
}

// Backpressure: stop the read; what was already received still arrives.
function stopRead(socket) {
  socket._wantRead = false;
  if (socket._reading !== -1 && !socket._stopping) {
    socket._stopping = true;
    binding.readStop(socket._reading);
  }
}

function onRead(socket, value, more) {
  if (!more) socket._reading = -1;
  if (socket.destroyed || socket[kHandle] === null) return;
  if (typeof value === 'number') {
    if (value === EAGAIN || value === ENOBUFS || value === ECANCELED) {
      if (!more && (socket._wantRead || (value !== ECANCELED && !socket._stopping))) issueRead(socket);
      return;
    }
    return socket.destroy(errnoStreamError(value, 'read'));
  }
  if (value === null) {
    socket.push(null);
    // With nothing buffered, 'end' comes now even if nobody reads (then 'close').
    socket.read(0);
    return;
  }
  const chunk = new FastBuffer(value, readInfo[0], readInfo[1]);
  // As an int32 (a read is at most 64 KiB): a Float64Array's element is read as a
  // double, and _bytesRead would turn from small integer to double at the first
  // read, deprecating every net.Socket map (and what was optimized for them).
  socket._bytesRead += readInfo[1] | 0;
  touch(socket);
  const sink = socket[kDataSink];
  if (!(sink === null ? socket.push(chunk) : sink(socket, chunk))) stopRead(socket);
  else if (!more && !socket._readStopped) issueRead(socket);
}

Socket.prototype[kSinkResume] = function() {
  this._wantRead = true;
  if (!this.connecting && this[kHandle] !== null) issueRead(this);
};

// Order is kept: straight to the handle's queue only when the Writable holds nothing.
Socket.prototype[kWriteDirect] = function(buf, cb) {
  const h = this[kHandle];
  if (h === null || this.connecting || this[kSyncWrites] >= 0 || this.writableLength !== 0 ||
      this.writableEnded || this.destroyed) {
    return false;
  }
  afterWrite(this, binding.write(h.id, this._writeReq, buf), TypedArrayPrototypeGetByteLength(buf), cb);
  return true;
};

// readStop for stdin's pause (internal/process/stdio.js): reading stays stopped
// until the stream is resumed, whatever the stream's read-ahead asks.
Socket.prototype[kReadStop] = function() {
  this._readStopped = true;
  stopRead(this);
};

Socket.prototype._read = function(n) {
  if (this._readStopped && this.readableFlowing === false) {
    this._readableState.reading = false;
    return;
  }
  this._readStopped = false;
  this._wantRead = true;
  if (this.connecting || this[kHandle] === null) return;
  issueRead(this);
};

// Strings up to this many characters go to binding.writeString (3 bytes each at
// most in UTF-8: within the write queue's copy limit).
const kStringWriteMax = 1024;

function toBuffer(chunk, encoding) {
  return typeof chunk === 'string' ? BufferFrom(chunk, encoding) : chunk;
}

// Hands `bufs` to the handle's write queue, which sends them in order. Taken
// below its high-water mark, the write is done for the stream now (the queue
// owns the bytes); above it, cb waits until the queue has drained.
function send(socket, bufs, total, cb) {
  const h = socket[kHandle];
  if (h === null) return cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
  if (socket[kSyncWrites] >= 0) return writeNow(socket, bufs, total, cb);
  afterWrite(socket, binding.write(h.id, socket._writeReq, bufs), total, cb);
}

function afterWrite(socket, r, total, cb) {
  if (r < 0) return cb(errnoStreamError(r === ECANCELED ? -32 : r, 'write'));
  socket._bytesDispatched += total;
  socket._bytesWritten += total;
  touch(socket);
  if (r === 0) return cb();
  // One drain answers every write waiting (a kWriteDirect's and the Writable's).
  const waiting = socket._writeCb;
  socket._writeCb = waiting === null ? cb : (err) => {
    waiting(err);
    cb(err);
  };
}

// stdout and stderr: written before write() returns, in program order, and nothing
// is lost when the process exits right after (node writes stdio pipes at once too).
function writeNow(socket, bufs, total, cb) {
  const fd = socket[kSyncWrites];
  socket._bytesDispatched += total;
  for (let i = 0; i < bufs.length; i++) {
    try {
      writeSync(fd, bufs[i]);
    } catch (e) {
      return cb(errnoStreamError(e.errno, 'write'));
    }
  }
  socket._bytesWritten += total;
  touch(socket);
  cb();
}

function onWriteDrained(socket, r) {
  const cb = socket._writeCb;
  if (cb === null) return;
  socket._writeCb = null;
  if (r < 0) return cb(errnoStreamError(r === ECANCELED ? -32 : r, 'write'));
  cb();
}

Socket.prototype._writev = function(chunks, cb) {
  const bufs = [];
  let total = 0;
  for (let i = 0; i < chunks.length; i++) {
    const b = toBuffer(chunks[i].chunk, chunks[i].encoding);
    total += TypedArrayPrototypeGetByteLength(b);
    ArrayPrototypePush(bufs, b);
  }
  this._writeBuffers(bufs, total, cb);
};

Socket.prototype._write = function(chunk, encoding, cb) {
  // stdout/stderr: a UTF-8 string goes to the fd as it is (no Buffer made for it).
  if (typeof chunk === 'string' && this[kSyncWrites] >= 0 &&
      (encoding === 'utf8' || encoding === 'utf-8')) {
    return writeNow(this, [chunk], BufferByteLength(chunk, 'utf8'), cb);
  }
  const h = this[kHandle];
  if (typeof chunk === 'string' && chunk.length <= kStringWriteMax && chunk.length > 0 &&
      h !== null && !this.connecting && this[kSyncWrites] < 0) {
    // A short string is encoded into the handle's queue, which copies small
    // writes anyway: no Buffer is made for it.
    const latin1 = encoding === 'latin1' || encoding === 'binary' || encoding === 'ascii';
    if (latin1 || encoding === 'utf8' || encoding === 'utf-8') {
      const r = binding.writeString(h.id, this._writeReq, chunk, latin1);
      if (r < 0) return afterWrite(this, r, 0, cb);
      return afterWrite(this, r & 1, (r - (r & 1)) / 2, cb);
    }
  }
  const b = toBuffer(chunk, encoding);
  const total = TypedArrayPrototypeGetByteLength(b);
  if (h !== null && !this.connecting && this[kSyncWrites] < 0 && total > 0) {
    // The common case: one buffer straight to the handle (no array made for it).
    const r = binding.write(h.id, this._writeReq, b);
    return afterWrite(this, r, total, cb);
  }
  this._writeBuffers([b], total, cb);
};

Socket.prototype._writeBuffers = function(bufs, total, cb) {
  if (this.connecting) {
    this._pendingWrite = [bufs, total, cb];
    return;
  }
  // No handle: none yet (as node: ERR_SOCKET_CLOSED), or closed under the socket
  // by `_handle.close()`, which node's write finds closed (EBADF).
  if (this[kHandle] === null) {
    return cb(this._handle === null ? new ERR_SOCKET_CLOSED() : errnoStreamError(-9, 'write'));
  }
  if (total === 0) return cb();
  send(this, bufs, total, cb);
};

function onShutdown(r, cb) {
  if (r < 0 && r !== ENOTCONN && r !== ECANCELED) return cb(errnoStreamError(r, 'shutdown'));
  cb();
}

Socket.prototype._final = function(cb) {
  if (this.connecting) {
    this._pendingFinal = cb;
    return;
  }
  const h = this[kHandle];
  // A pipe or a terminal has no half-close (shutdown(2) is for sockets): ending
  // it is done once the queued writes are out, as node's pipe shutdown is.
  if (h === null || h.plain === true) return cb();
  const r = binding.shutdown(h.id, request((_, r) => onShutdown(r, cb)));
  if (r < 0) onShutdown(r, cb);
};

Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  // A write waiting for the connection fails when the socket closes, as node's.
  const pending = this._pendingWrite;
  this._pendingWrite = null;
  if (pending !== null) this.once('close', () => pending[2](new ERR_SOCKET_CLOSED_BEFORE_CONNECTION()));
  if (this._timer !== null) {
    clearTimeout(this._timer);
    this._timer = null;
  }
  const h = this[kHandle];
  if (h !== null) {
    this[kHandle] = null;
    this._handle = null;
    const isException = exception ? true : false;
    clearHandleOwner(h.id);
    // 'close' this turn, as node's (the cancelled ops keep the fd and buffers).
    binding.close(h.id, request(() => inFrame(this, emitClose, isException)), true);
    cb(exception);
  } else {
    this._handle = null;
    cb(exception);
    process.nextTick(() => this.emit('close', exception ? true : false));
  }
  const server = this._server;
  if (server) {
    server._connections--;
    server._emitCloseIfDrained();
  }
};

require('internal/net/detach').install(Socket, binding);
require('internal/net/write_direct').install(Socket, binding, kStringWriteMax, afterWrite, touch);

function afterConnect(socket, result) {
  if (socket.destroyed) return;
  socket.connecting = false;
  if (result < 0) {
    const err = exceptionWithHostPort(result, 'connect', socket._connectAddress, socket._connectPort);
    return socket.destroy(err);
  }
  socketOptions.applyOnConnect(socket);
  socket.emit('connect');
  socket.emit('ready');
  if (socket._pendingWrite !== null) {
    // Indexed, not destructured: array destructuring runs the (patchable) iterator.
    const pending = socket._pendingWrite;
    socket._pendingWrite = null;
    socket._writeBuffers(pending[0], pending[1], pending[2]);
  }
  if (socket._pendingFinal !== null) {
    const cb = socket._pendingFinal;
    socket._pendingFinal = null;
    socket._final(cb);
  }
  if (socket._wantRead || !socket.isPaused()) issueRead(socket);
}

Socket.prototype.connect = function(...args) {
  const normalized = isNormalizedArgs(args[0]) ? args[0] : normalizeArgs(args);
  const options = normalized[0], cb = normalized[1];
  if (cb !== null) this.once('connect', cb);
  if (this.destroyed) {
    // connect() again after 'close': a fresh stream over a new handle.
    this._undestroy();
    this._peername = null;
    this._sockname = null;
    this._reading = -1;
    this._stopping = false;
    delete this.write;
  }
  // The counts are the connection's (node's come from the handle).
  this._bytesRead = 0;
  this._bytesWritten = 0;
  this._bytesDispatched = 0;
  this._writeCb = null;
  if (socketOptions.checkConnect(this, options)) return connectTo(this, true, options.path, 0, undefined);
  if (options.port === undefined) throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  if (typeof options.port !== 'number' && typeof options.port !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], options.port);
  }
  const port = validatePort(options.port, 'Port');
  const host = options.host === undefined || options.host === null ? 'localhost' : `${options.host}`;
  this._host = host;
  const family = isIP(host);
  if (family !== 0) return connectTo(this, false, host, family, port);
  // A name: dns.lookup (or options.lookup) first, then 'lookup', then connect.
  const attemptTimeout = attemptTimeoutFor(options);
  this.connecting = true;
  // The handle is there while the name is looked up, as node's is (its fd is not).
  if (this._handle === null) this._handle = new StreamHandle(-1, false, this);
  lookupHost(host, options, (address, addressType) => {
    if (this.connecting) this.emit('lookup', null, address, addressType, host);
  }, (err, addresses) => {
    if (!this.connecting) return; // destroyed meanwhile
    if (err) {
      if (addresses === undefined) this.emit('lookup', err, undefined, undefined, host);
      return process.nextTick(() => this.destroy(err));
    }
    if (addresses.length === 1) return connectTo(this, false, addresses[0][0], addresses[0][1], port);
    connectMultiple(this, addresses, port, attemptTimeout, attemptHooks);
  });
  return this;
};

// Opens the handle and starts the connect to a numeric address or a path;
// done(socket, 0 | -errno) when it completes (afterConnect unless several
// addresses are being tried).
function connectTo(socket, pipe, address, family, port, done = afterConnect) {
  socket.connecting = true;
  socket._connectAddress = address;
  socket._connectPort = port;
  const id = binding.open(family);
  if (id < 0) {
    process.nextTick(done, socket, id);
    return socket;
  }
  let h = socket._handle;
  if (h !== null && h.owner === socket && h.id === -1) {
    h.id = id;
    h.pipe = pipe;
  } else {
    h = new StreamHandle(id, pipe, socket);
  }
  streamHandle.adopt(socket, h);
  const bindErr = pipe ? 0 : socketOptions.bindLocal(binding, socket, id, family);
  if (bindErr !== 0) {
    process.nextTick(() => socket.destroy(bindErr));
    return socket;
  }
  // On the next tick, as node's connect starts there: a listener added after
  // connect() returns still hears it.
  if (!pipe) process.nextTick(() => socket.emit('connectionAttempt', address, port, family));
  const oncomplete = (_, result) => inFrame(socket, done, result);
  const req = pipe ? new PipeConnectWrap(oncomplete) : new TCPConnectWrap(oncomplete);
  const r = binding.connect(id, req, pipe,
                           address, port);
  if (r < 0) process.nextTick(done, socket, r);
  return socket;
}

// What internal/net/connect_multiple.js needs of a socket's connect.
const attemptHooks = {
  __proto__: null,
  connectTo,
  afterConnect,
  // Closes a failed or abandoned attempt's handle (its connect completes, ignored).
  drop(socket) {
    const h = socket[kHandle];
    if (h === null) return;
    socket[kHandle] = null;
    socket._handle = null;
    clearHandleOwner(h.id);
    binding.close(h.id, request(() => {}));
  },
};

// 'timeout' after `ms` without reads or writes; activity restarts the clock (an
// unref'd timer: an idle socket's timeout does not keep the process alive).
Socket.prototype.setTimeout = function(ms, cb) {
  validateNumber(ms, 'msecs');
  if (!(ms >= 0 && ms !== Infinity)) {
    throw new ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', ms);
  }
  if (this._timer !== null) {
    clearTimeout(this._timer);
    this._timer = null;
  }
  if (cb !== undefined) {
    validateFunction(cb, 'callback');
    if (ms === 0) this.removeListener('timeout', cb);
    else this.once('timeout', cb);
  }
  this.timeout = ms;
  if (ms > 0 && !this.destroyed) {
    this._timer = setTimeout(() => this.emit('timeout'), ms);
    this._timer.unref();
  }
  return this;
};

function touch(socket) {
  if (socket._timer !== null) socket._timer.refresh();
}

require('internal/net/socket_info').install(Socket.prototype, binding);
socketOptions.install(Socket.prototype, binding);
streamHandle.install(Socket.prototype);
require('internal/net/consumer').install(Socket, stream.Readable); // after setTimeout

const clientSocketChannel = require('diagnostics_channel').channel('net.client.socket');
function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (clientSocketChannel.hasSubscribers) clientSocketChannel.publish({ socket });
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

function createServer(options, connectionListener) {
  const { Server } = require('internal/net/server');
  return new Server(options, connectionListener);
}

module.exports = {
  Socket, Stream: Socket, connect, createConnection: connect, createServer,
  isIP, isIPv4, isIPv6,
  get Server() { return require('internal/net/server').Server; },
  get SocketAddress() { return require('internal/socketaddress').SocketAddress; },
  get BlockList() { return require('internal/blocklist').BlockList; },
  getDefaultAutoSelectFamily() { return autoSelect.defaults.autoSelectFamily; },
  setDefaultAutoSelectFamily: autoSelect.setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout() { return autoSelect.defaults.attemptTimeout; },
  setDefaultAutoSelectFamilyAttemptTimeout: autoSelect.setDefaultAutoSelectFamilyAttemptTimeout,
  _normalizeArgs: publicNormalizeArgs,
  // A no-op on Linux (it was for Windows' accept), deprecated in node.
  _setSimultaneousAccepts: require('internal/util/promisify').deprecate(
    () => {}, 'net._setSimultaneousAccepts() is deprecated and will be removed.', 'DEP0121'),
};
