'use strict';
// node:async_hooks: AsyncLocalStorage, AsyncResource, createHook and the
// execution/trigger ids, over the frames of lib/internal/async_context.js.
// Loading this module turns on context capture for the loop's own hops; until a
// program loads it, nextTick/timers/immediates/fs pay nothing.

const { ArrayPrototypeUnshift, FunctionPrototypeBind, ObjectDefineProperty, ObjectFreeze, ReflectApply, SafeMap,
  NumberIsSafeInteger, SafeFinalizationRegistry } = primordials;
const asyncContext = require('internal/async_context');
const { codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID } } = require('internal/errors');
const { validateFunction, validateString, validateObject } = require('internal/validators');
const { current, getFrame, setFrame, runInFrame } = asyncContext;

asyncContext.activate();

function executionAsyncId() { return current().id; }
function triggerAsyncId() { return current().trigger; }
function executionAsyncResource() { return current().resource; }

// ---- createHook ----
const kHookNames = ['init', 'before', 'after', 'destroy', 'promiseResolve'];
class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    const callbacks = { init, before, after, destroy, promiseResolve };
    for (let i = 0; i < kHookNames.length; i++) {
      const name = kHookNames[i];
      if (callbacks[name] !== undefined && typeof callbacks[name] !== 'function') {
        throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
      }
    }
    this.entry = { __proto__: null, owner: this, init, before, after, destroy, promiseResolve };
  }
  enable() { asyncContext.enableHook(this.entry); return this; }
  disable() { asyncContext.disableHook(this.entry); return this; }
}
function createHook(callbacks) { return new AsyncHook(callbacks); }

// ---- AsyncResource ----
const kFrame = Symbol('asyncFrame');
const kDestroyed = Symbol('destroyed');
const collected = new SafeFinalizationRegistry((id) => asyncContext.emitDestroy(id));
class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let trigger = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      trigger = opts.triggerAsyncId === undefined ? executionAsyncId() : opts.triggerAsyncId;
      requireManualDestroy = !!opts.requireManualDestroy;
    }
    if (!NumberIsSafeInteger(trigger) || trigger < -1) throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
    const cur = current();
    const id = asyncContext.newAsyncId();
    this[kFrame] = { __proto__: null, stores: cur.stores, id, trigger, resource: this };
    this[kDestroyed] = requireManualDestroy ? undefined : false;
    asyncContext.emitInit(id, type, trigger, this);
    // Collected without emitDestroy(): destroy then, as node does while a destroy
    // hook exists.
    if (!requireManualDestroy && asyncContext.hasDestroyHooks()) collected.register(this, id, this);
  }
  runInAsyncScope(fn, thisArg, ...args) {
    const frame = this[kFrame];
    const prev = asyncContext.enter(frame);
    try {
      return ReflectApply(fn, thisArg, args);
    } finally {
      asyncContext.leave(frame, prev, false);
    }
  }
  emitDestroy() {
    if (this[kDestroyed] !== true) {
      this[kDestroyed] = true;
      collected.unregister(this);
      asyncContext.emitDestroy(this[kFrame].id);
    }
    return this;
  }
  asyncId() { return this[kFrame].id; }
  triggerAsyncId() { return this[kFrame].trigger; }
  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        ArrayPrototypeUnshift(args, fn, this);
        return ReflectApply(resource.runInAsyncScope, resource, args);
      };
    } else {
      bound = FunctionPrototypeBind(this.runInAsyncScope, this, fn, thisArg);
    }
    ObjectDefineProperty(bound, 'length', { __proto__: null, configurable: true, value: fn.length });
    ObjectDefineProperty(bound, 'asyncResource', {
      __proto__: null, configurable: true, enumerable: true, writable: true, value: this,
    });
    return bound;
  }
  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return (new AsyncResource(type)).bind(fn, thisArg);
  }
}

// ---- AsyncLocalStorage ----
// A store lives in the frame's `stores` map; run/enterWith make a new frame (frames
// are shared by every continuation that captured them, so they never change).
function withStore(frame, key, store, remove) {
  const stores = new SafeMap(frame.stores === null ? undefined : frame.stores);
  if (remove) stores.delete(key);
  else stores.set(key, store);
  return { __proto__: null, stores, id: frame.id, trigger: frame.trigger, resource: frame.resource };
}

class AsyncLocalStorage {
  constructor() { this.enabled = false; }
  static bind(fn) { return AsyncResource.bind(fn); }
  static snapshot() {
    const frame = current();
    return function runInAsyncScope(fn, ...args) { return runInFrame(frame, fn, undefined, args); };
  }
  disable() { this.enabled = false; }
  _enable() { this.enabled = true; }
  // On node's prototype too; stores travel in frames here, so it is never called.
  _propagate() {}
  enterWith(store) {
    this.enabled = true;
    setFrame(withStore(current(), this, store, false));
  }
  run(store, callback, ...args) {
    this.enabled = true;
    const prev = getFrame();
    setFrame(withStore(prev ?? asyncContext.root, this, store, false));
    try {
      return ReflectApply(callback, null, args);
    } finally {
      setFrame(prev);
    }
  }
  exit(callback, ...args) {
    if (!this.enabled) return ReflectApply(callback, null, args);
    const prev = getFrame();
    setFrame(withStore(prev ?? asyncContext.root, this, undefined, true));
    try {
      return ReflectApply(callback, null, args);
    } finally {
      setFrame(prev);
    }
  }
  getStore() {
    if (!this.enabled) return undefined;
    const frame = getFrame();
    if (frame === undefined || frame.stores === null) return undefined;
    return frame.stores.get(this);
  }
}

// Node's provider names (the types init may be called with).
const asyncWrapProviders = ObjectFreeze({ __proto__: null,
  NONE: 0, DIRHANDLE: 1, DNSCHANNEL: 2, ELDHISTOGRAM: 3, FILEHANDLE: 4, FILEHANDLECLOSEREQ: 5,
  BLOBREADER: 6, FSEVENTWRAP: 7, FSREQCALLBACK: 8, FSREQPROMISE: 9, GETADDRINFOREQWRAP: 10,
  GETNAMEINFOREQWRAP: 11, HEAPSNAPSHOT: 12, HTTP2SESSION: 13, HTTP2STREAM: 14, HTTP2PING: 15,
  HTTP2SETTINGS: 16, HTTPINCOMINGMESSAGE: 17, HTTPCLIENTREQUEST: 18, JSSTREAM: 19,
  JSUDPWRAP: 20, MESSAGEPORT: 21, PIPECONNECTWRAP: 22, PIPESERVERWRAP: 23, PIPEWRAP: 24,
  PROCESSWRAP: 25, PROMISE: 26, QUERYWRAP: 27, SHUTDOWNWRAP: 28, SIGNALWRAP: 29,
  STATWATCHER: 30, STREAMPIPE: 31, TCPCONNECTWRAP: 32, TCPSERVERWRAP: 33, TCPWRAP: 34,
  TTYWRAP: 35, UDPSENDWRAP: 36, UDPWRAP: 37, SIGINTWATCHDOG: 38, WORKER: 39,
  WORKERHEAPSNAPSHOT: 40, WRITEWRAP: 41, ZLIB: 42,
});

module.exports = {
  AsyncLocalStorage, createHook, executionAsyncId, triggerAsyncId, executionAsyncResource,
  asyncWrapProviders, AsyncResource,
};
