'use strict';
// mock.timers: a fake clock that replaces setTimeout, setInterval, setImmediate (and
// their clear functions, on globalThis, node:timers and node:timers/promises) and
// Date while enabled. Time moves only with tick(ms), runAll() or setTime(ms); due
// timers run in order of due time (immediates first at equal times), then of
// creation.

const {
  ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypePush, ArrayPrototypeSplice, Date,
  DatePrototypeGetTime, MathMax, NumberIsNaN, ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor, Promise, PromiseReject, PromiseResolve, ReflectApply, ReflectConstruct,
  SafeArrayIterator, Symbol, SymbolAsyncIterator, SymbolToPrimitive,
} = primordials;
// Symbol.dispose is installed at start-up (V8 10.2 lacks it); primordials may predate it.
const SymbolDispose = primordials.SymbolDispose ?? Symbol.dispose;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
  AbortError,
} = require('internal/errors');
const { validateAbortSignal, validateArray, validateNumber, validateObject } = require('internal/validators');

let warned = false;
const SUPPORTED = ['setInterval', 'setTimeout', 'setImmediate', 'Date'];
const kImmediate = 0;
const kTimer = 1;

function abortError(signal) { return new AbortError(undefined, { cause: signal.reason }); }

class FakeTimer {
  constructor(clock, kind, callback, delay, args, interval) {
    this.clock = clock;
    this.kind = kind;
    this.callback = callback;
    this.args = args;
    this.interval = interval;
    this.delay = delay;
    this.runAt = clock.now + delay;
    this.id = clock.nextId++;
    this.refed = true;
  }

  ref() { this.refed = true; return this; }
  unref() { this.refed = false; return this; }
  hasRef() { return this.refed; }
  refresh() { this.runAt = this.clock.now + this.delay; return this; }
  [SymbolToPrimitive]() { return this.id; }
}

function before(a, b) {
  if (a.runAt !== b.runAt) return a.runAt < b.runAt;
  if (a.kind !== b.kind) return a.kind < b.kind;
  return a.id < b.id;
}

class MockTimers {
  #enabled = false;
  #apis = [];
  #saved = [];
  #queue = [];
  now = 0;
  nextId = 1;

