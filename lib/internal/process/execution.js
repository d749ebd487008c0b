'use strict';
// Uncaught exceptions: 'uncaughtExceptionMonitor' and 'uncaughtException'
// listeners, else print the error as Node does (where it was thrown, then the
// stack or the inspected value) and exit with code 1 after 'exit' listeners ran.
// Bindings: errors.{setFatalExceptionHandler, getArrowMessage}.

const { String, StringPrototypeStartsWith } = primordials;
const { setFatalExceptionHandler, getArrowMessage } = internalBinding('errors');

function sourceMapsEnabled() {
  return require('internal/options').getOptionValue('--enable-source-maps');
}

// A rejection's Error was never thrown through a TryCatch: its arrow is the place
// it was made, as node prints it.
function formatFatal(err, thrownAt = '', fromPromise = false) {
  let arrow = getArrowMessage(err, fromPromise) || thrownAt;
  if (arrow && sourceMapsEnabled()) {
    arrow = require('internal/source_map/prepare_stack_trace').mapArrow(arrow);
  }
  if ((typeof err !== 'object' && typeof err !== 'function') || err === null) {
    // Node prints a thrown primitive as is, right under the caret.
    return `${arrow}${String(err)}\n(Use \`coil --trace-uncaught ...\` to show where the exception was thrown)\n`;
  }
  // vm's displayErrors already put the arrow at the top of the stack.
  try {
    if (arrow && typeof err.stack === 'string' && StringPrototypeStartsWith(err.stack, arrow)) {
      arrow = '';
    }
  } catch {
    // A throwing `stack` getter: print the arrow.
  }
  let body;
  try {
    body = require('internal/util/inspect').inspect(err);
  } catch {
    body = typeof err.stack === 'string' ? err.stack : String(err);
  }
  return arrow ? `${arrow}\n${body}\n` : `${body}\n`;
}

// A loop callback that threw does not drain the nextTick queue (node's order: the
// rest of a failed immediate queue runs first); an immediate makes sure what it
// queued runs within the next turn.
function noop() {}
function ticksRunSoon() { require('timers').setImmediate(noop); }

// process.setUncaughtExceptionCaptureCallback: takes uncaught exceptions in place
// of 'uncaughtException' (the REPL and domain-like tools use it).
let captureCallback = null;
process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback(fn) {
  const { codes } = require('internal/errors');
  if (fn === null) {
    captureCallback = null;
    return;
  }
  if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  if (captureCallback !== null) throw new codes.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  captureCallback = fn;
};
process.hasUncaughtExceptionCaptureCallback = function hasUncaughtExceptionCaptureCallback() {
  return captureCallback !== null;
};

// Set by lib/domain.js once required: takes an error thrown inside an active domain.
let domainHandler;
function setDomainHandler(fn) { domainHandler = fn; }

// Returns true when a listener handled it; otherwise never returns.
function triggerUncaughtException(err, fromPromise, thrownAt, fromHandler = false) {
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  // node looks its handler up on process: a program that removed it gets node's
  // "non-function internal exception handler" exit.
  if (typeof process._fatalException !== 'function') {
    try { process._rawWrite(2, formatFatal(err, thrownAt, fromPromise)); } catch { /* exiting */ }
    process.reallyExit(6);
  }
  if (domainHandler !== undefined && !fromPromise && domainHandler(err)) {
    require('internal/async_context').afterUncaughtException();
    ticksRunSoon();
    return true;
  }
  if (captureCallback !== null && !fromPromise) {
    if (typeof process.emit === 'function') process.emit('uncaughtExceptionMonitor', err, type);
    captureCallback(err);
    require('internal/async_context').afterUncaughtException();
    ticksRunSoon();
    return true;
  }
  if (typeof process.emit === 'function' && !fromHandler) {
    process.emit('uncaughtExceptionMonitor', err, type);
    if (process.listenerCount('uncaughtException') > 0) {
      if (!require('internal/worker/self').isMainThread) {
        // In a Worker a listener that throws ends it with 1, its error going to
        // the parent (the main thread prints it and exits with 7).
        try {
          process.emit('uncaughtException', err, type);
        } catch (thrown) {
          return triggerUncaughtException(thrown, false, thrownAt, true);
        }
        require('internal/async_context').afterUncaughtException();
        ticksRunSoon();
        return true;
      }
      process.emit('uncaughtException', err, type);
      // The failed callback's frame stayed entered for the listeners; now its after.
      require('internal/async_context').afterUncaughtException();
      ticksRunSoon();
      return true;
    }
  }
  const self = require('internal/worker/self');
  try {
    // A Worker's uncaught error goes to its parent ('error' on the Worker).
    if (self.isMainThread) process._rawWrite(2, formatFatal(err, thrownAt, fromPromise));
    else self.reportError(err);
  } catch {
    // Printing must not stop the exit.
  }
  process.exitCode = 1;
  process._exiting = true;
  try {
    process.emit('exit', 1);
  } catch {
    // An 'exit' listener threw while exiting on an uncaught exception.
  }
  // An 'exit' listener may set another code (even 0), as in node.
  process.reallyExit(process.exitCode | 0);
  return false;
}

setFatalExceptionHandler(triggerUncaughtException);
process._fatalException = (er, fromPromise) => triggerUncaughtException(er, fromPromise);

module.exports = { triggerUncaughtException, formatFatal, setDomainHandler };
