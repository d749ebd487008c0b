'use strict';
// server.emit('request', req, res) for every request a server reads, with the
// listener looked up here. emit() is inlined into its callers with its own
// feedback, and its `events[type]` load has seen every emitter and event type of
// the process: megamorphic, a hash probe in a generic stub per request. This
// load sees only servers' 'request' listeners. Anything else (an emit of the
// server's own, several listeners, captureRejections) takes emit() itself.

const { FunctionPrototypeCall } = primordials;
const { kCapture } = require('internal/events/shared');
const { prototype: { emit: emitterEmit } } = require('events');

function emitRequest(server, req, res) {
  const events = server._events;
  const listener = server.emit === emitterEmit && events !== undefined ? events.request : undefined;
  if (typeof listener !== 'function' || server[kCapture] === true) {
    server.emit('request', req, res);
    return;
  }
  FunctionPrototypeCall(listener, server, req, res);
}

module.exports = { emitRequest };
