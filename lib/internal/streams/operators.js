'use strict';
// Readable's iterator-helper operators (Node 20, experimental): map, filter,
// flatMap, drop, take, asIndexedPairs return new object-mode Readables; forEach,
// toArray, some, find, every, reduce return promises. Stream-returning ones are
// async generators wrapped with Readable.from, so destroying the result stops the
// generator, and leaving a generator early destroys the source. No internalBinding.

const {
  ArrayPrototypePush, ArrayPrototypeShift, FunctionPrototypeCall, MathFloor, NumberIsNaN,
  ObjectDefineProperty, ObjectKeys, PromisePrototypeThen, PromiseReject, PromiseResolve,
  ReflectApply,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE },
  AbortError,
} = require('internal/errors');
const { validateAbortSignal, validateInteger, validateObject } = require('internal/validators');

const kSkip = Symbol('kSkip');
const kEof = Symbol('kEof');

function lazyAC() {
  return globalThis.AbortController || require('internal/abort_controller').AbortController;
}

function validateFn(fn, name = 'fn') {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE(name, ['Function', 'AsyncFunction'], fn);
}

function validateOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options?.signal != null) validateAbortSignal(options.signal, 'options.signal');
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

// Node coerces without truncating: take(1.5) yields two items, as in Node.
function toIntegerOrInfinity(number) {
  number = Number(number);
  if (NumberIsNaN(number)) return 0;
  if (number < 0) throw new ERR_OUT_OF_RANGE('number', '>= 0', number);
  return number;
}

function settleQuietly(promise) {
  PromisePrototypeThen(promise, undefined, () => {});
  return promise;
}

// Runs fn over the stream with up to `concurrency` calls in flight, and yields
// the results in source order. A pump reads ahead while fewer than
// `highWaterMark` results wait for the consumer.
async function* mapGenerator(stream, fn, options) {
  const { concurrency, limit } = mapLimits(options);
  const outerSignal = options?.signal;
  const ac = new (lazyAC())();
  const signal = ac.signal;
  const fnOptions = { signal };

  const queue = [];
  let inFlight = 0;
  let stopped = false;
  let wakeConsumer = null;
  let wakeProducer = null;
  const notify = (which) => {
    const wake = which === 'consumer' ? wakeConsumer : wakeProducer;
    if (which === 'consumer') wakeConsumer = null;
    else wakeProducer = null;
    if (wake) wake();
  };
  const onAbort = () => {
    ac.abort(outerSignal.reason);
    notify('consumer');
    notify('producer');
  };
  if (outerSignal) {
    if (outerSignal.aborted) throw abortError(outerSignal);
    outerSignal.addEventListener('abort', onAbort, { once: true });
  }

  async function pump() {
    try {
      for await (const chunk of stream) {
        if (stopped) return;
        if (signal.aborted) throw abortError(outerSignal || signal);
        let result;
        try {
          result = fn(chunk, fnOptions);
        } catch (err) {
          result = PromiseReject(err);
        }
        if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
          inFlight++;
          const settled = () => {
            inFlight--;
            notify('producer');
          };
          // then(), not finally(): finally() would look up a user-replaceable then.
          result = settleQuietly(PromisePrototypeThen(PromiseResolve(result),
            (value) => { settled(); return value; },
            (err) => { settled(); throw err; }));
        }
        ArrayPrototypePush(queue, result);
        notify('consumer');
        while (!stopped && !signal.aborted && (inFlight >= concurrency || queue.length >= limit)) {
          await new Promise((resolve) => { wakeProducer = resolve; });
        }
        if (stopped) return;
      }
      ArrayPrototypePush(queue, kEof);
    } catch (err) {
      ArrayPrototypePush(queue, settleQuietly(PromiseReject(err)));
    } finally {
      notify('consumer');
    }
  }

  pump();
  try {
    for (;;) {
      if (signal.aborted) throw abortError(outerSignal || signal);
      if (queue.length === 0) {
        await new Promise((resolve) => { wakeConsumer = resolve; });
        continue;
      }
      if (queue[0] === kEof) return;
      const value = await queue[0];
      // The item keeps its queue slot until the consumer asks for the next one, so
      // a consumer that stops (some, find, take) leaves no extra fn call behind.
      if (value !== kSkip) yield value;
      ArrayPrototypeShift(queue);
      notify('producer');
    }
  } finally {
    stopped = true;
    ac.abort();
    if (outerSignal) outerSignal.removeEventListener('abort', onAbort);
    notify('producer');
  }
}

// Fractions are floored first, as Node does. `limit` caps results started but not
// yet taken by the consumer: highWaterMark (default concurrency - 1) + concurrency.
function mapLimits(options) {
  const concurrency = options?.concurrency != null ? MathFloor(options.concurrency) : 1;
  const highWaterMark = options?.highWaterMark != null ? MathFloor(options.highWaterMark) : concurrency - 1;
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  return { concurrency, limit: highWaterMark + concurrency };
}

function validateMapOptions(fn, options) {
  validateFn(fn);
  validateOptions(options);
  mapLimits(options);
}

function map(fn, options) {
  validateMapOptions(fn, options);
  return mapGenerator(this, fn, options);
}

function filter(fn, options) {
  validateMapOptions(fn, options);
  const keep = async (chunk, opts) => ((await fn(chunk, opts)) ? chunk : kSkip);
  return mapGenerator(this, keep, options);
}

