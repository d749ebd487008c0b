'use strict';
// Event, CustomEvent and EventTarget as Node exposes them (a single target:
// no capture/bubble tree, so every listener runs AT_TARGET).
// Also the hooks other modules use: isEventTarget, getListeners (for
// events.getEventListeners), defineEventHandler (onabort-style attributes),
// kTrustEvent (isTrusted events), kResistStopPropagation (a listener that
// stopImmediatePropagation() cannot skip) and kWeakHandler.
// internalBinding: none.

const {
  ArrayPrototypePush, FunctionPrototypeCall, ObjectDefineProperty, ObjectGetOwnPropertyDescriptor,
  ReflectApply, SafeMap, SymbolFor, SymbolToStringTag,
  SafeArrayIterator,
} = primordials;

const {
  codes: {
    ERR_EVENT_RECURSION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const shared = require('internal/events/shared');
const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = shared;

const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
const kTrustEvent = Symbol('kTrustEvent');
const kResistStopPropagation = Symbol('kResistStopPropagation');
const kWeakHandler = Symbol('kWeakHandler');
const kInspect = SymbolFor('nodejs.util.inspect.custom');

let inspectFn;
function inspect(v, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  return inspectFn(v, opts);
}

// performance.now()'s clock, as node's Event.timeStamp (a user's replacement of
// globalThis.performance does not change it).
let perfNow;
function now() {
  if (perfNow === undefined) perfNow = require('internal/perf').now;
  return perfNow();
}

// Arrays and functions are accepted as option bags, like Web IDL dictionaries.
function checkOptionsObject(options) {
  if (options === null || (typeof options !== 'object' && typeof options !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
}

const NONE = 0;
const AT_TARGET = 2;

let isEvent; // set below from a static that can see the private fields

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;
  #immediateStopped = false;
  #trusted = false;
  #target = null;
  #currentTarget = null;
  #dispatching = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options != null) checkOptionsObject(options);
    this.#type = `${type}`;
    this.#bubbles = Boolean(options?.bubbles);
    this.#cancelable = Boolean(options?.cancelable);
    this.#composed = Boolean(options?.composed);
    if (options?.[kTrustEvent]) this.#trusted = true;
  }

  static isEvent(value) {
    return value !== null && typeof value === 'object' && #type in value;
  }

  // Used by EventTarget.prototype.dispatchEvent, which cannot see the fields.
  static _begin(event, target) {
    if (event.#dispatching) throw new ERR_EVENT_RECURSION(event.#type);
    event.#dispatching = true;
    event.#target = target;
    event.#currentTarget = target;
  }
  static _end(event) {
    event.#dispatching = false;
    event.#currentTarget = null;
  }
  static _immediateStopped(event) {
    return event.#immediateStopped;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = Boolean(bubbles);
    this.#cancelable = Boolean(cancelable);
  }

  [kInspect](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `${name} ${inspect({
      type: this.#type,
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, opts)}`;
  }

  stopImmediatePropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#propagationStopped = true;
    this.#immediateStopped = true;
  }

  preventDefault() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (this.#cancelable) this.#defaultPrevented = true;
  }

  get target() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#target;
  }

  get currentTarget() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#currentTarget;
  }

  get srcElement() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#target;
  }

  get type() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#type;
  }

  get cancelable() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable;
  }

  get defaultPrevented() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#timestamp;
  }

  composedPath() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#dispatching ? [this.#currentTarget] : [];
  }

  get returnValue() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return !(this.#cancelable && this.#defaultPrevented);
  }

  get bubbles() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#bubbles;
  }

  get composed() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#composed;
  }

  get eventPhase() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#dispatching ? AT_TARGET : NONE;
  }

  get cancelBubble() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#propagationStopped = true;
  }

  get isTrusted() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#trusted;
  }
}

isEvent = Event.isEvent;
const beginDispatch = Event._begin;
const endDispatch = Event._end;
const immediateStopped = Event._immediateStopped;
delete Event._begin;
delete Event._end;
delete Event._immediateStopped;
delete Event.isEvent;

