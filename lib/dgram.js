'use strict';
// dgram: UDP sockets (Node 20's API). A Socket is an EventEmitter over a UDP
// handle (lib/internal/dgram.js). bind() turns the host into an address
// asynchronously (as dns.lookup answers), binds, starts receiving and emits
// 'listening'; sends and connects made before that wait in a queue (a first
// send() binds implicitly to any address, port 0); bind({ fd }) takes over a
// bound fd instead, and in a cluster worker a bind without `exclusive` takes the
// primary's socket (docs/cluster.md). Each datagram received is one recvmsg completion, emitted as
// 'message' (msg, rinfo). close() closes the handle (cancelling what is in
// flight) and emits 'close' once the fd is closed.

const {
  ArrayIsArray, FunctionPrototypeBind, FunctionPrototypeCall, ObjectDefineProperty,
  ObjectSetPrototypeOf, Promise, Symbol,
} = primordials;

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { from: BufferFrom, alloc: BufferAlloc } = Buffer;
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_INVALID_FD_TYPE,
    ERR_SOCKET_ALREADY_BOUND, ERR_SOCKET_BAD_TYPE,
    ERR_SOCKET_DGRAM_IS_CONNECTED, ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
  exceptionWithHostPort,
} = require('internal/errors');
const {
  validateAbortSignal, validateFunction, validateNumber, validatePort, validateString,
  validateUint32,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { errnoStreamError } = require('internal/net');
const { UDP, ownerSymbol, kStateSymbol, lookupHost } = require('internal/dgram');
const { deprecate } = require('internal/util/promisify');
const { guessHandleType } = internalBinding('process_methods');
const {
  addSocketOptions, bufferSize, RECV_BUFFER, SEND_BUFFER,
} = require('internal/dgram/socket_options');

// Defined by bootstrap/node.js (V8 10.2 lacks it) before this file loads.
const kDispose = Symbol.dispose;
const kAsyncDispose = Symbol.asyncDispose;
const BIND_STATE_UNBOUND = 0, BIND_STATE_BINDING = 1, BIND_STATE_BOUND = 2;
const CONNECT_STATE_DISCONNECTED = 0, CONNECT_STATE_CONNECTING = 1,
  CONNECT_STATE_CONNECTED = 2;

// Node's ErrnoException: `setTTL EBADF`.
function errnoException(err, syscall) {
  return errnoStreamError(err, syscall);
}

function newHandle(type, lookup) {
  if (lookup !== undefined) validateFunction(lookup, 'lookup');
  let family;
  if (type === 'udp4') family = 4;
  else if (type === 'udp6') family = 6;
  else throw new ERR_SOCKET_BAD_TYPE();
  const handle = new UDP(family);
  const fallback = family === 4 ? '127.0.0.1' : '::1';
  handle.lookup = lookup === undefined ?
    (address, cb) => lookupHost(address || fallback, family, cb) :
    (address, cb) => lookup(address || fallback, family, cb);
  return handle;
}

function Socket(type, listener) {
  FunctionPrototypeCall(EventEmitter, this);
  let lookup, recvBufferSize, sendBufferSize, options;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    if (options.recvBufferSize !== undefined) {
      validateUint32(options.recvBufferSize, 'options.recvBufferSize');
      recvBufferSize = options.recvBufferSize;
    }
    if (options.sendBufferSize !== undefined) {
      validateUint32(options.sendBufferSize, 'options.sendBufferSize');
      sendBufferSize = options.sendBufferSize;
    }
  }
  const handle = newHandle(type, lookup);
  handle[ownerSymbol] = this;
  require('internal/process/active_resources').setHandleOwner(handle.id, this, 'UDPWrap');
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);
  this[kStateSymbol] = {
    __proto__: null,
    handle,
    receiving: false,
    bindState: BIND_STATE_UNBOUND,
    connectState: CONNECT_STATE_DISCONNECTED,
    queue: undefined,
    reuseAddr: options && options.reuseAddr,
    ipv6Only: options && options.ipv6Only,
    recvBufferSize,
    sendBufferSize,
  };
  if (options && options.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      const disposable = EventEmitter.addAbortListener(signal, onAborted);
      this.once('close', disposable[kDispose]);
    }
  }
}
ObjectSetPrototypeOf(Socket.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  state.handle.onmessage = onMessage;
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, RECV_BUFFER);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, SEND_BUFFER);
  socket.emit('listening');
}

function onMessage(nread, handle, buf, rinfo) {
  const self = handle[ownerSymbol];
  if (nread < 0) {
    self.emit('error', errnoException(nread, 'recvmsg'));
    return;
  }
  self.emit('message', buf, rinfo);
}

// Sends and connects made while binding run once 'listening' comes (or are
// dropped if the bind fails).
function enqueue(socket, toEnqueue) {
  const state = socket[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    socket.once(EventEmitter.errorMonitor, onListenError);
    socket.once('listening', onListenSuccess);
  }
  state.queue[state.queue.length] = toEnqueue;
}

