'use strict';
// events.once() and events.on(): promise and async-iterator views of an
// EventEmitter or EventTarget. Loaded by events.js on first use.
// internalBinding: none.

const {
  ArrayPrototypePush, ArrayPrototypeShift, NumberMAX_SAFE_INTEGER, ObjectGetPrototypeOf,
  ObjectSetPrototypeOf, SymbolAsyncIterator, SymbolFor,
  PromiseReject, PromiseResolve,
} = primordials;

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateAbortSignal, validateInteger } = require('internal/validators');
const { kResistStopPropagation } = require('internal/event_target');

const AsyncIteratorPrototype = ObjectGetPrototypeOf(
  ObjectGetPrototypeOf(async function* () {}).prototype);

// Listen on either kind of emitter; returns a function that removes it.
function listen(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags?.once) emitter.once(name, listener);
    else emitter.on(name, listener);
    return;
  }
  if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
    return;
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
}

function unlisten(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

async function once(emitter, name, options = {}) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  const promise = new Promise((resolve, reject) => {
    const isEE = typeof emitter.on === 'function';
    let onAbort;
    const errorListener = (err) => {
      unlisten(emitter, name, resolver);
      if (onAbort) signal.removeEventListener('abort', onAbort);
      reject(err);
    };
    const resolver = (...args) => {
      if (isEE && name !== 'error') emitter.removeListener('error', errorListener);
      if (onAbort) signal.removeEventListener('abort', onAbort);
      resolve(args);
    };
    listen(emitter, name, resolver, { once: true });
    if (isEE && name !== 'error') emitter.once('error', errorListener);
    if (signal != null) {
      onAbort = () => {
        unlisten(emitter, name, resolver);
        if (isEE) emitter.removeListener('error', errorListener);
        reject(new AbortError(undefined, { cause: signal?.reason }));
      };
      signal.addEventListener('abort', onAbort, { __proto__: null, once: true, [kResistStopPropagation]: true });
    }
  });
  // Not `return promise`: an async function returning a promise looks up its `then`
  // (a user may have replaced it). Waiting a tick, then awaiting it, settles on the
  // same tick as that lookup's job would, as Node's once() does.
  await null;
  return await promise;
}

function on(emitter, event, options = {}) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  const highWatermark = options.highWaterMark ?? options.highWatermark ?? NumberMAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWaterMark', 1);
  const lowWatermark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWatermark, 'options.lowWaterMark', 1);

  // Events wait in `queue` until next() asks; next() calls wait in `waiting`
  // until an event arrives.
  const queue = [];
  const waiting = [];
  let error = null;
  let finished = false;
  let paused = false;
  const canPause = typeof emitter.pause === 'function' && typeof emitter.resume === 'function';

  const eventHandler = (...args) => {
    if (waiting.length > 0) {
      ArrayPrototypeShift(waiting).resolve({ value: args, done: false });
      return;
    }
    ArrayPrototypePush(queue, args);
    if (canPause && !paused && queue.length > highWatermark) {
      paused = true;
      emitter.pause();
    }
  };
  const errorHandler = (err) => {
    if (waiting.length > 0) ArrayPrototypeShift(waiting).reject(err);
    else error = err;
    closeHandler();
  };
  const abortListener = () => errorHandler(new AbortError(undefined, { cause: signal?.reason }));

  function closeHandler() {
    removeAll();
    finished = true;
    const done = { value: undefined, done: true };
    while (waiting.length > 0) ArrayPrototypeShift(waiting).resolve(done);
    return PromiseResolve(done);
  }

  const closeEvents = options.close;
  // Listeners go in the reverse of the order they were added, as in Node (a
  // user's removeListener/removeEventListener sees the same sequence).
  function removeAll() {
    if (signal) signal.removeEventListener('abort', abortListener);
    if (closeEvents?.length) {
      for (let i = closeEvents.length - 1; i >= 0; i--) unlisten(emitter, closeEvents[i], closeHandler);
    }
    if (event !== 'error') unlisten(emitter, 'error', errorHandler);
    unlisten(emitter, event, eventHandler);
  }

  listen(emitter, event, eventHandler);
  if (event !== 'error' && typeof emitter.on === 'function') listen(emitter, 'error', errorHandler);
  if (closeEvents?.length) {
    for (let i = 0; i < closeEvents.length; i++) listen(emitter, closeEvents[i], closeHandler);
  }
  if (signal) {
    signal.addEventListener('abort', abortListener, { __proto__: null, once: true, [kResistStopPropagation]: true });
  }

  const iterator = ObjectSetPrototypeOf({
    next() {
      if (queue.length > 0) {
        const value = ArrayPrototypeShift(queue);
        if (paused && queue.length < lowWatermark) {
          paused = false;
          emitter.resume();
        }
        return PromiseResolve({ value, done: false });
      }
      if (error) {
        const p = PromiseReject(error);
        error = null;
        return p;
      }
      if (finished) return closeHandler();
      return new Promise((resolve, reject) => ArrayPrototypePush(waiting, { resolve, reject }));
    },
    return() {
      return closeHandler();
    },
    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
      }
      errorHandler(err);
    },
    [SymbolAsyncIterator]() {
      return this;
    },
    [SymbolFor('nodejs.watermarkData')]: {
      get size() {
        return queue.length;
      },
      get low() {
        return lowWatermark;
      },
      get high() {
        return highWatermark;
      },
      get isPaused() {
        return paused;
      },
    },
  }, AsyncIteratorPrototype);
  return iterator;
}

module.exports = { once, on };