const phases = ['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE'];
for (let value = 0; value < phases.length; value++) {
  const name = phases[value];
  ObjectDefineProperty(Event, name, { __proto__: null, value, enumerable: true });
}
ObjectDefineProperty(Event.prototype, SymbolToStringTag, {
  __proto__: null, value: 'Event', configurable: true,
});
for (const name of new SafeArrayIterator(['initEvent', 'stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget',
  'srcElement', 'type', 'cancelable', 'defaultPrevented', 'timeStamp', 'composedPath', 'returnValue',
  'bubbles', 'composed', 'eventPhase', 'cancelBubble', 'stopPropagation', 'isTrusted'])) {
  ObjectDefineProperty(Event.prototype, name, {
    __proto__: null, ...ObjectGetOwnPropertyDescriptor(Event.prototype, name), enumerable: true,
  });
}

class CustomEvent extends Event {
  #detail;
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() {
    if (!(#detail in this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this.#detail;
  }
}
ObjectDefineProperty(CustomEvent.prototype, SymbolToStringTag, {
  __proto__: null, value: 'CustomEvent', configurable: true,
});

function isEventTarget(obj) {
  return obj !== null && (typeof obj === 'object' || typeof obj === 'function') && obj[kEvents] instanceof SafeMap;
}

function validateListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true; // handleEvent is looked up at dispatch
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function listenerOptions(options) {
  if (typeof options === 'boolean') return { once: false, capture: options, passive: false, resist: false };
  if (options === null || options === undefined) return { once: false, capture: false, passive: false, resist: false };
  checkOptionsObject(options);
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    weak: options[kWeakHandler],
    resist: Boolean(options[kResistStopPropagation]),
  };
}

function unlink(target, type, list, rec) {
  rec.removed = true;
  if (rec.prev === null) list.head = rec.next;
  else rec.prev.next = rec.next;
  if (rec.next === null) list.tail = rec.prev;
  else rec.next.prev = rec.prev;
  list.size--;
  if (list.size === 0 && target[kEvents].get(type) === list) target[kEvents].delete(type);
}

function emitUncaught(err) {
  process.nextTick(() => {
    throw err;
  });
}

// What EventTarget's constructor does, for objects made otherwise (a MessagePort
// is a host object the serializer knows).
function initEventTarget(self) {
  self[kEvents] = new SafeMap();
  self[kMaxEventTargetListeners] = shared.getDefaultMaxListeners();
  self[kMaxEventTargetListenersWarned] = false;
}

class EventTarget {
  constructor() {
    initEventTarget(this);
  }

  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const { once, capture, passive, signal, weak, resist } = listenerOptions(options);
    if (!validateListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = `${type}`;
    if (signal) {
      if (signal.aborted) return;
      // The signal may outlive this target; do not let it keep the target alive.
      const ref = typeof WeakRef === 'function' ? new WeakRef(this) : { deref: () => this };
      signal.addEventListener('abort', () => {
        ref.deref()?.removeEventListener(type, listener, options);
      }, { __proto__: null, once: true, [kWeakHandler]: this, [kResistStopPropagation]: true });
    }
    let list = this[kEvents].get(type);
    if (list === undefined) {
      list = { head: null, tail: null, size: 0 };
      this[kEvents].set(type, list);
    }
    for (let rec = list.head; rec !== null; rec = rec.next) {
      if (rec.listener === listener && rec.capture === capture) return;
    }
    const rec = { listener, capture, once, passive, resist, weak, removed: false, prev: list.tail, next: null };
    if (list.tail === null) list.head = rec;
    else list.tail.next = rec;
    list.tail = rec;
    list.size++;
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && list.size > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const w = new Error(`Possible EventTarget memory leak detected. ${list.size} ${type} listeners ` +
        `added to ${inspect(this, { depth: -1 })}. MaxListeners is ${max}. Use events.setMaxListeners() ` +
        'to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = list.size;
      process.emitWarning(w);
    }
  }

  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!validateListener(listener)) return;
    type = `${type}`;
    // Node reads only options.capture here, so a bare `true` means bubbling.
    const capture = Boolean(options?.capture);
    const list = this[kEvents].get(type);
    if (list === undefined) return;
    for (let rec = list.head; rec !== null; rec = rec.next) {
      if (rec.listener === listener && rec.capture === capture) {
        unlink(this, type, list, rec);
        return;
      }
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    beginDispatch(event, this);
    try {
      const list = this[kEvents].get(event.type);
      // Walk the live list, taking each `next` before calling the listener:
      // that is the order Node gives when listeners are added mid-dispatch.
      // Removed records keep their `next`, so the walk can go on past them.
      let next;
      for (let rec = list === undefined ? null : list.head; rec !== null; rec = next) {
        next = rec.next;
        if (rec.removed) continue;
        if (immediateStopped(event) && !rec.resist) continue;
        if (rec.once) unlink(this, event.type, list, rec);
        const listener = rec.listener;
        try {
          let result;
          if (typeof listener === 'function') {
            result = FunctionPrototypeCall(listener, this, event);
          } else if (typeof listener?.handleEvent === 'function') {
            result = listener.handleEvent(event);
          }
          if (result !== undefined && result !== null) {
            const then = result.then;
            if (typeof then === 'function') FunctionPrototypeCall(then, result, undefined, emitUncaught);
          }
        } catch (err) {
          emitUncaught(err);
        }
      }
    } finally {
      endDispatch(event);
    }
    return event.defaultPrevented !== true;
  }

