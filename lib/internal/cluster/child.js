'use strict';
// The worker side of cluster: cluster.worker, the 'online' report, and
// server.listen() done through the primary (net's listen calls _getServer):
//   round-robin: the server gets a virtual handle and the connections the
//     primary passes ('newconn' with the socket);
//   shared: the primary passes the listening socket's fd, the server accepts on it;
//   reuseport: the server opens its own socket with SO_REUSEPORT.
// Each listening server is reported to the primary ('listening').

const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const { sendHelper, internal } = require('internal/cluster/messages');

const SCHED_NONE = 1, SCHED_RR = 2, SCHED_REUSEPORT = 3;
const policyNames = { none: SCHED_NONE, rr: SCHED_RR, reuseport: SCHED_REUSEPORT };

const cluster = new EventEmitter();
cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.Worker = Worker;
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;
cluster.SCHED_REUSEPORT = SCHED_REUSEPORT;
cluster.schedulingPolicy = policyNames[process.env.NODE_CLUSTER_SCHED_POLICY] || SCHED_RR;
cluster.worker = null;

const servers = new Map(); // key -> server (round-robin servers awaiting 'newconn')
// How many servers of this worker listened on each address: the Nth server on an
// address shares the primary's Nth handle for it (two servers on port 0 are two
// ports), as in node.
const indexes = new Map();

function setup() {
  require('internal/cluster/role').worker = true;
  const id = +process.env.NODE_UNIQUE_ID;
  delete process.env.NODE_UNIQUE_ID;
  const worker = new Worker({ id, process, state: 'online' });
  cluster.worker = worker;
  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (!worker.exitedAfterDisconnect) {
      // The primary went away or cut us off: nothing to serve for any more.
      process.exit(0);
    }
  });
  process.on('internalMessage', internal(worker, onMessage));
  sendHelper(process, { act: 'online' });
}

function onMessage(message, handle) {
  if (message.act === 'newconn') {
    const server = servers.get(message.key);
    if (server === undefined || handle === undefined) {
      if (handle) handle.destroy();
      return;
    }
    require('internal/net/server').addConnection(server, handle);
    handle.resume();
  } else if (message.act === 'disconnect') {
    cluster.worker.exitedAfterDisconnect = true;
    disconnectWorker();
  }
}

function disconnectWorker() {
  const list = [...servers.values(), ...ownServers];
  let left = list.length;
  const done = () => { if (process.connected) process.disconnect(); };
  if (left === 0) return done();
  const closed = () => { if (--left === 0) done(); };
  for (const s of list) {
    // A dgram socket counts as closed at once, as node's 'close' comes on the
    // next tick (coil's waits for the fd to be closed, a loop turn later, when a
    // timer could still use the socket before the worker hears 'disconnect').
    if (typeof s.listen === 'function') s.close(closed);
    else {
      s.close();
      process.nextTick(closed);
    }
  }
}

const ownServers = new Set(); // shared or reuseport servers with sockets of their own

// Called by net's Server.prototype.listen in a worker, and by a dgram.Socket's
// bind (options.family 'udp4' or 'udp6': always the primary's socket, shared, as
// in node, whatever the policy).
cluster._getServer = function(server, options, cb) {
  const udp = options.family === 'udp4' || options.family === 'udp6';
  const report = () => {
    const addr = server.address();
    const info = {
      act: 'listening', address: addr && addr.address, port: addr && addr.port,
      addressType: options.family,
    };
    if (udp) info.fd = -1; // as node reports a dgram socket's
    sendHelper(process, info);
  };
  server.once('listening', report);
  if (cluster.schedulingPolicy === SCHED_REUSEPORT && !udp) {
    ownServers.add(server);
    server.once('close', () => ownServers.delete(server));
    return cb('own');
  }
  const indexKey = `${options.address}:${options.port}:${options.family}`;
  const index = indexes.get(indexKey) || 0;
  indexes.set(indexKey, index + 1);
  const query = { act: 'queryServer', address: options.address, port: options.port,
                  family: options.family, backlog: options.backlog, v6only: options.v6only,
                  reuseAddr: options.reuseAddr, index };
  sendHelper(process, query, undefined, (reply, handle) => {
    if (reply.errno) {
      const { uvExceptionWithHostPort } = require('internal/net');
      server.removeListener('listening', report);
      const err = udp ?
        require('internal/errors').exceptionWithHostPort(reply.errno, 'bind', options.address,
                                                         options.port) :
        uvExceptionWithHostPort(reply.errno, 'bind', options.address, options.port);
      return cb('error', err);
    }
    if (handle !== undefined && typeof handle.fd === 'number') {
      ownServers.add(server);
      server.once('close', () => {
        ownServers.delete(server);
        // The primary closes its copy once no worker has the socket.
        if (udp && process.connected) sendHelper(process, { act: 'close', key: reply.key });
      });
      return cb('fd', handle.fd);
    }
    const key = reply.key;
    servers.set(key, server);
    cb('rr', {
      __proto__: null, roundRobin: true, id: -1, pipe: false, sockname: reply.sockname,
      close() {
        servers.delete(key);
        sendHelper(process, { act: 'close', key });
      },
    });
  });
};

Worker.prototype.disconnect = function() {
  this.exitedAfterDisconnect = true;
  disconnectWorker();
  return this;
};

Worker.prototype.destroy = Worker.prototype.kill = function() {
  this.exitedAfterDisconnect = true;
  if (!process.connected) return process.exit(0);
  sendHelper(process, { act: 'exitedAfterDisconnect' }, undefined);
  process.once('disconnect', () => process.exit(0));
  process.disconnect();
};

setup();

module.exports = cluster;
