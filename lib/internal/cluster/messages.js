'use strict';
// Cluster's own messages over a worker's IPC channel: `{ cmd: 'NODE_CLUSTER',
// act, seq, ... }`, which the channel delivers as 'internalMessage' (never to the
// program's 'message' listeners). A message may expect an answer: its reply
// carries `ack` = the asker's seq and runs the callback it registered.

const callbacks = new Map();
let seq = 0;

function sendHelper(proc, message, handle, cb) {
  if (!proc.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq += 1;
  return proc.send(message, handle);
}

// Wraps an 'internalMessage' listener: replies go to their callbacks, the rest
// to `cb(message, handle)`.
function internal(worker, cb) {
  return function onInternalMessage(message, handle) {
    if (message === null || typeof message !== 'object' || message.cmd !== 'NODE_CLUSTER') return;
    if (message.ack !== undefined && callbacks.has(message.ack)) {
      const fn = callbacks.get(message.ack);
      callbacks.delete(message.ack);
      fn.call(worker, message, handle);
      return;
    }
    cb.call(worker, message, handle);
  };
}

module.exports = { sendHelper, internal };
