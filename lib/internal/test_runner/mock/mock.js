'use strict';
// node:test's mocks: MockTracker (mock.fn, mock.method, mock.getter, mock.setter,
// reset, restoreAll, timers) and the `.mock` context each mock function carries
// (calls, callCount, mockImplementation, mockImplementationOnce, resetCalls,
// restore). A mock function is a Proxy of the original, so its name, length and
// own properties are the original's.

const {
  ArrayPrototypePush, ArrayPrototypeSlice, Error, FunctionPrototypeCall, ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor, ObjectGetPrototypeOf, ReflectApply, ReflectConstruct,
  ReflectGet, SafeMap, Symbol,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateInteger, validateObject } = require('internal/validators');

// primordials has Proxy's statics only; the constructor is taken when this loads.
const ProxyConstructor = globalThis.Proxy;
const kNextImplementation = Symbol('kNextImplementation');
const kTrackCall = Symbol('kTrackCall');
const kSetOriginal = Symbol('kSetOriginal');

class MockFunctionContext {
  #calls = [];
  #implementation;
  #original;
  #restore;
  #times;
  #once = new SafeMap();

  constructor(implementation, restore, times) {
    this.#implementation = implementation;
    this.#original = implementation;
    this.#restore = restore;
    this.#times = times;
  }

  get calls() { return ArrayPrototypeSlice(this.#calls, 0); }

  callCount() { return this.#calls.length; }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const next = this.#calls.length;
    const call = onCall ?? next;
    validateInteger(call, 'onCall', next);
    this.#once.set(call, implementation);
  }

  resetCalls() { this.#calls = []; }

  restore() {
    const restore = this.#restore;
    if (restore === undefined) {
      this.#implementation = this.#original;
      this.#times = undefined;
      return;
    }
    // A method mock puts the property back and turns into a plain function spy.
    this.#restore = undefined;
    FunctionPrototypeCall(restore.fn, restore.thisArg);
  }

  // Which function this call runs.
  [kNextImplementation]() {
    const n = this.#calls.length;
    const once = this.#once.get(n);
    if (once !== undefined) {
      this.#once.delete(n);
      return once;
    }
    if (this.#times !== undefined && n >= this.#times) {
      this.#implementation = this.#original;
      this.#times = undefined;
    }
    return this.#implementation;
  }

  [kTrackCall](call) { ArrayPrototypePush(this.#calls, call); }

  [kSetOriginal](original) { this.#original = original; }
}


function makeMock(original, implementation, restore, times) {
  const ctx = new MockFunctionContext(implementation, restore, times);
  ctx[kSetOriginal](original);
  const handler = {
    __proto__: null,
    get(target, property, receiver) {
      if (property === 'mock') return ctx;
      return ReflectGet(target, property, receiver);
    },
    apply(target, thisArg, args) {
      const fn = ctx[kNextImplementation]();
      const call = { arguments: args, error: undefined, result: undefined, stack: new Error(), target: undefined, this: thisArg };
      try {
        call.result = ReflectApply(fn, thisArg, args);
      } catch (err) {
        call.error = err;
        ctx[kTrackCall](call);
        throw err;
      }
      ctx[kTrackCall](call);
      return call.result;
    },
    construct(target, args, newTarget) {
      const fn = ctx[kNextImplementation]();
      const call = { arguments: args, error: undefined, result: undefined, stack: new Error(), target, this: undefined };
      try {
        call.result = ReflectConstruct(fn, args, newTarget);
        call.this = call.result;
      } catch (err) {
        call.error = err;
        ctx[kTrackCall](call);
        throw err;
      }
      ctx[kTrackCall](call);
      return call.result;
    },
  };
  return new ProxyConstructor(original, handler);
}

function validateTimes(options) {
  validateObject(options, 'options');
  const { times = Infinity } = options;
  if (times !== Infinity) validateInteger(times, 'options.times', 1);
  return times === Infinity ? undefined : times;
}

// The descriptor that `name` resolves to, on `object` or up its prototype chain.
function findDescriptor(object, name) {
  for (let o = object; o !== null && o !== undefined; o = ObjectGetPrototypeOf(o)) {
    const desc = ObjectGetOwnPropertyDescriptor(o, name);
    if (desc !== undefined) return desc;
  }
  return undefined;
}

class MockTracker {
  #mocks = [];
  #timers;

  get timers() {
    if (this.#timers === undefined) {
      const { MockTimers } = require('internal/test_runner/mock/mock_timers');
      this.#timers = new MockTimers();
    }
    return this.#timers;
  }

  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    const times = validateTimes(options);
    const mock = makeMock(original, implementation, undefined, times);
    ArrayPrototypePush(this.#mocks, mock.mock);
    return mock;
  }

  method(object, methodName, implementation = undefined, options = {}) {
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
    }
    if (typeof methodName !== 'string' && typeof methodName !== 'symbol') {
      throw new ERR_INVALID_ARG_TYPE('methodName', ['string', 'symbol'], methodName);
    }
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    validateObject(options, 'options');
    const { getter = false, setter = false } = options;
    validateBoolean(getter, 'options.getter');
    validateBoolean(setter, 'options.setter');
    if (getter && setter) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', setter, "cannot be used with 'options.getter'");
    }
    const times = validateTimes(options);
    const descriptor = findDescriptor(object, methodName);
    const original = descriptor === undefined ? undefined :
      (getter ? descriptor.get : (setter ? descriptor.set : descriptor.value));
    if (typeof original !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    if (implementation === undefined) implementation = original;
    validateFunction(implementation, 'implementation');
    const restore = {
      __proto__: null,
      thisArg: undefined,
      fn() { ObjectDefineProperty(object, methodName, { __proto__: null, ...descriptor }); },
    };
    const mock = makeMock(original, implementation, restore, times);
    const mocked = { __proto__: null, configurable: descriptor.configurable, enumerable: descriptor.enumerable };
    if (getter) {
      mocked.get = mock;
      mocked.set = descriptor.set;
    } else if (setter) {
      mocked.get = descriptor.get;
      mocked.set = mock;
    } else {
      mocked.value = mock;
      mocked.writable = descriptor.writable;
    }
    ObjectDefineProperty(object, methodName, mocked);
    ArrayPrototypePush(this.#mocks, mock.mock);
    return mock;
  }

  getter(object, methodName, implementation = undefined, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    if (options?.getter === false) {
      throw new ERR_INVALID_ARG_VALUE('options.getter', false, 'cannot be false');
    }
    return this.method(object, methodName, implementation, { __proto__: null, ...options, getter: true });
  }

  setter(object, methodName, implementation = undefined, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    if (options?.setter === false) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', false, 'cannot be false');
    }
    if (options?.getter === true) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', true, "cannot be used with 'options.getter'");
    }
    return this.method(object, methodName, implementation, { __proto__: null, ...options, setter: true });
  }

  reset() {
    this.restoreAll();
    this.#timers?.reset();
    this.#mocks = [];
  }

  restoreAll() {
    const mocks = this.#mocks;
    for (let i = 0; i < mocks.length; i++) mocks[i].restore();
  }
}

module.exports = { MockTracker, MockFunctionContext };
