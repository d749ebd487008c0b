'use strict';
// net: TCP and Unix-socket streams. A Socket is a stream.Duplex over a tcp_wrap
// handle (a loop handle owning the fd): reads are one recv at a time, re-issued
// while the stream wants data (pushing stops it: backpressure reaches the
// kernel's buffer); writes are the Writable's queue, gathered into one send per
// _writev; end() is shutdown(SHUT_WR); destroy() closes the handle, which cancels
// what is in flight, and 'close' follows the handle's close callback. The Server
// lives in internal/net/server.js.

const {
  ArrayPrototypePush, Error, FunctionPrototypeCall, ObjectDefineProperty, ObjectSetPrototypeOf,
  ReflectApply,
  Symbol, TypedArrayPrototypeGetByteLength, TypedArrayPrototypeSubarray,
} = primordials;

const binding = internalBinding('tcp_wrap');
const stream = require('stream');
const { Buffer } = require('buffer');
// Taken now: a user's later Buffer.from = ... must not reach the socket's reads.
const { from: BufferFrom, byteLength: BufferByteLength } = Buffer;
const {
  codes: { ERR_SOCKET_CLOSED_BEFORE_CONNECTION, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validatePort, validateNumber, validateFunction } = require('internal/validators');
const {
  isIP, isIPv4, isIPv6, normalizeArgs, resolveHost, exceptionWithHostPort, errnoStreamError,
} = require('internal/net');

const ECANCELED = -125, EAGAIN = -11, ENOTCONN = -107, ENOBUFS = -105;
const kHandle = Symbol('kHandle');

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
    emitClose: false,
    autoDestroy: true,
    decodeStrings: false,
    highWaterMark: options.highWaterMark,
    readableHighWaterMark: options.readableHighWaterMark,
    writableHighWaterMark: options.writableHighWaterMark,
  });
  this.allowHalfOpen = allowHalfOpen;
  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this[kHandle] = null; // { id, pipe }
  this._host = null;
  this._peername = null;
  this._sockname = null;
  this._bytesRead = 0;
  this._bytesWritten = 0;
  this._bytesDispatched = 0; // handed to the kernel (node counts these)
  this._inFlight = 0; // bytes of the send in flight
  this._reading = -1; // the request id of the read in flight (readStart), or -1
  this._stopping = false; // readStop asked for; the read's last completion is due
  this._wantRead = false; // the stream asked for data
  this._pendingWrite = null; // [chunks, cb] waiting for the connection
  this._pendingFinal = null;
  this._readReq = request((err, value, more) => onRead(this, value, more));
  this.server = null;
  this._server = null;
  this._timer = null;
  this.timeout = 0;
  this.on('end', onReadableStreamEnd);
  if (options.handle) {
    this[kHandle] = options.handle;
    this._handle = options.handle;
    // pauseOnConnect: nothing is read until resume(), even with a 'data' listener.
    if (options.pauseOnConnect) this.readableFlowing = false;
    else this.read(0);
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

// Starts the socket's read: it runs (a multishot recv on io_uring) until the
// stream stops wanting data, and is started again after its last completion.
function issueRead(socket) {
  const h = socket[kHandle];
  if (h === null || socket._reading !== -1 || socket.connecting) return;
  socket._stopping = false;
  const id = binding.readStart(h.id, socket._readReq);
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
      if (!more && socket._wantRead) issueRead(socket);
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
  const chunk = BufferFrom(value);
  socket._bytesRead += TypedArrayPrototypeGetByteLength(chunk);
  touch(socket);
  if (!socket.push(chunk)) stopRead(socket);
  else if (!more) issueRead(socket);
}

Socket.prototype._read = function(n) {
  this._wantRead = true;
  if (this.connecting || this[kHandle] === null) return;
  issueRead(this);
};

function toBuffer(chunk, encoding) {
  return typeof chunk === 'string' ? BufferFrom(chunk, encoding) : chunk;
}

// Sends `bufs` in full: a short send resubmits the rest; cb(err) at the end.
function send(socket, bufs, total, cb) {
  const h = socket[kHandle];
  if (h === null) return cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
  if (socket._inFlight === 0) {
    socket._bytesDispatched += total;
    socket._inFlight = total;
  }
  binding.write(h.id, request((_, n) => {
    if (n === EAGAIN) return send(socket, bufs, total, cb);
    if (n < 0) {
      socket._inFlight = 0;
      if (n === ECANCELED) return cb(errnoStreamError(-32, 'write'));
      return cb(errnoStreamError(n, 'write'));
    }
    socket._bytesWritten += n;
    touch(socket);
    if (n >= total) {
      socket._inFlight = 0;
      return cb();
    }
    const rest = [];
    let skip = n;
    for (let i = 0; i < bufs.length; i++) {
      const b = bufs[i];
      const len = TypedArrayPrototypeGetByteLength(b);
      if (skip >= len) { skip -= len; continue; }
      ArrayPrototypePush(rest, skip > 0 ? TypedArrayPrototypeSubarray(b, skip) : b);
      skip = 0;
    }
    send(socket, rest, total - n, cb);
  }), bufs);
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
  const b = toBuffer(chunk, encoding);
  this._writeBuffers([b], TypedArrayPrototypeGetByteLength(b), cb);
};

Socket.prototype._writeBuffers = function(bufs, total, cb) {
  if (this.connecting) {
    this._pendingWrite = [bufs, total, cb];
    return;
  }
  if (this[kHandle] === null) return cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
  if (total === 0) return cb();
  send(this, bufs, total, cb);
};

Socket.prototype._final = function(cb) {
  if (this.connecting) {
    this._pendingFinal = cb;
    return;
  }
  const h = this[kHandle];
  if (h === null) return cb();
  binding.shutdown(h.id, request((_, r) => {
    if (r < 0 && r !== ENOTCONN && r !== ECANCELED) return cb(errnoStreamError(r, 'shutdown'));
    cb();
  }));
};

Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  if (this._timer !== null) {
    clearTimeout(this._timer);
    this._timer = null;
  }
  const h = this[kHandle];
  if (h !== null) {
    this[kHandle] = null;
    this._handle = null;
    const isException = exception ? true : false;
    binding.close(h.id, request(() => this.emit('close', isException)));
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(() => this.emit('close', exception ? true : false));
  }
  const server = this._server;
  if (server) {
    server._connections--;
    server._emitCloseIfDrained();
  }
};

