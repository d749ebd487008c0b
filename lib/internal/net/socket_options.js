'use strict';
// A net.Socket's options beyond the stream's: the ones checked when it is made
// (no object mode, `signal`, `onread`) or when it connects (`path`, localAddress
// and localPort), and the TCP options (noDelay, keepAlive) asked for before
// there is a connection, applied once it is made. Also the methods that set
// them, and destroySoon/resetAndDestroy.

const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_IP_ADDRESS, ERR_SOCKET_CLOSED, ERR_INVALID_HANDLE_TYPE },
} = require('internal/errors');
const { validateAbortSignal, validateNumber, validateString } = require('internal/validators');
const { isIP, kHandle, exceptionWithHostPort } = require('internal/net');

const kObjectModes = ['objectMode', 'readableObjectMode', 'writableObjectMode'];

// From the constructor: throws for what a socket cannot be, and sets up the rest.
function init(socket, options) {
  for (let i = 0; i < kObjectModes.length; i++) {
    const key = kObjectModes[i];
    if (options[key]) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, options[key], 'is not supported');
  }
  // What setNoDelay/setKeepAlive last asked for: applied on connect, and a
  // repeat of the same setting leaves the socket alone.
  socket._noDelay = Boolean(options.noDelay);
  socket._keepAlive = Boolean(options.keepAlive);
  socket._keepAliveDelay = keepAliveDelayOption(options.keepAliveInitialDelay);
  if (options.signal !== undefined) abortOn(socket, options.signal);
  if (options.onread !== null && typeof options.onread === 'object') {
    require('internal/net/onread').install(socket, options.onread);
  }
}

// keepAliveInitialDelay (ms) of a socket's or a server's options: whole seconds,
// none below 0.
function keepAliveDelayOption(ms) {
  if (ms === undefined) return 0;
  validateNumber(ms, 'options.keepAliveInitialDelay');
  const seconds = ~~(ms / 1000);
  return seconds > 0 ? seconds : 0;
}

function abortOn(socket, signal) {
  validateAbortSignal(signal, 'options.signal');
  const abort = () => socket.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    process.nextTick(abort);
    return;
  }
  signal.addEventListener('abort', abort, { __proto__: null, once: true });
  socket.once('close', () => signal.removeEventListener('abort', abort));
}

// From connect(): the options' checks, before anything is started. True for a path.
function checkConnect(socket, options) {
  const { path, localAddress, localPort } = options;
  if (path) {
    validateString(path, 'options.path');
    return true;
  }
  if (localAddress && !isIP(localAddress)) throw new ERR_INVALID_IP_ADDRESS(localAddress);
  if (localPort) validateNumber(localPort, 'options.localPort');
  socket._localAddress = localAddress || undefined;
  socket._localPort = localPort || undefined;
  // A PerformanceObserver of 'net' entries sees how long each TCP connect took.
  socket._perfStart = observing() ? require('internal/perf').now() : undefined;
  return false;
}

// Binds a TCP connect's handle to the local address/port asked for: 0, or the
// error to destroy the socket with.
function bindLocal(binding, socket, id, family) {
  if (socket._localAddress === undefined && socket._localPort === undefined) return 0;
  const address = socket._localAddress || (family === 6 ? '::' : '0.0.0.0');
  const port = socket._localPort | 0;
  const r = binding.bind(id, false, address, port, false, false);
  return r < 0 ? exceptionWithHostPort(r, 'bind', address, port) : 0;
}

// Once connected: the TCP options asked for before, through the handle's
// methods (internal/net/stream_handle.js), as node applies them.
function applyOnConnect(socket) {
  const h = socket[kHandle];
  if (h === null || h.pipe) return;
  if (socket._perfStart !== undefined) connectEntry(socket);
  if (socket._noDelay) h.setNoDelay(true);
  if (socket._keepAlive) h.setKeepAlive(true, socket._keepAliveDelay);
}

let observe;
function observing() {
  if (observe === undefined) observe = require('internal/perf/observe');
  return observe.hasObservers();
}

function connectEntry(socket) {
  const { now, makeEntry, PerformanceNodeEntry } = require('internal/perf');
  const startTime = socket._perfStart;
  socket._perfStart = undefined;
  observe.enqueue(makeEntry(PerformanceNodeEntry, {
    name: 'connect', entryType: 'net', startTime, duration: now() - startTime,
    detail: { host: socket._connectAddress, port: socket._connectPort },
  }));
}

function install(proto, binding) {
  // Ends the writable side, then destroys once it is flushed.
  proto.destroySoon = function() {
    if (this.writable) this.end();
    if (this.writableFinished) this.destroy();
    else this.once('finish', this.destroy);
  };

  // Closes with a RST instead of a FIN (SO_LINGER 0): the peer gets ECONNRESET.
  proto.resetAndDestroy = function() {
    const h = this[kHandle];
    if (h !== null && h.pipe) throw new ERR_INVALID_HANDLE_TYPE();
    if (this.connecting) {
      this.once('connect', () => this.resetAndDestroy());
    } else if (h === null) {
      this.destroy(new ERR_SOCKET_CLOSED());
    } else {
      binding.setLingerZero(h.id);
      this.destroy();
    }
    return this;
  };

  // The handle's method is called when the setting changes (a handle without
  // one, as a pipe's, leaves it); with no handle, it is kept for the connect.
  proto.setNoDelay = function(enable) {
    enable = enable === undefined ? true : Boolean(enable);
    const h = this._handle;
    if (h === null || h === undefined) {
      this._noDelay = enable;
    } else if (typeof h.setNoDelay === 'function' && !h.pipe && enable !== this._noDelay) {
      this._noDelay = enable;
      h.setNoDelay(enable);
    }
    return this;
  };

  proto.setKeepAlive = function(enable, initialDelay) {
    enable = Boolean(enable);
    const delay = ~~(initialDelay / 1000);
    const h = this._handle;
    if (h === null || h === undefined) {
      this._keepAlive = enable;
      this._keepAliveDelay = delay;
    } else if (typeof h.setKeepAlive === 'function' && !h.pipe &&
               (enable !== this._keepAlive || (enable && delay !== this._keepAliveDelay))) {
      this._keepAlive = enable;
      this._keepAliveDelay = delay;
      h.setKeepAlive(enable, delay);
    }
    return this;
  };
}

module.exports = { init, checkConnect, bindLocal, applyOnConnect, install, keepAliveDelayOption };
