'use strict';
// ReadableStream.prototype.pipeTo and pipeThrough: the spec's ReadableStreamPipeTo,
// moving chunks while the writer is ready, then carrying closing, errors and an
// AbortSignal from each side to the other unless a prevent* option says not to.

const {
  ArrayPrototypePush, PromiseReject, PromiseResolve, SafePromiseAll,
} = primordials;
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_STATE },
} = require('internal/errors');
const {
  kState, createDeferred, setHandled, whenSettled, noop,
} = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');
const readers = require('internal/webstreams/readers');
const ws_ = require('internal/webstreams/writablestream');
const writer = require('internal/webstreams/writer');

function readOptions(options) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  const signal = options.signal;
  if (signal !== undefined) {
    const { AbortSignal } = require('internal/abort_controller');
    if (signal === null || typeof signal !== 'object' || !(signal instanceof AbortSignal)) {
      throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
    }
  }
  return {
    __proto__: null, preventAbort: !!options.preventAbort, preventCancel: !!options.preventCancel,
    preventClose: !!options.preventClose, signal,
  };
}

function pipeTo(source, destination, options) {
  if (!ws_.isWritableStream(destination)) {
    return PromiseReject(new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', destination));
  }
  let opts;
  try {
    opts = readOptions(options);
  } catch (e) {
    return PromiseReject(e);
  }
  if (rs.isReadableStreamLocked(source[kState])) {
    return PromiseReject(new ERR_INVALID_STATE.TypeError('The ReadableStream is locked'));
  }
  if (ws_.isWritableStreamLocked(destination[kState])) {
    return PromiseReject(new ERR_INVALID_STATE.TypeError('The WritableStream is locked'));
  }
  return readableStreamPipeTo(source[kState], destination[kState], opts);
}

function pipeThrough(source, transform, options) {
  const readable = transform == null ? undefined : transform.readable;
  if (!rs.isReadableStream(readable)) throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
  const writable = transform.writable;
  if (!ws_.isWritableStream(writable)) throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', writable);
  const opts = readOptions(options);
  if (rs.isReadableStreamLocked(source[kState])) throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
  if (ws_.isWritableStreamLocked(writable[kState])) throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
  setHandled(readableStreamPipeTo(source[kState], writable[kState], opts));
  return readable;
}

function readableStreamPipeTo(source, dest, { preventClose, preventAbort, preventCancel, signal }) {
  const reader = rs.acquireDefaultReader(source);
  const w = ws_.acquireWriter(dest);
  source.disturbed = true;
  let shuttingDown = false;
  let currentWrite = PromiseResolve();
  const result = createDeferred();
  let abortAlgorithm;

  function finalize(isError, error) {
    writer.writerRelease(w);
    readers.genericRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (isError) result.reject(error);
    else result.resolve();
  }

  function waitForWrites() {
    const last = currentWrite;
    return whenSettled(last, () => (last !== currentWrite ? waitForWrites() : undefined));
  }

  function shutdownWithAction(action, isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    const run = () => {
      let promise;
      try {
        promise = PromiseResolve(action());
      } catch (e) {
        promise = PromiseReject(e);
      }
      whenSettled(promise, () => finalize(isError, error), (newError) => finalize(true, newError));
    };
    if (dest.state === 'writable' && !ws_.closeQueuedOrInFlight(dest)) whenSettled(waitForWrites(), run);
    else run();
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    const run = () => finalize(isError, error);
    if (dest.state === 'writable' && !ws_.closeQueuedOrInFlight(dest)) whenSettled(waitForWrites(), run);
    else run();
  }

  function sourceErrored(error) {
    if (!preventAbort) shutdownWithAction(() => ws_.writableStreamAbort(dest, error), true, error);
    else shutdown(true, error);
  }

  function destErrored(error) {
    if (!preventCancel) shutdownWithAction(() => rs.readableStreamCancel(source, error), true, error);
    else shutdown(true, error);
  }

  function sourceClosed() {
    if (!preventClose) shutdownWithAction(() => writer.closeWithErrorPropagation(w), false);
    else shutdown(false);
  }

  function destClosed() {
    const error = new ERR_INVALID_STATE.TypeError('Destination WritableStream is closed');
    if (!preventCancel) shutdownWithAction(() => rs.readableStreamCancel(source, error), true, error);
    else shutdown(true, error);
  }

  // Checks the states in the spec's order; true if the pipe is shutting down.
  function checkStates() {
    if (source.state === 'errored') sourceErrored(source.storedError);
    else if (dest.state === 'errored' || dest.state === 'erroring') destErrored(dest.storedError);
    else if (source.state === 'closed') sourceClosed();
    else if (ws_.closeQueuedOrInFlight(dest) || dest.state === 'closed') destClosed();
    return shuttingDown;
  }

  function step() {
    if (shuttingDown) return;
    whenSettled(w.ready.promise, () => {
      if (shuttingDown || checkStates()) return;
      readers.defaultReaderRead(reader, {
        chunk(chunk) {
          currentWrite = whenSettled(writer.writerWrite(w, chunk), noop, noop);
          step();
        },
        close() { checkStates(); },
        error() { checkStates(); },
      });
    }, () => checkStates());
  }

  if (signal !== undefined) {
    abortAlgorithm = () => {
      const error = signal.reason;
      const actions = [];
      if (!preventAbort) {
        ArrayPrototypePush(actions, () => (dest.state === 'writable' ? ws_.writableStreamAbort(dest, error) : PromiseResolve()));
      }
      if (!preventCancel) {
        ArrayPrototypePush(actions, () => (source.state === 'readable' ? rs.readableStreamCancel(source, error) : PromiseResolve()));
      }
      shutdownWithAction(() => {
        const promises = [];
        for (let i = 0; i < actions.length; i++) ArrayPrototypePush(promises, actions[i]());
        return SafePromiseAll(promises);
      }, true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return result.promise;
    }
    signal.addEventListener('abort', abortAlgorithm, { once: true });
  }

  whenSettled(reader.closed.promise, () => checkStates(), () => checkStates());
  whenSettled(w.closed.promise, () => checkStates(), () => checkStates());
  if (!checkStates()) step();
  return result.promise;
}

module.exports = { pipeTo, pipeThrough };
