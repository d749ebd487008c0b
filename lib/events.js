'use strict';
// events: EventEmitter and the static helpers (once, on, getEventListeners,
// setMaxListeners, getMaxListeners, addAbortListener, listenerCount).
// The async helpers live in internal/events/async.js and EventTarget support in
// internal/event_target.js; both are loaded only when used.
// internalBinding: none.

const {
  ArrayPrototypePush, ArrayPrototypeShift, ArrayPrototypeSplice, ArrayPrototypeSlice, ArrayPrototypeUnshift,
  FunctionPrototypeBind, FunctionPrototypeCall, ObjectDefineProperty, ObjectGetPrototypeOf, ObjectSetPrototypeOf,
  ReflectApply, ReflectOwnKeys, SymbolFor,
} = primordials;

// Errors and validators load on first failure only: every program loads this file
// at start-up (process is an EventEmitter), and start-up must stay cheap.
function ERR_INVALID_ARG_TYPE(...args) {
  return new (require('internal/errors').codes.ERR_INVALID_ARG_TYPE)(...args);
}
function ERR_UNHANDLED_ERROR(...args) {
  return new (require('internal/errors').codes.ERR_UNHANDLED_ERROR)(...args);
}
function validateFunction(value, name) {
  if (typeof value !== 'function') require('internal/validators').validateFunction(value, name);
}
function validateBoolean(value, name) {
  if (typeof value !== 'boolean') require('internal/validators').validateBoolean(value, name);
}
function validateNumber(...args) { require('internal/validators').validateNumber(...args); }
function validateAbortSignal(...args) { require('internal/validators').validateAbortSignal(...args); }

const shared = require('internal/events/shared');
const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = shared;
const { kCapture } = shared;

// An emitter's listener table: a null-prototype object, made from `{}` so that V8
// 10.2 keeps it in fast mode (the literal `{ __proto__: null }` starts as a
// dictionary): `events[type]` in emit() and listenerCount() is then a map-checked
// field load instead of a hash lookup in the megamorphic keyed-load stub.
function newEventsTable() {
  return ObjectSetPrototypeOf({}, null);
}
const kShapeMode = Symbol('shapeMode');
const kErrorMonitor = Symbol('events.errorMonitor');
const kRejection = SymbolFor('nodejs.rejection');


let defaultMaxListeners = 10;

let inspectFn;
function inspect(v, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(v, opts);
}

function isEventTarget(obj) {
  // Loading event_target to ask would cost start-up; an object that is one was
  // made by it, so it has registered itself whenever the answer can be true.
  return shared.eventTarget !== undefined && shared.eventTarget.isEventTarget(obj);
}
function loadEventTarget() {
  return require('internal/event_target');
}

function checkListener(listener) {
  validateFunction(listener, 'listener');
}

