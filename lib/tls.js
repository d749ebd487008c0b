'use strict';
// tls: TLS clients and servers over net sockets, on the system's OpenSSL. The
// pieces: _tls_common.js (secure contexts), _tls_wrap.js (TLSSocket),
// internal/tls/connect.js (connect),
// internal/tls/server.js (Server), internal/tls/identity.js
// (checkServerIdentity, ALPN lists, the system's root certificates).

const { Error, ObjectDefineProperty } = primordials;

const tlsCommon = require('_tls_common');
const { TLSSocket } = require('_tls_wrap');
const { connect } = require('internal/tls/connect');
const { Server, createServer } = require('internal/tls/server');
const identity = require('internal/tls/identity');
const { ERR_TLS_INVALID_CONTEXT } = require('internal/tls/errors');

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: tlsCommon.defaults.DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE: tlsCommon.defaults.DEFAULT_ECDH_CURVE,
  DEFAULT_MIN_VERSION: tlsCommon.defaults.DEFAULT_MIN_VERSION,
  DEFAULT_MAX_VERSION: tlsCommon.defaults.DEFAULT_MAX_VERSION,
  getCiphers: tlsCommon.getCiphers,
  rootCertificates: undefined,
  convertALPNProtocols: identity.convertALPNProtocols,
  checkServerIdentity: identity.checkServerIdentity,
  createSecureContext: tlsCommon.createSecureContext,
  SecureContext: tlsCommon.SecureContext,
  TLSSocket,
  Server,
  createServer,
  connect,
  // Deprecated since Node 6 (DEP0064); coil checks its context and has no pair.
  createSecurePair(context) {
    if (!tlsCommon.isSecureContext(context)) throw new ERR_TLS_INVALID_CONTEXT('context');
    throw new Error('tls.createSecurePair is not supported by coil; use tls.TLSSocket');
  },
};

// A program's change of tls.DEFAULT_* applies to later contexts, as in Node.
for (const name of ['DEFAULT_CIPHERS', 'DEFAULT_ECDH_CURVE', 'DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION']) {
  ObjectDefineProperty(module.exports, name, {
    __proto__: null, configurable: true, enumerable: true,
    get() { return tlsCommon.defaults[name]; },
    set(v) { tlsCommon.defaults[name] = v; },
  });
}
// Read from the system's store on first use.
ObjectDefineProperty(module.exports, 'rootCertificates', {
  __proto__: null, configurable: false, enumerable: true,
  get: identity.rootCertificates,
});
