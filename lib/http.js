'use strict';
// The http module: an HTTP/1.1 server over net (parsing in Rust, see
// _http_common.js and internal/http/server_connection.js) with Node's API.
// The client (http.request/get, Agent) is not written yet: those throw.

const { ObjectDefineProperty } = primordials;

const { METHODS, maxHeaderSize } = require('_http_common');
const { IncomingMessage } = require('_http_incoming');
const { OutgoingMessage, validateHeaderName, validateHeaderValue } = require('_http_outgoing');
const { STATUS_CODES, Server, ServerResponse } = require('_http_server');
const {
  codes: { ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function notYet(name) {
  return function() { throw new ERR_METHOD_NOT_IMPLEMENTED(name); };
}

module.exports = {
  METHODS,
  STATUS_CODES,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  request: notYet('http.request()'),
  get: notYet('http.get()'),
  setMaxIdleHTTPParsers() {},
};

ObjectDefineProperty(module.exports, 'maxHeaderSize', {
  __proto__: null, configurable: true, enumerable: true, value: maxHeaderSize,
});
