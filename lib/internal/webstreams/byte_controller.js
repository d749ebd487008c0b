'use strict';
// ReadableByteStreamController and ReadableStreamBYOBRequest: the queue of a byte
// stream ({ type: 'bytes' }), the pending pull-into descriptors behind BYOB reads and
// autoAllocateChunkSize, and the spec's transfer of every buffer that changes hands
// (the giver's ArrayBuffer is left detached).

const {
  ArrayBuffer, ArrayBufferIsView, ArrayBufferPrototypeGetByteLength, ArrayBufferPrototypeSlice,
  ArrayPrototypePush, ArrayPrototypeShift, DataView, FunctionPrototypeCall, MathMin,
  NumberIsInteger, ObjectDefineProperties, PromiseResolve, SymbolToStringTag,
  TypedArrayPrototypeGetSymbolToStringTag, TypedArrayPrototypeSet, Uint8Array,
} = primordials;
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
} = require('internal/errors');
const {
  kState, kInspect, checkThis, whenSettled, callPullIfNeeded: pullIfNeeded, promiseCall, getMethod, resetQueue,
  transferArrayBuffer, isDetached, inspectAs,
} = require('internal/webstreams/util');

module.exports = { setUp, setUpFromSource, cancelSteps, pullSteps, releaseSteps, pullInto, close, enqueue, error };

const rs = require('internal/webstreams/readablestream');

const kViewTypes = {
  __proto__: null, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};

function viewConstructorOf(view) {
  const tag = TypedArrayPrototypeGetSymbolToStringTag(view);
  return tag === undefined ? DataView : kViewTypes[tag];
}

class ReadableByteStreamController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get byobRequest() {
    checkThis(this, 'ReadableByteStreamController');
    return getBYOBRequest(this[kState]);
  }

  get desiredSize() {
    checkThis(this, 'ReadableByteStreamController');
    return getDesiredSize(this[kState]);
  }

  close() {
    checkThis(this, 'ReadableByteStreamController');
    const cs = this[kState];
    if (cs.closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (cs.stream.state !== 'readable') throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    close(cs);
  }

  enqueue(chunk) {
    checkThis(this, 'ReadableByteStreamController');
    const cs = this[kState];
    if (!ArrayBufferIsView(chunk)) throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], chunk);
    if (chunk.byteLength === 0 || isDetached(chunk.buffer) || ArrayBufferPrototypeGetByteLength(chunk.buffer) === 0) {
      throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
    }
    if (cs.stream.state !== 'readable') throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    if (cs.closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    enqueue(cs, chunk);
  }

  error(e = undefined) {
    checkThis(this, 'ReadableByteStreamController');
    error(this[kState], e);
  }

  [kInspect](depth, options) {
    return inspectAs('ReadableByteStreamController', {}, depth, options);
  }
}

class ReadableStreamBYOBRequest {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get view() {
    checkThis(this, 'ReadableStreamBYOBRequest');
    return this[kState].view;
  }

  respond(bytesWritten) {
    checkThis(this, 'ReadableStreamBYOBRequest');
    const request = this[kState];
    if (request.controller === undefined) throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    if (isDetached(request.view.buffer)) throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    respond(request.controller, +bytesWritten);
  }

  respondWithNewView(view) {
    checkThis(this, 'ReadableStreamBYOBRequest');
    const request = this[kState];
    if (!ArrayBufferIsView(view)) throw new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view);
    if (request.controller === undefined) throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    if (isDetached(view.buffer)) throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    respondWithNewView(request.controller, view);
  }

  [kInspect](depth, options) {
    return inspectAs('ReadableStreamBYOBRequest', { view: this[kState].view, controller: this[kState].controller?.object }, depth, options);
  }
}

