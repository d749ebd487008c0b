'use strict';
// net.Server: a listening tcp_wrap handle with one multishot accept in flight;
// each completion is a connection (a new handle) wrapped in a net.Socket. close()
// closes the handle (cancelling the accept) and emits 'close' once every
// connection it made has closed too.

const {
  Error, FunctionPrototypeCall, ObjectDefineProperty, ObjectSetPrototypeOf, Promise, PromiseResolve, Symbol,
} = primordials;

const EventEmitter = require('events');
const binding = internalBinding('tcp_wrap');
const asyncContext = require('internal/async_context');
const {
  codes: { ERR_SERVER_ALREADY_LISTEN, ERR_SERVER_NOT_RUNNING, ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validatePort, validateFunction, validateNumber, validateAbortSignal } = require('internal/validators');
const { getDefaultHighWaterMark } = require('internal/streams/utils');
const { isIP, normalizeArgs, uvExceptionWithHostPort, kAccepted, StreamHandle } = require('internal/net');
const activeResources = require('internal/process/active_resources');
const { keepAliveDelayOption } = require('internal/net/socket_options');
const serverSocketChannel = require('diagnostics_channel').channel('net.server.socket');

const ECANCELED = -125, EMFILE = -24, ENFILE = -23, EAFNOSUPPORT = -97;

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  FunctionPrototypeCall(EventEmitter, this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = { __proto__: null };
  } else if (options === undefined || options === null) {
    options = { __proto__: null };
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  this._connections = 0;
  // Records of connections sent to other processes (internal/child_process/socket_list).
  this._workers = [];
  this._usingWorkers = false;
  this._waitingForWorkers = false;
  this._handle = null;
  this._id = -1;
  this._pipe = false;
  this._path = null;
  this._unref = false;
  this._closing = false;
  this._listening = false;
  this._shared = false; // other processes accept on the same socket
  this._fdExposed = false; // _handle.fd was read: others may hold the socket
  this._asyncFrame = undefined;
  this._acceptId = -1;
  this._rearm = false;
  this.allowHalfOpen = Boolean(options.allowHalfOpen);
  this.pauseOnConnect = Boolean(options.pauseOnConnect);
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = keepAliveDelayOption(options.keepAliveInitialDelay);
  // Both high-water marks of every accepted socket (node 20.1+); a negative
  // one means the default, as in node.
  let highWaterMark = options.highWaterMark;
  if (highWaterMark !== undefined) validateNumber(highWaterMark, 'options.highWaterMark');
  if (highWaterMark === undefined || highWaterMark < 0) highWaterMark = getDefaultHighWaterMark(false);
  this.highWaterMark = highWaterMark;
  this.maxConnections = undefined;
}
ObjectSetPrototypeOf(Server.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Server, EventEmitter);

// Opens, binds and listens: the handle id, or an error to emit.
function open(pipe, address, family, port, backlog, v6only, reusePort) {
  const id = binding.open(family);
  if (id < 0) return uvExceptionWithHostPort(id, 'listen', address, port);
  let r = binding.bind(id, pipe, address, port, v6only, Boolean(reusePort));
  if (r === 0) r = binding.listen(id, backlog);
  if (r < 0) {
    binding.close(id, { __proto__: null, oncomplete() {} });
    return uvExceptionWithHostPort(r, 'listen', address, port);
  }
  return id;
}

function accept(server) {
  server._acceptId = binding.accept(server._id, {
    __proto__: null,
    oncomplete: (_, result) => {
      const frame = server._asyncFrame;
      if (frame === undefined) return onAccepted(server, result);
      const prev = asyncContext.enter(frame);
      let completed = false;
      try {
        onAccepted(server, result);
        completed = true;
      } finally {
        asyncContext.finish(frame, prev, false, completed);
      }
    },
  }, server._pipe, server._shared);
}

function onAccepted(server, result) {
  const ended = result[0];
  if (ended) server._acceptId = -1;
  for (let i = 1; i < result.length; i++) onConnection(server, result[i], ended && i === result.length - 1);
  if (ended && result.length === 1) onConnection(server, ECANCELED, true);
}

// The server's socket is now shared with other processes (passed over IPC): its
// accept becomes a plain poll that wakes every process (see tcp_wrap's accept).
function shareServer(server) {
  if (server._shared) return;
  server._shared = true;
  if (server._handle !== null && server._acceptId >= 0) {
    server._rearm = true;
    binding.readStop(server._acceptId); // cancels the request, whatever its op

  }
}

function onConnection(server, conn, ended) {
  if (ended && server._handle !== null && server._rearm) {
    server._rearm = false;
    accept(server);
  } else if (ended && server._handle !== null && conn !== ECANCELED) {
    // The multishot accept ended (out of fds, or the kernel stopped it): take it
    // up again, after a pause when out of fds (as libuv backs off) rather than
    // spinning or dropping the listener.
    const retry = conn === EMFILE || conn === ENFILE ? 50 : 0;
    const t = setTimeout(() => { if (server._handle !== null) accept(server); }, retry);
    if (server._unref) t.unref();
  }
  if (conn < 0) return;
  const listener = server._handle;
  if (listener === null) return;
  // Through the listening handle's onconnection, which a program may replace.
  FunctionPrototypeCall(listener.onconnection, listener, 0, new StreamHandle(conn, server._pipe, null));
}

// A connection's handle becomes a Socket, after the server's TCP options are set
// on it, as node does (the socket knows them: asking again changes nothing).
function onconnection(server, err, handle) {
  if (err) {
    server.emit('error', uvExceptionWithHostPort(err, 'accept', null, undefined));
    return;
  }
  const { Socket } = require('net');
  const conn = handle.id;
  if (server.maxConnections !== undefined && server._connections >= server.maxConnections) {
    // Over maxConnections: closed at once; 'drop' says who it was.
    const local = binding.localAddress(conn);
    const remote = binding.remoteAddress(conn);
    binding.close(conn, { __proto__: null, oncomplete() {} });
    if (typeof local !== 'number' && typeof remote !== 'number') {
      server.emit('drop', {
        localAddress: local[0], localPort: local[2], localFamily: local[1],
        remoteAddress: remote[0], remotePort: remote[2], remoteFamily: remote[1],
      });
    }
    return;
  }
  if (server.noDelay && !server._pipe) handle.setNoDelay(true);
  if (server.keepAlive && !server._pipe) handle.setKeepAlive(true, server.keepAliveInitialDelay);
  const socket = new Socket({
    handle, allowHalfOpen: server.allowHalfOpen, pauseOnConnect: server.pauseOnConnect,
    highWaterMark: server.highWaterMark, [kAccepted]: true,
  });
  socket._noDelay = server.noDelay;
  socket._keepAlive = server.keepAlive;
  if (server.keepAlive) socket._keepAliveDelay = server.keepAliveInitialDelay;
  server._connections++;
  socket.server = server;
  socket._server = server;
  if (serverSocketChannel.hasSubscribers) serverSocketChannel.publish({ socket });
  server.emit('connection', socket);
}

Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0], cb = normalized[1];
  if (this._handle !== null) throw new ERR_SERVER_ALREADY_LISTEN();
  if (cb !== null) this.once('listening', cb);
  let backlog = options.backlog;
  if (typeof args[1] === 'number' && typeof args[0] === 'string') backlog = args[1];
  else if (typeof args[2] === 'number') backlog = args[2];
  backlog = typeof backlog === 'number' && backlog >= 0 ? backlog : 511;
  if (options.signal !== undefined) closeOnAbort(this, options.signal);
  const inherited = inheritedFd(args[0], options);
  if (inherited !== undefined) return listenOnFd(this, inherited, backlog);
  let pipe = false, address, family, port = 0;
  const v6only = Boolean(options.ipv6Only);
  // As node: no port at all (listen(), listen(cb), listen(null), { port: undefined })
  // is an ephemeral one; a port, when there is one, wins over a path.
  let p = options.port;
  if (args.length === 0 || typeof args[0] === 'function' || p === null || (p === undefined && 'port' in options)) {
    p = 0;
  }
  if (typeof p === 'number' || typeof p === 'string') {
    port = validatePort(p, 'options.port');
    if (options.host === undefined || options.host === null || options.host === '') {
      address = '::';
      family = 6;
    } else {
      address = `${options.host}`;
      family = isIP(address);
    }
  } else if (options.path && typeof options.path === 'string') {
    pipe = true;
    address = options.path;
    family = 0;
  } else if (!('port' in options) && !('path' in options)) {
    throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
  } else {
    throw new ERR_INVALID_ARG_VALUE('options', options);
  }
  this._connectionKey = pipe ? `-1:${address}:-1` : `${family}:${address}:${port}`;
  if (pipe || family !== 0) return listenAt(this, options, pipe, address, family, port, backlog, v6only);
  // A name: the first address dns.lookup gives, as node listens.
  require('dns').lookup(address, (err, ip, ipFamily) => {
    if (err) return this.emit('error', err);
    this._connectionKey = `${ipFamily}:${ip}:${port}`;
    listenAt(this, options, false, ip, ipFamily, port, backlog, v6only);
  });
  return this;
};