function onListenSuccess() {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  clearQueue(this);
}

function onListenError() {
  this.removeListener('listening', onListenSuccess);
  this[kStateSymbol].queue = undefined;
}

function clearQueue(socket) {
  const state = socket[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;
  for (let i = 0; i < queue.length; i++) queue[i]();
}

Socket.prototype.bind = function(port_, address_ /* , callback */) {
  let port = port_;
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.bindState !== BIND_STATE_UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND();
  state.bindState = BIND_STATE_BINDING;

  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    const removeListeners = () => {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    };
    const onListening = () => {
      removeListeners();
      FunctionPrototypeCall(cb, this);
    };
    this.on('error', removeListeners);
    this.on('listening', onListening);
  }

  let address;
  let exclusive = false;
  if (port !== null && typeof port === 'object') {
    const fd = port.fd;
    if (typeof fd === 'number' && fd > 0 && fd === (fd | 0)) {
      bindFd(this, fd);
      return this;
    }
    address = port.address || '';
    // In a cluster worker, a bind that is not exclusive shares the primary's
    // socket (every worker reading from it); an exclusive one has its own.
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
  }
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';
  validateString(address, 'hostname');

  state.handle.lookup(address, (err, ip) => {
    if (!state.handle) return; // closed meanwhile
    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', err);
      return;
    }
    if (!exclusive && require('internal/cluster/role').worker) {
      bindInCluster(this, ip, port || 0);
      return;
    }
    const r = state.handle.bind(ip, port || 0, state.reuseAddr, state.ipv6Only);
    if (r) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', exceptionWithHostPort(r, 'bind', ip, port));
      return;
    }
    startListening(this);
  });
  return this;
};

// A cluster worker's bind: the primary binds (or already has) the socket for
// this address and port and passes it; it arrives as { fd }, taken over as
// bind({ fd }) does.
function bindInCluster(socket, ip, port) {
  const state = socket[kStateSymbol];
  const query = { address: ip, port, family: socket.type, reuseAddr: !!state.reuseAddr,
                  v6only: !!state.ipv6Only };
  require('cluster')._getServer(socket, query, (how, value) => {
    if (!state.handle) { // closed meanwhile
      if (how === 'fd') require('fs').closeSync(value);
      return;
    }
    if (how === 'fd') {
      const r = state.handle.open(value);
      if (r === 0) return startListening(socket);
      require('fs').closeSync(value);
      value = exceptionWithHostPort(r, 'bind', ip, port);
    }
    state.bindState = BIND_STATE_UNBOUND;
    socket.emit('error', value);
  });
}

// bind({ fd }): the socket takes over a bound datagram socket the process
// already has (as a received dgram.Socket is rebuilt); 'listening' at once.
// A failure throws and leaves the socket binding (a later bind() throws
// ERR_SOCKET_ALREADY_BOUND), as node's does.
function bindFd(socket, fd) {
  const state = socket[kStateSymbol];
  const type = guessHandleType(fd);
  if (type !== 'UDP') throw new ERR_INVALID_FD_TYPE(type);
  const r = state.handle.open(fd);
  if (r) throw errnoException(r, 'open');
  startListening(socket);
}

Socket.prototype.connect = function(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_DISCONNECTED) {
    throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }
  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, FunctionPrototypeBind(doLookupConnect, this, port, address, callback));
    return;
  }
  FunctionPrototypeCall(doLookupConnect, this, port, address, callback);
};

function doLookupConnect(port, address, callback) {
  const state = this[kStateSymbol];
  if (callback) this.once('connect', callback);
  state.handle.lookup(address, (ex, ip) => {
    if (!state.handle) return;
    if (!ex) {
      const r = state.handle.connect(ip, port);
      if (r) ex = exceptionWithHostPort(r, 'connect', address, port);
    }
    if (ex) {
      state.connectState = CONNECT_STATE_DISCONNECTED;
      process.nextTick(() => {
        if (callback) {
          this.removeListener('connect', callback);
          callback(ex);
        } else {
          this.emit('error', ex);
        }
      });
      return;
    }
    state.connectState = CONNECT_STATE_CONNECTED;
    process.nextTick(() => this.emit('connect'));
  });
}

Socket.prototype.disconnect = function() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const r = state.handle.disconnect();
  if (r) throw errnoException(r, 'connect');
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

// A view of `length` bytes at `offset` of buffer (a string becomes a Buffer first).
function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = BufferFrom(buffer);
  } else if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'],
                                   buffer);
  }
  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (offset + length > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  return BufferFrom(buffer.buffer, buffer.byteOffset + offset, length);
}

function toUint8(view) {
  return BufferFrom(view.buffer, view.byteOffset, view.byteLength);
}

// The array form: each item a string or a view, as Buffers; null if one is not.
function fixBufferList(list) {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item === 'string') out[i] = BufferFrom(item);
    else if (isArrayBufferView(item)) out[i] = toUint8(item);
    else return null;
  }
  return out;
}

