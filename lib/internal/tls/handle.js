'use strict';
// TLSSocket's `_handle`: coil's TLSSocket has no native stream handle (it drives
// an engine over memory buffers from JS, lib/_tls_wrap.js), but programs and
// libraries look at `socket._handle` — that it is set while the socket is open
// and null once destroyed, and a few of Node's TLSWrap members. This is a small
// stand-in with those members, each answered by the socket itself: the
// certificate, cipher, protocol and session getters, verifyError(), and the
// counters Node's tests read (writeQueueSize, handshakes). Made on first read.

const { Error, ObjectDefineProperty, Symbol } = primordials;

const binding = internalBinding('tls_wrap');

const kWrap = Symbol('kWrap');
const kSocket = Symbol('kSocket');

class TLSWrap {
  constructor(socket) {
    this[kSocket] = socket;
    this._parentWrap = socket._parent;
    this._secureContext = socket._context;
    this.reading = true;
  }

  get _parent() { return this[kSocket]._parent._handle; }
  // Bytes written but not yet handed to the kernel.
  get writeQueueSize() {
    const socket = this[kSocket];
    return socket.writableLength + socket._parent.writableLength;
  }
  // Node counts a server's renegotiations here (off in coil and Node); a
  // client's handle has no count.
  get handshakes() { return this[kSocket]._tlsOptions.isServer ? 0 : undefined; }
  get bytesRead() { return this[kSocket]._parent.bytesRead; }
  get bytesWritten() { return this[kSocket]._parent.bytesWritten; }

  getPeerCertificate(detailed) { return this[kSocket].getPeerCertificate(detailed); }
  getCertificate() { return this[kSocket].getCertificate(); }
  getCipher() { return this[kSocket].getCipher(); }
  getProtocol() { return this[kSocket].getProtocol(); }
  getSession() { return this[kSocket].getSession(); }
  isSessionReused() { return this[kSocket].isSessionReused(); }
  getServername() {
    const socket = this[kSocket];
    return socket.ssl === null ? false : binding.connInfo(socket.ssl.id, 'servername');
  }
  getALPNNegotiatedProtocol() { return this[kSocket].alpnProtocol; }
  setServername(name) { this[kSocket].setServername(name); }
  setSession(session) { this[kSocket].setSession(session); }
  // The peer's certificate verification failure as an Error, or null.
  verifyError() {
    const socket = this[kSocket];
    const v = socket.ssl === null ? undefined : binding.connVerifyError(socket.ssl.id);
    if (v === undefined) return null;
    const err = new Error(v[1]);
    err.code = v[0];
    return err;
  }
  setMaxSendFragment(size) { return this[kSocket].setMaxSendFragment(size); }
  ref() { this[kSocket].ref(); }
  unref() { this[kSocket].unref(); }
}

// `_handle` on TLSSocket.prototype: the stand-in while the socket is not
// destroyed, null after. net.Socket's constructor assigns null; a program's own
// assignment is kept.
function defineHandle(proto) {
  ObjectDefineProperty(proto, '_handle', {
    __proto__: null, configurable: true, enumerable: false,
    get() {
      const own = this[kWrap];
      if (own === null || this.destroyed) return null;
      if (own !== undefined) return own;
      return (this[kWrap] = new TLSWrap(this));
    },
    set(v) {
      // net.Socket's constructor sets null before the socket is a TLSSocket.
      if (v === null && this[kWrap] === undefined) return;
      this[kWrap] = v;
    },
  });
}

module.exports = { defineHandle, TLSWrap };
