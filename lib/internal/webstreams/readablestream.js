'use strict';
// ReadableStream (WHATWG Streams Standard): the class, the stream-level abstract
// operations the controllers and readers call (cancel, close, error, fulfilling read
// requests), async iteration, and ReadableStream.from. Internal operations work on
// the state objects kept under kState; each state's `object` is the public object.

const {
  ArrayPrototypeShift, FunctionPrototypeCall, ObjectDefineProperties, ObjectDefineProperty,
  ObjectGetPrototypeOf,
  ObjectSetPrototypeOf, PromiseReject, PromiseResolve, SymbolAsyncIterator, SymbolIterator,
  SymbolFor, SymbolToStringTag,
} = primordials;
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_ARG_NOT_ITERABLE,
  },
} = require('internal/errors');
const {
  kState, kInspect, isBrand, checkThis, rejectThis, createDeferred, setHandled, whenSettled,
  promiseCall, extractHighWaterMark, extractSizeAlgorithm, inspectAs, iteratorResult,
} = require('internal/webstreams/util');

// Exported before the cycle below is entered: the other files read these at call time.
module.exports = {
  readableStreamCancel, readableStreamClose, readableStreamError, readableStreamFulfillReadRequest,
  readableStreamGetNumReadRequests, isReadableStreamLocked, createReadableStream, newStreamState,
  isReadableStream, acquireDefaultReader,
};

const readers = require('internal/webstreams/readers');
const defaultController = require('internal/webstreams/default_controller');
const byteController = require('internal/webstreams/byte_controller');
const finished = require('internal/webstreams/finished');

function newStreamState(object) {
  return {
    type: 'ReadableStream', object, state: 'readable', storedError: undefined,
    reader: undefined, controller: undefined, disturbed: false, eos: undefined,
  };
}

function isReadableStream(value) {
  return isBrand(value, 'ReadableStream');
}

class ReadableStream {
  constructor(source = undefined, strategy = {}) {
    if (source === null) source = undefined;
    if (source !== undefined && typeof source !== 'object') throw new ERR_INVALID_ARG_TYPE('source', 'Object', source);
    if (strategy !== undefined && strategy !== null && typeof strategy !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('strategy', 'Object', strategy);
    }
    const ss = newStreamState(this);
    this[kState] = ss;
    const type = source === undefined ? undefined : source.type;
    if (`${type}` === 'bytes') {
      if (strategy != null && strategy.size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', strategy.size);
      }
      byteController.setUpFromSource(ss, source, extractHighWaterMark(strategy, 0));
    } else if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('source.type', type);
    } else {
      defaultController.setUpFromSource(ss, source, extractHighWaterMark(strategy, 1),
                                        extractSizeAlgorithm(strategy));
    }
  }

  get locked() {
    checkThis(this, 'ReadableStream');
    return isReadableStreamLocked(this[kState]);
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) return rejectThis('ReadableStream');
    const ss = this[kState];
    if (isReadableStreamLocked(ss)) return PromiseReject(new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    return readableStreamCancel(ss, reason);
  }

  getReader(options = undefined) {
    checkThis(this, 'ReadableStream');
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const mode = options === undefined ? undefined : options.mode;
    if (mode === undefined) return acquireDefaultReader(this[kState]).object;
    if (`${mode}` !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new readers.ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = {}) {
    checkThis(this, 'ReadableStream');
    return require('internal/webstreams/pipe').pipeThrough(this, transform, options);
  }

  pipeTo(destination, options = {}) {
    if (!isReadableStream(this)) return rejectThis('ReadableStream');
    return require('internal/webstreams/pipe').pipeTo(this, destination, options);
  }

  tee() {
    checkThis(this, 'ReadableStream');
    return require('internal/webstreams/tee').readableStreamTee(this[kState]);
  }

  values(options = undefined) {
    checkThis(this, 'ReadableStream');
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const preventCancel = options !== undefined && !!options.preventCancel;
    return createAsyncIterator(this[kState], preventCancel);
  }

  [kInspect](depth, options) {
    const ss = this[kState];
    return inspectAs('ReadableStream', {
      locked: isReadableStreamLocked(ss), state: ss.state, supportsBYOB: ss.controller.type === 'ReadableByteStreamController',
    }, depth, options);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }
}

