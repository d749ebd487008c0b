'use strict';
// assert.CallTracker (deprecated in Node 20, DEP0173, but still shipped): wraps
// functions to count their calls, and reports or throws when a wrapped function was
// not called exactly the expected number of times. No internalBinding.

const {
  ArrayPrototypePush, ObjectFreeze, ReflectApply, SafeSet, SafeWeakMap,
} = primordials;
const { sliceOf } = require('internal/util/either');

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_UNAVAILABLE_DURING_EXIT },
} = require('internal/errors');
const { validateUint32 } = require('internal/validators');
const { AssertionError } = require('internal/assert/assertion_error');

// Anonymous on purpose: the wrapper of a default function has an empty name.
const noop = [() => {}][0];
let warned = false;

// One tracked function: its expectation, the calls seen, and where it was created.
class Tracked {
  constructor(fn, expected, stack) {
    this.name = fn.name || 'calls';
    this.expected = expected;
    this.calls = [];
    this.stack = stack;
  }

  message() {
    return `Expected the ${this.name} function to be executed ${this.expected} time(s) but ` +
      `was executed ${this.calls.length} time(s).`;
  }
}

class CallTracker {
  #tracked = new SafeWeakMap();
  #all = new SafeSet();

  constructor() {
    if (!warned) {
      warned = true;
      process.emitWarning('assert.CallTracker is deprecated.', 'DeprecationWarning', 'DEP0173');
    }
  }

  #lookup(tracked) {
    const record = this.#tracked.get(tracked);
    if (record === undefined) throw new ERR_INVALID_ARG_VALUE('tracked', tracked, 'is not a tracked function');
    return record;
  }

  reset(fn) {
    if (fn === undefined) {
      for (const record of this.#all) record.calls = [];
    } else {
      this.#lookup(fn).calls = [];
    }
  }

  getCalls(fn) {
    return ObjectFreeze(sliceOf(this.#lookup(fn).calls));
  }

  calls(fn, expected = 1) {
    // Nothing could verify a function wrapped while the process exits.
    if (process._exiting) throw new ERR_UNAVAILABLE_DURING_EXIT();
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(expected, 'expected', true);
    // The stack is taken here so report() points at the calls() site.
    const record = new Tracked(fn, expected, new Error());
    // A Proxy keeps the wrapped function's name, length and construct behaviour.
    // The handler has no prototype, so traps cannot be picked up from a patched
    // Object.prototype.
    const proxy = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, args) {
        ArrayPrototypePush(record.calls, ObjectFreeze({ thisArg, arguments: ObjectFreeze(args) }));
        return ReflectApply(target, thisArg, args);
      },
    });
    this.#tracked.set(proxy, record);
    this.#all.add(record);
    return proxy;
  }

  report() {
    const errors = [];
    for (const record of this.#all) {
      if (record.calls.length !== record.expected) {
        ArrayPrototypePush(errors, {
          message: record.message(),
          actual: record.calls.length,
          expected: record.expected,
          operator: record.name,
          stack: record.stack,
        });
      }
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ? errors[0].message
      : 'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

module.exports = { CallTracker };
