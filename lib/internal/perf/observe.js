'use strict';
// PerformanceObserver and PerformanceObserverEntryList: observers registered for entry
// types get the entries made after they observe (and, with `buffered`, the marks and
// measures already in the performance timeline), delivered together from a setImmediate.

const {
  ArrayIsArray, ArrayPrototypeFilter, ArrayPrototypeIncludes, ArrayPrototypePush, ArrayPrototypeSort, ObjectDefineProperty,
  FunctionPrototypeCall, ObjectFreeze, SafeSet, SafeArrayIterator, Symbol, SymbolFor, SymbolToStringTag,
} = primordials;

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');

const customInspect = SymbolFor('nodejs.util.inspect.custom');
const kConstruct = Symbol('kConstruct');
const kEnqueue = Symbol('kEnqueue');
const kDeliver = Symbol('kDeliver');
const kObserves = Symbol('kObserves');

const supportedEntryTypes = ObjectFreeze([
  'dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource',
]);

// Observers with at least one entry type: the ones enqueue() looks at.
const activeObservers = new SafeSet();
// Observers with entries waiting for the next delivery.
const pendingObservers = new SafeSet();
let deliveryScheduled = false;

function sortByStart(list) {
  return ArrayPrototypeSort(list, (a, b) => a.startTime - b.startTime);
}

class PerformanceObserverEntryList {
  #entries;
  constructor(token, entries) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#entries = sortByStart(entries);
  }

  getEntries() { return [...this.#entries]; }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return ArrayPrototypeFilter(this.#entries, (e) => e.entryType === type);
  }

  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return ArrayPrototypeFilter(this.#entries,
      (e) => e.name === name && (type === undefined || e.entryType === type));
  }

  [customInspect](depth, options, inspect) {
    return `PerformanceObserverEntryList ${inspect(this.#entries, options)}`;
  }
}

function domError(message, name) {
  return new (require('internal/dom_exception').DOMException)(message, name);
}

class PerformanceObserver {
  #callback;
  #types = new SafeSet();
  // undefined until the first observe(); then 'multiple' (entryTypes) or 'single' (type).
  #mode;
  #buffer = [];

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  static get supportedEntryTypes() { return supportedEntryTypes; }

  observe(options = { __proto__: null }) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }
    if (entryTypes !== undefined) {
      if (this.#mode === 'single') {
        throw domError('PerformanceObserver can not change to multiple observations', 'InvalidModificationError');
      }
      if (!ArrayIsArray(entryTypes)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      this.#mode = 'multiple';
      this.#types.clear();
      for (let i = 0; i < entryTypes.length; i++) {
        const t = entryTypes[i];
        if (ArrayPrototypeIncludes(supportedEntryTypes, t)) this.#types.add(t);
      }
    } else {
      if (this.#mode === 'multiple') {
        throw domError('PerformanceObserver can not change to single observation', 'InvalidModificationError');
      }
      this.#mode = 'single';
      const t = `${type}`;
      if (ArrayPrototypeIncludes(supportedEntryTypes, t)) {
        this.#types.add(t);
        if (buffered) {
          const { bufferedEntries } = require('internal/perf');
          const earlier = bufferedEntries(t);
          for (let i = 0; i < earlier.length; i++) this[kEnqueue](earlier[i]);
        }
      }
    }
    if (this.#types.size === 0) this.disconnect();
    else activeObservers.add(this);
    updateHttp();
  }

  disconnect() {
    activeObservers.delete(this);
    pendingObservers.delete(this);
    this.#types.clear();
    this.#buffer = [];
    updateHttp();
  }

  [kObserves](type) { return this.#types.has(type); }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  [kEnqueue](entry) {
    if (!this.#types.has(entry.entryType)) return;
    ArrayPrototypePush(this.#buffer, entry);
    pendingObservers.add(this);
    scheduleDelivery();
  }

  [kDeliver]() {
    const entries = this.takeRecords();
    if (entries.length === 0) return;
    const list = new PerformanceObserverEntryList(kConstruct, entries);
    const callback = this.#callback;
    FunctionPrototypeCall(callback, this, list, this);
  }

  [customInspect](depth, options, inspect) {
    return `PerformanceObserver ${inspect({
      connected: activeObservers.has(this), pending: pendingObservers.has(this),
      entryTypes: [...this.#types], buffer: this.#buffer,
    }, options)}`;
  }
}

for (const [Cls, tag] of new SafeArrayIterator([[PerformanceObserver, 'PerformanceObserver'],
  [PerformanceObserverEntryList, 'PerformanceObserverEntryList']])) {
  ObjectDefineProperty(Cls.prototype, SymbolToStringTag, { __proto__: null, value: tag, configurable: true });
}

function deliverPending() {
  deliveryScheduled = false;
  const observers = [...pendingObservers];
  pendingObservers.clear();
  for (let i = 0; i < observers.length; i++) observers[i][kDeliver]();
}

function scheduleDelivery() {
  if (deliveryScheduled) return;
  deliveryScheduled = true;
  // An immediate, as in node: observers run after the current task and its microtasks,
  // and a pending delivery keeps the process alive until it has run.
  require('timers').setImmediate(deliverPending);
}

// http's entries are timed only while an observer wants them.
let httpObserved = false;
function updateHttp() {
  let on = false;
  for (const observer of activeObservers) if (observer[kObserves]('http')) on = true;
  if (on === httpObserved) return;
  httpObserved = on;
  require('internal/perf/http').observeHttp(on);
}

// Hands a new entry to every observer watching its type.
function enqueue(entry) {
  if (activeObservers.size === 0) return;
  for (const observer of [...activeObservers]) observer[kEnqueue](entry);
}

// Lets timerify skip timing calls when nobody could see the entry.
function hasObservers() {
  return activeObservers.size !== 0;
}

module.exports = {
  PerformanceObserver, PerformanceObserverEntryList, enqueue, hasObservers, supportedEntryTypes,
};
