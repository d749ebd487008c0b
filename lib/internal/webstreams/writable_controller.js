'use strict';
// WritableStreamDefaultController: the queue of chunks (and the close sentinel)
// waiting for the underlying sink, one write or close in flight at a time, the
// strategy's backpressure, and the AbortSignal a sink sees when the stream is aborted.

const {
  FunctionPrototypeCall, ObjectDefineProperties, PromiseResolve, SymbolToStringTag,
} = primordials;
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const {
  kState, kInspect, checkThis, whenSettled, promiseCall, getMethod, resetQueue, queueLength,
  enqueueValueWithSize, dequeueValue, peekQueueValue, inspectAs,
} = require('internal/webstreams/util');

module.exports = {
  setUp, setUpFromSink, close, getChunkSize, getDesiredSize, write, errorIfNeeded, error,
  signalAbort, abortSteps, errorSteps,
};

const ws_ = require('internal/webstreams/writablestream');

const kCloseSentinel = { __proto__: null };

class WritableStreamDefaultController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get signal() {
    checkThis(this, 'WritableStreamDefaultController');
    return this[kState].abortController.signal;
  }

  error(e = undefined) {
    checkThis(this, 'WritableStreamDefaultController');
    const cs = this[kState];
    if (cs.stream.state !== 'writable') return;
    error(cs, e);
  }

  [kInspect](depth, options) {
    return inspectAs('WritableStreamDefaultController', { stream: this[kState].stream.object }, depth, options);
  }
}

ObjectDefineProperties(WritableStreamDefaultController.prototype, {
  signal: { __proto__: null, enumerable: true },
  error: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'WritableStreamDefaultController', configurable: true },
});

function setUp(ws, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm) {
  const object = { __proto__: WritableStreamDefaultController.prototype };
  const { AbortController } = require('internal/abort_controller');
  const cs = {
    type: 'WritableStreamDefaultController', object, stream: ws,
    queue: undefined, queueHead: 0, queueTotalSize: 0, started: false, strategyHWM: highWaterMark,
    strategySizeAlgorithm: sizeAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
    abortController: new AbortController(),
  };
  object[kState] = cs;
  resetQueue(cs);
  ws.controller = cs;
  ws_.updateBackpressure(ws, getBackpressure(cs));
  whenSettled(PromiseResolve(startAlgorithm(object)), () => {
    cs.started = true;
    advanceQueueIfNeeded(cs);
  }, (reason) => {
    cs.started = true;
    ws_.dealWithRejection(ws, reason);
  });
  return cs;
}

function setUpFromSink(ws, sink, highWaterMark, sizeAlgorithm) {
  const start = getMethod(sink, 'start', 'sink');
  const writeMethod = getMethod(sink, 'write', 'sink');
  const closeMethod = getMethod(sink, 'close', 'sink');
  const abortMethod = getMethod(sink, 'abort', 'sink');
  setUp(ws,
        (controller) => (start === undefined ? undefined : FunctionPrototypeCall(start, sink, controller)),
        (chunk, controller) => promiseCall(writeMethod, sink, chunk, controller),
        () => promiseCall(closeMethod, sink),
        (reason) => promiseCall(abortMethod, sink, reason),
        highWaterMark, sizeAlgorithm);
}

function signalAbort(cs, reason) {
  cs.abortController.abort(reason);
}

function clearAlgorithms(cs) {
  cs.writeAlgorithm = undefined;
  cs.closeAlgorithm = undefined;
  cs.abortAlgorithm = undefined;
  cs.strategySizeAlgorithm = undefined;
}

function close(cs) {
  enqueueValueWithSize(cs, kCloseSentinel, 0);
  advanceQueueIfNeeded(cs);
}

function getChunkSize(cs, chunk) {
  if (cs.strategySizeAlgorithm === undefined) return 1;
  try {
    return cs.strategySizeAlgorithm(chunk);
  } catch (e) {
    errorIfNeeded(cs, e);
    return 1;
  }
}

function getDesiredSize(cs) {
  return cs.strategyHWM - cs.queueTotalSize;
}

function getBackpressure(cs) {
  return getDesiredSize(cs) <= 0;
}

function write(cs, chunk, chunkSize) {
  try {
    enqueueValueWithSize(cs, chunk, chunkSize);
  } catch (e) {
    errorIfNeeded(cs, e);
    return;
  }
  const ws = cs.stream;
  if (!ws_.closeQueuedOrInFlight(ws) && ws.state === 'writable') ws_.updateBackpressure(ws, getBackpressure(cs));
  advanceQueueIfNeeded(cs);
}

function advanceQueueIfNeeded(cs) {
  const ws = cs.stream;
  if (!cs.started || ws.inFlightWriteRequest !== undefined) return;
  if (ws.state === 'erroring') {
    ws_.finishErroring(ws);
    return;
  }
  if (queueLength(cs) === 0) return;
  const value = peekQueueValue(cs);
  if (value === kCloseSentinel) processClose(cs);
  else processWrite(cs, value);
}

function errorIfNeeded(cs, e) {
  if (cs.stream.state === 'writable') error(cs, e);
}

function processClose(cs) {
  const ws = cs.stream;
  ws_.markCloseRequestInFlight(ws);
  dequeueValue(cs);
  const sinkClose = cs.closeAlgorithm();
  clearAlgorithms(cs);
  whenSettled(sinkClose, () => ws_.finishInFlightClose(ws), (reason) => ws_.finishInFlightCloseWithError(ws, reason));
}

function processWrite(cs, chunk) {
  const ws = cs.stream;
  ws_.markFirstWriteRequestInFlight(ws);
  whenSettled(cs.writeAlgorithm(chunk, cs.object), () => {
    ws_.finishInFlightWrite(ws);
    dequeueValue(cs);
    if (!ws_.closeQueuedOrInFlight(ws) && ws.state === 'writable') ws_.updateBackpressure(ws, getBackpressure(cs));
    advanceQueueIfNeeded(cs);
  }, (reason) => {
    if (ws.state === 'writable') clearAlgorithms(cs);
    ws_.finishInFlightWriteWithError(ws, reason);
  });
}

function error(cs, e) {
  clearAlgorithms(cs);
  ws_.startErroring(cs.stream, e);
}

function abortSteps(cs, reason) {
  const result = cs.abortAlgorithm === undefined ? PromiseResolve() : cs.abortAlgorithm(reason);
  clearAlgorithms(cs);
  return result;
}

function errorSteps(cs) {
  resetQueue(cs);
}

module.exports.WritableStreamDefaultController = WritableStreamDefaultController;
