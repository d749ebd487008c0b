'use strict';
// tls.TLSSocket and tls.connect. A TLSSocket is a net.Socket without a handle of
// its own: it sits on an ordinary net.Socket (its parent) that carries the
// ciphertext, and drives a native connection (internalBinding('tls_wrap'),
// src/binding/tls/conn.rs) whose memory buffers take the ciphertext the parent
// read and give back the ciphertext to write. The handshake advances with each
// chunk read; plaintext the engine decrypts is pushed to this stream, and what is
// written here is encrypted and written to the parent. So TLS runs the same on
// every I/O backend. The server side lives in internal/tls/server.js.

const {
  Error, FunctionPrototypeCall, ObjectDefineProperty, ObjectSetPrototypeOf,
  SafeFinalizationRegistry, Symbol, TypedArrayPrototypeGetByteLength,
} = primordials;

const binding = internalBinding('tls_wrap');
const net = require('net');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const { isArrayBufferView } = require('internal/util/types');
const { isIP } = require('internal/net');
const { validateFunction, validateString } = require('internal/validators');
const tlsCommon = require('_tls_common');
const { checkServerIdentity, convertALPNProtocols } = require('internal/tls/identity');
const {
  ERR_TLS_SNI_FROM_SERVER, ERR_TLS_HANDSHAKE_TIMEOUT, ERR_TLS_INVALID_CONTEXT,
  ERR_SOCKET_CLOSED, ERR_TLS_RENEGOTIATION_DISABLED,
} = require('internal/tls/errors');
const { translatePeerCertificate } = require('internal/tls/certificate');
const extensions = require('internal/tls/extensions');

const conns = new SafeFinalizationRegistry((id) => binding.connFree(id));

const kConn = Symbol('kConn'); // the native connection's number, -1 before/after
const kParent = Symbol('kParent'); // the net.Socket carrying the ciphertext
const kOwner = Symbol('kOwner'); // on the parent: its TLSSocket
const kPendingWrite = Symbol('kPendingWrite'); // [bytes, cb] written before the handshake
const kPendingFinal = Symbol('kPendingFinal');
const kSniPending = Symbol('kSniPending');
const kServername = Symbol('kServername');
const kSession = Symbol('kSession');
const kHandshakeTimer = Symbol('kHandshakeTimer');
const kConnectOptions = Symbol('kConnectOptions');
const kEnded = Symbol('kEnded');

const VERIFY_PEER = 1, VERIFY_FAIL_IF_NO_PEER_CERT = 2;

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const options = { __proto__: null, ...opts };
  const context = options.secureContext || tlsCommon.createSecureContext(options);
  if (!tlsCommon.isSecureContext(context) && !(context && context.context)) {
    throw new ERR_TLS_INVALID_CONTEXT('context');
  }
  const allowHalfOpen = socket ? Boolean(socket.allowHalfOpen) : Boolean(options.allowHalfOpen);
  FunctionPrototypeCall(net.Socket, this, {
    __proto__: null, allowHalfOpen, highWaterMark: options.highWaterMark,
  });
  this.encrypted = true;
  this.authorized = false;
  this.authorizationError = null;
  this.alpnProtocol = null;
  this.servername = null;
  this.secureConnecting = true;
  this.server = options.server || null;
  this._tlsOptions = options;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this._SNICallback = null;
  this._rejectUnauthorized = options.rejectUnauthorized !== false;
  this._requestCert = options.isServer ? Boolean(options.requestCert) : true;
  this.ssl = null;
  this._context = context;
  this[kConn] = -1;
  this[kPendingWrite] = null;
  this[kPendingFinal] = null;
  this[kSniPending] = false;
  this[kServername] = undefined;
  this[kSession] = options.session;
  this[kHandshakeTimer] = null;
  this[kConnectOptions] = null;
  this[kEnded] = false;
  if (options.ALPNProtocols) {
    const out = { __proto__: null };
    convertALPNProtocols(options.ALPNProtocols, out);
    this._alpn = out.ALPNProtocols;
  } else {
    this._alpn = undefined;
  }
  attach(this, socket || new net.Socket({ __proto__: null, allowHalfOpen: true }));
  if (options.isServer) {
    const timeout = options.handshakeTimeout;
    if (timeout > 0) {
      this[kHandshakeTimer] = setTimeout(() => tlsError(this, new ERR_TLS_HANDSHAKE_TIMEOUT()), timeout);
      this[kHandshakeTimer].unref();
    }
    this._start();
  }
}
ObjectSetPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
ObjectSetPrototypeOf(TLSSocket, net.Socket);