function EventEmitter(opts) {
  FunctionPrototypeCall(EventEmitter.init, this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

function init(opts) {
  // A subclass may have created _events already (or share the prototype's);
  // only a fresh object gets a new table.
  if (this._events === undefined || this._events === ObjectGetPrototypeOf(this)._events) {
    this._events = newEventsTable();
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
}

EventEmitter.prototype[kCapture] = false;

function getMaxListenersOf(that) {
  return that._maxListeners === undefined ? defaultMaxListeners : that._maxListeners;
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return getMaxListenersOf(this);
};

// A listener returned a thenable while capture is on: route its rejection to
// the emitter's Symbol.for('nodejs.rejection') method or its 'error' event.
function addCatch(that, promise, type, args) {
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      FunctionPrototypeCall(then, promise, undefined, function(err) {
        process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
      });
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
  } else {
    // An 'error' listener that itself returns a rejecting promise must not
    // loop back here.
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

function throwUnhandled(args) {
  const er = args.length > 0 ? args[0] : undefined;
  if (er instanceof Error) throw er;
  let str;
  try {
    str = inspect(er);
  } catch {
    str = String(er);
  }
  const err = ERR_UNHANDLED_ERROR(str);
  err.context = er;
  throw err;
}

// The listeners of one emit round: listeners added or removed by a listener take
// effect from the next emit. Literal copies are faster than slice() for the short
// arrays that are usual.
function copyListeners(list) {
  switch (list.length) {
    case 2: return [list[0], list[1]];
    case 3: return [list[0], list[1], list[2]];
    case 4: return [list[0], list[1], list[2], list[3]];
    default: return ArrayPrototypeSlice(list);
  }
}

// [first, ...rest] without an array iterator (a user may have replaced it).
function withFirst(first, rest) {
  const list = [first];
  for (let i = 0; i < rest.length; i++) list[i + 1] = rest[i];
  return list;
}

function emitError(that, args) {
  const events = that._events;
  if (events !== undefined && events[kErrorMonitor] !== undefined) {
    ReflectApply(that.emit, that, withFirst(kErrorMonitor, args));
  }
  const handler = events === undefined ? undefined : events.error;
  if (handler === undefined) throwUnhandled(args);
  return emitTo(that, handler, 'error', args);
}

function emitTo(that, handler, type, args) {
  if (typeof handler === 'function') {
    const result = ReflectApply(handler, that, args);
    if (result !== undefined && result !== null && that[kCapture]) addCatch(that, result, type, args);
    return true;
  }
  const listeners = copyListeners(handler);
  for (let i = 0; i < listeners.length; i++) {
    const result = ReflectApply(listeners[i], that, args);
    if (result !== undefined && result !== null && that[kCapture]) addCatch(that, result, type, args);
  }
  return true;
}

// The hot path: V8 inlines it whole into callers, and the rest array then never
// exists as an object (ReflectApply calls with the arguments directly).
EventEmitter.prototype.emit = function emit(type, ...args) {
  if (type === 'error') return emitError(this, args);
  const events = this._events;
  if (events === undefined) return false;
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    const result = ReflectApply(handler, this, args);
    if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
    return true;
  }
  if (handler.length === 2) {
    // Two listeners (the usual array) are snapshot in locals, not a copied array.
    const second = handler[1];
    let result = ReflectApply(handler[0], this, args);
    if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
    result = ReflectApply(second, this, args);
    if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
    return true;
  }
  const listeners = copyListeners(handler);
  for (let i = 0; i < listeners.length; i++) {
    const result = ReflectApply(listeners[i], this, args);
    if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
  }
  return true;
};

function warnLeak(target, type, existing, m) {
  existing.warned = true;
  const w = new Error('Possible EventEmitter memory leak detected. ' +
    `${existing.length} ${String(type)} listeners added to ${inspect(target, { depth: -1 })}. ` +
    `MaxListeners is ${m}. Use emitter.setMaxListeners() to increase limit`);
  w.name = 'MaxListenersExceededWarning';
  w.emitter = target;
  w.type = type;
  w.count = existing.length;
  process.emitWarning(w);
}

function addListenerImpl(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  if (events === undefined) {
    events = target._events = newEventsTable();
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      // A 'newListener' listener may have replaced the table.
      events = target._events;
    }
  }
  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }
  let list;
  if (typeof existing === 'function') {
    list = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else {
    list = existing;
    if (prepend) ArrayPrototypeUnshift(list, listener);
    else ArrayPrototypePush(list, listener);
  }
  const m = getMaxListenersOf(target);
  if (m > 0 && list.length > m && !list.warned) warnLeak(target, type, list, m);
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return addListenerImpl(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return addListenerImpl(this, type, listener, true);
};

function onceWrapper() {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    if (arguments.length === 0) return FunctionPrototypeCall(this.listener, this.target);
    return ReflectApply(this.listener, this.target, arguments);
  }
}

function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = FunctionPrototypeBind(onceWrapper, state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      this._events = newEventsTable();
    } else {
      delete events[type];
    }
    if (events.removeListener !== undefined) this.emit('removeListener', type, list.listener || listener);
    return this;
  }
  if (typeof list === 'function') return this;
  let position = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      position = i;
      break;
    }
  }
  if (position < 0) return this;
  if (position === 0) ArrayPrototypeShift(list);
  else ArrayPrototypeSplice(list, position, 1);
  if (list.length === 1) events[type] = list[0];
  // Unlike the single-listener case, Node reports the argument itself here.
  if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    // Nobody watches removals: drop the entries directly.
    if (arguments.length === 0) {
      this._events = newEventsTable();
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = newEventsTable();
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }
  if (arguments.length === 0) {
    const keys = ReflectOwnKeys(events);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = newEventsTable();
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    // Last in, first out, so 'removeListener' sees them in reverse order.
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const l = events[type];
  if (l === undefined) return [];
  if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
  if (!unwrap) return ArrayPrototypeSlice(l);
  const ret = new Array(l.length);
  for (let i = 0; i < l.length; i++) ret[i] = l[i].listener || l[i];
  return ret;
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const l = events[type];
  if (typeof l === 'function') {
    if (listener != null) return listener === l || listener === l.listener ? 1 : 0;
    return 1;
  }
  if (l === undefined) return 0;
  if (listener == null) return l.length;
  let n = 0;
  for (let i = 0; i < l.length; i++) if (l[i] === listener || l[i].listener === listener) n++;
  return n;
}
EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? ReflectOwnKeys(this._events) : [];
};

