'use strict';
// A net.Socket's accessors: address(), remote* and local* (read from the handle
// once and kept), bytesRead and bytesWritten (node counts what is handed to the
// kernel plus what is still queued in the stream), and the state getters
// (pending, readyState, bufferSize, _connecting).

const { ObjectDefineProperty, TypedArrayPrototypeGetByteLength } = primordials;
const { byteLength: BufferByteLength } = require('buffer').Buffer;
const { kHandle } = require('internal/net');
const { bytesRead } = require('internal/net/consumer');

function install(proto, binding) {
  proto.address = function() {
    const h = this[kHandle];
    // A Unix socket's connection has no address to show in node ({}, undefined).
    if (h === null || h.pipe) return {};
    const a = binding.localAddress(h.id);
    if (typeof a === 'number') return {};
    return { address: a[0], family: a[1], port: a[2] };
  };

  function peer(socket) {
    if (socket._peername === null) {
      const h = socket[kHandle];
      if (h === null || h.pipe) return null;
      const a = binding.remoteAddress(h.id);
      if (typeof a === 'number') return null;
      socket._peername = a;
    }
    return socket._peername;
  }

  function defineGetter(name, get) {
    ObjectDefineProperty(proto, name, {
      __proto__: null, configurable: true, enumerable: false, get,
    });
  }

  defineGetter('remoteAddress', function() { const p = peer(this); return p ? p[0] : undefined; });
  defineGetter('remoteFamily', function() { const p = peer(this); return p ? p[1] : undefined; });
  defineGetter('remotePort', function() { const p = peer(this); return p && p[2] ? p[2] : undefined; });
  defineGetter('localAddress', function() { return this.address().address; });
  defineGetter('localPort', function() { return this.address().port; });
  defineGetter('localFamily', function() { return this.address().family; });
  defineGetter('bytesRead', function() { return bytesRead(this); });
  // As node: bytes handed to the kernel plus those still queued in the stream.
  defineGetter('bytesWritten', function() {
    let bytes = this._bytesDispatched;
    if (bytes === undefined) return undefined; // the prototype's own
    if (this._pendingWrite !== null) bytes += this._pendingWrite[1];
    const queued = this.writableBuffer;
    if (queued) {
      for (let i = 0; i < queued.length; i++) {
        const { chunk, encoding } = queued[i];
        bytes += typeof chunk === 'string' ? BufferByteLength(chunk, encoding) :
          TypedArrayPrototypeGetByteLength(chunk);
      }
    }
    return bytes;
  });

  defineGetter('_connecting', function() { return this.connecting; });
  // Deprecated in node, still read by code and tests: the bytes queued to be written.
  defineGetter('bufferSize', function() {
    return this[kHandle] !== null || this.connecting ? this.writableLength : undefined;
  });
  defineGetter('pending', function() { return this[kHandle] === null || this.connecting; });
  defineGetter('readyState', function() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  });
}

module.exports = { install };