function attach(tls, raw) {
  tls[kParent] = raw;
  tls._parent = raw;
  raw[kOwner] = tls;
  // The TLS layer decides when the write side ends (after close_notify).
  raw.allowHalfOpen = true;
  tls.connecting = raw.connecting;
  raw.on('data', onRawData);
  raw.on('end', onRawEnd);
  raw.on('error', onRawError);
  raw.on('close', onRawClose);
  raw.on('timeout', onRawTimeout);
  if (raw.connecting) raw.once('connect', onRawConnect);
}

function onRawConnect() {
  const tls = this[kOwner];
  tls.connecting = false;
  tls.emit('connect');
  if (!tls._tlsOptions.isServer) tls._start();
}

function onRawTimeout() {
  // Only when a program set a timeout on the parent itself.
  const tls = this[kOwner];
  if (tls !== undefined && tls.listenerCount('timeout') > 0 && tls.timeout === 0) tls.emit('timeout');
}

function onRawError(err) {
  const tls = this[kOwner];
  if (tls._secureEstablished || tls._controlReleased) tls.destroy(err);
  else tlsError(tls, err);
}

function onRawClose() {
  const tls = this[kOwner];
  if (!tls.destroyed) {
    // The peer went away without a FIN we saw: end what was read, then close.
    if (!tls._secureEstablished && !tls._tlsOptions.isServer) return tls.destroy(disconnected(tls));
    if (!tls[kEnded]) {
      tls[kEnded] = true;
      pushEnd(tls);
    }
    tls.destroy();
  }
}

function onRawData(chunk) {
  const tls = this[kOwner];
  const id = tls[kConn];
  if (id < 0) return;
  binding.connFeed(id, chunk);
  if (tls._timer !== null) tls._timer.refresh();
  if (!tls._secureEstablished) handshake(tls);
  else readPlain(tls);
}

function onRawEnd() {
  const tls = this[kOwner];
  if (tls.destroyed) return;
  if (!tls._secureEstablished) return tlsError(tls, disconnected(tls));
  readPlain(tls);
  if (!tls[kEnded] && !tls.destroyed) {
    tls[kEnded] = true;
    pushEnd(tls);
  }
}

// The end of the plaintext; with nothing buffered 'end' comes now even if
// nobody reads, as a net.Socket's does.
function pushEnd(tls) {
  tls.push(null);
  tls.read(0);
}

function disconnected(tls) {
  // A server's peer that left mid-handshake hung up, in Node's words.
  const err = new Error(tls._tlsOptions.isServer ? 'socket hang up' :
    'Client network socket disconnected before secure TLS connection was established');
  err.code = 'ECONNRESET';
  const o = tls[kConnectOptions];
  if (o) {
    err.path = o.path;
    err.host = o.host;
    err.port = o.port;
    err.localAddress = o.localAddress;
  }
  return err;
}

// Makes the native connection (now: a client's servername and session may have
// been set since the constructor) and starts the handshake.
TLSSocket.prototype._start = function() {
  if (this[kConn] >= 0 || this.destroyed) return;
  const o = this._tlsOptions;
  let verify = 0;
  if (!o.isServer) verify = VERIFY_PEER;
  else if (this._requestCert) verify = VERIFY_PEER | (this._rejectUnauthorized ? VERIFY_FAIL_IF_NO_PEER_CERT : 0);
  const server = o.server;
  const pauseForSni = Boolean(o.isServer && server &&
    (typeof server._SNICallback === 'function' || server._contexts.length > 0));
  let session = this[kSession];
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  const id = binding.connNew(this._context.context.id, Boolean(o.isServer), this[kServername],
                             this._alpn, verify, isArrayBufferView(session) ? session : undefined,
                             pauseForSni);
  this[kConn] = id;
  this.ssl = { __proto__: null, id };
  conns.register(this, id, this);
  extensions.onConnNew(this, id, this[kConnectOptions]);
  handshake(this);
};

