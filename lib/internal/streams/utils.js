'use strict';
// Predicates over node streams (state inspection used by finished/pipeline) and the
// default highWaterMark. No internalBinding.

const {
  ArrayIsArray, ArrayPrototypePush, MathFloor, NumberIsInteger, ObjectKeys, ReflectApply, SymbolAsyncIterator,
  SymbolFor, SymbolIterator,
} = primordials;

const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');

let defaultHwm = 16 * 1024;
let defaultObjectHwm = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjectHwm : defaultHwm;
}

function setDefaultHighWaterMark(objectMode, value) {
  require('internal/validators').validateInteger(value, 'value', 0);
  if (objectMode) defaultObjectHwm = value;
  else defaultHwm = value;
}

// V8 marks each field of an object shape "const" until some object of that shape
// has it written with a second value, and optimized code that stores to a const
// field checks the value and depends on the constness. A stream's state has
// fields that first change when some stream ends (ended, finished, destroyed...),
// so the first stream to end threw away the optimized code of every hot stream
// function, compiled again in the next stream's run. Called once at load with a
// throwaway state: each boolean, number and null field is written with another
// value of its kind and back, so the shape's fields are mutable before any code
// is optimized (field representations are unchanged).
function makeFieldsMutable(state) {
  const keys = ObjectKeys(state);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = state[key];
    if (typeof value === 'boolean') state[key] = !value;
    else if (typeof value === 'number') state[key] = value + 1;
    else if (value === null) state[key] = undefined;
    else continue;
    state[key] = value;
  }
}

function getHighWaterMark(state, options, duplexKey, isDuplex) {
  let hwm = options.highWaterMark != null ? options.highWaterMark : (isDuplex ? options[duplexKey] : null);
  if (hwm != null) {
    if (!NumberIsInteger(hwm) || hwm < 0) {
      const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
      throw new ERR_INVALID_ARG_VALUE(name, hwm);
    }
    return MathFloor(hwm);
  }
  return getDefaultHighWaterMark(state.objectMode);
}

function isReadableNodeStream(obj, strict = false) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}

function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}

function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[SymbolAsyncIterator] === 'function';
  if (isAsync === false) return typeof obj[SymbolIterator] === 'function';
  return typeof obj[SymbolAsyncIterator] === 'function' || typeof obj[SymbolIterator] === 'function';
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const w = stream._writableState;
  const r = stream._readableState;
  const state = w || r;
  return !!(stream.destroyed || (state && state.destroyed));
}

function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (typeof (w && w.ended) !== 'boolean') return null;
  return w.ended;
}

function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (typeof (w && w.finished) !== 'boolean') return null;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}

function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const r = stream._readableState;
  if (r && r.errored) return false;
  if (typeof (r && r.endEmitted) !== 'boolean') return null;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}

function isReadable(stream) {
  if (stream && stream[SymbolFor('nodejs.stream.readable')] !== undefined) return stream[SymbolFor('nodejs.stream.readable')];
  if (stream && stream.readable != null && typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
  if (stream && stream.writable != null && typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
  if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
  return true;
}

function isWritableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.writableErrored) return stream.writableErrored;
  const w = stream._writableState;
  return (w && w.errored) != null ? w.errored : null;
}

function isReadableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.readableErrored) return stream.readableErrored;
  const r = stream._readableState;
  return (r && r.errored) != null ? r.errored : null;
}

function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  if (typeof stream.closed === 'boolean') return stream.closed;
  const w = stream._writableState;
  const r = stream._readableState;
  if (typeof (w && w.closed) === 'boolean' || typeof (r && r.closed) === 'boolean') {
    return !!((w && w.closed) || (r && r.closed));
  }
  if (typeof stream._closed === 'boolean' && isOutgoingMessage(stream)) return stream._closed;
  return null;
}

function isOutgoingMessage(stream) {
  return typeof stream._closed === 'boolean' && typeof stream._defaultKeepAlive === 'boolean' &&
    typeof stream._removedConnection === 'boolean' && typeof stream._removedContLen === 'boolean';
}

function isRequest(stream) {
  return !!(stream && typeof stream.setHeader === 'function' && typeof stream.abort === 'function');
}

function willEmitClose(stream) {
  if (!isNodeStream(stream)) return null;
  const w = stream._writableState;
  const r = stream._readableState;
  const state = w || r;
  return (!state && isOutgoingMessage(stream)) || !!(state && state.autoDestroy && state.emitClose && state.closed === false);
}

function isErrored(stream) {
  // A web ReadableStream answers through a symbol (see internal/webstreams/readablestream).
  if (stream && stream[SymbolFor('nodejs.stream.errored')] !== undefined) return !!stream[SymbolFor('nodejs.stream.errored')];
  return !!(stream && (stream.readableErrored || stream.writableErrored ||
    (stream._readableState && stream._readableState.errored) ||
    (stream._writableState && stream._writableState.errored)));
}

function once(fn) {
  let called = false;
  return function(...args) {
    if (called) return;
    called = true;
    return ReflectApply(fn, this, args);
  };
}

// The callback Writable gives a write() made without one (fs.WriteStream checks
// for it: only writes nobody waits on may be gathered ahead of their turn).
const writeNop = () => {};

function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (ArrayIsArray(outer.errors)) {
      ArrayPrototypePush(outer.errors, inner);
      return outer;
    }
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}

module.exports = {
  getDefaultHighWaterMark, setDefaultHighWaterMark, getHighWaterMark, makeFieldsMutable,
  isReadableNodeStream, isWritableNodeStream, isNodeStream, isIterable, isDestroyed,
  isWritableEnded, isWritableFinished, isReadableFinished, isReadable, isWritable, isFinished,
  isWritableErrored, isReadableErrored, isClosed, isRequest, willEmitClose, isErrored, once,
  aggregateTwoErrors, writeNop,
};
