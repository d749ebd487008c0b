'use strict';
// The http module: an HTTP/1.1 server over net (parsing in Rust, see
// _http_common.js and internal/http/server_connection.js) with Node's API.
// The client (_http_client.js, _http_agent.js) reads responses with the same parser.

const { ObjectDefineProperty } = primordials;

const { METHODS, maxHeaderSize } = require('_http_common');
const { IncomingMessage } = require('_http_incoming');
const { OutgoingMessage, validateHeaderName, validateHeaderValue } = require('_http_outgoing');
const { STATUS_CODES, Server, ServerResponse } = require('_http_server');
const { Agent, ClientRequest, request, get } = require('_http_client');
const agentModule = require('_http_agent');

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
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
  Agent,
  ClientRequest,
  request,
  get,
  setMaxIdleHTTPParsers() {},
};

ObjectDefineProperty(module.exports, 'globalAgent', {
  __proto__: null, configurable: true, enumerable: true,
  get() { return agentModule.globalAgent; },
  set(value) { agentModule.globalAgent = value; },
});

ObjectDefineProperty(module.exports, 'maxHeaderSize', {
  __proto__: null, configurable: true, enumerable: true, value: maxHeaderSize,
});