function staticListenerCount(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return FunctionPrototypeCall(listenerCount, emitter, type);
}

function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget.listeners === 'function') return emitterOrTarget.listeners(type);
  if (isEventTarget(emitterOrTarget)) return loadEventTarget().getListeners(emitterOrTarget, type);
  throw ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') return getMaxListenersOf(emitterOrTarget);
  if (isEventTarget(emitterOrTarget)) return emitterOrTarget[kMaxEventTargetListeners];
  throw ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (let i = 0; i < eventTargets.length; i++) {
    const target = eventTargets[i];
    if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target?.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw ERR_INVALID_ARG_TYPE('eventTargets', ['EventEmitter', 'EventTarget'], target);
    }
  }
}

// Defined by bootstrap/node.js (V8 10.2 lacks it) before this file loads.
const kDispose = Symbol.dispose;

function addAbortListener(signal, listener) {
  if (signal === undefined) throw ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    const { kResistStopPropagation } = loadEventTarget();
    signal.addEventListener('abort', listener, { __proto__: null, once: true, [kResistStopPropagation]: true });
    removeEventListener = () => signal.removeEventListener('abort', listener);
  }
  return {
    __proto__: null,
    [kDispose]() {
      removeEventListener?.();
    },
  };
}

function once(emitter, name, options = undefined) {
  return require('internal/events/async').once(emitter, name, options);
}
function on(emitter, event, options = undefined) {
  return require('internal/events/async').on(emitter, event, options);
}

let EventEmitterAsyncResource;
function getEventEmitterAsyncResource() {
  if (EventEmitterAsyncResource === undefined) {
    EventEmitterAsyncResource = require('internal/events/async_resource')(EventEmitter);
  }
  return EventEmitterAsyncResource;
}

// Statics in Node's order, since printing the module shows them.
module.exports = EventEmitter;
EventEmitter.addAbortListener = addAbortListener;
EventEmitter.once = once;
EventEmitter.on = on;
EventEmitter.getEventListeners = getEventListeners;
EventEmitter.getMaxListeners = getMaxListeners;
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = kRejection;
ObjectDefineProperty(EventEmitter, 'captureRejections', {
  __proto__: null,
  get() {
    return EventEmitter.prototype[kCapture];
  },
  set(value) {
    validateBoolean(value, 'EventEmitter.captureRejections');
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
});
ObjectDefineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get: getEventEmitterAsyncResource,
  set(v) {
    EventEmitterAsyncResource = v;
  },
});
EventEmitter.errorMonitor = kErrorMonitor;
ObjectDefineProperty(EventEmitter, 'defaultMaxListeners', {
  __proto__: null,
  enumerable: true,
  get() {
    return defaultMaxListeners;
  },
  set(arg) {
    validateNumber(arg, 'defaultMaxListeners', 0);
    defaultMaxListeners = arg;
  },
});
ObjectDefineProperty(EventEmitter, 'kMaxEventTargetListeners', { __proto__: null, value: kMaxEventTargetListeners });
ObjectDefineProperty(EventEmitter, 'kMaxEventTargetListenersWarned', {
  __proto__: null,
  value: kMaxEventTargetListenersWarned,
});
EventEmitter.setMaxListeners = setMaxListeners;
EventEmitter.init = init;
EventEmitter.listenerCount = staticListenerCount;

shared.getDefaultMaxListeners = () => defaultMaxListeners;
