'use strict';
// The ERR_TLS_* codes, registered in internal/errors' table (kept here so the TLS
// modules add them only when they are loaded).

const { E, codes } = require('internal/errors');

if (codes.ERR_TLS_HANDSHAKE_TIMEOUT === undefined) {
  E('ERR_TLS_CERT_ALTNAME_FORMAT', 'Invalid subject alternative name string', SyntaxError);
  E('ERR_TLS_CERT_ALTNAME_INVALID', function(reason, host, cert) {
    this.reason = reason;
    this.host = host;
    this.cert = cert;
    return `Hostname/IP does not match certificate's altnames: ${reason}`;
  }, Error);
  E('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error);
  E('ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', TypeError);
  E('ERR_TLS_INVALID_PROTOCOL_VERSION', '%j is not a valid %s TLS protocol version', TypeError);
  E('ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established', Error);
  // Node's spelling.
  E('ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED', 'Failed to set PSK identity hint', Error);
  E('ERR_TLS_PROTOCOL_VERSION_CONFLICT', 'TLS protocol version %j conflicts with secureProtocol %j',
    TypeError);
  E('ERR_TLS_RENEGOTIATION_DISABLED', 'TLS session renegotiation disabled for this socket', Error);
  E('ERR_TLS_REQUIRED_SERVER_NAME', '"servername" is required parameter for Server.addContext',
    Error);
  E('ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket', Error);
}

module.exports = codes;