function afterConnect(socket, result) {
  if (socket.destroyed) return;
  socket.connecting = false;
  if (result < 0) {
    const err = exceptionWithHostPort(result, 'connect', socket._connectAddress, socket._connectPort);
    return socket.destroy(err);
  }
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
  const normalized = normalizeArgs(args);
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
  this._inFlight = 0;
  const pipe = typeof options.path === 'string';
  let address, family, port;
  if (pipe) {
    address = options.path;
    family = 0;
  } else {
    if (options.port === undefined) throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
    port = validatePort(options.port, 'Port');
    const host = options.host === undefined || options.host === null ? 'localhost' : `${options.host}`;
    const resolved = resolveHost(host);
    if (resolved instanceof Error) throw resolved;
    address = resolved[0];
    family = resolved[1];
    this._host = host;
    if (host !== address) {
      process.nextTick(() => this.emit('lookup', null, address, family, host));
    }
  }
  const id = binding.open(family);
  if (id < 0) {
    process.nextTick(() => this.destroy(exceptionWithHostPort(id, 'connect', address, port)));
    return this;
  }
  this[kHandle] = { __proto__: null, id, pipe };
  this._handle = this[kHandle];
  this.connecting = true;
  this._connectAddress = address;
  this._connectPort = port;
  const r = binding.connect(id, request((_, result) => afterConnect(this, result)), pipe, address, port);
  if (r < 0) {
    this.connecting = false;
    process.nextTick(() => this.destroy(exceptionWithHostPort(r, 'connect', address, port)));
  }
  return this;
};