  #checkEnabled() {
    if (!this.#enabled) {
      throw new ERR_INVALID_STATE('You should enable MockTimers first by calling the .enable function');
    }
  }

  #schedule(timer) {
    const queue = this.#queue;
    let i = queue.length;
    while (i > 0 && before(timer, queue[i - 1])) i--;
    ArrayPrototypeSplice(queue, i, 0, timer);
    return timer;
  }

  #remove(timer) {
    const queue = this.#queue;
    for (let i = 0; i < queue.length; i++) {
      if (queue[i] === timer || queue[i].id === +timer) {
        ArrayPrototypeSplice(queue, i, 1);
        return;
      }
    }
  }

  tick(time = 1) {
    this.#checkEnabled();
    validateNumber(time, 'time');
    // (node's message has the value and the reason the other way round)
    if (time < 0) throw new ERR_INVALID_ARG_VALUE('time', 'positive integer', time);
    // The clock reads the end of the tick while the due timers run, as in node.
    const target = this.now + time;
    this.now = target;
    const queue = this.#queue;
    while (queue.length > 0 && queue[0].runAt <= target) {
      const timer = queue[0];
      ArrayPrototypeSplice(queue, 0, 1);
      if (timer.interval) {
        timer.runAt += timer.delay;
        this.#schedule(timer);
      }
      ReflectApply(timer.callback, undefined, timer.args);
    }
  }

  runAll() {
    this.#checkEnabled();
    let latest = this.now;
    const queue = this.#queue;
    for (let i = 0; i < queue.length; i++) latest = MathMax(latest, queue[i].runAt);
    this.tick(latest - this.now);
  }

  setTime(time) {
    this.#checkEnabled();
    validateNumber(time, 'time');
    this.now = time;
  }

  enable(options = { __proto__: null, apis: SUPPORTED, now: 0 }) {
    if (this.#enabled) throw new ERR_INVALID_STATE('MockTimers is already enabled!');
    if (!warned) {
      warned = true;
      process.emitWarning('The MockTimers API is an experimental feature and might change at any time', 'ExperimentalWarning');
    }
    let apis;
    let now = 0;
    if (ArrayIsArray(options)) {
      apis = options;
    } else {
      validateObject(options, 'options');
      apis = options.apis ?? SUPPORTED;
      if (options.now !== undefined) now = options.now;
    }
    validateArray(apis, 'options.apis');
    for (let i = 0; i < apis.length; i++) {
      if (!ArrayPrototypeIncludes(SUPPORTED, apis[i])) {
        throw new ERR_INVALID_ARG_VALUE('options.apis', apis[i], `option ${apis[i]} is not supported`);
      }
    }
    if (now instanceof Date) now = DatePrototypeGetTime(now);
    if (typeof now !== 'number') throw new ERR_INVALID_ARG_TYPE('options.now', ['number', 'Date'], now);
    if (now < 0 || NumberIsNaN(now)) throw new ERR_INVALID_ARG_VALUE('options.now', now, 'must be a positive number');
    this.now = now;
    this.#apis = apis;
    this.#enabled = true;
    this.#install();
  }

  reset() {
    if (!this.#enabled) return;
    this.#enabled = false;
    const saved = this.#saved;
    for (let i = saved.length - 1; i >= 0; i--) {
      const { target, name, descriptor } = saved[i];
      ObjectDefineProperty(target, name, { __proto__: null, ...descriptor });
    }
    this.#saved = [];
    this.#queue = [];
    this.now = 0;
  }

  [SymbolDispose]() { this.reset(); }

  #replace(target, name, value) {
    const descriptor = ObjectGetOwnPropertyDescriptor(target, name);
    ArrayPrototypePush(this.#saved, { __proto__: null, target, name, descriptor });
    ObjectDefineProperty(target, name, {
      __proto__: null,
      value,
      writable: descriptor?.writable ?? true,
      enumerable: descriptor?.enumerable ?? true,
      configurable: true,
    });
  }

  #install() {
    const timers = require('timers');
    const promises = require('timers/promises');
    const clear = (timer) => { if (timer !== undefined && timer !== null) this.#remove(timer); };
    const apis = this.#apis;
    const has = (name) => ArrayPrototypeIncludes(apis, name);
    if (has('setTimeout')) {
      const setTimeout = (callback, delay, ...args) =>
        this.#schedule(new FakeTimer(this, kTimer, callback, delay ?? 0, args, false));
      const clearTimeout = clear;
      for (const target of new SafeArrayIterator([globalThis, timers])) {
        this.#replace(target, 'setTimeout', setTimeout);
        this.#replace(target, 'clearTimeout', clearTimeout);
      }
      this.#replace(promises, 'setTimeout', (delay, value, options) => this.#promiseTimeout(delay, value, options));
    }
    if (has('setInterval')) {
      const setInterval = (callback, delay, ...args) =>
        this.#schedule(new FakeTimer(this, kTimer, callback, delay ?? 0, args, true));
      for (const target of new SafeArrayIterator([globalThis, timers])) {
        this.#replace(target, 'setInterval', setInterval);
        this.#replace(target, 'clearInterval', clear);
      }
      this.#replace(promises, 'setInterval', (delay, value, options) => this.#promiseInterval(delay, value, options));
    }
    if (has('setImmediate')) {
      const setImmediate = (callback, ...args) =>
        this.#schedule(new FakeTimer(this, kImmediate, callback, 0, args, false));
      for (const target of new SafeArrayIterator([globalThis, timers])) {
        this.#replace(target, 'setImmediate', setImmediate);
        this.#replace(target, 'clearImmediate', clear);
      }
      this.#replace(promises, 'setImmediate', (value, options) => this.#promiseTimeout(0, value, options, kImmediate));
    }
    if (has('Date')) this.#replace(globalThis, 'Date', this.#makeDate());
  }

  #makeDate() {
    const clock = this;
    const RealDate = Date;
    function MockDate(...args) {
      if (new.target === undefined) return `${new RealDate(clock.now)}`;
      if (args.length === 0) return ReflectConstruct(RealDate, [clock.now], new.target);
      return ReflectConstruct(RealDate, args, new.target);
    }
    MockDate.prototype = RealDate.prototype;
    ObjectDefineProperty(MockDate, 'name', { __proto__: null, value: 'Date' });
    MockDate.now = () => clock.now;
    MockDate.parse = RealDate.parse;
    MockDate.UTC = RealDate.UTC;
    MockDate.isMock = true;
    MockDate.toString = () => 'function Date() { [native code] }';
    return MockDate;
  }

  #promiseTimeout(delay, value, options = {}, kind = kTimer) {
    try {
      validateObject(options, 'options');
      if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
    } catch (err) {
      return PromiseReject(err);
    }
    const { signal } = options;
    if (signal?.aborted) return PromiseReject(abortError(signal));
    return new Promise((resolve, reject) => {
      let onAbort;
      const timer = this.#schedule(new FakeTimer(this, kind, () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      }, delay ?? 0, [], false));
      if (signal) {
        onAbort = () => { this.#remove(timer); reject(abortError(signal)); };
        signal.addEventListener('abort', onAbort, { __proto__: null, once: true });
      }
    });
  }

  #promiseInterval(delay, value, options = {}) {
    validateObject(options, 'options');
    const { signal } = options;
    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
    let fired = 0;
    let done = false;
    const waiters = [];
    const timer = this.#schedule(new FakeTimer(this, kTimer, () => {
      if (waiters.length > 0) ArrayPrototypeSplice(waiters, 0, 1)[0].resolve({ value, done: false });
      else fired++;
    }, delay ?? 0, [], true));
    const finish = () => {
      done = true;
      this.#remove(timer);
    };
    const onAbort = () => {
      finish();
      const pending = ArrayPrototypeSplice(waiters, 0, waiters.length);
      if (pending.length > 0) abortedSeen = true;
      for (let i = 0; i < pending.length; i++) pending[i].reject(abortError(signal));
    };
    let abortedSeen = false;
    if (signal?.aborted) { finish(); } else signal?.addEventListener('abort', onAbort, { __proto__: null, once: true });
    return {
      __proto__: null,
      next() {
        // Intervals that fired before an abort are still delivered.
        if (fired > 0) {
          fired--;
          return PromiseResolve({ value, done: false });
        }
        if (signal?.aborted && !abortedSeen) {
          abortedSeen = true;
          finish();
          return PromiseReject(abortError(signal));
        }
        if (done) return PromiseResolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => ArrayPrototypePush(waiters, { __proto__: null, resolve, reject }));
      },
      return() {
        finish();
        signal?.removeEventListener('abort', onAbort);
        const pending = ArrayPrototypeSplice(waiters, 0, waiters.length);
        for (let i = 0; i < pending.length; i++) pending[i].resolve({ value: undefined, done: true });
        return PromiseResolve({ value: undefined, done: true });
      },
      [SymbolAsyncIterator]() { return this; },
    };
  }
}

module.exports = { MockTimers };
