'use strict';
// TransformStream and TransformStreamDefaultController: a writable side whose writes
// run the transformer and a readable side that receives what it enqueues, with
// backpressure from the readable side holding writes back, and flush/cancel/abort
// settling both sides once (the controller's finish promise).

const {
  FunctionPrototypeCall, ObjectDefineProperties, PromiseReject, PromiseResolve, SymbolToStringTag,
} = primordials;
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
} = require('internal/errors');
const {
  kState, kInspect, checkThis, isBrand, createDeferred, whenSettled, promiseCall, getMethod,
  extractHighWaterMark, extractSizeAlgorithm, inspectAs,
} = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');
const readableController = require('internal/webstreams/default_controller');
const ws_ = require('internal/webstreams/writablestream');
const writableController = require('internal/webstreams/writable_controller');

class TransformStream {
  constructor(transformer = undefined, writableStrategy = {}, readableStrategy = {}) {
    if (transformer === null) transformer = undefined;
    if (transformer !== undefined && typeof transformer !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('transformer', 'Object', transformer);
    }
    if (transformer !== undefined && transformer.readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', transformer.readableType);
    }
    if (transformer !== undefined && transformer.writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', transformer.writableType);
    }
    const readableHWM = extractHighWaterMark(readableStrategy, 0);
    const readableSize = extractSizeAlgorithm(readableStrategy);
    const writableHWM = extractHighWaterMark(writableStrategy, 1);
    const writableSize = extractSizeAlgorithm(writableStrategy);
    const start = getMethod(transformer, 'start', 'transformer');
    const transform = getMethod(transformer, 'transform', 'transformer');
    const flush = getMethod(transformer, 'flush', 'transformer');
    const cancel = getMethod(transformer, 'cancel', 'transformer');
    const startPromise = createDeferred();
    const ts = initialize(this, startPromise.promise, writableHWM, writableSize, readableHWM, readableSize);
    const transformAlgorithm = transform === undefined ?
      (chunk) => {
        try {
          enqueue(ts.controller, chunk);
          return PromiseResolve();
        } catch (e) {
          return PromiseReject(e);
        }
      } :
      (chunk) => promiseCall(transform, transformer, chunk, ts.controller.object);
    setUpController(ts, transformAlgorithm,
                    () => promiseCall(flush, transformer, ts.controller.object),
                    (reason) => promiseCall(cancel, transformer, reason));
    if (start === undefined) startPromise.resolve();
    else startPromise.resolve(FunctionPrototypeCall(start, transformer, ts.controller.object));
  }

  get readable() {
    checkThis(this, 'TransformStream');
    return this[kState].readable.object;
  }

  get writable() {
    checkThis(this, 'TransformStream');
    return this[kState].writable.object;
  }

  [kInspect](depth, options) {
    const ts = this[kState];
    return inspectAs('TransformStream', {
      readable: ts.readable.object, writable: ts.writable.object, backpressure: ts.backpressure,
    }, depth, options);
  }
}

ObjectDefineProperties(TransformStream.prototype, {
  readable: { __proto__: null, enumerable: true },
  writable: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'TransformStream', configurable: true },
});

class TransformStreamDefaultController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    checkThis(this, 'TransformStreamDefaultController');
    return readableController.getDesiredSize(this[kState].stream.readable.controller);
  }

  enqueue(chunk = undefined) {
    checkThis(this, 'TransformStreamDefaultController');
    enqueue(this[kState], chunk);
  }

  error(reason = undefined) {
    checkThis(this, 'TransformStreamDefaultController');
    transformStreamError(this[kState].stream, reason);
  }

  terminate() {
    checkThis(this, 'TransformStreamDefaultController');
    const ts = this[kState].stream;
    readableController.close(ts.readable.controller);
    errorWritableAndUnblockWrite(ts, new ERR_INVALID_STATE.TypeError('TransformStream terminated'));
  }

  [kInspect](depth, options) {
    return inspectAs('TransformStreamDefaultController', { stream: this[kState].stream.object }, depth, options);
  }
}

ObjectDefineProperties(TransformStreamDefaultController.prototype, {
  desiredSize: { __proto__: null, enumerable: true },
  enqueue: { __proto__: null, enumerable: true },
  error: { __proto__: null, enumerable: true },
  terminate: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'TransformStreamDefaultController', configurable: true },
});

function initialize(object, startPromise, writableHWM, writableSize, readableHWM, readableSize) {
  const ts = {
    type: 'TransformStream', object, readable: undefined, writable: undefined,
    backpressure: undefined, backpressureChange: undefined, controller: undefined,
  };
  object[kState] = ts;
  const startAlgorithm = () => startPromise;
  ts.writable = ws_.createWritableStream((ws) => writableController.setUp(ws, startAlgorithm,
    (chunk) => sinkWrite(ts, chunk), () => sinkClose(ts), (reason) => sinkAbort(ts, reason),
    writableHWM, writableSize));
  ts.readable = rs.createReadableStream((ss) => readableController.setUp(ss, startAlgorithm,
    () => sourcePull(ts), (reason) => sourceCancel(ts, reason), readableHWM, readableSize));
  setBackpressure(ts, true);
  return ts;
}

