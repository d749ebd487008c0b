'use strict';
// tls.Server: a net.Server whose every connection is wrapped in a server-side
// TLSSocket (lib/_tls_wrap.js); the program hears 'secureConnection' once the
// handshake is done and the client's certificate checked (requestCert,
// rejectUnauthorized), and 'tlsClientError' for a connection that failed before.
// SNI: addContext's names (wildcards allowed) or an SNICallback pick the
// context by the name the ClientHello asks for.

const {
  FunctionPrototypeCall, ObjectSetPrototypeOf, RegExp, RegExpPrototypeSymbolReplace,
  Symbol,
} = primordials;

const binding = internalBinding('tls_wrap');
const net = require('net');
const { Buffer } = require('buffer');
const tlsCommon = require('_tls_common');
const { TLSSocket } = require('_tls_wrap');
const {
  validateObject, validateFunction, validateNumber, validateString,
} = require('internal/validators');
const {
  ERR_TLS_REQUIRED_SERVER_NAME, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
} = require('internal/tls/errors');
const { isArrayBufferView } = require('internal/util/types');
const { convertALPNProtocols } = require('internal/tls/identity');
const { kPskCallback, kPskIdentityHint } = require('internal/tls/extensions');

const kErrorEmitted = Symbol('kErrorEmitted');
// Resumption needs a session id context; Node's default depends on the program.
const kDefaultSessionIdContext = 'coil-tls-server';

function tlsConnectionListener(rawSocket) {
  const socket = new TLSSocket(rawSocket, {
    __proto__: null,
    secureContext: this._sharedCreds,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    handshakeTimeout: this[kHandshakeTimeout],
    ALPNProtocols: this.ALPNProtocols,
  });
  socket[kErrorEmitted] = false;
  socket.on('_tlsError', onSocketTlsError);
}
const kHandshakeTimeout = Symbol('kHandshakeTimeout');

function onSocketTlsError(err) {
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    const server = this.server;
    if (server && server.listenerCount('tlsClientError') > 0) server.emit('tlsClientError', err, this);
  }
}

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = { __proto__: null };
  } else if (options === undefined || options === null) {
    options = { __proto__: null };
  } else {
    validateObject(options, 'options');
  }
  initTlsServer(this, options);
  FunctionPrototypeCall(net.Server, this, options, tlsConnectionListener);
  if (listener) this.on('secureConnection', listener);
}

// What a TLS server keeps of its options (https.Server shares it).
function initTlsServer(server, options) {
  server._contexts = [];
  server.requestCert = options.requestCert === true;
  server.rejectUnauthorized = options.rejectUnauthorized !== false;
  const timeout = options.handshakeTimeout === undefined ? 120000 : options.handshakeTimeout;
  validateNumber(timeout, 'options.handshakeTimeout');
  server[kHandshakeTimeout] = timeout;
  if (options.SNICallback !== undefined) validateFunction(options.SNICallback, 'options.SNICallback');
  server._SNICallback = options.SNICallback;
  if (options.ALPNProtocols) {
    const out = { __proto__: null };
    convertALPNProtocols(options.ALPNProtocols, out);
    server.ALPNProtocols = out.ALPNProtocols;
  }
  if (options.pskCallback) validateFunction(options.pskCallback, 'options.pskCallback');
  if (options.pskIdentityHint) validateString(options.pskIdentityHint, 'options.pskIdentityHint');
  server[kPskCallback] = options.pskCallback;
  server[kPskIdentityHint] = options.pskIdentityHint;
  if (options.sessionTimeout !== undefined) validateNumber(options.sessionTimeout, 'options.sessionTimeout');
  if (options.ticketKeys !== undefined) validateTicketKeys(options.ticketKeys, 'options.ticketKeys');
  FunctionPrototypeCall(Server.prototype.setSecureContext, server, options);
  if (options.ticketKeys !== undefined) FunctionPrototypeCall(Server.prototype.setTicketKeys, server, options.ticketKeys);
}
ObjectSetPrototypeOf(Server.prototype, net.Server.prototype);
ObjectSetPrototypeOf(Server, net.Server);

Server.prototype.setSecureContext = function(options) {
  validateObject(options, 'options');
  const sessionIdContext = options.sessionIdContext === undefined ?
    kDefaultSessionIdContext : options.sessionIdContext;
  if (typeof sessionIdContext !== 'string' && !Buffer.isBuffer(sessionIdContext)) {
    throw new ERR_INVALID_ARG_TYPE('options.sessionIdContext', 'string', sessionIdContext);
  }
  this.sessionIdContext = sessionIdContext;
  this._sharedCreds = tlsCommon.createSecureContext({
    __proto__: null, ...options, sessionIdContext,
  });
  this.key = options.key;
  this.cert = options.cert;
  this.ca = options.ca;
  this.passphrase = options.passphrase;
  this.pfx = options.pfx;
  this.ciphers = options.ciphers;
  this.ecdhCurve = options.ecdhCurve;
  this.minVersion = options.minVersion;
  this.maxVersion = options.maxVersion;
  this.secureProtocol = options.secureProtocol;
  this.secureOptions = options.secureOptions;
  this.sessionTimeout = options.sessionTimeout;
};

// addContext('*.example.com', options or SecureContext)
Server.prototype.addContext = function(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  let pattern = RegExpPrototypeSymbolReplace(/([.^$+?\-\\[\]{}])/g, servername, '\\$1');
  pattern = RegExpPrototypeSymbolReplace(/\*/g, pattern, '[^.]*');
  const re = new RegExp(`^${pattern}$`);
  const ctx = tlsCommon.isSecureContext(context) ? context :
    tlsCommon.createSecureContext({ __proto__: null, sessionIdContext: this.sessionIdContext, ...context });
  this._contexts[this._contexts.length] = [re, ctx];
};

Server.prototype.getTicketKeys = function() {
  const keys = binding.contextGetTicketKeys(this._sharedCreds.context.id);
  return Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength);
};

// The 48 bytes that seal session tickets: 16 name, 16 HMAC secret, 16 AES key.
// New keys mean tickets sealed before no longer resume.
Server.prototype.setTicketKeys = function(keys, name = 'keys') {
  validateTicketKeys(keys, name);
  binding.contextSetTicketKeys(this._sharedCreds.context.id, keys);
};

function validateTicketKeys(keys, name) {
  if (!isArrayBufferView(keys)) throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], keys);
  if (keys.byteLength !== 48) throw new ERR_INVALID_ARG_VALUE(name, keys, 'must be exactly 48 bytes');
}

function createServer(options, listener) {
  return new Server(options, listener);
}

module.exports = { Server, createServer, tlsConnectionListener, initTlsServer };