  [kInspect](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `${name} ${inspect({}, opts)}`;
  }
}

for (const name of new SafeArrayIterator(['addEventListener', 'removeEventListener', 'dispatchEvent'])) {
  ObjectDefineProperty(EventTarget.prototype, name, {
    __proto__: null, ...ObjectGetOwnPropertyDescriptor(EventTarget.prototype, name), enumerable: true,
  });
}
ObjectDefineProperty(EventTarget.prototype, SymbolToStringTag, {
  __proto__: null, value: 'EventTarget', configurable: true,
});

// events.getEventListeners(target, type): the listeners as they were added;
// an on<event> attribute shows as its wrapper (which carries `.handler`).
function getListeners(target, type) {
  const list = target[kEvents].get(`${type}`);
  const out = [];
  for (let rec = list === undefined ? null : list.head; rec !== null; rec = rec.next) {
    ArrayPrototypePush(out, rec.listener);
  }
  return out;
}

// Defines `on<name>` on a prototype: the attribute keeps its place among the
// listeners when reassigned, and any value can be stored and read back.
function defineEventHandler(proto, name) {
  ObjectDefineProperty(proto, `on${name}`, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      return this[kHandlers]?.get(name)?.handler ?? null;
    },
    set(value) {
      if (this[kHandlers] === undefined) this[kHandlers] = new SafeMap();
      const map = this[kHandlers];
      let wrapper = map.get(name);
      if (wrapper !== undefined && !wrapper.placeholder) {
        if (value == null) {
          this.removeEventListener(name, wrapper);
          map.delete(name);
        } else {
          wrapper.handler = value;
        }
        return;
      }
      if (typeof value !== 'function' && (typeof value !== 'object' || value === null)) {
        if (value == null) map.delete(name);
        else map.set(name, { handler: value, placeholder: true });
        return;
      }
      wrapper = function eventHandler(...args) {
        const h = eventHandler.handler;
        if (typeof h === 'function') return ReflectApply(h, this, args);
        if (typeof h?.handleEvent === 'function') return ReflectApply(h.handleEvent, h, args);
      };
      wrapper.handler = value;
      map.set(name, wrapper);
      this.addEventListener(name, wrapper);
    },
  });
}

const exportsObj = {
  Event,
  CustomEvent,
  EventTarget,
  initEventTarget,
  isEventTarget,
  getListeners,
  defineEventHandler,
  kTrustEvent,
  kResistStopPropagation,
  kWeakHandler,
  kEvents,
};
shared.eventTarget = exportsObj;
module.exports = exportsObj;
