'use strict';
// net.Socket's kDetachHandle method (installed by lib/net.js): how a socket lets
// go of its handle when it is sent to another process.

const { kHandle, kDetachHandle, kConsumer } = require('internal/net');

function install(Socket, binding) {
  // A socket sent to another process (child.send(m, socket)): as in node, the
  // socket lets go of its handle at once and emits nothing (no 'close'); it stops
  // reading, so bytes meant for the receiver are not read here, and no longer
  // counts as its server's connection. Returns the function that closes the
  // handle, called once the fd has been sent.
  Socket.prototype[kDetachHandle] = function() {
    const h = this[kHandle];
    if (h === null) return () => {};
    if (this[kConsumer] !== null) this[kConsumer].unconsume();
    if (this._reading !== -1 && !this._stopping) {
      this._stopping = true;
      binding.readStop(this._reading);
    }
    this[kHandle] = null;
    this._handle = null;
    this.setTimeout(0);
    const server = this._server;
    if (server) {
      this._server = null;
      server._connections--;
      server._emitCloseIfDrained();
    }
    require('internal/process/active_resources').clearHandleOwner(h.id);
    return () => binding.close(h.id, { __proto__: null, oncomplete() {} });
  };
}

module.exports = { install };
