'use strict';
// WritableStreamDefaultWriter: the lock on a WritableStream and its write/close/abort,
// with the ready promise that carries backpressure and the closed promise.

const { ObjectDefineProperties, PromiseReject, PromiseResolve, SymbolToStringTag } = primordials;
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_STATE },
} = require('internal/errors');
const {
  kState, kInspect, checkThis, rejectThis, isBrand, createTrackedDeferred, resolvedDeferred,
  rejectedDeferred, setHandled, inspectAs,
} = require('internal/webstreams/util');

module.exports = { ensureReadyPromiseRejected, writerWrite, writerClose, writerRelease, closeWithErrorPropagation, getDesiredSize };

const ws_ = require('internal/webstreams/writablestream');
const controller = require('internal/webstreams/writable_controller');

function notBound() {
  return new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream');
}

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!ws_.isWritableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    const ws = stream[kState];
    if (ws_.isWritableStreamLocked(ws)) throw new ERR_INVALID_STATE.TypeError('WritableStream is locked');
    const w = { type: 'WritableStreamDefaultWriter', object: this, stream: ws, ready: undefined, closed: undefined };
    this[kState] = w;
    ws.writer = w;
    const state = ws.state;
    if (state === 'writable') {
      w.ready = !ws_.closeQueuedOrInFlight(ws) && ws.backpressure ? createTrackedDeferred() : resolvedDeferred();
      w.closed = createTrackedDeferred();
    } else if (state === 'erroring') {
      w.ready = rejectedDeferred(ws.storedError);
      w.closed = createTrackedDeferred();
    } else if (state === 'closed') {
      w.ready = resolvedDeferred();
      w.closed = resolvedDeferred();
    } else {
      w.ready = rejectedDeferred(ws.storedError);
      w.closed = rejectedDeferred(ws.storedError);
    }
  }

  get closed() {
    if (!isBrand(this, 'WritableStreamDefaultWriter')) return rejectThis('WritableStreamDefaultWriter');
    return this[kState].closed.promise;
  }

  get desiredSize() {
    checkThis(this, 'WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) throw notBound();
    return getDesiredSize(this[kState]);
  }

  get ready() {
    if (!isBrand(this, 'WritableStreamDefaultWriter')) return rejectThis('WritableStreamDefaultWriter');
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!isBrand(this, 'WritableStreamDefaultWriter')) return rejectThis('WritableStreamDefaultWriter');
    const w = this[kState];
    if (w.stream === undefined) return PromiseReject(notBound());
    return ws_.writableStreamAbort(w.stream, reason);
  }

  close() {
    if (!isBrand(this, 'WritableStreamDefaultWriter')) return rejectThis('WritableStreamDefaultWriter');
    const w = this[kState];
    if (w.stream === undefined) return PromiseReject(notBound());
    if (ws_.closeQueuedOrInFlight(w.stream)) return PromiseReject(new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    return writerClose(w);
  }

  releaseLock() {
    checkThis(this, 'WritableStreamDefaultWriter');
    if (this[kState].stream !== undefined) writerRelease(this[kState]);
  }

  write(chunk = undefined) {
    if (!isBrand(this, 'WritableStreamDefaultWriter')) return rejectThis('WritableStreamDefaultWriter');
    const w = this[kState];
    if (w.stream === undefined) return PromiseReject(notBound());
    return writerWrite(w, chunk);
  }

  [kInspect](depth, options) {
    const w = this[kState];
    return inspectAs('WritableStreamDefaultWriter', {
      stream: w.stream === undefined ? undefined : w.stream.object, close: w.closed.promise, ready: w.ready.promise,
      desiredSize: w.stream === undefined ? undefined : getDesiredSize(w),
    }, depth, options);
  }
}

ObjectDefineProperties(WritableStreamDefaultWriter.prototype, {
  closed: { __proto__: null, enumerable: true },
  desiredSize: { __proto__: null, enumerable: true },
  ready: { __proto__: null, enumerable: true },
  abort: { __proto__: null, enumerable: true },
  close: { __proto__: null, enumerable: true },
  releaseLock: { __proto__: null, enumerable: true },
  write: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'WritableStreamDefaultWriter', configurable: true },
});

function getDesiredSize(w) {
  const ws = w.stream;
  if (ws.state === 'errored' || ws.state === 'erroring') return null;
  if (ws.state === 'closed') return 0;
  return controller.getDesiredSize(ws.controller);
}

function ensureReadyPromiseRejected(w, error) {
  if (w.ready.settled) w.ready = createTrackedDeferred();
  w.ready.reject(error);
  setHandled(w.ready.promise);
}

function ensureClosedPromiseRejected(w, error) {
  if (w.closed.settled) w.closed = createTrackedDeferred();
  w.closed.reject(error);
  setHandled(w.closed.promise);
}

function writerClose(w) {
  return ws_.writableStreamClose(w.stream);
}

function closeWithErrorPropagation(w) {
  const ws = w.stream;
  const state = ws.state;
  if (ws_.closeQueuedOrInFlight(ws) || state === 'closed') return PromiseResolve();
  if (state === 'errored') return PromiseReject(ws.storedError);
  return writerClose(w);
}

function writerRelease(w) {
  const released = new ERR_INVALID_STATE.TypeError('Writer has been released');
  ensureReadyPromiseRejected(w, released);
  ensureClosedPromiseRejected(w, released);
  w.stream.writer = undefined;
  w.stream = undefined;
}

function writerWrite(w, chunk) {
  const ws = w.stream;
  const chunkSize = controller.getChunkSize(ws.controller, chunk);
  if (ws !== w.stream) return PromiseReject(notBound());
  const state = ws.state;
  if (state === 'errored') return PromiseReject(ws.storedError);
  if (ws_.closeQueuedOrInFlight(ws) || state === 'closed') {
    return PromiseReject(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  if (state === 'erroring') return PromiseReject(ws.storedError);
  const promise = ws_.addWriteRequest(ws);
  controller.write(ws.controller, chunk, chunkSize);
  return promise;
}

module.exports.WritableStreamDefaultWriter = WritableStreamDefaultWriter;
