'use strict';
// Shared pieces of the WHATWG Streams Standard (stream/web): the internal slots every
// stream object keeps under one symbol, the "queue with sizes" the controllers use,
// queuing strategy extraction, promise helpers that a patched Promise.prototype.then
// cannot reach, and node's error shapes for wrong receivers and bad arguments.

const {
  ArrayBufferPrototypeGetByteLength, ArrayBufferPrototypeSlice, ArrayPrototypeSlice, MathMax,
  NumberIsNaN, Promise, PromisePrototypeThen, PromiseReject, PromiseResolve, ReflectApply, Symbol,
  SymbolFor,
} = primordials;
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS },
} = require('internal/errors');

// Every stream class keeps its slots in `this[kState]`, a state object whose `type`
// names the class, so a brand check is two property reads. State objects, queue
// entries and read requests are ordinary literals (a `__proto__: null` literal is a
// slow dictionary-mode object); each is made with every property it is ever read
// for, so no lookup reaches Object.prototype.
const kState = Symbol('kState');
const kInspect = SymbolFor('nodejs.util.inspect.custom');

function isBrand(value, type) {
  if (value === null || typeof value !== 'object') return false;
  const state = value[kState];
  return state !== undefined && state.type === type;
}

function checkThis(self, type) {
  if (!isBrand(self, type)) throw new ERR_INVALID_THIS(type);
}

// A rejected promise for methods that must reject, not throw, on a bad receiver.
function rejectThis(type) {
  return PromiseReject(new ERR_INVALID_THIS(type));
}

function noop() {}

// { promise, resolve, reject }: the spec's "a new promise" with its resolving functions.
function createDeferred() {
  const deferred = { promise: undefined, resolve: undefined, reject: undefined };
  deferred.promise = new Promise((resolve, reject) => {
    deferred.resolve = resolve;
    deferred.reject = reject;
  });
  return deferred;
}

// The same with `settled`, which lets the writer tell a pending ready/closed promise
// from one it must replace (only those pay for the wrapping closures).
function createTrackedDeferred() {
  const deferred = { promise: undefined, resolve: undefined, reject: undefined, settled: false };
  deferred.promise = new Promise((resolve, reject) => {
    deferred.resolve = (value) => {
      deferred.settled = true;
      resolve(value);
    };
    deferred.reject = (error) => {
      deferred.settled = true;
      reject(error);
    };
  });
  return deferred;
}

function resolvedDeferred() {
  const deferred = createTrackedDeferred();
  deferred.resolve();
  return deferred;
}

function rejectedDeferred(error) {
  const deferred = createTrackedDeferred();
  deferred.reject(error);
  setHandled(deferred.promise);
  return deferred;
}

function setHandled(promise) {
  PromisePrototypeThen(promise, undefined, noop);
}

// Runs onFulfilled/onRejected after `promise` settles, without user-visible `then`.
function whenSettled(promise, onFulfilled, onRejected) {
  return PromisePrototypeThen(promise, onFulfilled, onRejected);
}

// A readable controller's CallPullIfNeeded (the spec writes it once for default and
// once for byte controllers; only the two steps passed in differ): pull when
// `shouldCallPull(cs)` says so, at most one pull at a time, once more if asked while
// one was running, and `error(cs, e)` when a pull rejects.
function callPullIfNeeded(cs, shouldCallPull, error) {
  if (!shouldCallPull(cs)) return;
  if (cs.pulling) {
    cs.pullAgain = true;
    return;
  }
  cs.pulling = true;
  whenSettled(cs.pullAlgorithm(cs.object), () => {
    cs.pulling = false;
    if (cs.pullAgain) {
      cs.pullAgain = false;
      callPullIfNeeded(cs, shouldCallPull, error);
    }
  }, (e) => error(cs, e));
}

// Calls an underlying source/sink method and always gets a promise back.
function promiseCall(fn, thisArg, ...args) {
  try {
    return PromiseResolve(fn === undefined ? undefined : ReflectApply(fn, thisArg, args));
  } catch (error) {
    return PromiseReject(error);
  }
}

// Reads method `name` of a user dictionary and checks it is callable.
function getMethod(dict, name, prefix) {
  if (dict == null) return undefined;
  const fn = dict[name];
  if (fn === undefined) return undefined;
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE(`${prefix}.${name}`, 'Function', fn);
  return fn;
}

// ---- queue-with-sizes (the spec's [[queue]] and [[queueTotalSize]]) ----
function resetQueue(state) {
  state.queue = [];
  state.queueHead = 0;
  state.queueTotalSize = 0;
}

function queueLength(state) {
  return state.queue.length - state.queueHead;
}

function enqueueValueWithSize(state, value, size) {
  if (typeof size !== 'number' || NumberIsNaN(size) || size < 0 || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  state.queue[state.queue.length] = { value, size };
  state.queueTotalSize += size;
}

function dequeueValue(state) {
  const entry = state.queue[state.queueHead];
  state.queue[state.queueHead++] = undefined;
  if (state.queueHead > 1024 && state.queueHead * 2 > state.queue.length) {
    state.queue = ArrayPrototypeSlice(state.queue, state.queueHead);
    state.queueHead = 0;
  }
  state.queueTotalSize = MathMax(0, state.queueTotalSize - entry.size);
  return entry.value;
}

function peekQueueValue(state) {
  return state.queue[state.queueHead].value;
}

// ---- queuing strategies ----
function extractHighWaterMark(strategy, defaultHWM) {
  if (strategy == null || strategy.highWaterMark === undefined) return defaultHWM;
  const hwm = +strategy.highWaterMark;
  if (NumberIsNaN(hwm) || hwm < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', strategy.highWaterMark);
  }
  return hwm;
}

function extractSizeAlgorithm(strategy) {
  const size = strategy == null ? undefined : strategy.size;
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

// ---- ArrayBuffers ----
function transferArrayBuffer(buffer) {
  const copy = ArrayBufferPrototypeSlice(buffer, 0, ArrayBufferPrototypeGetByteLength(buffer));
  internalBinding('buffer').detachArrayBuffer(buffer);
  return copy;
}

function isDetached(buffer) {
  try {
    ArrayBufferPrototypeSlice(buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

// `Name { a: 1 }` for util.inspect, as node prints stream objects.
function inspectAs(name, data, depth, options) {
  if (depth < 0) return this;
  const { inspect } = require('internal/util/inspect');
  return `${name} ${inspect(data, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
}

function iteratorResult(value, done) {
  return { value, done };
}

module.exports = {
  kState, kInspect, isBrand, checkThis, rejectThis, noop, createDeferred, createTrackedDeferred, resolvedDeferred, rejectedDeferred, setHandled,
  whenSettled, callPullIfNeeded, promiseCall, getMethod, resetQueue, queueLength, enqueueValueWithSize, dequeueValue,
  peekQueueValue, extractHighWaterMark, extractSizeAlgorithm, transferArrayBuffer, isDetached,
  inspectAs, iteratorResult,
};
