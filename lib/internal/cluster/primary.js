'use strict';
// The primary side of cluster: forking workers, their life ('fork', 'online',
// 'listening', 'disconnect', 'exit'), and the ports they share. For each
// address:port the workers listen on, the primary keeps one handle:
//   round-robin: a net.Server of the primary's that accepts and passes each
//     connection to the next worker in turn (sent over IPC with the socket);
//   shared (SCHED_NONE): a listening socket the primary never accepts on, passed
//     to each worker, which accepts on it itself.
// In SCHED_REUSEPORT mode the workers open their own sockets and no handle is
// kept here.

const EventEmitter = require('events');
const { fork } = require('child_process');
const net = require('net');
const Worker = require('internal/cluster/worker');
const { sendHelper, internal } = require('internal/cluster/messages');
const { openListener, fdOf, closeId } = require('internal/net/server');
const { kSharedSocket } = require('internal/child_process/ipc');

const SCHED_NONE = 1, SCHED_RR = 2, SCHED_REUSEPORT = 3;
const policyNames = { none: SCHED_NONE, rr: SCHED_RR, reuseport: SCHED_REUSEPORT };

const cluster = new EventEmitter();
cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;
cluster.SCHED_REUSEPORT = SCHED_REUSEPORT;
cluster.schedulingPolicy = policyNames[process.env.NODE_CLUSTER_SCHED_POLICY] || SCHED_RR;

let ids = 0;
const handles = new Map(); // key -> RoundRobinHandle | SharedHandle

