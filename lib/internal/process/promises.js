'use strict';
// Unhandled promise rejections. A rejection still unhandled once the microtask
// queue has drained is dealt with by the --unhandled-rejections mode:
//   throw (default)       'unhandledRejection', else an uncaught exception;
//   strict                an uncaught exception first, then 'unhandledRejection';
//   warn                  'unhandledRejection' and always a warning;
//   warn-with-error-code  'unhandledRejection', else a warning and exit code 1;
//   none                  'unhandledRejection' only.
// A handler attached later emits 'rejectionHandled' (and a warning in the warn modes).
// Binding: task_queue.setPromiseRejectCallback(fn(type, promise, reason)).

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  Error,
  SafeWeakMap,
} = primordials;

const { setPromiseRejectCallback } = internalBinding('task_queue');
const { setHasRejectionToWarn } = require('internal/process/task_queues');

const kRejectWithNoHandler = 0;
const kHandlerAddedAfterReject = 1;

const maybeUnhandled = new SafeWeakMap();
const pending = [];
const asyncHandled = [];
let lastId = 0;
let mode;

function onPromiseReject(type, promise, reason) {
  if (type === kRejectWithNoHandler) {
    maybeUnhandled.set(promise, { reason, uid: ++lastId, warned: false });
    ArrayPrototypePush(pending, promise);
    setHasRejectionToWarn(true);
  } else if (type === kHandlerAddedAfterReject) {
    const info = maybeUnhandled.get(promise);
    if (info === undefined) return;
    maybeUnhandled.delete(promise);
    if (info.warned) {
      ArrayPrototypePush(asyncHandled, { promise, uid: info.uid });
      setHasRejectionToWarn(true);
    }
  }
}

function inspect(value) {
  return require('internal/util/inspect').inspect(value);
}

function unhandledRejectionError(reason) {
  const text = 'This error originated either by throwing inside of an async function without a ' +
    'catch block, or by rejecting a promise which was not handled with .catch(). The promise ' +
    `rejected with the reason "${internalBinding('errors').noSideEffectsToString(reason)}".`;
  const err = new Error(text);
  err.name = 'UnhandledPromiseRejection';
  err.code = 'ERR_UNHANDLED_REJECTION';
  return err;
}

function emitUnhandledRejectionWarning(uid, reason) {
  let text;
  try {
    text = reason instanceof Error && typeof reason.stack === 'string' ? reason.stack : inspect(reason);
  } catch {
    text = 'an unprintable value';
  }
  process.emitWarning(text, 'UnhandledPromiseRejectionWarning');
  process.emitWarning('Unhandled promise rejection. This error originated either by throwing ' +
    'inside of an async function without a catch block, or by rejecting a promise which was not ' +
    'handled with .catch(). To terminate the node process on unhandled promise rejection, use ' +
    'the CLI flag `--unhandled-rejections=strict` (see ' +
    'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${uid})`, 'UnhandledPromiseRejectionWarning');
}

function asError(reason) {
  return reason instanceof Error ? reason : unhandledRejectionError(reason);
}

function triggerUncaught(reason) {
  require('internal/process/execution').triggerUncaughtException(asError(reason), true);
}

function handle(promise, info) {
  const { reason, uid } = info;
  switch (mode) {
    case 'strict':
      triggerUncaught(reason);
      if (!process.emit('unhandledRejection', reason, promise)) emitUnhandledRejectionWarning(uid, reason);
      break;
    case 'warn':
      process.emit('unhandledRejection', reason, promise);
      emitUnhandledRejectionWarning(uid, reason);
      break;
    case 'none':
      process.emit('unhandledRejection', reason, promise);
      break;
    case 'warn-with-error-code':
      if (!process.emit('unhandledRejection', reason, promise)) {
        emitUnhandledRejectionWarning(uid, reason);
        process.exitCode = 1;
      }
      break;
    default:
      if (!process.emit('unhandledRejection', reason, promise)) triggerUncaught(reason);
  }
}

// Returns true if it may have scheduled ticks or microtasks.
function processPromiseRejections() {
  mode ??= require('internal/options').getOptionValue('--unhandled-rejections') || 'throw';
  let scheduled = false;
  while (asyncHandled.length > 0) {
    const { promise, uid } = ArrayPrototypeShift(asyncHandled);
    if (!process.emit('rejectionHandled', promise) && (mode === 'warn' || mode === 'warn-with-error-code')) {
      process.emitWarning(`Promise rejection was handled asynchronously (rejection id: ${uid})`,
        'PromiseRejectionHandledWarning');
    }
    scheduled = true;
  }
  while (pending.length > 0) {
    const promise = ArrayPrototypeShift(pending);
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    handle(promise, info);
    scheduled = true;
  }
  return scheduled || pending.length > 0;
}

setPromiseRejectCallback(onPromiseReject);

module.exports = { processPromiseRejections };