ObjectDefineProperties(ReadableByteStreamController.prototype, {
  byobRequest: { __proto__: null, enumerable: true },
  desiredSize: { __proto__: null, enumerable: true },
  close: { __proto__: null, enumerable: true },
  enqueue: { __proto__: null, enumerable: true },
  error: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'ReadableByteStreamController', configurable: true },
});
ObjectDefineProperties(ReadableStreamBYOBRequest.prototype, {
  view: { __proto__: null, enumerable: true },
  respond: { __proto__: null, enumerable: true },
  respondWithNewView: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: { __proto__: null, value: 'ReadableStreamBYOBRequest', configurable: true },
});

function setUp(ss, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, autoAllocateChunkSize) {
  const object = { __proto__: ReadableByteStreamController.prototype };
  const cs = {
    type: 'ReadableByteStreamController', object, stream: ss,
    queue: undefined, queueHead: 0, queueTotalSize: 0, started: false, closeRequested: false,
    pullAgain: false, pulling: false, strategyHWM: highWaterMark, pullAlgorithm, cancelAlgorithm,
    autoAllocateChunkSize, byobRequest: null, pendingPullIntos: [],
  };
  object[kState] = cs;
  resetQueue(cs);
  ss.controller = cs;
  whenSettled(PromiseResolve(startAlgorithm(object)), () => {
    cs.started = true;
    callPullIfNeeded(cs);
  }, (e) => error(cs, e));
  return cs;
}

function setUpFromSource(ss, source, highWaterMark) {
  const start = getMethod(source, 'start', 'source');
  const pull = getMethod(source, 'pull', 'source');
  const cancel = getMethod(source, 'cancel', 'source');
  const autoAllocate = source.autoAllocateChunkSize;
  if (autoAllocate !== undefined && (!NumberIsInteger(autoAllocate) || autoAllocate <= 0)) {
    throw new ERR_INVALID_ARG_VALUE('source.autoAllocateChunkSize', autoAllocate);
  }
  setUp(ss,
        (controller) => (start === undefined ? undefined : FunctionPrototypeCall(start, source, controller)),
        (controller) => promiseCall(pull, source, controller),
        (reason) => promiseCall(cancel, source, reason),
        highWaterMark, autoAllocate);
}

function readerType(ss) {
  return ss.reader === undefined ? undefined : ss.reader.type;
}

function numRequests(ss) {
  const reader = ss.reader;
  if (reader === undefined) return 0;
  return reader.type === 'ReadableStreamDefaultReader' ? reader.readRequests.length : reader.readIntoRequests.length;
}

function getBYOBRequest(cs) {
  if (cs.byobRequest === null && cs.pendingPullIntos.length > 0) {
    const first = cs.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled, first.byteLength - first.bytesFilled);
    const object = { __proto__: ReadableStreamBYOBRequest.prototype };
    object[kState] = { type: 'ReadableStreamBYOBRequest', controller: cs, view };
    cs.byobRequest = object;
  }
  return cs.byobRequest;
}

function invalidateBYOBRequest(cs) {
  if (cs.byobRequest === null) return;
  cs.byobRequest[kState].controller = undefined;
  cs.byobRequest[kState].view = null;
  cs.byobRequest = null;
}

function getDesiredSize(cs) {
  const state = cs.stream.state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return cs.strategyHWM - cs.queueTotalSize;
}

function shouldCallPull(cs) {
  const ss = cs.stream;
  if (ss.state !== 'readable' || cs.closeRequested || !cs.started) return false;
  if (numRequests(ss) > 0) return true;
  return getDesiredSize(cs) > 0;
}

function callPullIfNeeded(cs) {
  pullIfNeeded(cs, shouldCallPull, error);
}

function clearAlgorithms(cs) {
  cs.pullAlgorithm = undefined;
  cs.cancelAlgorithm = undefined;
}

function clearPendingPullIntos(cs) {
  invalidateBYOBRequest(cs);
  cs.pendingPullIntos = [];
}