ObjectDefineProperty(ReadableStream, 'from', { __proto__: null, enumerable: true });
ObjectDefineProperties(ReadableStream.prototype, {
  locked: { __proto__: null, enumerable: true },
  cancel: { __proto__: null, enumerable: true },
  getReader: { __proto__: null, enumerable: true },
  pipeThrough: { __proto__: null, enumerable: true },
  pipeTo: { __proto__: null, enumerable: true },
  tee: { __proto__: null, enumerable: true },
  values: { __proto__: null, enumerable: true },
  [SymbolAsyncIterator]: { __proto__: null, value: ReadableStream.prototype.values, writable: true, configurable: true },
  // Read by stream.isDisturbed / isErrored / isReadable (internal/streams/utils).
  [SymbolFor('nodejs.stream.disturbed')]: {
    __proto__: null, configurable: true, get() { return this[kState].disturbed; },
  },
  [SymbolFor('nodejs.stream.errored')]: {
    __proto__: null, configurable: true, get() { return this[kState].state === 'errored' ? this[kState].storedError : null; },
  },
  [SymbolFor('nodejs.stream.readable')]: {
    __proto__: null, configurable: true, get() { return this[kState].state === 'readable'; },
  },
  [SymbolToStringTag]: { __proto__: null, value: 'ReadableStream', configurable: true },
});

// A stream made by coil itself (TransformStream, tee, from): the class's prototype
// without running the public constructor.
function createReadableStream(setUp) {
  const object = { __proto__: ReadableStream.prototype };
  const ss = newStreamState(object);
  object[kState] = ss;
  setUp(ss);
  return ss;
}

function isReadableStreamLocked(ss) {
  return ss.reader !== undefined;
}

function acquireDefaultReader(ss) {
  return new readers.ReadableStreamDefaultReader(ss.object)[kState];
}

function readableStreamCancel(ss, reason) {
  ss.disturbed = true;
  if (ss.state === 'closed') return PromiseResolve();
  if (ss.state === 'errored') return PromiseReject(ss.storedError);
  readableStreamClose(ss);
  const reader = ss.reader;
  if (reader !== undefined && reader.type === 'ReadableStreamBYOBReader') {
    const requests = reader.readIntoRequests;
    reader.readIntoRequests = [];
    for (let i = 0; i < requests.length; i++) requests[i].close(undefined);
  }
  const cs = ss.controller;
  const sourceCancel = cs.type === 'ReadableByteStreamController' ?
    byteController.cancelSteps(cs, reason) : defaultController.cancelSteps(cs, reason);
  return whenSettled(sourceCancel, () => undefined);
}

function readableStreamClose(ss) {
  ss.state = 'closed';
  finished.settleEnd(ss, undefined, false);
  const reader = ss.reader;
  if (reader === undefined) return;
  reader.closed.resolve();
  if (reader.type === 'ReadableStreamDefaultReader') {
    const requests = reader.readRequests;
    reader.readRequests = [];
    for (let i = 0; i < requests.length; i++) requests[i].close();
  }
}

function readableStreamError(ss, error) {
  ss.state = 'errored';
  ss.storedError = error;
  finished.settleEnd(ss, error, true);
  const reader = ss.reader;
  if (reader === undefined) return;
  reader.closed.reject(error);
  setHandled(reader.closed.promise);
  if (reader.type === 'ReadableStreamDefaultReader') readers.errorReadRequests(reader, error);
  else readers.errorReadIntoRequests(reader, error);
}

function readableStreamFulfillReadRequest(ss, chunk, done) {
  const request = ArrayPrototypeShift(ss.reader.readRequests);
  if (done) request.close();
  else request.chunk(chunk);
}

function readableStreamGetNumReadRequests(ss) {
  return ss.reader.readRequests.length;
}

// ---- async iteration ----
const AsyncIteratorPrototype = ObjectGetPrototypeOf(ObjectGetPrototypeOf(async function* () {}).prototype);

const ReadableStreamAsyncIteratorPrototype = ObjectSetPrototypeOf({
  next() {
    const it = this[kState];
    if (it === undefined) return rejectThis('ReadableStreamAsyncIterator');
    const run = () => iteratorNext(it);
    it.ongoing = it.ongoing === undefined ? run() : whenSettled(it.ongoing, run, run);
    return it.ongoing;
  },
  return(value = undefined) {
    const it = this[kState];
    if (it === undefined) return rejectThis('ReadableStreamAsyncIterator');
    const run = () => iteratorReturn(it, value);
    it.ongoing = it.ongoing === undefined ? run() : whenSettled(it.ongoing, run, run);
    return it.ongoing;
  },
}, AsyncIteratorPrototype);

