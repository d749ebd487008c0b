'use strict';
// A parser that takes a socket's reads in Rust (an HTTP server connection's:
// lib/internal/http/server_connection.js, src/binding/http_parser/consume.rs)
// sits under kConsumer on the socket: an object with unconsume() (the reads go
// the socket's own way again) and takeBytes() (adds the bytes it read to the
// socket's count). Whatever would have the reads go elsewhere unconsumes first:
// another 'data' or 'readable' listener, pause(), unshift(), setEncoding(), and
// a timeout (whose clock each read restarts in JS).

const { FunctionPrototypeCall } = primordials;
const { kConsumer } = require('internal/net');

function install(Socket, Readable) {
  const proto = Socket.prototype;
  proto[kConsumer] = null;
  const listen = (add) => function(ev, fn) {
    const consumer = this[kConsumer];
    if (consumer !== null && (ev === 'data' || ev === 'readable')) consumer.unconsume();
    return FunctionPrototypeCall(add, this, ev, fn);
  };
  proto.on = listen(Readable.prototype.on);
  proto.addListener = proto.on;
  proto.prependListener = listen(Readable.prototype.prependListener);
  const first = (method) => function(a, b) {
    const consumer = this[kConsumer];
    if (consumer !== null) consumer.unconsume();
    return FunctionPrototypeCall(method, this, a, b);
  };
  proto.pause = first(Readable.prototype.pause);
  proto.unshift = first(Readable.prototype.unshift);
  proto.setEncoding = first(Readable.prototype.setEncoding);
  const setTimeout = proto.setTimeout;
  proto.setTimeout = function(ms, cb) {
    const consumer = this[kConsumer];
    if (consumer !== null && ms !== 0) consumer.unconsume();
    return FunctionPrototypeCall(setTimeout, this, ms, cb);
  };
}

// The socket's bytesRead: what its reads brought, with those a consumer parsed.
function bytesRead(socket) {
  const consumer = socket[kConsumer];
  if (consumer !== null) consumer.takeBytes();
  return socket._bytesRead;
}

module.exports = { install, bytesRead };
