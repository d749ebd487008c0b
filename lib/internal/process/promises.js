'use strict';
// Unhandled promise rejections, Node's default mode ('throw'): a rejection still
// unhandled once the microtask queue has drained is emitted as
// 'unhandledRejection'; with no listener it becomes an uncaught exception.
// A handler attached later emits 'rejectionHandled'.
// Binding: task_queue.setPromiseRejectCallback(fn(type, promise, reason)).

const { setPromiseRejectCallback } = internalBinding('task_queue');
const { setHasRejectionToWarn } = require('internal/process/task_queues');

const kRejectWithNoHandler = 0;
const kHandlerAddedAfterReject = 1;

const maybeUnhandled = new WeakMap();
const pending = [];
const asyncHandled = [];

function onPromiseReject(type, promise, reason) {
  if (type === kRejectWithNoHandler) {
    maybeUnhandled.set(promise, { reason, warned: false });
    pending.push(promise);
    setHasRejectionToWarn(true);
  } else if (type === kHandlerAddedAfterReject) {
    const info = maybeUnhandled.get(promise);
    if (info === undefined) return;
    maybeUnhandled.delete(promise);
    if (info.warned) {
      asyncHandled.push(promise);
      setHasRejectionToWarn(true);
    }
  }
}

function unhandledRejectionError(reason) {
  const text = `This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${require('internal/util/inspect').inspect(reason)}".`;
  const err = new Error(text);
  err.name = 'UnhandledPromiseRejection';
  err.code = 'ERR_UNHANDLED_REJECTION';
  return err;
}

// Returns true if it may have scheduled ticks or microtasks.
function processPromiseRejections() {
  let scheduled = false;
  while (asyncHandled.length > 0) {
    const promise = asyncHandled.shift();
    process.emit('rejectionHandled', promise);
    scheduled = true;
  }
  while (pending.length > 0) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason } = info;
    if (!process.emit('unhandledRejection', reason, promise)) {
      const err = reason instanceof Error ? reason : unhandledRejectionError(reason);
      require('internal/process/execution').triggerUncaughtException(err, true);
    }
    scheduled = true;
  }
  return scheduled || pending.length > 0;
}

setPromiseRejectCallback(onPromiseReject);

module.exports = { processPromiseRejections };