function flatMap(fn, options) {
  validateMapOptions(fn, options);
  const mapped = mapGenerator(this, fn, options);
  return (async function* flatten() {
    for await (const value of mapped) yield* value;
  })();
}

async function* checkSignal(stream, signal, each) {
  if (signal?.aborted) throw abortError(signal);
  for await (const chunk of stream) {
    if (signal?.aborted) throw abortError(signal);
    const res = each(chunk);
    if (res !== kSkip) yield res;
  }
}

function drop(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return checkSignal(this, options?.signal, (chunk) => (number-- <= 0 ? chunk : kSkip));
}

function take(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  const stream = this;
  const signal = options?.signal;
  return (async function* taken() {
    if (signal?.aborted) throw abortError(signal);
    if (!(number > 0)) return;
    for await (const chunk of stream) {
      if (signal?.aborted) throw abortError(signal);
      yield chunk;
      // Stop before reading again, so a stalled source cannot hold the result open.
      if (!(--number > 0)) return;
    }
  })();
}

let warnedIndexedPairs = false;
function asIndexedPairs(options = undefined) {
  if (!warnedIndexedPairs) {
    warnedIndexedPairs = true;
    process.emitWarning('readable.asIndexedPairs will be removed in a future version.', 'DeprecationWarning');
  }
  validateOptions(options);
  let index = 0;
  return checkSignal(this, options?.signal, (chunk) => [index++, chunk]);
}

async function forEach(fn, options) {
  validateFn(fn);
  const each = async (chunk, opts) => {
    await fn(chunk, opts);
    return kSkip;
  };
  // eslint-disable-next-line no-unused-vars
  for await (const unused of FunctionPrototypeCall(map, this, each, options));
}

async function toArray(options) {
  validateOptions(options);
  const signal = options?.signal;
  const result = [];
  for await (const chunk of this) {
    if (signal?.aborted) throw abortError(signal);
    ArrayPrototypePush(result, chunk);
  }
  return result;
}

async function some(fn, options = undefined) {
  validateFn(fn);
  // eslint-disable-next-line no-unused-vars
  for await (const unused of FunctionPrototypeCall(filter, this, fn, options)) return true;
  return false;
}

async function every(fn, options = undefined) {
  validateFn(fn);
  return !(await FunctionPrototypeCall(some, this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const result of FunctionPrototypeCall(filter, this, fn, options)) return result;
  return undefined;
}

async function reduce(reducer, initialValue, options) {
  validateFn(reducer, 'reducer');
  validateOptions(options);
  let hasInitialValue = arguments.length > 1;
  const outerSignal = options?.signal;
  if (outerSignal?.aborted) {
    const err = abortError(outerSignal);
    this.once('error', () => {});
    this.destroy(err);
    throw err;
  }
  const ac = new (lazyAC())();
  const signal = ac.signal;
  const onAbort = () => ac.abort(outerSignal.reason);
  if (outerSignal) {
    outerSignal.addEventListener('abort', onAbort, { once: true });
    require('internal/streams/add-abort-signal').addAbortSignal(outerSignal, this);
  }
  let sawItem = false;
  try {
    for await (const value of this) {
      sawItem = true;
      if (outerSignal?.aborted) throw abortError(outerSignal);
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!sawItem && !hasInitialValue) throw new ReduceAwareErrMissingArgs();
  } finally {
    ac.abort();
    if (outerSignal) outerSignal.removeEventListener('abort', onAbort);
  }
  return initialValue;
}

// Node names the error class so; its code is ERR_MISSING_ARGS with its own text.
class ReduceAwareErrMissingArgs extends ERR_MISSING_ARGS {
  constructor() {
    super('reduce');
    this.message = 'Reduce of an empty stream requires an initial value';
  }
}

const streamReturning = { asIndexedPairs, drop, filter, flatMap, map, take };
const promiseReturning = { every, forEach, reduce, toArray, some, find };

// Defines each operator as a non-enumerable method, with Node's name and length.
function install(Readable) {
  const streamNames = ObjectKeys(streamReturning);
  for (let i = 0; i < streamNames.length; i++) {
    const name = streamNames[i];
    const op = streamReturning[name];
    const method = {
      [name](...args) {
        return Readable.from(ReflectApply(op, this, args));
      },
    }[name];
    ObjectDefineProperty(method, 'length', { __proto__: null, value: op.length });
    if (name === 'asIndexedPairs') ObjectDefineProperty(method, 'name', { __proto__: null, value: 'deprecated' });
    ObjectDefineProperty(Readable.prototype, name, {
      __proto__: null, value: method, enumerable: false, configurable: true, writable: true,
    });
  }
  const promiseNames = ObjectKeys(promiseReturning);
  for (let i = 0; i < promiseNames.length; i++) {
    const name = promiseNames[i];
    const op = promiseReturning[name];
    const method = {
      [name](...args) {
        return ReflectApply(op, this, args);
      },
    }[name];
    ObjectDefineProperty(method, 'length', { __proto__: null, value: op.length });
    ObjectDefineProperty(Readable.prototype, name, {
      __proto__: null, value: method, enumerable: false, configurable: true, writable: true,
    });
  }
}

module.exports = { install };
