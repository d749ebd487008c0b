'use strict';
// What a test's function sees: the TestContext `t` (t.test, t.diagnostic, t.skip,
// t.todo, t.runOnly, t.mock, t.signal, hooks for its subtests), the SuiteContext a
// describe() body gets, and the hooks (before/after/beforeEach/afterEach) themselves.

const {
  ArrayPrototypePush, FunctionPrototypeCall, NumberIsFinite, PromisePrototypeThen, PromiseResolve,
  Promise, SafePromiseRace,
} = primordials;

const { codes: { ERR_TEST_FAILURE } } = require('internal/errors');
const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = require('timers');
const { parseTestArgs, captureLocation } = require('internal/test_runner/utils');

// A hook's function, with the `done` callback form and its own timeout.
class TestHook {
  constructor(fn, options) {
    this.fn = fn;
    this.timeout = options?.timeout ?? Infinity;
  }

  run(ctx) {
    const fn = this.fn;
    let promise;
    if (fn.length >= 2) {
      promise = new Promise((resolve, reject) => {
        const result = FunctionPrototypeCall(fn, ctx, ctx, (err) => (err ? reject(err) : resolve()));
        if (result && typeof result.then === 'function') PromisePrototypeThen(PromiseResolve(result), resolve, reject);
      });
    } else {
      promise = PromiseResolve(FunctionPrototypeCall(fn, ctx, ctx));
    }
    if (!NumberIsFinite(this.timeout)) return promise;
    let timer;
    const ms = this.timeout;
    const deadline = new Promise((resolve, reject) => {
      timer = realSetTimeout(() => reject(new ERR_TEST_FAILURE(`test timed out after ${ms}ms`, 'testTimeoutFailure')), ms);
      });
    return PromisePrototypeThen(SafePromiseRace([promise, deadline]),
      (v) => { realClearTimeout(timer); return v; }, (e) => { realClearTimeout(timer); throw e; });
  }
}

function createHook(fn, options) { return new TestHook(fn, options); }

function addHook(test, kind, fn, options) {
  if (typeof fn !== 'function') {
    const { validateFunction } = require('internal/validators');
    validateFunction(fn, 'fn');
  }
  ArrayPrototypePush(test.hooks[kind], createHook(fn, options));
}

class TestContext {
  #test;
  constructor(test) { this.#test = test; }

  get signal() { return this.#test.signal; }
  get name() { return this.#test.name; }
  get mock() { return this.#test.mock; }

  diagnostic(message) { ArrayPrototypePush(this.#test.diagnostics, `${message}`); }

  runOnly(value) { this.#test.runOnlySubtests = !!value; }

  skip(message) {
    this.#test.skipped = true;
    this.#test.skipMessage = message;
  }

  todo(message) {
    this.#test.isTodo = true;
    this.#test.todoMessage = message;
  }

  test(name, options, fn) {
    const args = parseTestArgs(name, options, fn);
    const { Test } = require('internal/test_runner/test');
    const sub = this.#test.createSubtest(Test, args.name, args.options, args.fn,
      captureLocation(TestContext.prototype.test));
    if (sub.finished) return PromiseResolve();
    return PromisePrototypeThen(sub.start(), () => undefined);
  }

  before(fn, options) { addHook(this.#test, 'before', fn, options); }
  after(fn, options) { addHook(this.#test, 'after', fn, options); }
  beforeEach(fn, options) { addHook(this.#test, 'beforeEach', fn, options); }
  afterEach(fn, options) { addHook(this.#test, 'afterEach', fn, options); }
}

class SuiteContext {
  #suite;
  constructor(suite) { this.#suite = suite; }
  get signal() { return this.#suite.signal; }
  get name() { return this.#suite.name; }
}

module.exports = { TestContext, SuiteContext, createHook, addHook };
