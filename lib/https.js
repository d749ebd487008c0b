'use strict';
// https: HTTP over TLS. The server is an http server whose connections are
// TLSSockets (the TLS server's connection handling, then the HTTP one on
// 'secureConnection'); the client is http's ClientRequest with an Agent that
// makes TLS connections and keeps their sessions to resume later ones.

const {
  ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeShift, ArrayPrototypeSplice,
  FunctionPrototypeCall, ObjectSetPrototypeOf,
} = primordials;

const net = require('net');
const tls = require('tls');
const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const {
  Server: HttpServer, storeHTTPOptions, setupConnectionsTracking, connectionListener,
} = require('_http_server');
const { initTlsServer, tlsConnectionListener } = require('internal/tls/server');
const { validateObject } = require('internal/validators');
const { URL } = require('internal/url');
const { isIP } = require('internal/net');

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = { __proto__: null };
  } else if (opts === undefined || opts === null) {
    opts = { __proto__: null };
  } else {
    validateObject(opts, 'options');
  }
  opts = { __proto__: null, ...opts };
  if (!opts.ALPNProtocols) opts.ALPNProtocols = ['http/1.1'];
  FunctionPrototypeCall(storeHTTPOptions, this, opts);
  initTlsServer(this, opts);
  FunctionPrototypeCall(net.Server, this, {
    __proto__: null,
    allowHalfOpen: true,
    noDelay: opts.noDelay === undefined ? true : opts.noDelay,
    keepAlive: opts.keepAlive,
    pauseOnConnect: opts.pauseOnConnect,
  }, tlsConnectionListener);
  this.httpAllowHalfOpen = false;
  if (requestListener) this.on('request', requestListener);
  this.on('secureConnection', connectionListener);
  // A connection that failed its handshake is the HTTP server's 'clientError'.
  this.on('tlsClientError', function onTlsClientError(err, conn) {
    if (this.listenerCount('clientError') > 0) this.emit('clientError', err, conn);
  });
  setupConnectionsTracking(this);
}
ObjectSetPrototypeOf(Server.prototype, tls.Server.prototype);
ObjectSetPrototypeOf(Server, tls.Server);
Server.prototype.close = HttpServer.prototype.close;
Server.prototype.closeAllConnections = HttpServer.prototype.closeAllConnections;
Server.prototype.closeIdleConnections = HttpServer.prototype.closeIdleConnections;
Server.prototype.setTimeout = HttpServer.prototype.setTimeout;

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  FunctionPrototypeCall(HttpAgent, this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: { __proto__: null }, list: [] };
}
ObjectSetPrototypeOf(Agent.prototype, HttpAgent.prototype);
ObjectSetPrototypeOf(Agent, HttpAgent);

Agent.prototype.createConnection = function createConnection(options, cb) {
  const key = options._agentKey;
  const session = key ? this._getSession(key) : undefined;
  const connectOptions = { __proto__: null, session, ...options };
  // An address is no server name (RFC 6066): no SNI for it, as Node's agent.
  if (connectOptions.servername && isIP(connectOptions.servername)) connectOptions.servername = '';
  const socket = tls.connect(connectOptions);
  if (key) {
    socket.on('session', (s) => this._cacheSession(key, s));
    // A connection that failed may have failed for its session: forget it.
    socket.once('close', (hadError) => { if (hadError) this._evictSession(key); });
  }
  // The agent's 'keylog' listeners hear its connections' key log lines.
  if (this.listenerCount('keylog') > 0) socket.on('keylog', (line) => this.emit('keylog', line, socket));
  return socket;
};

// The TLS options that make connections to one host differ, so sockets made with
// different ones are not shared.
const kNameOptions = [
  'ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized', 'servername',
  'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve',
  'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyIdentifier',
  'privateKeyEngine',
];

Agent.prototype.getName = function getName(options = {}) {
  let name = FunctionPrototypeCall(HttpAgent.prototype.getName, this, options);
  for (let i = 0; i < kNameOptions.length; i++) {
    name += ':';
    const v = options[kNameOptions[i]];
    if (v !== undefined && v !== null) name += v;
  }
  return name;
};

Agent.prototype._getSession = function _getSession(key) {
  return this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function _cacheSession(key, session) {
  if (this.maxCachedSessions === 0) return;
  const cache = this._sessionCache;
  if (cache.map[key]) {
    cache.map[key] = session;
    return;
  }
  if (cache.list.length >= this.maxCachedSessions) {
    const oldest = ArrayPrototypeShift(cache.list);
    delete cache.map[oldest];
  }
  ArrayPrototypePush(cache.list, key);
  cache.map[key] = session;
};

Agent.prototype._evictSession = function _evictSession(key) {
  const cache = this._sessionCache;
  const i = ArrayPrototypeIndexOf(cache.list, key);
  if (i === -1) return;
  ArrayPrototypeSplice(cache.list, i, 1);
  delete cache.map[key];
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function request(...args) {
  let input;
  if (typeof args[0] === 'string' || args[0] instanceof URL) input = ArrayPrototypeShift(args);
  let options = { __proto__: null };
  if (args[0] !== null && typeof args[0] === 'object') options = { __proto__: null, ...ArrayPrototypeShift(args) };
  options._defaultAgent = module.exports.globalAgent;
  const cb = args[0];
  if (input !== undefined) return new ClientRequest(input, options, cb);
  return new ClientRequest(options, cb);
}

function get(...args) {
  const req = FunctionPrototypeCall(request, null, ...args);
  req.end();
  return req;
}

module.exports = { Agent, globalAgent, Server, createServer, request, get };
