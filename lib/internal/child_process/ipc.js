'use strict';
// The IPC channel between a parent and a child made by fork() (or spawn with
// stdio 'ipc'): a Unix socketpair, carried as a net.Socket on each side, with
// node's 'json' framing — one JSON text per message, each ended by '\n'. The
// same code serves both ends: the parent's ChildProcess and the child's process
// object get send(), connected, disconnect(), 'message' and 'disconnect'.
// Passing handles (SCM_RIGHTS) and 'advanced' serialization come with cluster.

const {
  Error, JSONParse, JSONStringify, StringPrototypeIndexOf, StringPrototypeSlice,
} = primordials;

const {
  codes: { ERR_IPC_CHANNEL_CLOSED, ERR_IPC_DISCONNECTED, ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS },
} = require('internal/errors');

function emitMessage(target, event, message) {
  target.emit(event, message, undefined);
}

// Wires `target` (a ChildProcess, or process in a child) to the channel `socket`.
function setupChannel(target, socket) {
  target.channel = socket;
  target.connected = true;
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    pending += chunk;
    let nl;
    while ((nl = StringPrototypeIndexOf(pending, '\n')) !== -1) {
      const line = StringPrototypeSlice(pending, 0, nl);
      pending = StringPrototypeSlice(pending, nl + 1);
      let message;
      try {
        message = JSONParse(line);
      } catch {
        continue; // not a message of ours
      }
      // node's own messages ({ cmd: 'NODE_...' }) are internal.
      const internal = message !== null && typeof message === 'object' &&
        typeof message.cmd === 'string' && StringPrototypeSlice(message.cmd, 0, 5) === 'NODE_';
      // Each in a tick of its own, as node: a listener that throws does not stop
      // the messages after it.
      process.nextTick(emitMessage, target, internal ? 'internalMessage' : 'message', message);
    }
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    if (!target.connected) return;
    target.connected = false;
    target.channel = null;
    process.nextTick(() => target.emit('disconnect'));
  });

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (handle !== undefined && handle !== null) {
      throw new Error('child_process: passing handles over IPC is not supported by coil yet');
    }
    if (!this.connected) {
      const ex = new ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') process.nextTick(callback, ex);
      else process.nextTick(() => this.emit('error', ex));
      return false;
    }
    const ok = socket.write(`${JSONStringify(message)}\n`, (err) => {
      if (typeof callback === 'function') callback(err || null);
    });
    return ok;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    this.channel = null;
    socket.end();
    socket.destroy();
    process.nextTick(() => this.emit('disconnect'));
  };

  // As node: the channel keeps the process alive only while someone listens for
  // messages (a child with no 'message' listener can exit).
  function refresh() {
    const listening = target.listenerCount('message') > 0 ||
      target.listenerCount('disconnect') > 0 || target.listenerCount('internalMessage') > 0;
    if (listening) socket.ref();
    else socket.unref();
  }
  if (target === process) {
    target.on('newListener', (name) => {
      if (name === 'message' || name === 'disconnect') process.nextTick(refresh);
    });
    target.on('removeListener', (name) => {
      if (name === 'message' || name === 'disconnect') process.nextTick(refresh);
    });
    refresh();
  }
}

// In a child started with an IPC channel: process.send and friends, on the fd the
// parent named in NODE_CHANNEL_FD (removed from the environment, as node does).
function setupChildChannel() {
  const fd = process.env.NODE_CHANNEL_FD;
  if (fd === undefined) return;
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  const n = +fd;
  if (!(n >= 0)) return;
  const { Socket } = require('net');
  setupChannel(process, new Socket({ fd: n }));
}

module.exports = { setupChannel, setupChildChannel };