Socket.prototype.send = function(buffer, offset, length, port, address, callback) {
  const state = this[kStateSymbol];
  const connected = state.connectState === CONNECT_STATE_CONNECTED;
  // The forms: (msg, [offset, length,] port, address[, cb]) and, connected,
  // (msg[, offset, length][, cb]).
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }

  let list;
  if (!ArrayIsArray(buffer)) {
    if (typeof buffer === 'string') {
      list = [BufferFrom(buffer)];
    } else if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'],
                                     buffer);
    } else {
      list = [toUint8(buffer)];
    }
  } else if (!(list = fixBufferList(buffer))) {
    throw new ERR_INVALID_ARG_TYPE('buffer list arguments',
                                   ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
  }

  if (!connected) port = validatePort(port, 'Port', false);

  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }

  healthCheck(this);

  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (list.length === 0) list[0] = BufferAlloc(0);

  // Not bound yet: send once 'listening' comes.
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, FunctionPrototypeBind(this.send, this, list, port, address, callback));
    return;
  }

  if (connected) {
    doSend(null, this, undefined, list, address, port, callback);
    return;
  }
  state.handle.lookup(address, (ex, ip) => doSend(ex, this, ip, list, address, port, callback));
};

function doSend(ex, self, ip, list, address, port, callback) {
  const state = self[kStateSymbol];
  if (ex) {
    if (typeof callback === 'function') process.nextTick(callback, ex);
    else process.nextTick(() => self.emit('error', ex));
    return;
  }
  if (!state.handle) return; // closed meanwhile
  const r = state.handle.send(list, ip, port, (n) => {
    if (!callback) return;
    if (n < 0) callback(exceptionWithHostPort(n, 'send', address, port));
    else callback(null, n);
  });
  // Node does not emit a failed send without a callback ('error' would break
  // the old dgram behaviour it keeps).
  if (r && callback) process.nextTick(callback, exceptionWithHostPort(r, 'send', address, port));
}

// The old form node keeps (deprecated there): every argument required.
Socket.prototype.sendto = function(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

Socket.prototype.close = function(callback) {
  const state = this[kStateSymbol];
  const queue = state.queue;
  if (typeof callback === 'function') this.on('close', callback);
  if (queue !== undefined) {
    queue[queue.length] = FunctionPrototypeBind(this.close, this);
    return this;
  }
  healthCheck(this);
  // Closing cancels the receive in flight with everything else: no separate
  // recvStop (one cancel per op, not two).
  state.receiving = false;
  // 'close' once the fd is really closed (after the cancelled ops completed, in
  // the closing phase), so a 'close' listener can bind the same port again. Node
  // closes the fd inside close() and emits 'close' next tick.
  state.handle.close(() => this.emit('close'));
  state.handle = null;
  return this;
};

Socket.prototype.address = function() {
  healthCheck(this);
  const out = {};
  const r = this[kStateSymbol].handle.getsockname(out);
  if (r) throw errnoException(r, 'getsockname');
  return out;
};

Socket.prototype.remoteAddress = function() {
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const out = {};
  const r = state.handle.getpeername(out);
  if (r) throw errnoException(r, 'getpeername');
  return out;
};

addSocketOptions(Socket.prototype);

Socket.prototype.ref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.unref();
  return this;
};

Socket.prototype.getSendQueueSize = function() {
  return this[kStateSymbol].handle.getSendQueueSize();
};

Socket.prototype.getSendQueueCount = function() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

// `await using socket = ...`: closes it, resolving once closed.
Socket.prototype[kAsyncDispose] = function() {
  return new Promise((resolve) => {
    if (this[kStateSymbol].handle) this.close(() => resolve());
    else resolve();
  });
};

// The old underscore names node still has, each warning DEP0112 once.
function deprecatedState(name, get, set) {
  const msg = `Socket.prototype.${name} is deprecated`;
  ObjectDefineProperty(Socket.prototype, name, {
    __proto__: null,
    get: deprecate(function() { return get(this[kStateSymbol]); }, msg, 'DEP0112'),
    set: deprecate(function(v) { set(this[kStateSymbol], v); }, msg, 'DEP0112'),
    configurable: true,
  });
}
deprecatedState('_handle', (st) => st.handle, (st, v) => { st.handle = v; });
deprecatedState('_receiving', (st) => st.receiving, (st, v) => { st.receiving = v; });
deprecatedState('_bindState', (st) => st.bindState, (st, v) => { st.bindState = v; });
deprecatedState('_queue', (st) => st.queue, (st, v) => { st.queue = v; });
deprecatedState('_reuseAddr', (st) => st.reuseAddr, (st, v) => { st.reuseAddr = v; });

Socket.prototype._healthCheck = deprecate(function() {
  healthCheck(this);
}, 'Socket.prototype._healthCheck() is deprecated', 'DEP0112');

Socket.prototype._stopReceiving = deprecate(function() {
  const state = this[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}, 'Socket.prototype._stopReceiving() is deprecated', 'DEP0112');

module.exports = { createSocket, Socket };