function flushOut(tls, cb) {
  const out = binding.connTakeOut(tls[kConn]);
  const raw = tls[kParent];
  if (out === undefined || raw.destroyed) {
    if (cb) cb();
    return;
  }
  raw.write(new FastBuffer(out.buffer, 0, TypedArrayPrototypeGetByteLength(out)), cb);
}

function handshake(tls) {
  if (tls[kSniPending] || tls.destroyed) return;
  const r = extensions.afterStep(tls, binding.connHandshake(tls[kConn]));
  if (r === 0) {
    // A client that rejects the server's certificate sends nothing more (not
    // even its Finished), as Node's: the server hears a reset, not a handshake.
    handshakeDone(tls);
    if (!tls.destroyed) flushOut(tls);
    return;
  }
  flushOut(tls);
  if (r === 1) return;
  if (r === 2) return askSni(tls);
  if (r === 3) return extensions.askOcsp(tls, handshake, tlsError);
  tlsError(tls, r);
}

// The server paused at the ClientHello: the SNICallback picks the context.
function askSni(tls) {
  const id = tls[kConn];
  const name = binding.connClientHelloName(id);
  const server = tls._tlsOptions.server;
  if (name === '') return handshake(tls);
  tls.servername = name;
  tls[kSniPending] = true;
  let called = false;
  const pick = typeof server._SNICallback === 'function' ? server._SNICallback : defaultSni;
  FunctionPrototypeCall(pick, server, name, (err, context) => {
    if (called) return;
    called = true;
    tls[kSniPending] = false;
    if (tls.destroyed || tls[kConn] < 0) return;
    if (err) return tlsError(tls, err);
    if (context) {
      if (!context.context || typeof context.context.id !== 'number') {
        return tlsError(tls, new ERR_TLS_INVALID_CONTEXT('context'));
      }
      binding.connSetContext(id, context.context.id);
    }
    handshake(tls);
  });
}

function defaultSni(servername, cb) {
  const list = this._contexts;
  for (let i = list.length - 1; i >= 0; i--) {
    const entry = list[i];
    if (entry[0].test(servername)) return cb(null, entry[1]);
  }
  cb(null, undefined);
}

function verifyError(id) {
  const v = binding.connVerifyError(id);
  if (v === undefined) return null;
  const err = new Error(v[1]);
  err.code = v[0];
  return err;
}

function handshakeDone(tls) {
  const id = tls[kConn];
  tls._secureEstablished = true;
  tls.secureConnecting = false;
  if (tls[kHandshakeTimer] !== null) {
    clearTimeout(tls[kHandshakeTimer]);
    tls[kHandshakeTimer] = null;
  }
  tls.alpnProtocol = binding.connInfo(id, 'alpn');
  emitSessions(tls);
  if (tls._tlsOptions.isServer) {
    const name = binding.connInfo(id, 'servername');
    if (tls.servername === null) tls.servername = name;
    if (tls._requestCert) {
      const err = verifyError(id);
      if (err) {
        tls.authorizationError = err.code;
        if (tls._rejectUnauthorized) return tls.destroy();
      } else {
        tls.authorized = true;
      }
    }
    afterSecure(tls);
    tls.emit('secure');
    if (!tls.destroyed) {
      tls._controlReleased = true;
      if (tls.server) tls.server.emit('secureConnection', tls);
    }
  } else {
    const options = tls[kConnectOptions] || tls._tlsOptions;
    let err = verifyError(id);
    if (!err && !binding.connInfo(id, 'reused')) {
      const hostname = options.servername || options.host ||
        (options.socket && options.socket._host) || 'localhost';
      const check = options.checkServerIdentity || checkServerIdentity;
      err = check(hostname, tls.getPeerCertificate(true));
    }
    if (err) {
      tls.authorized = false;
      tls.authorizationError = err.code || err.message;
      if (options.rejectUnauthorized !== false && tls._rejectUnauthorized) return tls.destroy(err);
    } else {
      tls.authorized = true;
    }
    afterSecure(tls);
    tls.emit('secureConnect');
  }
  if (!tls.destroyed) readPlain(tls);
}

