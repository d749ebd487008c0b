'use strict';
// stream.finished() for web streams: the callback runs once the ReadableStream or
// WritableStream is closed (undefined) or errored (its stored error), or with an AbortError
// when options.signal aborts first. The streams settle `eos` in their state when
// they close or error (see readableStreamClose / finishInFlightClose).

const { FunctionPrototypeCall } = primordials;
const { AbortError } = require('internal/errors');
const { kState, createDeferred, setHandled, whenSettled } = require('internal/webstreams/util');

function isWebStream(value) {
  if (value === null || typeof value !== 'object') return false;
  const state = value[kState];
  return state !== undefined && (state.type === 'ReadableStream' || state.type === 'WritableStream');
}

// 'ReadableStream' or 'WritableStream', for callers outside stream/web.
function kindOf(stream) {
  return stream[kState].type;
}

// The promise of a stream's end; made on first use so streams nobody watches pay nothing.
function endPromise(state) {
  if (state.eos === undefined) {
    state.eos = createDeferred();
    setHandled(state.eos.promise);
    if (state.state === 'closed') state.eos.resolve();
    else if (state.state === 'errored') state.eos.reject(state.storedError);
  }
  return state.eos.promise;
}

function settleEnd(state, error, isError) {
  if (state.eos === undefined) return;
  if (isError) state.eos.reject(error);
  else state.eos.resolve();
}

function eosWeb(stream, options, callback) {
  const { nextTick } = require('internal/process/task_queues');
  const signal = options.signal;
  let done = false;
  const finish = (error) => {
    if (done) return;
    done = true;
    if (signal !== undefined) signal.removeEventListener('abort', onAbort);
    FunctionPrototypeCall(callback, stream, error);
  };
  function onAbort() {
    finish(new AbortError(undefined, { cause: signal.reason }));
  }
  if (signal !== undefined) {
    if (signal.aborted) {
      nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  whenSettled(endPromise(stream[kState]), () => finish(undefined), (error) => finish(error));
  return () => {
    done = true;
    if (signal !== undefined) signal.removeEventListener('abort', onAbort);
  };
}

// addAbortSignal's abort: the stream errors as if its controller's error() ran.
function errorWebStream(stream, error) {
  const state = stream[kState];
  const cs = state.controller;
  if (state.type === 'WritableStream') {
    require('internal/webstreams/writable_controller').errorIfNeeded(cs, error);
  } else if (cs.type === 'ReadableByteStreamController') {
    require('internal/webstreams/byte_controller').error(cs, error);
  } else {
    require('internal/webstreams/default_controller').error(cs, error);
  }
}

module.exports = { isWebStream, kindOf, eosWeb, settleEnd, errorWebStream };
