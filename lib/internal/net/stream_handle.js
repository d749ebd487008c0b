'use strict';
// The methods of a socket's `_handle` (a StreamHandle, internal/net.js), as
// node's TCP and Pipe wraps have them: setNoDelay, setKeepAlive, ref, unref and
// close. net.Socket's setNoDelay/setKeepAlive, the TCP options a connect or a
// server asks for, and the socket's ref/unref call them through the handle, so a
// program (or one of Node's tests) that replaces one on `_handle` sees the call,
// as in node. Reads and writes never come here: they use the binding directly.
// Also what a Socket's `handle` option is taken as: one of coil's handles, or a
// program's own object, which the socket only calls the methods of.

const { ObjectPrototypeIsPrototypeOf } = primordials;
const { StreamHandle, kHandle } = require('internal/net');
const { FdHandle, TTY } = require('internal/net/fd_handle');
const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');
const { setHandleOwner, clearHandleOwner } = require('internal/process/active_resources');

const binding = internalBinding('tcp_wrap');

// A pipe has no TCP options (node's Pipe has no such methods; coil's handles
// share one shape, read on every read and write, so the method answers 0).
// While a connect looks its address up (id -1), the socket applies the options
// once connected.
function setNoDelay(enable) {
  if (this.id < 0 || this.pipe) return 0;
  return binding.setNoDelay(this.id, enable);
}

function setKeepAlive(enable, initialDelaySeconds) {
  if (this.id < 0 || this.pipe) return 0;
  return binding.setKeepAlive(this.id, enable, initialDelaySeconds);
}

function ref() {
  if (this.id >= 0) binding.ref(this.id, true);
}

function unref() {
  if (this.id >= 0) binding.ref(this.id, false);
}

// Closes the fd under the socket: the socket keeps `_handle` (as node's does),
// but no longer does I/O on it: a write then fails with EBADF. The id is let go
// at once, so a later op of the socket can never reach another handle that is
// given the same id.
function close(cb) {
  const id = this.id;
  const socket = this.owner;
  this.id = -1;
  this.owner = null;
  if (socket !== null && socket[kHandle] === this) socket[kHandle] = null;
  const done = typeof cb === 'function' ? cb : null;
  if (id < 0) {
    if (done !== null) process.nextTick(done);
    return;
  }
  clearHandleOwner(id);
  binding.close(id, { __proto__: null, oncomplete() { if (done !== null) done(); } });
}

const methods = { __proto__: null, setNoDelay, setKeepAlive, ref, unref, close };
const proto = StreamHandle.prototype;
for (const name in methods) proto[name] = methods[name];

// internalBinding('tcp_wrap').TCP: the class of a socket's `_handle`, whose
// prototype Node's own tests reach the handles' methods through (they replace
// setNoDelay or ref there). A handle is only ever made by a socket or a server:
// `new TCP()` is refused rather than giving a handle that cannot do anything.
function TCP() {
  throw new ERR_ILLEGAL_CONSTRUCTOR();
}
TCP.prototype = proto;
binding.TCP = TCP;

// A socket takes handle h (its `handle` option, an fd's handle, a connect's):
// `_handle` either way; when it is coil's own, also the one the socket does its
// I/O on (kHandle) and the one process._getActiveHandles() lists the socket for,
// named as node's wraps are.
function adopt(socket, h) {
  socket._handle = h;
  if (ObjectPrototypeIsPrototypeOf(StreamHandle.prototype, h)) {
    h.owner = socket;
  } else if (!ObjectPrototypeIsPrototypeOf(FdHandle.prototype, h)) {
    return;
  }
  socket[kHandle] = h;
  setHandleOwner(h.id, socket, h instanceof TTY ? 'TTYWrap' : h.pipe ? 'PipeWrap' : 'TCPSocketWrap');
}

// net.Socket's ref/unref: through the handle's own method; with no handle yet,
// once connected (node's order).
function install(proto) {
  proto.ref = function() {
    const h = this._handle;
    if (h === null || (this.connecting && this[kHandle] === null)) this.once('connect', this.ref);
    else if (typeof h.ref === 'function') h.ref();
    return this;
  };
  proto.unref = function() {
    const h = this._handle;
    if (h === null || (this.connecting && this[kHandle] === null)) this.once('connect', this.unref);
    else if (typeof h.unref === 'function') h.unref();
    return this;
  };
}

module.exports = { adopt, install };
