'use strict';
// The IPC channel between a parent and a child made by fork() (or spawn with
// stdio 'ipc'): a Unix socketpair, carried as a net.Socket on each side, by
// default with node's 'json' framing — one JSON text per message, each ended by '\n'. The
// same code serves both ends: the parent's ChildProcess and the child's process
// object get send(), connected, disconnect(), 'message' and 'disconnect'. With
// `serialization: 'advanced'` the framing is node's other one, length-prefixed
// v8-serialized messages (internal/child_process/serialization has both).
//
// Handles (a net.Server, a net.Socket, a dgram.Socket) travel as their fd, passed with SCM_RIGHTS
// on the send that carries the message `{ cmd: 'NODE_HANDLE', type, msg }`. The
// channel reads with recvmsg (tcp_wrap.setIpc), so received fds queue up in the
// order they came and each NODE_HANDLE message takes the next one, rebuilt on
// this side as the same kind of object. A handle's send waits until everything
// queued before it has gone, and messages sent after it wait for it.

const {
  ArrayPrototypePush, ArrayPrototypeShift, StringPrototypeSlice, Symbol,
} = primordials;

const binding = internalBinding('tcp_wrap');
const framings = require('internal/child_process/serialization');
const socketList = require('internal/child_process/socket_list');
const {
  codes: {
    ERR_IPC_CHANNEL_CLOSED, ERR_IPC_DISCONNECTED, ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS,
    ERR_INVALID_HANDLE_TYPE,
  },
} = require('internal/errors');

function emitMessage(target, event, message, handle) {
  target.emit(event, message, handle);
}

// A bare listening socket (cluster's shared mode): { [kSharedSocket]: fd }. It
// arrives as { fd }, for the receiver to listen on with a server of its own.
const kSharedSocket = Symbol('kSharedSocket');

// What a handle is on the wire: its type name and its fd (for a dgram.Socket
// also its type, 'udp4' or 'udp6'). A closed dgram.Socket is no handle (null:
// the message goes alone); an unbound one has fd -1, which fails the send with
// EBADF, as node's does.
function describeHandle(handle) {
  if (typeof handle[kSharedSocket] === 'number') {
    return { __proto__: null, type: 'coil.fd', fd: handle[kSharedSocket] };
  }
  const dgram = require('dgram');
  if (handle instanceof dgram.Socket) {
    const udp = handle[require('internal/dgram').kStateSymbol].handle;
    if (!udp) return null;
    return { __proto__: null, type: 'dgram.Socket', fd: udp.fd, dgramType: handle.type };
  }
  const net = require('net');
  let type;
  if (handle instanceof net.Server) {
    type = 'net.Server';
    require('internal/net/server').shareServer(handle);
  }
  else if (handle instanceof net.Socket) type = 'net.Socket';
  else throw new ERR_INVALID_HANDLE_TYPE();
  const h = handle._handle;
  // A socket's handle has no fd while its connect looks the address up, nor
  // after its close() (id -1 then).
  const fd = h && typeof h.fd === 'number' ? h.fd : h && h.id >= 0 ? binding.fd(h.id) : -1;
  if (!(fd >= 0)) throw new ERR_INVALID_HANDLE_TYPE();
  return { __proto__: null, type, fd };
}

// The object a received handle becomes, given to 'message' listeners.
function rebuildHandle(message, fd, done) {
  const type = message.type;
  if (type === 'dgram.Socket') {
    const dgram = require('dgram');
    const socket = dgram.createSocket(message.dgramType === 'udp6' ? 'udp6' : 'udp4');
    try {
      socket.bind({ fd }, () => done(socket));
    } catch {
      require('fs').closeSync(fd); // not a datagram socket after all: not leaked
      done(undefined);
    }
    return;
  }
  const net = require('net');
  if (type === 'net.Server') {
    const server = new net.Server();
    server.listen({ fd }, () => done(server));
    return;
  }
  if (type === 'net.Socket') {
    done(new net.Socket({ fd, readable: true, writable: true }));
    return;
  }
  if (type === 'coil.fd') {
    done({ fd });
    return;
  }
  require('fs').closeSync(fd); // a kind we do not know: not leaked
  done(undefined);
}

