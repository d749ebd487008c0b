'use strict';
// ReadableStreamDefaultController: the queue of a default (non-byte) ReadableStream,
// its backpressure (desiredSize against the strategy's highWaterMark) and the calls
// into the underlying source's start/pull/cancel.

const {
  ArrayPrototypePush, FunctionPrototypeCall, ObjectDefineProperties, PromiseResolve,
  SymbolToStringTag,
} = primordials;
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_STATE },
} = require('internal/errors');
const {
  kState, kInspect, checkThis, whenSettled, callPullIfNeeded: pullIfNeeded, promiseCall, getMethod, resetQueue, queueLength,
  enqueueValueWithSize, dequeueValue, inspectAs,
} = require('internal/webstreams/util');

module.exports = {
  setUp, setUpFromSource, close, enqueue, error, getDesiredSize, canCloseOrEnqueue, hasBackpressure,
  cancelSteps, pullSteps,
};

const rs = require('internal/webstreams/readablestream');

class ReadableStreamDefaultController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    checkThis(this, 'ReadableStreamDefaultController');
    return getDesiredSize(this[kState]);
  }

  close() {
    checkThis(this, 'ReadableStreamDefaultController');
    const cs = this[kState];
    if (!canCloseOrEnqueue(cs)) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    close(cs);
  }

  enqueue(chunk = undefined) {
    checkThis(this, 'ReadableStreamDefaultController');
    const cs = this[kState];
    if (!canCloseOrEnqueue(cs)) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    enqueue(cs, chunk);
  }

  error(e = undefined) {
    checkThis(this, 'ReadableStreamDefaultController');
    error(this[kState], e);
  }

  [kInspect](depth, options) {
    return inspectAs('ReadableStreamDefaultController', {}, depth, options);
  }
}

ObjectDefineProperties(ReadableStreamDefaultController.prototype, {
  desiredSize: { __proto__: null, enumerable: true },
  close: { __proto__: null, enumerable: true },
  enqueue: { __proto__: null, enumerable: true },
  error: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'ReadableStreamDefaultController', configurable: true },
});

// Returns the controller's state; `start` gets the public controller object.
function setUp(ss, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm) {
  const object = { __proto__: ReadableStreamDefaultController.prototype };
  const cs = {
    type: 'ReadableStreamDefaultController', object, stream: ss,
    queue: undefined, queueHead: 0, queueTotalSize: 0, started: false, closeRequested: false,
    pullAgain: false, pulling: false, strategySizeAlgorithm: sizeAlgorithm,
    strategyHWM: highWaterMark, pullAlgorithm, cancelAlgorithm,
  };
  object[kState] = cs;
  resetQueue(cs);
  ss.controller = cs;
  const startResult = startAlgorithm(object);
  whenSettled(PromiseResolve(startResult), () => {
    cs.started = true;
    callPullIfNeeded(cs);
  }, (e) => error(cs, e));
  return cs;
}

function setUpFromSource(ss, source, highWaterMark, sizeAlgorithm) {
  const start = getMethod(source, 'start', 'source');
  const pull = getMethod(source, 'pull', 'source');
  const cancel = getMethod(source, 'cancel', 'source');
  setUp(ss,
        (controller) => (start === undefined ? undefined : FunctionPrototypeCall(start, source, controller)),
        (controller) => promiseCall(pull, source, controller),
        (reason) => promiseCall(cancel, source, reason),
        highWaterMark, sizeAlgorithm);
}

function callPullIfNeeded(cs) {
  pullIfNeeded(cs, shouldCallPull, error);
}

function shouldCallPull(cs) {
  if (!canCloseOrEnqueue(cs) || !cs.started) return false;
  const ss = cs.stream;
  if (rs.isReadableStreamLocked(ss) && ss.reader.type === 'ReadableStreamDefaultReader' &&
      rs.readableStreamGetNumReadRequests(ss) > 0) return true;
  return getDesiredSize(cs) > 0;
}

function clearAlgorithms(cs) {
  cs.pullAlgorithm = undefined;
  cs.cancelAlgorithm = undefined;
  cs.strategySizeAlgorithm = undefined;
}

function close(cs) {
  if (!canCloseOrEnqueue(cs)) return;
  cs.closeRequested = true;
  if (queueLength(cs) === 0) {
    clearAlgorithms(cs);
    rs.readableStreamClose(cs.stream);
  }
}

function enqueue(cs, chunk) {
  if (!canCloseOrEnqueue(cs)) return;
  const ss = cs.stream;
  if (rs.isReadableStreamLocked(ss) && rs.readableStreamGetNumReadRequests(ss) > 0) {
    rs.readableStreamFulfillReadRequest(ss, chunk, false);
  } else {
    try {
      enqueueValueWithSize(cs, chunk, cs.strategySizeAlgorithm(chunk));
    } catch (e) {
      error(cs, e);
      throw e;
    }
  }
  callPullIfNeeded(cs);
}

function error(cs, e) {
  const ss = cs.stream;
  if (ss.state !== 'readable') return;
  resetQueue(cs);
  clearAlgorithms(cs);
  rs.readableStreamError(ss, e);
}

function getDesiredSize(cs) {
  const state = cs.stream.state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return cs.strategyHWM - cs.queueTotalSize;
}

function hasBackpressure(cs) {
  return !shouldCallPull(cs);
}

function canCloseOrEnqueue(cs) {
  return !cs.closeRequested && cs.stream.state === 'readable';
}

function cancelSteps(cs, reason) {
  resetQueue(cs);
  const result = cs.cancelAlgorithm(reason);
  clearAlgorithms(cs);
  return result;
}

function pullSteps(cs, request) {
  const ss = cs.stream;
  if (queueLength(cs) > 0) {
    const chunk = dequeueValue(cs);
    if (cs.closeRequested && queueLength(cs) === 0) {
      clearAlgorithms(cs);
      rs.readableStreamClose(ss);
    } else {
      callPullIfNeeded(cs);
    }
    request.chunk(chunk);
  } else {
    ArrayPrototypePush(ss.reader.readRequests, request);
    callPullIfNeeded(cs);
  }
}

module.exports.ReadableStreamDefaultController = ReadableStreamDefaultController;