// Ends the writable side, then destroys once it is flushed.
Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

// Closes with a RST instead of a FIN (SO_LINGER 0): the peer gets ECONNRESET.
Socket.prototype.resetAndDestroy = function() {
  const h = this[kHandle];
  if (h !== null && !h.pipe) {
    binding.setLingerZero(h.id);
    this.destroy();
  } else {
    this.destroy(errnoStreamError(-107, 'resetAndDestroy'));
  }
  return this;
};

Socket.prototype.setNoDelay = function(enable) {
  const h = this[kHandle];
  if (h !== null && !h.pipe) binding.setNoDelay(h.id, enable === undefined ? true : Boolean(enable));
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelay) {
  const h = this[kHandle];
  if (h !== null && !h.pipe) binding.setKeepAlive(h.id, Boolean(enable), ~~((initialDelay || 0) / 1000));
  return this;
};

// 'timeout' after `ms` without reads or writes; activity restarts the clock (an
// unref'd timer: an idle socket's timeout does not keep the process alive).
Socket.prototype.setTimeout = function(ms, cb) {
  validateNumber(ms, 'msecs', 0);
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

Socket.prototype.ref = function() {
  const h = this[kHandle];
  if (h !== null) binding.ref(h.id, true);
  return this;
};

Socket.prototype.unref = function() {
  const h = this[kHandle];
  if (h !== null) binding.ref(h.id, false);
  return this;
};

Socket.prototype.address = function() {
  const h = this[kHandle];
  if (h === null) return {};
  const a = binding.localAddress(h.id);
  if (typeof a === 'number') return {};
  if (h.pipe) return a[0];
  return { address: a[0], family: a[1], port: a[2] };
};

function peer(socket) {
  if (socket._peername === null) {
    const h = socket[kHandle];
    if (h === null) return null;
    const a = binding.remoteAddress(h.id);
    if (typeof a === 'number') return null;
    socket._peername = a;
  }
  return socket._peername;
}

function defineGetter(name, get) {
  ObjectDefineProperty(Socket.prototype, name, {
    __proto__: null, configurable: true, enumerable: false, get,
  });
}

defineGetter('remoteAddress', function() { const p = peer(this); return p ? p[0] : undefined; });
defineGetter('remoteFamily', function() { const p = peer(this); return p ? p[1] : undefined; });
defineGetter('remotePort', function() { const p = peer(this); return p && p[2] ? p[2] : undefined; });
defineGetter('localAddress', function() { return this.address().address; });
defineGetter('localPort', function() { return this.address().port; });
defineGetter('localFamily', function() { return this.address().family; });
defineGetter('bytesRead', function() { return this._bytesRead; });
// As node: bytes handed to the kernel plus those still queued in the stream.
defineGetter('bytesWritten', function() {
  let bytes = this._bytesDispatched;
  if (this._pendingWrite !== null) bytes += this._pendingWrite[1];
  const queued = this.writableBuffer;
  if (queued) {
    for (let i = 0; i < queued.length; i++) {
      const { chunk, encoding } = queued[i];
      bytes += typeof chunk === 'string' ? BufferByteLength(chunk, encoding) :
        TypedArrayPrototypeGetByteLength(chunk);
    }
  }
  return bytes;
});
defineGetter('_connecting', function() { return this.connecting; });
// Deprecated in node, still read by code and tests: the bytes queued to be written.
defineGetter('bufferSize', function() {
  return this[kHandle] !== null ? this.writableLength : undefined;
});
defineGetter('pending', function() { return this[kHandle] === null || this.connecting; });
defineGetter('readyState', function() {
  if (this.connecting) return 'opening';
  if (this.readable && this.writable) return 'open';
  if (this.readable && !this.writable) return 'readOnly';
  if (!this.readable && this.writable) return 'writeOnly';
  return 'closed';
});

function connect(...args) {
  const options = normalizeArgs(args)[0];
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return ReflectApply(socket.connect, socket, args);
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
};