// Wires `target` (a ChildProcess, or process in a child) to the channel `socket`,
// made with manualStart: reads start here, once the channel reads with recvmsg.
// `serialization` is 'json' or 'advanced' (validated by the caller).
function setupChannel(target, socket, serialization) {
  const framing = serialization === 'advanced' ? framings.advanced : framings.json;
  target.channel = socket;
  target.connected = true;
  binding.setIpc(socket._handle.id);
  const fds = []; // received, not yet claimed by a NODE_HANDLE message
  const read = framing.reader();
  if (framing.encoding !== null) socket.setEncoding(framing.encoding);
  socket.on('data', (chunk) => {
    const got = binding.takeFds();
    if (!target.connected) { // disconnected: nothing more is delivered
      for (let i = 0; i < got.length; i++) require('fs').closeSync(got[i]);
      return;
    }
    for (let i = 0; i < got.length; i++) ArrayPrototypePush(fds, got[i]);
    const messages = read(chunk);
    for (let m = 0; m < messages.length; m++) {
      const message = messages[m];
      const internal = message !== null && typeof message === 'object' &&
        typeof message.cmd === 'string' && StringPrototypeSlice(message.cmd, 0, 5) === 'NODE_';
      if (internal && message.cmd === 'NODE_HANDLE') {
        const fd = ArrayPrototypeShift(fds);
        if (fd === undefined) continue;
        const inner = message.msg;
        const innerInternal = inner !== null && typeof inner === 'object' &&
          typeof inner.cmd === 'string' && StringPrototypeSlice(inner.cmd, 0, 5) === 'NODE_';
        rebuildHandle(message, fd, (handle) => {
          if (typeof message.key === 'string' && handle !== undefined && message.type === 'net.Socket') {
            socketList.trackReceived(target, message.key, handle);
          }
          process.nextTick(emitMessage, target, innerInternal ? 'internalMessage' : 'message',
                           inner, handle);
        });
        continue;
      }
      if (internal && StringPrototypeSlice(message.cmd, 0, 12) === 'NODE_SOCKET_') {
        socketList.onSocketMessage(target, message);
        continue;
      }
      // Each in a tick of its own, as node: a listener that throws does not stop
      // the messages after it. node's own messages ({ cmd: 'NODE_...' }) are internal.
      process.nextTick(emitMessage, target, internal ? 'internalMessage' : 'message', message,
                       undefined);
    }
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    for (let i = 0; i < fds.length; i++) require('fs').closeSync(fds[i]);
    fds.length = 0;
    socketList.onChannelClosed(target);
    if (!target.connected) return;
    target.connected = false;
    target.channel = null;
    process.nextTick(() => target.emit('disconnect'));
  });

  // Sends in order: a handle's send holds the ones behind it.
  const queue = [];
  let passing = false;

  function writeLine(line, callback) {
    return socket.write(line, (err) => {
      if (typeof callback === 'function') callback(err || null);
    });
  }

  function passHandle(item) {
    passing = true;
    const finish = (r) => {
      passing = false;
      if (r < 0) {
        // As node: to the callback, or else an 'error' on the sender; never at
        // once (an unbound dgram.Socket fails inside send()).
        const err = require('internal/net').errnoStreamError(r, 'write');
        if (typeof item.callback === 'function') process.nextTick(item.callback, err);
        else process.nextTick(() => target.emit('error', err));
      } else if (typeof item.callback === 'function') {
        item.callback(null);
      }
      if (item.closeHandle !== undefined) item.closeHandle();
      drain();
    };
    const send = () => {
      if (socket._handle === null || socket.destroyed) return finish(-32);
      const r = binding.sendHandle(socket._handle.id, { __proto__: null, oncomplete: (e, n) => finish(n) },
                                   typeof item.line === 'string' ?
                                     require('buffer').Buffer.from(item.line) : item.line,
                                   item.fd);
      if (r < 0) finish(r);
    };
    // Everything written before it goes first.
    const flushed = () => {
      const r = binding.flush(socket._handle.id, { __proto__: null, oncomplete: send });
      if (r === 0) send();
      else if (r < 0) finish(r);
    };
    // An empty write's callback runs once the stream has handed over all before it.
    if (socket.writableLength > 0) socket.write('', flushed);
    else flushed();
  }

  function drain() {
    while (!passing && queue.length > 0) {
      const item = ArrayPrototypeShift(queue);
      if (item.fd !== undefined) passHandle(item);
      else writeLine(item.line, item.callback);
    }
    if (!passing && queue.length === 0 && sentWaiters.length > 0) {
      const waiting = sentWaiters;
      sentWaiters = [];
      for (let i = 0; i < waiting.length; i++) waiting[i]();
    }
  }

  // Calls `done` once everything sent so far has left: the handle sends queued
  // here, the stream's buffer, then the handle's own write queue (the stream's
  // write callbacks run when bytes enter that queue, not when they are written).
  let sentWaiters = [];
  function whenSent(done) {
    if (socket._handle === null || socket.destroyed || socket.writableEnded) return done();
    if (passing || queue.length > 0) {
      ArrayPrototypePush(sentWaiters, () => whenSent(done));
      return;
    }
    // An empty write's callback runs once the stream has handed over all before it.
    if (socket.writableLength > 0) return socket.write('', () => whenSent(done));
    const r = binding.flush(socket._handle.id, { __proto__: null, oncomplete: () => whenSent(done) });
    if (r !== 1) done();
  }

  // In a child, the channel keeps the process alive while messages are still
  // going out, even with nobody listening (node's pending writes do the same).
  let holding = false;
  function holdUntilSent() {
    if (target !== process || holding) return;
    holding = true;
    socket.ref();
    whenSent(() => {
      holding = false;
      refresh();
    });
  }

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
    if (!this.connected) {
      const ex = new ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') process.nextTick(callback, ex);
      else process.nextTick(() => this.emit('error', ex));
      return false;
    }
    const described = handle !== undefined && handle !== null ? describeHandle(handle) : null;
    if (described !== null) {
      const { type, fd, dgramType } = described;
      const wire = { cmd: 'NODE_HANDLE', type, msg: message };
      if (dgramType !== undefined) wire.dgramType = dgramType;
      // A server's connection handed over still counts as the server's.
      if (type === 'net.Socket' && !(options && options.keepOpen)) {
        const key = socketList.trackSent(this, handle);
        if (key !== undefined) wire.key = key;
      }
      const line = framing.encode(wire);
      // A socket sent without keepOpen is the receiver's from now on: its fd is
      // closed here once sent.
      const closeHandle = type === 'net.Socket' && !(options && options.keepOpen) ?
        handle[require('internal/net').kDetachHandle]() : undefined;
      ArrayPrototypePush(queue, { __proto__: null, line, fd, callback, closeHandle });
      drain();
      holdUntilSent();
      return queue.length === 0 && !passing;
    }
    const line = framing.encode(message);
    if (passing || queue.length > 0) {
      ArrayPrototypePush(queue, { __proto__: null, line, callback });
      holdUntilSent();
      return false;
    }
    const ok = writeLine(line, callback);
    holdUntilSent();
    return ok;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    this.channel = null;
    closeWhenSent();
    process.nextTick(() => this.emit('disconnect'));
  };

  // What was sent before disconnect() still goes (node's writes to the channel
  // are usually done by then; coil's may still sit in the handle's write queue,
  // which closing would cancel): the socket closes after the last of them.
  function closeWhenSent() {
    whenSent(() => socket.destroy());
  }

  // As node: the channel keeps the process alive only while someone listens for
  // messages (a child with no 'message' listener can exit).
  function refresh() {
    const listening = target.listenerCount('message') > 0 ||
      target.listenerCount('disconnect') > 0 || target.listenerCount('internalMessage') > 0;
    if (listening || holding) socket.ref();
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
  socket.read(0);
}

// In a child started with an IPC channel: process.send and friends, on the fd the
// parent named in NODE_CHANNEL_FD, framed as NODE_CHANNEL_SERIALIZATION_MODE says
// (both removed from the environment, as node does).
function setupChildChannel() {
  const fd = process.env.NODE_CHANNEL_FD;
  if (fd === undefined) return;
  const serialization = process.env.NODE_CHANNEL_SERIALIZATION_MODE === 'advanced' ?
    'advanced' : 'json';
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  const n = +fd;
  if (!(n >= 0)) return;
  const { Socket } = require('net');
  setupChannel(process, new Socket({ fd: n, manualStart: true }), serialization);
}

module.exports = { setupChannel, setupChildChannel, kSharedSocket };
