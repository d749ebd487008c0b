'use strict';
// WritableStream (WHATWG Streams Standard): the class and the stream-level abstract
// operations — the state machine writable → erroring → errored / closed, in-flight
// write and close requests, abort requests, and backpressure toward the writer.

const {
  ArrayPrototypePush, ArrayPrototypeShift, ObjectDefineProperties, PromiseReject, PromiseResolve,
  SymbolToStringTag,
} = primordials;
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
} = require('internal/errors');
const {
  kState, kInspect, checkThis, rejectThis, isBrand, createDeferred, createTrackedDeferred, setHandled, whenSettled,
  extractHighWaterMark, extractSizeAlgorithm, inspectAs,
} = require('internal/webstreams/util');

module.exports = {
  isWritableStream, isWritableStreamLocked, writableStreamAbort, writableStreamClose,
  addWriteRequest, dealWithRejection, startErroring, finishErroring, finishInFlightWrite,
  finishInFlightWriteWithError, finishInFlightClose, finishInFlightCloseWithError,
  closeQueuedOrInFlight, hasOperationMarkedInFlight, markCloseRequestInFlight,
  markFirstWriteRequestInFlight, updateBackpressure, createWritableStream, acquireWriter,
};

const controller = require('internal/webstreams/writable_controller');
const writer = require('internal/webstreams/writer');
const finished = require('internal/webstreams/finished');

function newStreamState(object) {
  return {
    type: 'WritableStream', object, state: 'writable', storedError: undefined,
    writer: undefined, controller: undefined, inFlightWriteRequest: undefined, closeRequest: undefined,
    inFlightCloseRequest: undefined, pendingAbortRequest: undefined, writeRequests: [], backpressure: false,
    eos: undefined,
  };
}

function isWritableStream(value) {
  return isBrand(value, 'WritableStream');
}