// Listens on a numeric address (or a path): in a cluster worker, the primary
// decides how the port is shared (cluster's scheduling policy; `exclusive` opts
// out, as in node); otherwise on a socket of its own.
function listenAt(server, options, pipe, address, family, port, backlog, v6only) {
  if (!pipe && !options.exclusive && require('internal/cluster/role').worker) {
    require('cluster')._getServer(server, { address, port, family, backlog, v6only }, (how, value) => {
      if (how === 'error') server.emit('error', value);
      else if (how === 'fd') listenOnFd(server, value, backlog);
      else if (how === 'own') listenOwn(server, pipe, address, family, port, backlog, v6only, true);
      else startListening(server, value, null); // round-robin: a virtual handle
    });
    return server;
  }
  listenOwn(server, pipe, address, family, port, backlog, v6only, options.reusePort);
  if (pipe && server._handle !== null && (options.readableAll || options.writableAll)) {
    chmodPipe(server, address, options);
  }
  return server;
}

// readableAll / writableAll: the socket file opens to the group and others too.
function chmodPipe(server, path, options) {
  if (path[0] === '\0') return; // an abstract socket has no file
  const fs = require('fs');
  const { S_IRGRP, S_IROTH, S_IWGRP, S_IWOTH } = fs.constants;
  try {
    let mode = fs.statSync(path).mode & 0o7777;
    if (options.readableAll) mode |= S_IRGRP | S_IROTH;
    if (options.writableAll) mode |= S_IWGRP | S_IWOTH;
    fs.chmodSync(path, mode);
  } catch (err) {
    server.close();
    throw err;
  }
}