function error(cs, e) {
  const ss = cs.stream;
  if (ss.state !== 'readable') return;
  clearPendingPullIntos(cs);
  resetQueue(cs);
  clearAlgorithms(cs);
  rs.readableStreamError(ss, e);
}

function close(cs) {
  const ss = cs.stream;
  if (cs.closeRequested || ss.state !== 'readable') return;
  if (cs.queueTotalSize > 0) {
    cs.closeRequested = true;
    return;
  }
  if (cs.pendingPullIntos.length > 0) {
    const first = cs.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = new ERR_INVALID_STATE.TypeError('Partial read');
      error(cs, e);
      throw e;
    }
  }
  cs.closeRequested = true;
  clearAlgorithms(cs);
  rs.readableStreamClose(ss);
}

function enqueueChunkToQueue(cs, buffer, byteOffset, byteLength) {
  ArrayPrototypePush(cs.queue, { buffer, byteOffset, byteLength });
  cs.queueTotalSize += byteLength;
}

function enqueueClonedChunkToQueue(cs, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = ArrayBufferPrototypeSlice(buffer, byteOffset, byteOffset + byteLength);
  } catch (e) {
    error(cs, e);
    throw e;
  }
  enqueueChunkToQueue(cs, clone, 0, byteLength);
}

function enqueueDetachedPullIntoToQueue(cs, pid) {
  if (pid.bytesFilled > 0) enqueueClonedChunkToQueue(cs, pid.buffer, pid.byteOffset, pid.bytesFilled);
  ArrayPrototypeShift(cs.pendingPullIntos);
}

function enqueue(cs, chunk) {
  const ss = cs.stream;
  if (cs.closeRequested || ss.state !== 'readable') return;
  const { byteOffset, byteLength } = chunk;
  const transferred = transferArrayBuffer(chunk.buffer);
  if (cs.pendingPullIntos.length > 0) {
    const first = cs.pendingPullIntos[0];
    if (isDetached(first.buffer)) throw new ERR_INVALID_STATE.TypeError('The BYOB request buffer is detached');
    invalidateBYOBRequest(cs);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.readerType === 'none') enqueueDetachedPullIntoToQueue(cs, first);
  }
  const type = readerType(ss);
  if (type === 'ReadableStreamDefaultReader') {
    processReadRequestsUsingQueue(cs);
    if (ss.reader.readRequests.length === 0) {
      enqueueChunkToQueue(cs, transferred, byteOffset, byteLength);
    } else {
      if (cs.pendingPullIntos.length > 0) ArrayPrototypeShift(cs.pendingPullIntos);
      rs.readableStreamFulfillReadRequest(ss, new Uint8Array(transferred, byteOffset, byteLength), false);
    }
  } else if (type === 'ReadableStreamBYOBReader') {
    enqueueChunkToQueue(cs, transferred, byteOffset, byteLength);
    processPullIntoDescriptorsUsingQueue(cs);
  } else {
    enqueueChunkToQueue(cs, transferred, byteOffset, byteLength);
  }
  callPullIfNeeded(cs);
}

function processReadRequestsUsingQueue(cs) {
  const reader = cs.stream.reader;
  while (reader.readRequests.length > 0 && cs.queueTotalSize > 0) {
    fillReadRequestFromQueue(cs, ArrayPrototypeShift(reader.readRequests));
  }
}