// Writes and an end() that waited for the handshake go out now.
function afterSecure(tls) {
  const pending = tls[kPendingWrite];
  if (pending !== null) {
    tls[kPendingWrite] = null;
    writeOut(tls, pending[0], pending[1]);
  }
  const final = tls[kPendingFinal];
  if (final !== null) {
    tls[kPendingFinal] = null;
    tls._final(final);
  }
}

function emitSessions(tls) {
  const list = binding.connTakeSessions(tls[kConn]);
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) {
    tls.emit('session', new FastBuffer(list[i].buffer, 0, TypedArrayPrototypeGetByteLength(list[i])));
  }
}

// Hands the plaintext the engine has to the stream, until the stream wants no
// more (then the parent pauses: backpressure reaches the kernel).
function readPlain(tls) {
  const id = tls[kConn];
  while (id >= 0 && !tls.destroyed) {
    const r = binding.connRead(id);
    if (r === undefined) break;
    if (r === null) {
      if (!tls[kEnded]) {
        tls[kEnded] = true;
        pushEnd(tls);
      }
      break;
    }
    if (!isArrayBufferView(r)) {
      flushOut(tls);
      return tlsError(tls, r);
    }
    emitSessions(tls);
    if (!tls.push(new FastBuffer(r.buffer, 0, TypedArrayPrototypeGetByteLength(r)))) {
      tls[kParent].pause();
      break;
    }
  }
  if (id >= 0 && !tls.destroyed) {
    emitSessions(tls);
    flushOut(tls);
  }
}

// A failure of the TLS layer: before the socket is handed to the program (a
// server's connection before 'secureConnection') the server hears it as
// 'tlsClientError'; after, it is the socket's 'error'.
function tlsError(tls, err) {
  if (tls.destroyed) return;
  tls.emit('_tlsError', err);
  if (tls._controlReleased) tls.destroy(err);
  else tls.destroy();
}

TLSSocket.prototype._read = function(n) {
  const raw = this[kParent];
  if (raw !== null && raw.isPaused()) raw.resume();
  if (this._secureEstablished) readPlain(this);
};

function writeOut(tls, bytes, cb) {
  if (!tls._secureEstablished) {
    tls[kPendingWrite] = [bytes, cb];
    return;
  }
  const id = tls[kConn];
  if (id < 0) return cb(new ERR_SOCKET_CLOSED());
  const err = binding.connWrite(id, bytes);
  if (err !== undefined) return cb(err);
  flushOut(tls, cb);
}

TLSSocket.prototype._write = function(chunk, encoding, cb) {
  writeOut(this, typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk, cb);
};

TLSSocket.prototype._writev = function(chunks, cb) {
  const list = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    list[i] = typeof c.chunk === 'string' ? Buffer.from(c.chunk, c.encoding) : c.chunk;
  }
  writeOut(this, list.length === 1 ? list[0] : Buffer.concat(list), cb);
};

// end(): our close_notify, then the parent's FIN.
TLSSocket.prototype._final = function(cb) {
  if (!this._secureEstablished && !this.destroyed) {
    this[kPendingFinal] = cb;
    return;
  }
  const id = this[kConn];
  const raw = this[kParent];
  if (id >= 0) {
    binding.connShutdown(id);
    flushOut(this);
  }
  // Finished once the parent has handed everything (close_notify too) to the
  // kernel: a destroySoon() after 'finish' must not cut it off.
  if (raw.destroyed || raw.writableFinished) return cb();
  raw.end(() => cb());
};

TLSSocket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  if (this._timer !== null) {
    clearTimeout(this._timer);
    this._timer = null;
  }
  if (this[kHandshakeTimer] !== null) {
    clearTimeout(this[kHandshakeTimer]);
    this[kHandshakeTimer] = null;
  }
  const id = this[kConn];
  if (id >= 0) {
    this[kConn] = -1;
    conns.unregister(this);
    binding.connFree(id);
  }
  const raw = this[kParent];
  const hadError = Boolean(exception);
  if (raw.closed || (raw.destroyed && raw._handle === null && !raw.connecting)) {
    process.nextTick(() => this.emit('close', hadError));
  } else {
    raw.once('close', () => this.emit('close', hadError));
  }
  if (!raw.destroyed) raw.destroy();
  cb(exception);
};