function listenOwn(server, pipe, address, family, port, backlog, v6only, reusePort) {
  const id = openListener(pipe, address, family, port, backlog, v6only, reusePort);
  if (typeof id !== 'number') {
    process.nextTick(() => server.emit('error', id));
    return server;
  }
  startListening(server, listenerHandle(server, id, pipe), pipe ? address : null);
  return server;
}

// server._handle of a listener this process opened. Whoever reads its fd number
// may hand the socket to another process (child stdio, IPC), so close() must
// then leave the socket itself alone (see stopListening).
function listenerHandle(server, id, pipe) {
  return {
    __proto__: null, id, pipe,
    get fd() { server._fdExposed = true; return binding.fd(id); },
  };
}

// A listening socket (the handle id), or the error; '::' falls back to IPv4 on a
// host without IPv6.
function openListener(pipe, address, family, port, backlog, v6only, reusePort) {
  let id = open(pipe, address, family, port, backlog, v6only, reusePort);
  if (typeof id !== 'number' && id.errno === EAFNOSUPPORT && address === '::') {
    id = open(pipe, '0.0.0.0', 4, port, backlog, false, reusePort);
  }
  return id;
}

function startListening(server, handle, path) {
  // Connections are made (and 'connection' runs) in the context listen() ran in.
  if (asyncContext.state.active) server._asyncFrame = asyncContext.capture('TCPSERVERWRAP', server);
  server._id = handle.id;
  server._handle = handle;
  if (!handle.roundRobin) handle.onconnection = (err, clientHandle) => onconnection(server, err, clientHandle);
  server._pipe = handle.pipe;
  server._path = path;
  server._closing = false;
  // A round-robin worker's server has no socket: the primary hands it connections.
  if (handle.roundRobin) {
    server._listening = true;
    process.nextTick(() => { if (server._handle !== null) server.emit('listening'); });
    return;
  }
  if (server._unref) binding.ref(handle.id, false);
  activeResources.setHandleOwner(handle.id, server, handle.pipe ? 'PipeWrap' : 'TCPServerWrap');
  accept(server);
  server._listening = true;
  process.nextTick(() => { if (server._handle !== null) server.emit('listening'); });
}

// listen({ fd }) or listen(handle): a socket the process already has (inherited,
// as systemd's socket activation passes them, or another server's handle).
function inheritedFd(first, options) {
  if (typeof options.fd === 'number' && options.fd >= 0) {
    if ((options.fd | 0) !== options.fd) throw new ERR_INVALID_ARG_VALUE('options', options);
    return options.fd;
  }
  if (first !== null && typeof first === 'object') {
    const h = first._handle !== undefined && first._handle !== null ? first._handle : first;
    if (typeof h.fd === 'number' && h.fd >= 0) return h.fd;
  }
  return undefined;
}

