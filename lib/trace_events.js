'use strict';
// trace_events: createTracing and getEnabledCategories as Node 20 answers them when
// no trace is being recorded. coil has no tracing agent: enabling a Tracing object
// only records its categories (so getEnabledCategories reports what node's agent
// would), and no trace file (node_trace.*.log) is ever written.

const {
  ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeSort, SafeSet, SymbolFor,
} = primordials;
const {
  codes: { ERR_TRACE_EVENTS_CATEGORY_REQUIRED, ERR_TRACE_EVENTS_UNAVAILABLE },
} = require('internal/errors');
const { validateObject, validateStringArray } = require('internal/validators');

// As in node, a worker thread has no trace_events module.
if (!require('internal/worker/self').isMainThread) throw new ERR_TRACE_EVENTS_UNAVAILABLE();

const customInspect = SymbolFor('nodejs.util.inspect.custom');
// Node warns (once per enable past the limit) that many enabled objects look like a leak.
const kMaxEnabledTracings = 10;
const enabledTracings = new SafeSet();

class Tracing {
  #enabled = false;
  #categories;
  #traced;

  // `categories` stays the caller's array (the getter shows later changes to it, as
  // node's does); `traced` is the copy taken now, what node hands its agent.
  constructor(categories, traced) {
    this.#categories = categories;
    this.#traced = traced;
  }

  enable() {
    if (this.#enabled) return;
    this.#enabled = true;
    enabledTracings.add(this);
    if (enabledTracings.size > kMaxEnabledTracings) {
      process.emitWarning('Possible trace_events memory leak detected. There are more than ' +
                          `${kMaxEnabledTracings} enabled Tracing objects.`);
    }
  }

  disable() {
    if (!this.#enabled) return;
    this.#enabled = false;
    enabledTracings.delete(this);
  }

  get enabled() {
    return this.#enabled;
  }

  get categories() {
    return ArrayPrototypeJoin(this.#categories, ',');
  }

  [customInspect](depth, options, inspect) {
    // Past the depth limit util.inspect prints the object itself as [Tracing].
    if (typeof depth === 'number' && depth < 0) return this;
    const shown = { enabled: this.#enabled, categories: this.categories };
    return `Tracing ${(inspect || require('internal/util/inspect').inspect)(shown, options)}`;
  }

  // Read through the private field, not the public getter a program may shadow.
  static namesOf(tracing) {
    return tracing.#traced;
  }
}
const { namesOf } = Tracing;
delete Tracing.namesOf;

function createTracing(options) {
  validateObject(options, 'options');
  validateStringArray(options.categories, 'options.categories');
  if (options.categories.length <= 0) throw new ERR_TRACE_EVENTS_CATEGORY_REQUIRED();
  const traced = [];
  for (let i = 0; i < options.categories.length; i++) {
    ArrayPrototypePush(traced, options.categories[i]);
  }
  return new Tracing(options.categories, traced);
}

// The union of the enabled objects' categories as node's agent keeps them: each
// entry as given (not split at commas), empty names dropped, sorted, no duplicates.
function getEnabledCategories() {
  const names = new SafeSet();
  for (const tracing of enabledTracings) {
    const list = namesOf(tracing);
    for (let i = 0; i < list.length; i++) {
      if (list[i] !== '') names.add(list[i]);
    }
  }
  if (names.size === 0) return undefined;
  const list = [];
  for (const name of names) ArrayPrototypePush(list, name);
  return ArrayPrototypeJoin(ArrayPrototypeSort(list), ',');
}

module.exports = { createTracing, getEnabledCategories };