cluster.setupPrimary = function(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

function policyName(policy) {
  for (const k in policyNames) if (policyNames[k] === policy) return k;
  return 'rr';
}

cluster.fork = function(env) {
  cluster.setupPrimary();
  const settings = cluster.settings;
  const id = ++ids;
  const workerProcess = fork(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}`,
           NODE_CLUSTER_SCHED_POLICY: policyName(cluster.schedulingPolicy) },
    execArgv: settings.execArgv,
    execPath: settings.execPath,
    silent: settings.silent,
    stdio: settings.stdio,
    serialization: settings.serialization,
  });
  const worker = new Worker({ id, process: workerProcess });
  worker.on('message', function(message, handle) { cluster.emit('message', this, message, handle); });
  workerProcess.once('exit', (exitCode, signalCode) => {
    if (worker.state !== 'disconnected') worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    removeWorker(worker);
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });
  workerProcess.once('disconnect', () => {
    worker.state = 'disconnected';
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    removeHandlesOf(worker);
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });
  workerProcess.on('internalMessage', internal(worker, onMessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[id] = worker;
  return worker;
};

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  removeHandlesOf(worker);
}

function removeHandlesOf(worker) {
  for (const [key, handle] of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.disconnect = function(cb) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) {
    if (typeof cb === 'function') process.nextTick(cb);
    return;
  }
  let left = workers.length;
  for (const w of workers) {
    w.once('disconnect', () => { if (--left === 0 && typeof cb === 'function') cb(); });
    w.disconnect();
  }
};

Worker.prototype.disconnect = function() {
  this.exitedAfterDisconnect = true;
  sendHelper(this.process, { act: 'disconnect' });
  removeHandlesOf(this);
  return this;
};

Worker.prototype.destroy = Worker.prototype.kill = function(signo) {
  signo = signo || 'SIGTERM';
  if (this.isConnected()) {
    this.once('disconnect', () => this.process.kill(signo));
    this.process.disconnect();
  } else {
    this.process.kill(signo);
  }
};

function onMessage(message, handle) {
  const worker = this;
  if (message.act === 'online') {
    worker.state = 'online';
    worker.emit('online');
    cluster.emit('online', worker);
  } else if (message.act === 'queryServer') {
    queryServer(worker, message);
  } else if (message.act === 'listening') {
    const info = { addressType: message.addressType, address: message.address,
                   port: message.port, fd: message.fd };
    worker.state = 'listening';
    worker.emit('listening', info);
    cluster.emit('listening', worker, info);
  } else if (message.act === 'close') {
    const handle = handles.get(message.key);
    if (handle && handle.remove(worker)) handles.delete(message.key);
  } else if (message.act === 'exitedAfterDisconnect') {
    worker.exitedAfterDisconnect = true;
  }
}

// A worker's listen(): answer with how it gets connections.
function queryServer(worker, message) {
  const key = `${message.address}:${message.port}:${message.family}:${message.index}`;
  let handle = handles.get(key);
  if (handle === undefined) {
    const udp = message.family === 'udp4' || message.family === 'udp6';
    const make = udp ? SharedUdpHandle :
      cluster.schedulingPolicy === SCHED_NONE ? SharedHandle : RoundRobinHandle;
    handle = new make(key, message);
    handles.set(key, handle);
  }
  handle.add(worker, (errno, reply, sendHandle) => {
    sendHelper(worker.process, { act: 'queryReply', ack: message.seq, key, errno, ...reply },
               sendHandle);
  });
}

// Round-robin: the primary accepts; each connection goes to the next free worker.
function RoundRobinHandle(key, message) {
  this.key = key;
  this.workers = [];
  this.next = 0;
  this.server = net.createServer({ pauseOnConnect: true }, (socket) => this.distribute(socket));
  this.server[require('internal/child_process/socket_list').kUntracked] = true;
  this.error = null;
  this.server.on('error', (err) => { this.error = err; });
  this.server.listen({ host: message.address, port: message.port, backlog: message.backlog,
                       ipv6Only: message.v6only, exclusive: true });
  this.ready = new Promise((resolve) => {
    this.server.once('listening', resolve);
    this.server.once('error', resolve);
  });
}

RoundRobinHandle.prototype.add = function(worker, send) {
  this.workers.push(worker);
  this.ready.then(() => {
    if (this.error !== null) return send(this.error.errno, {});
    send(0, { sockname: this.server.address() });
  });
};

RoundRobinHandle.prototype.remove = function(worker) {
  const i = this.workers.indexOf(worker);
  if (i === -1) return false;
  this.workers.splice(i, 1);
  if (this.workers.length > 0) return false;
  this.server.close();
  return true;
};

RoundRobinHandle.prototype.distribute = function(socket) {
  if (this.workers.length === 0) return socket.destroy();
  const worker = this.workers[this.next++ % this.workers.length];
  sendHelper(worker.process, { act: 'newconn', key: this.key }, socket);
};

// Shared: one listening socket, passed to every worker; the primary never accepts.
function SharedHandle(key, message) {
  this.key = key;
  this.workers = [];
  this.id = openListener(false, message.address, message.family, message.port,
                         message.backlog, message.v6only, false);
  this.fd = typeof this.id === 'number' ? fdOf(this.id) : -1;
}

SharedHandle.prototype.add = function(worker, send) {
  this.workers.push(worker);
  if (typeof this.id !== 'number') return send(this.id.errno, {});
  send(0, {}, { [kSharedSocket]: this.fd });
};

SharedHandle.prototype.remove = function(worker) {
  const i = this.workers.indexOf(worker);
  if (i === -1) return false;
  this.workers.splice(i, 1);
  if (this.workers.length > 0) return false;
  if (typeof this.id === 'number') closeId(this.id);
  return true;
};

// A dgram socket the workers bind without `exclusive`: the primary binds it and
// passes it to each; every worker reads from it (the kernel gives each datagram
// to one of them). The primary itself never reads.
function SharedUdpHandle(key, message) {
  const { UDP } = require('internal/dgram');
  this.key = key;
  this.workers = [];
  this.udp = new UDP(message.family === 'udp6' ? 6 : 4);
  this.errno = this.udp.bind(message.address, message.port, message.reuseAddr, message.v6only);
  if (this.errno !== 0) {
    this.udp.close();
    this.udp = null;
  }
}

SharedUdpHandle.prototype.add = function(worker, send) {
  this.workers.push(worker);
  if (this.udp === null) return send(this.errno, {});
  send(0, {}, { [kSharedSocket]: this.udp.fd });
};

SharedUdpHandle.prototype.remove = function(worker) {
  const i = this.workers.indexOf(worker);
  if (i === -1) return false;
  this.workers.splice(i, 1);
  if (this.workers.length > 0) return false;
  if (this.udp !== null) this.udp.close();
  this.udp = null;
  return true;
};

module.exports = cluster;