function listenOnFd(server, fd, backlog) {
  const { openFd } = require('internal/net/fd_handle');
  const type = internalBinding('process_methods').guessHandleType(fd);
  // Not a socket: EINVAL, and the fd is left alone (as node's).
  const h = type === 'TCP' || type === 'PIPE' ? openFd(fd) : -22;
  const r = typeof h === 'number' ? h : binding.listen(h.id, backlog);
  server._shared = true; // inherited: others may hold it too
  if (r < 0) {
    if (typeof h !== 'number') h.close();
    const err = uvExceptionWithHostPort(r, 'listen', null, undefined);
    process.nextTick(() => server.emit('error', err));
    return server;
  }
  startListening(server, h, null);
  return server;
}

Server.prototype.address = function() {
  if (this._handle === null) return null;
  if (this._handle.roundRobin) return { ...this._handle.sockname };
  const a = binding.localAddress(this._id);
  if (typeof a === 'number') return null;
  if (this._pipe) return this._path;
  return { address: a[0], family: a[1], port: a[2] };
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (this._handle === null) {
      this.once('close', function close() { cb(new ERR_SERVER_NOT_RUNNING()); });
    } else {
      this.once('close', cb);
    }
  }
  // As node: 'close' also waits for the connections sent to other processes.
  if (this._handle !== null && this._workers.length > 0) {
    this._waitingForWorkers = true;
    require('internal/child_process/socket_list').whenSentClosed(this, () => {
      this._waitingForWorkers = false;
      this._emitCloseIfDrained();
    });
  }
  if (this._handle !== null && this._handle.roundRobin) {
    const h = this._handle;
    this._handle = null;
    this._listening = false;
    h.close();
    this._emitCloseIfDrained();
  } else if (this._handle !== null) {
    const id = this._id;
    const path = this._path;
    this._handle = null;
    this._listening = false;
    this._closing = true;
    if (!this._shared && !this._fdExposed) binding.stopListening(id);
    // libuv removes a pipe server's socket file as it closes (not an abstract one).
    if (path !== null && path[0] !== '\0') {
      try { require('fs').unlinkSync(path); } catch { /* already gone */ }
    }
    activeResources.clearHandleOwner(id);
    binding.close(id, {
      __proto__: null,
      oncomplete: () => {
        this._closing = false;
        this._emitCloseIfDrained();
      },
    });
  } else {
    this._emitCloseIfDrained();
  }
  return this;
};

// `await using server = ...`: closes a listening server; resolves at its 'close'.
Server.prototype[Symbol.asyncDispose] = async function() {
  if (this._handle === null) return;
  await new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle !== null || this._closing || this._connections > 0 ||
      this._waitingForWorkers) return;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.getConnections = function(cb) {
  validateFunction(cb, 'callback');
  const n = this._connections;
  if (this._workers.length === 0) {
    process.nextTick(() => cb(null, n));
    return this;
  }
  // Plus what the processes it sent connections to still hold.
  require('internal/child_process/socket_list').countSent(this, (err, sent) => {
    if (err) cb(err);
    else cb(null, n + sent);
  });
  return this;
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle !== null && !this._handle.roundRobin) binding.ref(this._id, true);
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle !== null && !this._handle.roundRobin) binding.ref(this._id, false);
  return this;
};

ObjectDefineProperty(Server.prototype, 'listening', {
  __proto__: null, configurable: true, enumerable: true,
  get() { return this._handle !== null; },
});

// A connection a round-robin worker's server is handed by the primary.
function addConnection(server, socket) {
  if (server._handle === null) {
    socket.destroy();
    return;
  }
  server._connections++;
  socket.server = server;
  socket._server = server;
  if (serverSocketChannel.hasSubscribers) serverSocketChannel.publish({ socket });
  server.emit('connection', socket);
}

// listen({ signal }): the server closes when the signal aborts.
function closeOnAbort(server, signal) {
  validateAbortSignal(signal, 'options.signal');
  const close = () => server.close();
  if (signal.aborted) {
    process.nextTick(close);
    return;
  }
  signal.addEventListener('abort', close, { __proto__: null, once: true });
  server.once('close', () => signal.removeEventListener('abort', close));
}

// events.captureRejections: a rejected 'connection' listener destroys that
// connection with the error; any other event's becomes the server's 'error'.
Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, socket) {
  if (event === 'connection') socket.destroy(err);
  else this.emit('error', err);
};

Server.prototype[Symbol.asyncDispose] = function() {
  if (this._handle === null) return PromiseResolve();
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

function fdOf(id) { return binding.fd(id); }
function closeId(id) { binding.close(id, { __proto__: null, oncomplete() {} }); }

module.exports = { Server, shareServer, openListener, addConnection, listenOnFd, fdOf, closeId };