function fillReadRequestFromQueue(cs, request) {
  const entry = ArrayPrototypeShift(cs.queue);
  cs.queueTotalSize -= entry.byteLength;
  handleQueueDrain(cs);
  request.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function handleQueueDrain(cs) {
  if (cs.queueTotalSize === 0 && cs.closeRequested) {
    clearAlgorithms(cs);
    rs.readableStreamClose(cs.stream);
  } else {
    callPullIfNeeded(cs);
  }
}

function fillPullIntoDescriptorFromQueue(cs, pid) {
  const maxBytesToCopy = MathMin(cs.queueTotalSize, pid.byteLength - pid.bytesFilled);
  const maxBytesFilled = pid.bytesFilled + maxBytesToCopy;
  let remaining = maxBytesToCopy;
  let ready = false;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % pid.elementSize);
  if (maxAlignedBytes >= pid.elementSize) {
    remaining = maxAlignedBytes - pid.bytesFilled;
    ready = true;
  }
  while (remaining > 0) {
    const head = cs.queue[0];
    const bytesToCopy = MathMin(remaining, head.byteLength);
    const destStart = pid.byteOffset + pid.bytesFilled;
    TypedArrayPrototypeSet(new Uint8Array(pid.buffer, destStart, bytesToCopy),
                           new Uint8Array(head.buffer, head.byteOffset, bytesToCopy));
    if (head.byteLength === bytesToCopy) {
      ArrayPrototypeShift(cs.queue);
    } else {
      head.byteOffset += bytesToCopy;
      head.byteLength -= bytesToCopy;
    }
    cs.queueTotalSize -= bytesToCopy;
    pid.bytesFilled += bytesToCopy;
    remaining -= bytesToCopy;
  }
  return ready;
}

function convertPullIntoDescriptor(pid) {
  const buffer = transferArrayBuffer(pid.buffer);
  return new pid.viewConstructor(buffer, pid.byteOffset, pid.bytesFilled / pid.elementSize);
}

function commitPullIntoDescriptor(ss, pid) {
  const done = ss.state === 'closed';
  const filledView = convertPullIntoDescriptor(pid);
  if (pid.readerType === 'default') {
    rs.readableStreamFulfillReadRequest(ss, filledView, done);
  } else {
    const request = ArrayPrototypeShift(ss.reader.readIntoRequests);
    if (done) request.close(filledView);
    else request.chunk(filledView);
  }
}

function processPullIntoDescriptorsUsingQueue(cs) {
  while (cs.pendingPullIntos.length > 0) {
    if (cs.queueTotalSize === 0) return;
    const pid = cs.pendingPullIntos[0];
    if (fillPullIntoDescriptorFromQueue(cs, pid)) {
      ArrayPrototypeShift(cs.pendingPullIntos);
      commitPullIntoDescriptor(cs.stream, pid);
    }
  }
}

function pullInto(cs, view, request) {
  const ss = cs.stream;
  const viewConstructor = viewConstructorOf(view);
  const elementSize = viewConstructor === DataView ? 1 : viewConstructor.BYTES_PER_ELEMENT;
  const { byteOffset, byteLength } = view;
  let buffer;
  try {
    buffer = transferArrayBuffer(view.buffer);
  } catch (e) {
    request.error(e);
    return;
  }
  const pid = {
    buffer, bufferByteLength: ArrayBufferPrototypeGetByteLength(buffer), byteOffset,
    byteLength, bytesFilled: 0, elementSize, viewConstructor, readerType: 'byob',
  };
  if (cs.pendingPullIntos.length > 0) {
    ArrayPrototypePush(cs.pendingPullIntos, pid);
    ArrayPrototypePush(ss.reader.readIntoRequests, request);
    return;
  }
  if (ss.state === 'closed') {
    request.close(new viewConstructor(pid.buffer, byteOffset, 0));
    return;
  }
  if (cs.queueTotalSize > 0) {
    if (fillPullIntoDescriptorFromQueue(cs, pid)) {
      const filledView = convertPullIntoDescriptor(pid);
      handleQueueDrain(cs);
      request.chunk(filledView);
      return;
    }
    if (cs.closeRequested) {
      const e = new ERR_INVALID_STATE.TypeError('Partial read');
      error(cs, e);
      request.error(e);
      return;
    }
  }
  ArrayPrototypePush(cs.pendingPullIntos, pid);
  ArrayPrototypePush(ss.reader.readIntoRequests, request);
  callPullIfNeeded(cs);
}