// The iterator's end results list `done` first, as node's do.
function endResult(value) {
  return { done: true, value };
}

const iteratorSelf = {
  [SymbolAsyncIterator]() { return this; },
}[SymbolAsyncIterator];

// The iterator carries next/return/@@asyncIterator as own properties (so util.inspect
// prints them as node's does); its state is a non-enumerable slot.
function createAsyncIterator(ss, preventCancel) {
  const reader = acquireDefaultReader(ss);
  const iterator = { __proto__: ReadableStreamAsyncIteratorPrototype };
  iterator.next = ReadableStreamAsyncIteratorPrototype.next;
  iterator.return = ReadableStreamAsyncIteratorPrototype.return;
  iterator[SymbolAsyncIterator] = iteratorSelf;
  ObjectDefineProperty(iterator, kState, {
    __proto__: null,
    value: { reader, preventCancel, ongoing: undefined, finished: false },
  });
  return iterator;
}

function iteratorNext(it) {
  if (it.finished) return PromiseResolve(endResult(undefined));
  const reader = it.reader;
  const deferred = createDeferred();
  readers.defaultReaderRead(reader, {
    chunk(value) { deferred.resolve(iteratorResult(value, false)); },
    close() {
      it.finished = true;
      readers.genericRelease(reader);
      deferred.resolve(endResult(undefined));
    },
    error(e) {
      it.finished = true;
      readers.genericRelease(reader);
      deferred.reject(e);
    },
  });
  return deferred.promise;
}

function iteratorReturn(it, value) {
  if (it.finished) return PromiseResolve(endResult(value));
  it.finished = true;
  const reader = it.reader;
  if (reader.stream === undefined) return PromiseResolve(endResult(value));
  if (!it.preventCancel) {
    const result = readers.genericCancel(reader, value);
    readers.genericRelease(reader);
    return whenSettled(result, () => endResult(value));
  }
  readers.genericRelease(reader);
  return PromiseResolve(endResult(value));
}

// ---- ReadableStream.from ----
function getAsyncIterator(iterable) {
  const asyncMethod = iterable == null ? undefined : iterable[SymbolAsyncIterator];
  if (asyncMethod != null) return FunctionPrototypeCall(asyncMethod, iterable);
  const syncMethod = iterable == null ? undefined : iterable[SymbolIterator];
  if (typeof syncMethod !== 'function') throw new ERR_ARG_NOT_ITERABLE(iterable);
  const sync = FunctionPrototypeCall(syncMethod, iterable);
  // The spec's CreateAsyncFromSyncIterator: each value is awaited before it is handed on.
  return {
    next() {
      const result = sync.next();
      return whenSettled(PromiseResolve(result.value), (value) => ({ value, done: !!result.done }));
    },
    return(value) {
      const method = sync.return;
      if (method === undefined) return PromiseResolve({ value, done: true });
      return PromiseResolve(FunctionPrototypeCall(method, sync, value));
    },
  };
}

function readableStreamFromIterable(iterable) {
  const iterator = getAsyncIterator(iterable);
  if (iterator === null || typeof iterator !== 'object') throw new ERR_INVALID_STATE.TypeError('The iterator method must return an object');
  let cs;
  const pull = () => whenSettled(promiseCall(iterator.next, iterator), (result) => {
    if (result === null || typeof result !== 'object') throw new ERR_INVALID_STATE.TypeError('The iterator.next() method must return an object');
    if (result.done) defaultController.close(cs);
    else defaultController.enqueue(cs, result.value);
  });
  const cancel = (reason) => {
    let method;
    try {
      method = iterator.return;
    } catch (error) {
      return PromiseReject(error);
    }
    if (method == null) return PromiseResolve();
    return whenSettled(promiseCall(method, iterator, reason), (result) => {
      if (result === null || typeof result !== 'object') throw new ERR_INVALID_STATE.TypeError('The iterator.return() method must return an object');
    });
  };
  return createReadableStream((ss) => {
    cs = defaultController.setUp(ss, () => undefined, pull, cancel, 0, () => 1);
  }).object;
}

module.exports.ReadableStream = ReadableStream;