function setUpController(ts, transformAlgorithm, flushAlgorithm, cancelAlgorithm) {
  const object = { __proto__: TransformStreamDefaultController.prototype };
  const cs = {
    type: 'TransformStreamDefaultController', object, stream: ts,
    transformAlgorithm, flushAlgorithm, cancelAlgorithm, finish: undefined,
  };
  object[kState] = cs;
  ts.controller = cs;
}

function clearAlgorithms(cs) {
  cs.transformAlgorithm = undefined;
  cs.flushAlgorithm = undefined;
  cs.cancelAlgorithm = undefined;
}

function enqueue(cs, chunk) {
  const ts = cs.stream;
  const rc = ts.readable.controller;
  if (!readableController.canCloseOrEnqueue(rc)) throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  try {
    readableController.enqueue(rc, chunk);
  } catch (e) {
    errorWritableAndUnblockWrite(ts, e);
    throw ts.readable.storedError;
  }
  const backpressure = readableController.hasBackpressure(rc);
  if (backpressure !== ts.backpressure) setBackpressure(ts, true);
}

function transformStreamError(ts, e) {
  readableController.error(ts.readable.controller, e);
  errorWritableAndUnblockWrite(ts, e);
}

function errorWritableAndUnblockWrite(ts, e) {
  clearAlgorithms(ts.controller);
  writableController.errorIfNeeded(ts.writable.controller, e);
  unblockWrite(ts);
}

function unblockWrite(ts) {
  if (ts.backpressure) setBackpressure(ts, false);
}

function setBackpressure(ts, backpressure) {
  if (ts.backpressureChange !== undefined) ts.backpressureChange.resolve();
  ts.backpressureChange = createDeferred();
  ts.backpressure = backpressure;
}

function performTransform(cs, chunk) {
  return whenSettled(cs.transformAlgorithm(chunk), undefined, (r) => {
    transformStreamError(cs.stream, r);
    throw r;
  });
}

function sinkWrite(ts, chunk) {
  const cs = ts.controller;
  if (ts.backpressure) {
    return whenSettled(ts.backpressureChange.promise, () => {
      if (ts.writable.state === 'erroring') throw ts.writable.storedError;
      return performTransform(cs, chunk);
    });
  }
  return performTransform(cs, chunk);
}

function sinkAbort(ts, reason) {
  const cs = ts.controller;
  if (cs.finish !== undefined) return cs.finish.promise;
  const readable = ts.readable;
  cs.finish = createDeferred();
  const cancelPromise = cs.cancelAlgorithm(reason);
  clearAlgorithms(cs);
  whenSettled(cancelPromise, () => {
    if (readable.state === 'errored') {
      cs.finish.reject(readable.storedError);
    } else {
      readableController.error(readable.controller, reason);
      cs.finish.resolve();
    }
  }, (r) => {
    readableController.error(readable.controller, r);
    cs.finish.reject(r);
  });
  return cs.finish.promise;
}

function sinkClose(ts) {
  const cs = ts.controller;
  if (cs.finish !== undefined) return cs.finish.promise;
  const readable = ts.readable;
  cs.finish = createDeferred();
  const flushPromise = cs.flushAlgorithm();
  clearAlgorithms(cs);
  whenSettled(flushPromise, () => {
    if (readable.state === 'errored') {
      cs.finish.reject(readable.storedError);
    } else {
      readableController.close(readable.controller);
      cs.finish.resolve();
    }
  }, (r) => {
    readableController.error(readable.controller, r);
    cs.finish.reject(r);
  });
  return cs.finish.promise;
}

function sourcePull(ts) {
  setBackpressure(ts, false);
  return ts.backpressureChange.promise;
}

function sourceCancel(ts, reason) {
  const cs = ts.controller;
  if (cs.finish !== undefined) return cs.finish.promise;
  const writable = ts.writable;
  cs.finish = createDeferred();
  const cancelPromise = cs.cancelAlgorithm(reason);
  clearAlgorithms(cs);
  whenSettled(cancelPromise, () => {
    if (writable.state === 'errored') {
      cs.finish.reject(writable.storedError);
    } else {
      writableController.errorIfNeeded(writable.controller, reason);
      unblockWrite(ts);
      cs.finish.resolve();
    }
  }, (r) => {
    writableController.errorIfNeeded(writable.controller, r);
    unblockWrite(ts);
    cs.finish.reject(r);
  });
  return cs.finish.promise;
}

function isTransformStream(value) {
  return isBrand(value, 'TransformStream');
}

module.exports = { TransformStream, TransformStreamDefaultController, isTransformStream };