TLSSocket.prototype.connect = function(...args) {
  const raw = this[kParent];
  this.connecting = true;
  if (!raw.connecting) raw.once('connect', onRawConnect);
  FunctionPrototypeCall(raw.connect, raw, ...args);
  return this;
};

TLSSocket.prototype.setServername = function(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
  if (isIP(name) === 0) this[kServername] = name;
};

TLSSocket.prototype.setSession = function(session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  this[kSession] = session;
};

TLSSocket.prototype.getSession = function() {
  if (this[kConn] < 0) return undefined;
  const der = binding.connSession(this[kConn]);
  return der === undefined ? undefined : new FastBuffer(der.buffer, 0, TypedArrayPrototypeGetByteLength(der));
};

TLSSocket.prototype.isSessionReused = function() {
  if (this[kConn] < 0) return null;
  return binding.connInfo(this[kConn], 'reused');
};

TLSSocket.prototype.getPeerCertificate = function(detailed) {
  if (this[kConn] < 0) return null;
  const list = binding.connPeerCerts(this[kConn], Boolean(detailed));
  return translatePeerCertificate(list, Boolean(detailed)) || {};
};

TLSSocket.prototype.getCertificate = function() {
  if (this[kConn] < 0) return null;
  const c = binding.connOwnCert(this[kConn]);
  return c === undefined ? {} : translatePeerCertificate([c], false);
};

TLSSocket.prototype.getCipher = function() {
  if (this[kConn] < 0) return null;
  const c = binding.connInfo(this[kConn], 'cipher');
  if (c === undefined) return null;
  return { name: c[0], standardName: c[1], version: c[2] };
};

TLSSocket.prototype.getProtocol = function() {
  if (this[kConn] < 0 || !this._secureEstablished) return null;
  return binding.connInfo(this[kConn], 'protocol');
};

TLSSocket.prototype.getEphemeralKeyInfo = function() {
  return this._tlsOptions.isServer ? null : {};
};

TLSSocket.prototype.setMaxSendFragment = function(size) {
  return size >= 512 && size <= 16384;
};

TLSSocket.prototype.renegotiate = function(options, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (this.destroyed) return false;
  if (callback) process.nextTick(callback, new ERR_TLS_RENEGOTIATION_DISABLED());
  return false;
};

TLSSocket.prototype.disableRenegotiation = function() {};
TLSSocket.prototype.enableTrace = function() {};

// The parent's address, options and liveness.
TLSSocket.prototype.address = function() { return this[kParent].address(); };
TLSSocket.prototype.setNoDelay = function(v) {
  this[kParent].setNoDelay(v);
  return this;
};
TLSSocket.prototype.setKeepAlive = function(v, d) {
  this[kParent].setKeepAlive(v, d);
  return this;
};
TLSSocket.prototype.ref = function() {
  this[kParent].ref();
  return this;
};
TLSSocket.prototype.unref = function() {
  this[kParent].unref();
  return this;
};

function delegate(name) {
  ObjectDefineProperty(TLSSocket.prototype, name, {
    __proto__: null, configurable: true, enumerable: false,
    get() { return this[kParent][name]; },
  });
}
delegate('remoteAddress');
delegate('remoteFamily');
delegate('remotePort');
delegate('localAddress');
delegate('localPort');
delegate('localFamily');
delegate('bytesRead');
ObjectDefineProperty(TLSSocket.prototype, 'pending', {
  __proto__: null, configurable: true, enumerable: false,
  get() { return this[kParent].pending; },
});

require('internal/tls/handle').defineHandle(TLSSocket.prototype);

module.exports = {
  TLSSocket, kConnectOptions,
  // tls.connect lives in internal/tls/connect.js (it needs this module).
  get connect() { return require('internal/tls/connect').connect; },
};
