'use strict';
// http.Agent: the client's connection pool. Sockets are kept per destination
// name (host:port:localAddress[:family]); a request takes a free socket (lifo or
// fifo), or a new one while under maxSockets/maxTotalSockets, or waits in
// `requests`. When a response ends on a keep-alive socket the client hands the
// socket back ('free'): it goes to the next waiting request, or into
// `freeSockets` (unref'd, closed after `timeout` idle) up to maxFreeSockets.

const {
  ArrayPrototypeIndexOf, ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeShift,
  ArrayPrototypeSplice, FunctionPrototypeCall, NumberIsFinite, NumberParseInt, ObjectKeys,
  RegExpPrototypeExec,
  ObjectSetPrototypeOf, StringPrototypeIndexOf, StringPrototypeSlice,
} = primordials;

const EventEmitter = require('events');
const net = require('net');
let debug = require('internal/util/debuglog').debuglog('http', (fn) => { debug = fn; });
const { validateNumber, validateOneOf, validateString } = require('internal/validators');

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  FunctionPrototypeCall(EventEmitter, this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);
  this.maxTotalSockets = this.options.maxTotalSockets;
  if (this.maxTotalSockets !== undefined) validateNumber(this.maxTotalSockets, 'maxTotalSockets', 1);
  else this.maxTotalSockets = Infinity;
  this.totalSocketCount = 0;
  this.on('free', onFree);
}
ObjectSetPrototypeOf(Agent.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Agent, EventEmitter);
Agent.defaultMaxSockets = Infinity;

Agent.prototype.createConnection = net.createConnection;

Agent.prototype.getName = function getName(options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};

Agent.prototype.addRequest = function addRequest(req, options, port, localAddress) {
  // The old (host, port, localAddress) form is still accepted, as node's.
  if (typeof options === 'string') options = { __proto__: null, host: options, port, localAddress };
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  if (!options.servername && options.servername !== '') options.servername = serverName(options, req);
  const name = this.getName(options);
  const free = this.freeSockets[name];
  // A free socket destroyed meanwhile (its 'close' still to come) is dropped, not handed out.
  if (free !== undefined) {
    for (let i = free.length - 1; i >= 0; i--) {
      if (free[i].destroyed) {
        ArrayPrototypeSplice(free, i, 1);
        this.totalSocketCount--;
      }
    }
    if (free.length === 0) delete this.freeSockets[name];
  }
  if (free !== undefined && free.length > 0) {
    const socket = this.scheduling === 'fifo' ? ArrayPrototypeShift(free) : ArrayPrototypePop(free);
    if (free.length === 0) delete this.freeSockets[name];
    socket.removeListener('error', freeSocketErrorListener);
    socket.setTimeout(0);
    if (this.sockets[name] === undefined) this.sockets[name] = [];
    ArrayPrototypePush(this.sockets[name], socket);
    this.reuseSocket(socket, req);
    giveSocket(this, req, socket);
    return;
  }
  const active = this.sockets[name] === undefined ? 0 : this.sockets[name].length;
  if (active < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(req, options, (err, socket) => {
      if (err) req.onSocket(socket, err);
      else giveSocket(this, req, socket);
    });
    return;
  }
  if (this.requests[name] === undefined) this.requests[name] = [];
  ArrayPrototypePush(this.requests[name], req);
};

// The TLS server name comes from the Host header when the request has one.
function serverName(options, req) {
  const header = req.getHeader('host');
  if (!header) return options.host;
  validateString(header, 'options.headers.host');
  if (header[0] === '[') {
    const end = StringPrototypeIndexOf(header, ']');
    return end === -1 ? header : StringPrototypeSlice(header, 1, end);
  }
  const colon = StringPrototypeIndexOf(header, ':');
  return colon === -1 ? header : StringPrototypeSlice(header, 0, colon);
}

// The request's own timeout wins over the agent's (which the socket was made with).
function giveSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout !== undefined && req.timeout !== agentTimeout) socket.setTimeout(req.timeout);
}

Agent.prototype.createSocket = function createSocket(req, options, cb) {
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  if (!options.servername && options.servername !== '') options.servername = serverName(options, req);
  if (this.keepAlive) {
    options.keepAlive = true;
    options.keepAliveInitialDelay = this.keepAliveMsecs;
  }
  const name = this.getName(options);
  options._agentKey = name;
  debug('AGENT createConnection', name);
  let called = false;
  // A createConnection may answer at once (a socket) or later through the callback.
  const oncreate = (err, socket) => {
    if (called) return;
    called = true;
    if (err) return cb(err);
    this.totalSocketCount++;
    if (this.sockets[name] === undefined) this.sockets[name] = [];
    ArrayPrototypePush(this.sockets[name], socket);
    socket._agentName = name;
    installListeners(this, socket, options);
    cb(null, socket);
  };
  const make = options.createConnection || this.createConnection;
  const socket = FunctionPrototypeCall(make, this, options, oncreate);
  if (socket) oncreate(null, socket);
};

