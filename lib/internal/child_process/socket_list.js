'use strict';
// Connections a net.Server handed to other processes (child.send(m, socket)):
// they still count as the server's. getConnections() adds what each receiver
// still holds, and the server's 'close' waits until every receiver has closed
// them (or its channel is gone), as in node.
//
// The sender tags the socket's NODE_HANDLE message with a key naming the
// server. The receiver counts the open sockets per key and answers node's
// internal requests over the channel: NODE_SOCKET_GET_COUNT with
// NODE_SOCKET_COUNT { key, count }, and NODE_SOCKET_NOTIFY_CLOSE with
// NODE_SOCKET_ALL_CLOSED { key } once that count is 0.

const { ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeShift, ArrayPrototypeSlice,
        ArrayPrototypeSplice,
        SafeMap, Symbol } = primordials;

const kSent = Symbol('kSent'); // on a sender: key -> SentSockets
const kReceived = Symbol('kReceived'); // on a receiver: key -> ReceivedSockets
const kKey = Symbol('kKey'); // on a server: the key its sockets go with
// On a server whose connections are handed off for good (cluster's round-robin
// server in the primary): not counted, as node's primary does not either.
const kUntracked = Symbol('kUntracked');

const { codes: { ERR_CHILD_CLOSED_BEFORE_REPLY } } = require('internal/errors');

let lastKey = 0;

// The sender's record of the sockets one server sent to one receiver (an
// element of server._workers).
class SentSockets {
  constructor(target, server, key) {
    this.target = target;
    this.server = server;
    this.key = key;
    this.countWaiters = [];
    this.closeWaiters = [];
  }

  // cb(err, count) with the receiver's count of open sockets; err once its
  // channel is gone (ERR_CHILD_CLOSED_BEFORE_REPLY, as node).
  getCount(cb) {
    if (!this.target.connected) return process.nextTick(cb, new ERR_CHILD_CLOSED_BEFORE_REPLY());
    ArrayPrototypePush(this.countWaiters, cb);
    this.target.send({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key });
  }

  // cb() once the receiver has closed every socket it got (or is gone).
  whenClosed(cb) {
    if (!this.target.connected) return process.nextTick(cb);
    ArrayPrototypePush(this.closeWaiters, cb);
    if (this.closeWaiters.length === 1) {
      this.target.send({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key });
    }
  }

  settle() {
    while (this.countWaiters.length > 0) {
      ArrayPrototypeShift(this.countWaiters)(new ERR_CHILD_CLOSED_BEFORE_REPLY());
    }
    this.allClosed();
  }

  // Out of its server's list: once the child has exited (its channel may be
  // gone long before), or for a parent, once the channel is.
  leave() {
    const workers = this.server._workers;
    const at = ArrayPrototypeIndexOf(workers, this);
    if (at !== -1) ArrayPrototypeSplice(workers, at, 1);
  }

  allClosed() {
    const waiting = this.closeWaiters;
    this.closeWaiters = [];
    for (let i = 0; i < waiting.length; i++) waiting[i]();
  }
}

// The receiver's count of the sockets one key's server sent it.
class ReceivedSockets {
  constructor() {
    this.open = 0;
    this.notify = false;
  }
}

// The key to put on the NODE_HANDLE message that carries `socket` from `target`,
// or undefined when the socket belongs to no server (a client socket).
function trackSent(target, socket) {
  const server = socket._server;
  if (!server || !server._workers || server[kUntracked] === true) return undefined;
  if (server[kKey] === undefined) server[kKey] = `${process.pid}:${++lastKey}`;
  const key = server[kKey];
  let sent = target[kSent];
  if (sent === undefined) sent = target[kSent] = new SafeMap();
  if (!sent.has(key)) {
    const record = new SentSockets(target, server, key);
    sent.set(key, record);
    ArrayPrototypePush(server._workers, record);
    server._usingWorkers = true;
    if (target !== process) target.once('exit', () => record.leave());
  }
  return key;
}

// A socket that came with a key: counted until it closes.
function trackReceived(target, key, socket) {
  let received = target[kReceived];
  if (received === undefined) received = target[kReceived] = new SafeMap();
  let list = received.get(key);
  if (list === undefined) {
    list = new ReceivedSockets();
    received.set(key, list);
  }
  list.open++;
  socket.once('close', () => {
    list.open--;
    if (list.open === 0 && list.notify) {
      list.notify = false;
      reply(target, { cmd: 'NODE_SOCKET_ALL_CLOSED', key });
    }
  });
}

function reply(target, message) {
  if (target.connected) target.send(message);
}

// A NODE_SOCKET_* message arrived on `target`'s channel.
function onSocketMessage(target, message) {
  const key = message.key;
  if (message.cmd === 'NODE_SOCKET_GET_COUNT' || message.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
    const received = target[kReceived];
    const list = received !== undefined ? received.get(key) : undefined;
    const open = list !== undefined ? list.open : 0;
    if (message.cmd === 'NODE_SOCKET_GET_COUNT') {
      reply(target, { cmd: 'NODE_SOCKET_COUNT', key, count: open });
    } else if (open === 0) {
      reply(target, { cmd: 'NODE_SOCKET_ALL_CLOSED', key });
    } else {
      list.notify = true;
    }
    return;
  }
  const sent = target[kSent];
  const record = sent !== undefined ? sent.get(key) : undefined;
  if (record === undefined) return;
  if (message.cmd === 'NODE_SOCKET_COUNT') {
    const cb = ArrayPrototypeShift(record.countWaiters);
    if (cb !== undefined) cb(null, typeof message.count === 'number' ? message.count : 0);
  } else if (message.cmd === 'NODE_SOCKET_ALL_CLOSED') {
    record.allClosed();
  }
}

// `target`'s channel closed: what its receiver held no longer counts, and its
// records leave their servers.
function onChannelClosed(target) {
  const sent = target[kSent];
  if (sent === undefined) return;
  target[kSent] = undefined;
  for (const record of sent.values()) {
    if (target === process) record.leave();
    record.settle();
  }
}

// For net.Server: cb(err, count) with the sockets its receivers still hold; the
// first error if one cannot answer.
function countSent(server, cb) {
  const workers = server._workers;
  let left = workers.length;
  let total = 0;
  let failed = false;
  if (left === 0) return process.nextTick(cb, null, 0);
  for (let i = 0; i < workers.length; i++) {
    workers[i].getCount((err, n) => {
      if (failed) return;
      if (err) {
        failed = true;
        return cb(err);
      }
      total += n;
      if (--left === 0) cb(null, total);
    });
  }
}

// For net.Server.close: cb() once every receiver has closed what it got.
function whenSentClosed(server, cb) {
  const workers = server._workers;
  let left = workers.length;
  if (left === 0) return process.nextTick(cb);
  const records = ArrayPrototypeSlice(workers);
  for (let i = 0; i < records.length; i++) {
    records[i].whenClosed(() => {
      if (--left === 0) cb();
    });
  }
}

module.exports = {
  trackSent, trackReceived, onSocketMessage, onChannelClosed, countSent, whenSentClosed,
  kUntracked,
};
