'use strict';
// ReadableStreamDefaultReader and ReadableStreamBYOBReader, with the generic reader
// operations (attach, release, cancel) and the read-request bookkeeping the
// controllers fulfil.

const {
  ArrayBufferIsView, ObjectDefineProperties, PromiseReject, SymbolToStringTag,
} = primordials;
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
} = require('internal/errors');
const {
  kState, kInspect, checkThis, rejectThis, createDeferred, setHandled, isBrand, inspectAs,
  iteratorResult, isDetached,
} = require('internal/webstreams/util');

module.exports = { genericRelease, genericCancel, defaultReaderRead, errorReadRequests, errorReadIntoRequests };

const rs = require('internal/webstreams/readablestream');
const defaultController = require('internal/webstreams/default_controller');
const byteController = require('internal/webstreams/byte_controller');

function notAttached() {
  return PromiseReject(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
}

function genericInitialize(reader, stream) {
  if (!rs.isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
  const ss = stream[kState];
  if (rs.isReadableStreamLocked(ss)) throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
  reader.stream = ss;
  ss.reader = reader;
  reader.closed = createDeferred();
  if (ss.state === 'closed') {
    reader.closed.resolve();
  } else if (ss.state === 'errored') {
    reader.closed.reject(ss.storedError);
    setHandled(reader.closed.promise);
  }
}

function genericRelease(reader) {
  const ss = reader.stream;
  const error = new ERR_INVALID_STATE.TypeError('Reader released');
  if (ss.state !== 'readable') reader.closed = createDeferred();
  reader.closed.reject(error);
  setHandled(reader.closed.promise);
  const cs = ss.controller;
  if (cs.type === 'ReadableByteStreamController') byteController.releaseSteps(cs);
  ss.reader = undefined;
  reader.stream = undefined;
  if (reader.type === 'ReadableStreamDefaultReader') errorReadRequests(reader, error);
  else errorReadIntoRequests(reader, error);
}

function genericCancel(reader, reason) {
  return rs.readableStreamCancel(reader.stream, reason);
}

function errorReadRequests(reader, error) {
  const requests = reader.readRequests;
  reader.readRequests = [];
  for (let i = 0; i < requests.length; i++) requests[i].error(error);
}

function errorReadIntoRequests(reader, error) {
  const requests = reader.readIntoRequests;
  reader.readIntoRequests = [];
  for (let i = 0; i < requests.length; i++) requests[i].error(error);
}

function defaultReaderRead(reader, request) {
  const ss = reader.stream;
  ss.disturbed = true;
  if (ss.state === 'closed') request.close();
  else if (ss.state === 'errored') request.error(ss.storedError);
  else if (ss.controller.type === 'ReadableByteStreamController') byteController.pullSteps(ss.controller, request);
  else defaultController.pullSteps(ss.controller, request);
}

function promiseRequest(deferred) {
  return {
    chunk(value) { deferred.resolve(iteratorResult(value, false)); },
    close(value) { deferred.resolve(iteratorResult(value, true)); },
    error(e) { deferred.reject(e); },
  };
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    const reader = {
      type: 'ReadableStreamDefaultReader', object: this, stream: undefined,
      closed: undefined, readRequests: [],
    };
    genericInitialize(reader, stream);
    this[kState] = reader;
  }

  read() {
    if (!isBrand(this, 'ReadableStreamDefaultReader')) return rejectThis('ReadableStreamDefaultReader');
    const reader = this[kState];
    if (reader.stream === undefined) return notAttached();
    const deferred = createDeferred();
    defaultReaderRead(reader, promiseRequest(deferred));
    return deferred.promise;
  }

  releaseLock() {
    checkReader(this, 'ReadableStreamDefaultReader');
    if (this[kState].stream !== undefined) genericRelease(this[kState]);
  }

  get closed() {
    if (!isBrand(this, 'ReadableStreamDefaultReader')) return rejectThis('ReadableStreamDefaultReader');
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    if (!isBrand(this, 'ReadableStreamDefaultReader')) return rejectThis('ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return notAttached();
    return genericCancel(this[kState], reason);
  }

  [kInspect](depth, options) {
    const reader = this[kState];
    return inspectAs('ReadableStreamDefaultReader', {
      stream: reader.stream === undefined ? undefined : reader.stream.object,
      readRequests: reader.readRequests.length, close: reader.closed.promise,
    }, depth, options);
  }
}

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!rs.isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    if (stream[kState].controller.type !== 'ReadableByteStreamController' && !rs.isReadableStreamLocked(stream[kState])) {
      throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
    }
    const reader = {
      type: 'ReadableStreamBYOBReader', object: this, stream: undefined,
      closed: undefined, readIntoRequests: [],
    };
    genericInitialize(reader, stream);
    this[kState] = reader;
  }

  read(view, options = undefined) {
    if (!isBrand(this, 'ReadableStreamBYOBReader')) return rejectThis('ReadableStreamBYOBReader');
    if (!ArrayBufferIsView(view)) {
      return PromiseReject(new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    if (view.byteLength === 0 || isDetached(view.buffer)) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    const reader = this[kState];
    if (reader.stream === undefined) return notAttached();
    const deferred = createDeferred();
    const ss = reader.stream;
    ss.disturbed = true;
    const request = promiseRequest(deferred);
    if (ss.state === 'errored') request.error(ss.storedError);
    else byteController.pullInto(ss.controller, view, request);
    return deferred.promise;
  }

  releaseLock() {
    checkReader(this, 'ReadableStreamBYOBReader');
    if (this[kState].stream !== undefined) genericRelease(this[kState]);
  }

  get closed() {
    if (!isBrand(this, 'ReadableStreamBYOBReader')) return rejectThis('ReadableStreamBYOBReader');
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    if (!isBrand(this, 'ReadableStreamBYOBReader')) return rejectThis('ReadableStreamBYOBReader');
    if (this[kState].stream === undefined) return notAttached();
    return genericCancel(this[kState], reason);
  }

  [kInspect](depth, options) {
    const reader = this[kState];
    return inspectAs('ReadableStreamBYOBReader', {
      stream: reader.stream === undefined ? undefined : reader.stream.object,
      readIntoRequests: reader.readIntoRequests.length, close: reader.closed.promise,
    }, depth, options);
  }
}

function checkReader(self, type) {
  checkThis(self, type);
}

function defineMembers(cls, name) {
  ObjectDefineProperties(cls.prototype, {
    read: { __proto__: null, enumerable: true },
    releaseLock: { __proto__: null, enumerable: true },
    closed: { __proto__: null, enumerable: true },
    cancel: { __proto__: null, enumerable: true },
    [SymbolToStringTag]: { __proto__: null, value: name, configurable: true },
  });
}
defineMembers(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader');
defineMembers(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader');

module.exports.ReadableStreamDefaultReader = ReadableStreamDefaultReader;
module.exports.ReadableStreamBYOBReader = ReadableStreamBYOBReader;