function respond(cs, bytesWritten) {
  const first = cs.pendingPullIntos[0];
  if (cs.stream.state === 'closed') {
    if (bytesWritten !== 0) throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten, 'must be 0 for a closed stream');
  } else {
    if (bytesWritten === 0) throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten, 'must be greater than 0');
    if (!(first.bytesFilled + bytesWritten <= first.byteLength)) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferArrayBuffer(first.buffer);
  respondInternal(cs, bytesWritten);
}

function respondWithNewView(cs, view) {
  const first = cs.pendingPullIntos[0];
  if (cs.stream.state === 'closed') {
    if (view.byteLength !== 0) throw new ERR_INVALID_ARG_VALUE('view', view, 'must have zero length for a closed stream');
  } else if (view.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('view', view, 'must not have zero length');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view, 'does not match the region of byobRequest');
  }
  if (first.bufferByteLength !== ArrayBufferPrototypeGetByteLength(view.buffer)) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view, "'s buffer has a different capacity than byobRequest's");
  }
  if (first.bytesFilled + view.byteLength > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view, 'is larger than byobRequest');
  }
  const viewByteLength = view.byteLength;
  first.buffer = transferArrayBuffer(view.buffer);
  respondInternal(cs, viewByteLength);
}

function respondInternal(cs, bytesWritten) {
  const first = cs.pendingPullIntos[0];
  invalidateBYOBRequest(cs);
  const ss = cs.stream;
  if (ss.state === 'closed') {
    if (first.readerType === 'none') ArrayPrototypeShift(cs.pendingPullIntos);
    if (readerType(ss) === 'ReadableStreamBYOBReader') {
      while (ss.reader.readIntoRequests.length > 0) {
        commitPullIntoDescriptor(ss, ArrayPrototypeShift(cs.pendingPullIntos));
      }
    }
  } else {
    first.bytesFilled += bytesWritten;
    if (first.readerType === 'none') {
      enqueueDetachedPullIntoToQueue(cs, first);
      processPullIntoDescriptorsUsingQueue(cs);
    } else if (first.bytesFilled >= first.elementSize) {
      ArrayPrototypeShift(cs.pendingPullIntos);
      const remainder = first.bytesFilled % first.elementSize;
      if (remainder > 0) {
        const end = first.byteOffset + first.bytesFilled;
        enqueueClonedChunkToQueue(cs, first.buffer, end - remainder, remainder);
      }
      first.bytesFilled -= remainder;
      commitPullIntoDescriptor(ss, first);
      processPullIntoDescriptorsUsingQueue(cs);
    }
  }
  callPullIfNeeded(cs);
}

function pullSteps(cs, request) {
  const ss = cs.stream;
  if (cs.queueTotalSize > 0) {
    fillReadRequestFromQueue(cs, request);
    return;
  }
  const size = cs.autoAllocateChunkSize;
  if (size !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBuffer(size);
    } catch (e) {
      request.error(e);
      return;
    }
    ArrayPrototypePush(cs.pendingPullIntos, {
      buffer, bufferByteLength: size, byteOffset: 0, byteLength: size, bytesFilled: 0,
      elementSize: 1, viewConstructor: Uint8Array, readerType: 'default',
    });
  }
  ArrayPrototypePush(ss.reader.readRequests, request);
  callPullIfNeeded(cs);
}

function releaseSteps(cs) {
  if (cs.pendingPullIntos.length > 0) {
    const first = cs.pendingPullIntos[0];
    first.readerType = 'none';
    cs.pendingPullIntos = [first];
  }
}

function cancelSteps(cs, reason) {
  clearPendingPullIntos(cs);
  resetQueue(cs);
  const result = cs.cancelAlgorithm(reason);
  clearAlgorithms(cs);
  return result;
}

module.exports.ReadableByteStreamController = ReadableByteStreamController;
module.exports.ReadableStreamBYOBRequest = ReadableStreamBYOBRequest;
