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
const { isIP, kDataSink, kSinkResume, kWriteDirect } = require('internal/net');
const { validateString } = require('internal/validators');
const tlsCommon = require('_tls_common');
const { checkServerIdentity, convertALPNProtocols } = require('internal/tls/identity');
const {
  ERR_TLS_SNI_FROM_SERVER, ERR_TLS_HANDSHAKE_TIMEOUT, ERR_TLS_INVALID_CONTEXT,
  ERR_SOCKET_CLOSED,
} = require('internal/tls/errors');
const extensions = require('internal/tls/extensions');

const conns = new SafeFinalizationRegistry((id) => binding.connFree(id));
// Filled by connRead, connWrite and connTakeOut (src/binding/tls/records.rs):
// [offset, length] of the bytes they return within the ArrayBuffer (length -1
// when they return an Error), then what the connection has waiting: ciphertext
// bytes, whether connRead stopped early, sessions.
const info = new Float64Array(5);
binding.setInfo(info);

const kConn = Symbol('kConn'); // the native connection's number, -1 before/after
const kParent = Symbol('kParent'); // the net.Socket carrying the ciphertext
const kOwner = Symbol('kOwner'); // on the parent: its TLSSocket
const kPendingWrite = Symbol('kPendingWrite'); // [data, latin1, cb] written before the handshake
const kPendingFinal = Symbol('kPendingFinal');
const kSniPending = Symbol('kSniPending');
const kServername = Symbol('kServername');
const kSession = Symbol('kSession');
const kHandshakeTimer = Symbol('kHandshakeTimer');
const kConnectOptions = Symbol('kConnectOptions');
const kEnded = Symbol('kEnded');
// The parent is a net.Socket whose reads come to onRawSink and whose handle
// takes the ciphertext directly (no stream of its own in between, as a handle
// under Node's TLSWrap); kPaused: the sink said no more until _read.
const kDirect = Symbol('kDirect');
const kPaused = Symbol('kPaused');
// The engine may hold plaintext the stream did not want yet.
const kPlainWaiting = Symbol('kPlainWaiting');

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
  this[kDirect] = false;
  this[kPaused] = false;
  this[kPlainWaiting] = false;
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
// The TLS layer is the handle node counts from: 0 before any write, not undefined.
ObjectDefineProperty(TLSSocket.prototype, 'bufferSize', {
  __proto__: null, configurable: true, get() { return this.destroyed ? undefined : this.writableLength; },
});

function attach(tls, raw) {
  tls[kParent] = raw;
  tls._parent = raw;
  raw[kOwner] = tls;
  // The TLS layer decides when the write side ends (after close_notify).
  raw.allowHalfOpen = true;
  // As node's: a TLS socket is connecting until its net.Socket is connected (none
  // yet, or one without a handle, counts as not yet); a plain Duplex is not.
  tls.connecting = raw.connecting === true || (raw instanceof net.Socket && raw._handle == null);
  // Chunks the parent's stream already holds still come as 'data'.
  raw.on('data', onRawData);
  if (raw instanceof net.Socket && raw[kDataSink] === null) {
    tls[kDirect] = true;
    raw[kDataSink] = onRawSink;
  }
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
    // The parent closed with no FIN seen (the program destroyed it, or it never
    // connected): a client that was not secure yet closes with no error, as
    // node's; otherwise what was read ends, then it closes.
    if (!tls._secureEstablished && !tls._tlsOptions.isServer) return tls.destroy();
    if (!tls[kEnded]) {
      tls[kEnded] = true;
      pushEnd(tls);
    }
    tls.destroy();
  }
}

function onRawSink(raw, chunk) {
  const tls = raw[kOwner];
  FunctionPrototypeCall(onRawData, raw, chunk);
  return !tls[kPaused];
}

function onRawData(chunk) {
  const tls = this[kOwner];
  const id = tls[kConn];
  if (id < 0) return;
  if (tls._timer !== null) tls._timer.refresh();
  if (tls._secureEstablished) readPlain(tls, chunk);
  else if (tls[kSniPending] || tls.destroyed) binding.connFeed(id, chunk);
  else handshake(tls, chunk);
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
  sendOut(tls, binding.connTakeOut(tls[kConn]), cb);
}

// Sends the ciphertext connWrite or connTakeOut returned (where info says).
function sendOut(tls, ab, cb) {
  const raw = tls[kParent];
  if (ab === undefined || raw.destroyed) {
    if (cb) cb();
    return;
  }
  const bytes = new FastBuffer(ab, info[0], info[1]);
  // A write's record goes past the parent's Writable (its failure reaches cb); a
  // flush with no cb (handshake, alerts, close_notify) goes through it, so a
  // failure is the parent's 'error' as before.
  if (cb !== undefined && tls[kDirect] && raw[kWriteDirect](bytes, cb)) return;
  raw.write(bytes, cb);
}

// Backpressure: the parent stops reading until _read.
function pauseParent(tls) {
  if (tls[kDirect]) tls[kPaused] = true;
  else tls[kParent].pause();
}

