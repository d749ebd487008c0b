'use strict';
// tls.connect: Node's argument forms ((options[, cb]), (port[, host][, options][,
// cb]), (path[, options][, cb])), its client defaults (rejectUnauthorized unless
// NODE_TLS_REJECT_UNAUTHORIZED=0, the default ciphers, checkServerIdentity), and
// a TLSSocket over a new net.Socket or the one given as `socket`.

const { normalizeArgs, isIP } = require('internal/net');
const { validateFunction } = require('internal/validators');
const tlsCommon = require('_tls_common');
const { TLSSocket, kConnectOptions } = require('_tls_wrap');
const { checkServerIdentity } = require('internal/tls/identity');

function normalizeConnectArgs(args) {
  const normalized = normalizeArgs(args);
  const options = { __proto__: null, ...normalized[0] };
  // tls.connect(port, host, options, cb): the options object counts too.
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a !== null && typeof a === 'object') {
      const copy = { __proto__: null, ...a, ...options };
      return [copy, normalized[1]];
    }
  }
  return [options, normalized[1]];
}

let warnedIpServername = false;
let warnedRejectUnauthorized = false;

function connect(...args) {
  const normalized = normalizeConnectArgs(args);
  const cb = normalized[1];
  const allowUnauthorized = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allowUnauthorized && !warnedRejectUnauthorized) {
    warnedRejectUnauthorized = true;
    process.emitWarning('Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to \'0\' ' +
      'makes TLS connections and HTTPS requests insecure by disabling certificate verification.');
  }
  const options = {
    __proto__: null,
    rejectUnauthorized: !allowUnauthorized,
    ciphers: tlsCommon.defaults.DEFAULT_CIPHERS,
    checkServerIdentity,
    minDHSize: 1024,
    ...normalized[0],
  };
  if (!options.keepAlive) options.singleUse = true;
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  if (options.pskCallback) validateFunction(options.pskCallback, 'pskCallback');
  const context = options.secureContext || tlsCommon.createSecureContext(options);
  const tls = new TLSSocket(options.socket, {
    __proto__: null,
    allowHalfOpen: options.allowHalfOpen,
    secureContext: context,
    isServer: false,
    requestCert: true,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    session: options.session,
    ALPNProtocols: options.ALPNProtocols,
    highWaterMark: options.highWaterMark,
  });
  tls[kConnectOptions] = options;
  if (cb) tls.once('secureConnect', cb);
  if (!options.socket) {
    if (options.timeout) tls.setTimeout(options.timeout);
    tls.connect(options);
  }
  tls._controlReleased = true;
  if (options.session) tls.setSession(options.session);
  if (options.servername) {
    if (!warnedIpServername && isIP(options.servername)) {
      warnedIpServername = true;
      process.emitWarning('Setting the TLS ServerName to an IP address is not permitted by ' +
        'RFC 6066. This will be ignored in a future version.', 'DeprecationWarning', 'DEP0123');
    }
    tls.setServername(options.servername);
  }
  if (options.socket && !options.socket.connecting) tls._start();
  return tls;
}

module.exports = { connect };
