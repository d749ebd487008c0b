'use strict';
// A TLSSocket's getters (session, certificates, cipher, protocol) and what it
// passes on to its parent net.Socket (address, options, liveness), installed on
// TLSSocket.prototype by lib/_tls_wrap.js, which holds the connection's number
// and the parent under the keys it passes.

const { ObjectDefineProperty, TypedArrayPrototypeGetByteLength } = primordials;

const binding = internalBinding('tls_wrap');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const { validateFunction, validateObject } = require('internal/validators');
const { ERR_TLS_RENEGOTIATION_DISABLED } = require('internal/tls/errors');
const { translatePeerCertificate } = require('internal/tls/certificate');

function x509Of(cert) {
  const raw = cert?.raw;
  return raw === undefined ? undefined : new (require('crypto').X509Certificate)(raw);
}

function install(TLSSocket, kConn, kParent) {
  TLSSocket.prototype.getSession = function() {
    if (this[kConn] < 0) return undefined;
    const der = binding.connSession(this[kConn]);
    return der === undefined ? undefined : new FastBuffer(der.buffer, 0, TypedArrayPrototypeGetByteLength(der));
  };

  TLSSocket.prototype.isSessionReused = function() {
    if (this[kConn] < 0) return null;
    return binding.connInfo(this[kConn], 'reused');
  };

  TLSSocket.prototype.getPeerCertificate = function(detailed) {
    if (this[kConn] < 0) return null;
    const list = binding.connPeerCerts(this[kConn], Boolean(detailed));
    return translatePeerCertificate(list, Boolean(detailed)) || {};
  };

  TLSSocket.prototype.getCertificate = function() {
    if (this[kConn] < 0) return null;
    const c = binding.connOwnCert(this[kConn]);
    return c === undefined ? {} : translatePeerCertificate([c], false);
  };

  // The same certificates as X509Certificate objects (undefined when there is none).
  TLSSocket.prototype.getPeerX509Certificate = function() {
    return x509Of(this.getPeerCertificate());
  };

  TLSSocket.prototype.getX509Certificate = function() {
    return x509Of(this.getCertificate());
  };

  TLSSocket.prototype.getCipher = function() {
    if (this[kConn] < 0) return null;
    const c = binding.connInfo(this[kConn], 'cipher');
    if (c === undefined) return null;
    return { name: c[0], standardName: c[1], version: c[2] };
  };

  TLSSocket.prototype.getProtocol = function() {
    if (this[kConn] < 0 || !this._secureEstablished) return null;
    return binding.connInfo(this[kConn], 'protocol');
  };

  TLSSocket.prototype.getEphemeralKeyInfo = function() {
    return this._tlsOptions.isServer ? null : {};
  };

  TLSSocket.prototype.setMaxSendFragment = function(size) {
    return size >= 512 && size <= 16384;
  };

  TLSSocket.prototype.renegotiate = function(options, callback) {
    validateObject(options, 'options');
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (this.destroyed) return false;
    if (callback) process.nextTick(callback, new ERR_TLS_RENEGOTIATION_DISABLED());
    return false;
  };

  TLSSocket.prototype.disableRenegotiation = function() {};
  TLSSocket.prototype.enableTrace = function() {};

  // The parent's address, options and liveness.
  TLSSocket.prototype.address = function() { return this[kParent].address(); };
  TLSSocket.prototype.setNoDelay = function(v) {
    this[kParent].setNoDelay(v);
    return this;
  };
  TLSSocket.prototype.setKeepAlive = function(v, d) {
    this[kParent].setKeepAlive(v, d);
    return this;
  };
  TLSSocket.prototype.ref = function() {
    this[kParent].ref();
    return this;
  };
  TLSSocket.prototype.unref = function() {
    this[kParent].unref();
    return this;
  };

  function delegate(name) {
    ObjectDefineProperty(TLSSocket.prototype, name, {
      __proto__: null, configurable: true, enumerable: false,
      get() { return this[kParent][name]; },
    });
  }
  delegate('remoteAddress');
  delegate('remoteFamily');
  delegate('remotePort');
  delegate('localAddress');
  delegate('localPort');
  delegate('localFamily');
  delegate('bytesRead');
  ObjectDefineProperty(TLSSocket.prototype, 'pending', {
    __proto__: null, configurable: true, enumerable: false,
    get() { return this[kParent].pending === true; },
  });
}

module.exports = { install };