function handshake(tls, chunk) {
  if (tls[kSniPending] || tls.destroyed) return;
  const r = extensions.afterStep(tls, binding.connHandshake(tls[kConn], chunk));
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
    writeOut(tls, pending[0], pending[1], pending[2]);
  }
  const final = tls[kPendingFinal];
  if (final !== null) {
    tls[kPendingFinal] = null;
    tls._final(final);
  }
}

function emitSessions(tls) {
  if (tls._tlsOptions.isServer) return;
  const list = binding.connTakeSessions(tls[kConn]);
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) {
    tls.emit('session', new FastBuffer(list[i].buffer, 0, TypedArrayPrototypeGetByteLength(list[i])));
  }
}

// Feeds `chunk` (ciphertext the parent read, if any) and hands the plaintext
// the engine has to the stream, until the stream wants no more (then the parent
// pauses: backpressure reaches the kernel). One call to the engine per chunk in
// the common case: info says whether more is waiting.
function readPlain(tls, chunk) {
  const id = tls[kConn];
  let outWaiting = 0, sessions = 0;
  tls[kPlainWaiting] = false;
  while (id >= 0 && !tls.destroyed) {
    const r = binding.connRead(id, chunk);
    chunk = undefined;
    // Taken now: what runs on a push can call the engine for other connections.
    const again = info[3] === 1;
    outWaiting = info[2];
    sessions = info[4];
    if (r === undefined) break;
    if (r === null) {
      if (!tls[kEnded]) {
        tls[kEnded] = true;
        pushEnd(tls);
      }
      break;
    }
    if (info[1] < 0) {
      flushOut(tls);
      return tlsError(tls, r);
    }
    const plain = new FastBuffer(r, info[0], info[1]);
    if (sessions > 0) {
      emitSessions(tls);
      sessions = 0;
    }
    if (!tls.push(plain)) {
      tls[kPlainWaiting] = true;
      pauseParent(tls);
      break;
    }
    if (!again) break;
  }
  if (id >= 0 && !tls.destroyed) {
    if (sessions > 0) emitSessions(tls);
    if (outWaiting > 0) flushOut(tls);
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
  if (this[kPaused]) {
    this[kPaused] = false;
    raw[kSinkResume]();
  }
  if (raw !== null && raw.isPaused()) raw.resume();
  // Only when a push said no: the engine holds nothing otherwise (a call saved
  // per chunk, as the stream asks for more after each).
  if (this._secureEstablished && this[kPlainWaiting]) readPlain(this);
};

// `data`: bytes, a string (Latin-1 when `latin1`, else UTF-8), or a list of
// bytes and UTF-8 strings; all of it goes into one SSL_write (one record when it
// fits: a response's head and body together).
function writeOut(tls, data, latin1, cb) {
  if (!tls._secureEstablished) {
    tls[kPendingWrite] = [data, latin1, cb];
    return;
  }
  const id = tls[kConn];
  if (id < 0) return cb(new ERR_SOCKET_CLOSED());
  const r = binding.connWrite(id, data, latin1);
  if (r !== undefined && info[1] < 0) return cb(r);
  // node finishes a TLS write in a later turn even when the kernel took it all at
  // once: a write past the high-water mark stays counted, and write() says false.
  if (tls.writableLength < tls.writableHighWaterMark) return sendOut(tls, r, cb);
  let sync = true;
  sendOut(tls, r, (err) => (sync ? setImmediate(cb, err) : cb(err)));
  sync = false;
}

function isUtf8(encoding) {
  return encoding === 'utf8' || encoding === 'utf-8' || encoding === 'buffer';
}

function isLatin1(encoding) {
  return encoding === 'latin1' || encoding === 'binary' || encoding === 'ascii';
}

TLSSocket.prototype._write = function(chunk, encoding, cb) {
  // A string in UTF-8 or Latin-1 is encoded by the engine (no Buffer for it).
  if (typeof chunk === 'string' && !isUtf8(encoding)) {
    if (isLatin1(encoding)) return writeOut(this, chunk, true, cb);
    chunk = Buffer.from(chunk, encoding);
  }
  writeOut(this, chunk, false, cb);
};

TLSSocket.prototype._writev = function(chunks, cb) {
  const list = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    list[i] = typeof c.chunk === 'string' && !isUtf8(c.encoding) ? Buffer.from(c.chunk, c.encoding) : c.chunk;
  }
  writeOut(this, list, false, cb);
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
  const rawGone = raw.closed || (raw.destroyed && raw._handle === null && !raw.connecting);
  if (!raw.destroyed) raw.destroy();
  // First, so the 'error' it schedules comes before the 'close' below (a lookup
  // that failed leaves a parent already gone), as node's order.
  cb(exception);
  if (rawGone) process.nextTick(() => this.emit('close', hadError));
  else raw.once('close', () => this.emit('close', hadError));
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

// The getters and the parent's address, options and liveness.
require('internal/tls/socket_info').install(TLSSocket, kConn, kParent);

require('internal/tls/handle').defineHandle(TLSSocket.prototype);

module.exports = {
  TLSSocket, kConnectOptions,
  // tls.connect lives in internal/tls/connect.js (it needs this module).
  get connect() { return require('internal/tls/connect').connect; },
};