function installListeners(agent, socket, options) {
  function onClose() {
    agent.removeSocket(socket, options);
  }
  function onTimeout() {
    // An idle free socket times out: close it.
    const free = agent.freeSockets[socket._agentName];
    if (free !== undefined && ArrayPrototypeIndexOf(free, socket) !== -1) socket.destroy();
  }
  // The client says a response ended on a kept-alive socket.
  function onFree() {
    agent.emit('free', socket, options);
  }
  function onRemove() {
    agent.totalSocketCount--;
    socket.removeListener('close', onClose);
    socket.removeListener('free', onFree);
    socket.removeListener('timeout', onTimeout);
    socket.removeListener('agentRemove', onRemove);
    remove(agent.sockets, socket._agentName, socket);
    remove(agent.freeSockets, socket._agentName, socket);
  }
  socket.on('free', onFree);
  socket.on('close', onClose);
  socket.on('timeout', onTimeout);
  socket.on('agentRemove', onRemove);
}

function remove(table, name, socket) {
  const list = table[name];
  if (list === undefined) return false;
  const i = ArrayPrototypeIndexOf(list, socket);
  if (i === -1) return false;
  ArrayPrototypeSplice(list, i, 1);
  if (list.length === 0) delete table[name];
  return true;
}

Agent.prototype.removeSocket = function removeSocket(socket, options) {
  const name = socket._agentName || this.getName(options);
  const removed = remove(this.sockets, name, socket) | remove(this.freeSockets, name, socket);
  if (removed) this.totalSocketCount--;
  socket.removeAllListeners('agentRemove');
  makeForWaiting(this, name, options);
};

// A request waiting for this destination (or, when none is, for the first other
// one that has no socket at all: maxTotalSockets held it back) gets a new socket,
// handed over as a 'free' one (the agent's 'free' listeners see it, as in node).
function makeForWaiting(agent, name, options) {
  let waiting = agent.requests[name];
  if (waiting === undefined || waiting.length === 0) {
    const keys = ObjectKeys(agent.requests);
    if (keys.length === 0) return;
    const active = agent.sockets[keys[0]];
    if (active !== undefined && active.length > 0) return;
    name = keys[0];
    waiting = agent.requests[name];
    options = undefined;
  }
  const req = waiting[0];
  agent.createSocket(req, options || req._agentOptions, (err, s) => {
    if (!err) {
      s.emit('free');
      return;
    }
    const i = ArrayPrototypeIndexOf(waiting, req);
    if (i !== -1) ArrayPrototypeSplice(waiting, i, 1);
    if (waiting.length === 0 && agent.requests[name] === waiting) delete agent.requests[name];
    req.onSocket(s, err);
  });
}

function freeSocketErrorListener() {
  this.destroy();
  this.emit('agentRemove');
}

// A socket whose response ended on a kept-alive connection, or a new one made
// for a waiting request.
function onFree(socket, options) {
  const agent = this;
  const name = socket._agentName || agent.getName(options);
  debug('AGENT free', name);
  // Closed meanwhile: a waiting request gets a new socket instead.
  if (socket.destroyed) {
    agent.removeSocket(socket, options);
    return;
  }
  const waiting = agent.requests[name];
  if (waiting !== undefined && waiting.length > 0) {
    const req = ArrayPrototypeShift(waiting);
    if (waiting.length === 0) delete agent.requests[name];
    // Not counted as reused (req.reusedSocket stays false), as node's.
    giveSocket(agent, req, socket);
    return;
  }
  const free = agent.freeSockets[name];
  const keep = agent.keepAlive && agent.totalSocketCount <= agent.maxTotalSockets &&
    (free === undefined || free.length < agent.maxFreeSockets) && agent.keepSocketAlive(socket);
  if (!keep) {
    socket.destroy();
    return;
  }
  remove(agent.sockets, name, socket);
  // An idle socket's error (the server closed it meanwhile) only removes it.
  socket.on('error', freeSocketErrorListener);
  if (agent.freeSockets[name] === undefined) agent.freeSockets[name] = [];
  ArrayPrototypePush(agent.freeSockets[name], socket);
  makeForWaiting(agent, name, options);
}

// The server's Keep-Alive hint (timeout=N seconds) shortens the agent's idle
// timeout to a second less than N, so the socket is dropped before the server
// would; a hint of a second or less means the socket is not kept.
Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
  let timeout = this.options.timeout;
  timeout = NumberIsFinite(timeout) && timeout > 0 ? timeout : 0;
  const req = socket._httpMessage;
  const hint = req && req.res ? req.res.headers['keep-alive'] : undefined;
  if (typeof hint === 'string') {
    const m = RegExpPrototypeExec(/^timeout=(\d+)/, hint);
    if (m !== null) {
      const serverMs = NumberParseInt(m[1], 10) * 1000 - 1000;
      if (serverMs <= 0) return false;
      if (serverMs < timeout) timeout = serverMs;
    }
  }
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  if (timeout > 0 && socket.timeout !== timeout) socket.setTimeout(timeout);
  return true;
};

Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
  req.reusedSocket = true;
  socket.ref();
};

Agent.prototype.destroy = function destroy() {
  const tables = [this.freeSockets, this.sockets];
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t];
    const keys = ObjectKeys(table);
    for (let i = 0; i < keys.length; i++) {
      const list = table[keys[i]];
      for (let j = list.length - 1; j >= 0; j--) list[j].destroy();
    }
  }
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

module.exports = { Agent, globalAgent };