class WritableStream {
  constructor(sink = undefined, strategy = {}) {
    if (sink === null) sink = undefined;
    if (sink !== undefined && typeof sink !== 'object') throw new ERR_INVALID_ARG_TYPE('sink', 'Object', sink);
    if (strategy !== undefined && strategy !== null && typeof strategy !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('strategy', 'Object', strategy);
    }
    const type = sink === undefined ? undefined : sink.type;
    if (type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', type);
    const ws = newStreamState(this);
    this[kState] = ws;
    const sizeAlgorithm = extractSizeAlgorithm(strategy);
    controller.setUpFromSink(ws, sink, extractHighWaterMark(strategy, 1), sizeAlgorithm);
  }

  get locked() {
    checkThis(this, 'WritableStream');
    return isWritableStreamLocked(this[kState]);
  }

  abort(reason = undefined) {
    if (!isWritableStream(this)) return rejectThis('WritableStream');
    const ws = this[kState];
    if (isWritableStreamLocked(ws)) return PromiseReject(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    return writableStreamAbort(ws, reason);
  }

  close() {
    if (!isWritableStream(this)) return rejectThis('WritableStream');
    const ws = this[kState];
    if (isWritableStreamLocked(ws)) return PromiseReject(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    if (closeQueuedOrInFlight(ws)) return PromiseReject(new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    return writableStreamClose(ws);
  }

  getWriter() {
    checkThis(this, 'WritableStream');
    return new writer.WritableStreamDefaultWriter(this);
  }

  [kInspect](depth, options) {
    const ws = this[kState];
    return inspectAs('WritableStream', { locked: isWritableStreamLocked(ws), state: ws.state }, depth, options);
  }
}

ObjectDefineProperties(WritableStream.prototype, {
  locked: { __proto__: null, enumerable: true },
  abort: { __proto__: null, enumerable: true },
  close: { __proto__: null, enumerable: true },
  getWriter: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'WritableStream', configurable: true },
});

function createWritableStream(setUp) {
  const object = { __proto__: WritableStream.prototype };
  const ws = newStreamState(object);
  object[kState] = ws;
  setUp(ws);
  return ws;
}

function acquireWriter(ws) {
  return new writer.WritableStreamDefaultWriter(ws.object)[kState];
}

function isWritableStreamLocked(ws) {
  return ws.writer !== undefined;
}

function writableStreamAbort(ws, reason) {
  if (ws.state === 'closed' || ws.state === 'errored') return PromiseResolve();
  controller.signalAbort(ws.controller, reason);
  const state = ws.state;
  if (state === 'closed' || state === 'errored') return PromiseResolve();
  if (ws.pendingAbortRequest !== undefined) return ws.pendingAbortRequest.deferred.promise;
  const wasAlreadyErroring = state === 'erroring';
  if (wasAlreadyErroring) reason = undefined;
  const deferred = createDeferred();
  ws.pendingAbortRequest = { deferred, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) startErroring(ws, reason);
  return deferred.promise;
}

function writableStreamClose(ws) {
  const state = ws.state;
  if (state === 'closed' || state === 'errored') {
    return PromiseReject(new ERR_INVALID_STATE.TypeError(`WritableStream is ${state}`));
  }
  const deferred = createDeferred();
  ws.closeRequest = deferred;
  const w = ws.writer;
  if (w !== undefined && ws.backpressure && state === 'writable') w.ready.resolve();
  controller.close(ws.controller);
  return deferred.promise;
}

function addWriteRequest(ws) {
  const deferred = createDeferred();
  ArrayPrototypePush(ws.writeRequests, deferred);
  return deferred.promise;
}

function dealWithRejection(ws, error) {
  if (ws.state === 'writable') startErroring(ws, error);
  else finishErroring(ws);
}

function startErroring(ws, reason) {
  ws.state = 'erroring';
  ws.storedError = reason;
  if (ws.writer !== undefined) writer.ensureReadyPromiseRejected(ws.writer, reason);
  if (!hasOperationMarkedInFlight(ws) && ws.controller.started) finishErroring(ws);
}

function finishErroring(ws) {
  ws.state = 'errored';
  finished.settleEnd(ws, ws.storedError, true);
  controller.errorSteps(ws.controller);
  const storedError = ws.storedError;
  const requests = ws.writeRequests;
  ws.writeRequests = [];
  for (let i = 0; i < requests.length; i++) requests[i].reject(storedError);
  const abortRequest = ws.pendingAbortRequest;
  if (abortRequest === undefined) {
    rejectCloseAndClosedPromiseIfNeeded(ws);
    return;
  }
  ws.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.deferred.reject(storedError);
    rejectCloseAndClosedPromiseIfNeeded(ws);
    return;
  }
  whenSettled(controller.abortSteps(ws.controller, abortRequest.reason), () => {
    abortRequest.deferred.resolve();
    rejectCloseAndClosedPromiseIfNeeded(ws);
  }, (reason) => {
    abortRequest.deferred.reject(reason);
    rejectCloseAndClosedPromiseIfNeeded(ws);
  });
}

function finishInFlightWrite(ws) {
  ws.inFlightWriteRequest.resolve();
  ws.inFlightWriteRequest = undefined;
}

function finishInFlightWriteWithError(ws, error) {
  ws.inFlightWriteRequest.reject(error);
  ws.inFlightWriteRequest = undefined;
  dealWithRejection(ws, error);
}

function finishInFlightClose(ws) {
  ws.inFlightCloseRequest.resolve();
  ws.inFlightCloseRequest = undefined;
  if (ws.state === 'erroring') {
    ws.storedError = undefined;
    if (ws.pendingAbortRequest !== undefined) {
      ws.pendingAbortRequest.deferred.resolve();
      ws.pendingAbortRequest = undefined;
    }
  }
  ws.state = 'closed';
  finished.settleEnd(ws, undefined, false);
  if (ws.writer !== undefined) ws.writer.closed.resolve();
}

function finishInFlightCloseWithError(ws, error) {
  ws.inFlightCloseRequest.reject(error);
  ws.inFlightCloseRequest = undefined;
  if (ws.pendingAbortRequest !== undefined) {
    ws.pendingAbortRequest.deferred.reject(error);
    ws.pendingAbortRequest = undefined;
  }
  dealWithRejection(ws, error);
}

function closeQueuedOrInFlight(ws) {
  return ws.closeRequest !== undefined || ws.inFlightCloseRequest !== undefined;
}

function hasOperationMarkedInFlight(ws) {
  return ws.inFlightWriteRequest !== undefined || ws.inFlightCloseRequest !== undefined;
}

function markCloseRequestInFlight(ws) {
  ws.inFlightCloseRequest = ws.closeRequest;
  ws.closeRequest = undefined;
}

function markFirstWriteRequestInFlight(ws) {
  ws.inFlightWriteRequest = ArrayPrototypeShift(ws.writeRequests);
}

function rejectCloseAndClosedPromiseIfNeeded(ws) {
  if (ws.closeRequest !== undefined) {
    ws.closeRequest.reject(ws.storedError);
    ws.closeRequest = undefined;
  }
  const w = ws.writer;
  if (w !== undefined) {
    w.closed.reject(ws.storedError);
    setHandled(w.closed.promise);
  }
}

function updateBackpressure(ws, backpressure) {
  const w = ws.writer;
  if (w !== undefined && backpressure !== ws.backpressure) {
    if (backpressure) w.ready = createTrackedDeferred();
    else w.ready.resolve();
  }
  ws.backpressure = backpressure;
}

module.exports.WritableStream = WritableStream;
