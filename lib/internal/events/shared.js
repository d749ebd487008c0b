'use strict';
// State shared by events.js and internal/event_target.js without either
// loading the other at start-up. internal/event_target sets `eventTarget` to
// itself when it loads; events.js sets `getDefaultMaxListeners`.
// internalBinding: none.

module.exports = {
  // An emitter's captureRejections setting (events.js), read by the http server's
  // emit of 'request' (lib/internal/http/server_emit.js).
  kCapture: Symbol('kCapture'),
  kMaxEventTargetListeners: Symbol('events.maxEventTargetListeners'),
  kMaxEventTargetListenersWarned: Symbol('events.maxEventTargetListenersWarned'),
  eventTarget: undefined,
  getDefaultMaxListeners: () => 10,
};
