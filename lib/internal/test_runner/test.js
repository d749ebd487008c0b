'use strict';
// node:test's tree: a Test runs its function, then its subtests (started by t.test),
// and reports itself to its parent; a Suite (describe) collects its children while
// its body runs and then runs them; hooks run around them. Results leave as events
// on the root's TestsStream (internal/test_runner/tests_stream), in the order the
// tests were declared, whatever order they finished in.

const {
  ArrayPrototypePush, ArrayPrototypeShift, ArrayPrototypeUnshift,
  FunctionPrototypeCall, MathMax, Number, NumberIsFinite, Promise,
  PromisePrototypeThen, PromiseReject, PromiseResolve, SafePromiseAll, SafePromiseRace,
} = primordials;

const { codes: { ERR_TEST_FAILURE } } = require('internal/errors');
const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = require('timers');
const { hrtime } = process;
const { createHook, TestContext, SuiteContext } = require('internal/test_runner/context');
const { AbortController } = require('internal/abort_controller');

const kCancelledByParent = 'cancelledByParent';
const kHookFailure = 'hookFailed';
const kSubtestsFailed = 'subtestsFailed';
const kTestCodeFailure = 'testCodeFailure';
const kTestTimeoutFailure = 'testTimeoutFailure';
const kCallbackAndPromise = 'callbackAndPromisePresent';
const kParentAlreadyFinished = 'parentAlreadyFinished';

function now() { return hrtime.bigint(); }

// The deadline of a test with a timeout (a ref'd timer, as in node: it fires even
// when nothing else keeps the loop alive).
function raceTimeout(promise, ms, test) {
  if (!NumberIsFinite(ms)) return promise;
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = realSetTimeout(() => {
      reject(new ERR_TEST_FAILURE(`test timed out after ${ms}ms`, kTestTimeoutFailure));
    }, ms);
  });
  return PromisePrototypeThen(SafePromiseRace([promise, timeout]),
    (v) => { realClearTimeout(timer); return v; },
    (e) => { realClearTimeout(timer); throw e; });
}

class Test {
  constructor(options) {
    const { name, fn, parent, loc, skip, todo, only, timeout, concurrency, signal, root } = options;
    this.name = name;
    this.fn = fn;
    this.parent = parent ?? null;
    this.root = root ?? (parent ? parent.root : this);
    this.harness = this.root.harness;
    this.nesting = parent ? parent.nesting + 1 : -1;
    this.loc = loc ?? null;
    this.subtests = [];
    this.pendingSubtests = [];
    this.activeSubtests = 0;
    this.reportedSubtests = 0;
    this.diagnostics = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.concurrency = concurrency === true ? Infinity :
      (typeof concurrency === 'number' ? concurrency : (concurrency === false ? 1 : (parent ? parent.concurrency : 1)));
    this.timeout = timeout ?? (parent ? parent.timeout : Infinity);
    this.runOnlySubtests = false;
    this.only = !!only;
    this.skipped = skip !== undefined && skip !== false;
    this.skipMessage = typeof skip === 'string' ? skip : undefined;
    this.isTodo = todo !== undefined && todo !== false;
    this.todoMessage = typeof todo === 'string' ? todo : undefined;
    if (parent && parent.runOnlySubtests && !this.only && this.harness.testOnly) {
      this.skipped = true;
      this.skipMessage = "'only' option not set";
    }
    if (!this.harness.testOnly && (this.only || parent?.runOnlySubtests)) {
      ArrayPrototypePush(this.diagnostics, "'only' and 'runOnly' require the --test-only command-line option.");
    }
    this.matchesPattern = parent ? parent.matchesPattern || this.harness.matchesName(name) : false;
    this.passed = false;
    this.error = null;
    this.startTime = null;
    this.endTime = null;
    this.started = false;
    this.finished = false;
    this.reported = false;
    this.startReported = false;
    this.testNumber = 0;
    this.controller = new AbortController();
    if (signal) {
      if (signal.aborted) this.controller.abort(signal.reason);
      else signal.addEventListener('abort', () => this.controller.abort(signal.reason), { __proto__: null, once: true });
    }
    this.signal = this.controller.signal;
    this.interrupt = null;
    this.mockTracker = null;
    this.donePromise = new Promise((resolve) => { this.resolveDone = resolve; });
    this.reportType = 'test';
  }

  get mock() {
    if (this.mockTracker === null) {
      const { MockTracker } = require('internal/test_runner/mock/mock');
      this.mockTracker = new MockTracker();
    }
    return this.mockTracker;
  }

  // A subtest of this test, created by t.test() (or test() for the root).
  createSubtest(Factory, name, options, fn, loc) {
    const child = new Factory({ __proto__: null, ...options, name, fn, parent: this, loc });
    if (this.finished) {
      // A test finished already: the child cannot run under it.
      child.fail(new ERR_TEST_FAILURE('test could not be started because its parent finished',
        kParentAlreadyFinished));
      child.finished = true;
      ArrayPrototypePush(this.root.subtests, child);
      child.parent = this.root;
      child.nesting = 0;
      this.root.subtestFinished(child, true);
      return child;
    }
    ArrayPrototypePush(this.subtests, child);
    this.harness.stream.enqueue(child.nesting, loc, name);
    return child;
  }

  // Runs now, or when the parent has room (its concurrency).
  start() {
    const parent = this.parent;
    if (parent.activeSubtests < parent.concurrency && parent.pendingSubtests.length === 0) {
      parent.activeSubtests++;
      this.runAndFinish();
    } else {
      ArrayPrototypePush(parent.pendingSubtests, this);
    }
    return this.donePromise;
  }

  processPending() {
    while (this.pendingSubtests.length > 0 && this.activeSubtests < this.concurrency) {
      const next = ArrayPrototypeShift(this.pendingSubtests);
      this.activeSubtests++;
      next.runAndFinish();
    }
  }

  runAndFinish() {
    this.started = true;
    this.harness.stream.dequeue(this.nesting, this.loc, this.name);
    PromisePrototypeThen(this.run(), () => this.finish(), (err) => {
      this.fail(err);
      this.finish();
    });
  }

  fail(err) {
    if (this.error !== null) return;
    this.passed = false;
    this.error = err;
  }

  pass() {
    if (this.error !== null) return;
    this.passed = true;
  }

  async runHook(kind, args) {
    const list = this.hooks[kind];
    for (let i = 0; i < list.length; i++) await list[i].run(args);
  }

  // beforeEach of every ancestor, outermost first; afterEach innermost first.
  async runEachHooks(kind, ctx) {
    const chain = [];
    for (let t = this.parent; t !== null; t = t.parent) {
      if (kind === 'beforeEach') ArrayPrototypeUnshift(chain, t);
      else ArrayPrototypePush(chain, t);
    }
    for (let i = 0; i < chain.length; i++) await chain[i].runHook(kind, ctx);
  }

  makeContext() { return new TestContext(this); }

  hasMatchingSubtest() {
    for (let i = 0; i < this.subtests.length; i++) {
      const sub = this.subtests[i];
      if (sub.matchesPattern || sub.hasMatchingSubtest()) return true;
    }
    return false;
  }

  async run() {
    this.startTime = now();
    if (!this.skipped && !this.matchesPattern && this.harness.namePatterns !== null && !this.hasMatchingSubtest()) {
      this.skipped = true;
      this.skipMessage = 'test name does not match pattern';
    }
    if (this.skipped) { this.pass(); return; }
    if (this.signal.aborted) {
      this.fail(new ERR_TEST_FAILURE('test did not finish before its parent and was cancelled', kCancelledByParent));
      return;
    }
    const ctx = this.makeContext();
    let stage = 'beforeEach';
    try {
      await this.runEachHooks('beforeEach', ctx);
      stage = 'fn';
      // An uncaught exception while the function runs ends it (harness.uncaught).
      const interrupted = new Promise((resolve, reject) => { this.interrupt = reject; });
      this.harness.running.add(this);
      try {
        await raceTimeout(SafePromiseRace([this.callFn(ctx), interrupted]), this.timeout, this);
      } finally {
        this.harness.running.delete(this);
        this.interrupt = null;
      }
      stage = 'after';
      await this.runHook('after', ctx);
      stage = 'afterEach';
      await this.runEachHooks('afterEach', ctx);
      this.pass();
    } catch (err) {
      if (stage !== 'fn' && !(err?.code === 'ERR_TEST_FAILURE')) {
        this.fail(new ERR_TEST_FAILURE(err, kHookFailure));
      } else {
        this.fail(err?.code === 'ERR_TEST_FAILURE' && err.failureType ? err : new ERR_TEST_FAILURE(err, kTestCodeFailure));
      }
      if (stage === 'fn') {
        try { await this.runHook('after', ctx); await this.runEachHooks('afterEach', ctx); } catch { /* first error wins */ }
      }
    }
  }

  // The test function, with a done callback if it declares a second parameter.
  callFn(ctx) {
    const fn = this.fn;
    if (fn.length >= 2) {
      return new Promise((resolve, reject) => {
        const done = (err) => { if (err) reject(err); else resolve(); };
        let result;
        try {
          result = FunctionPrototypeCall(fn, ctx, ctx, done);
        } catch (err) {
          reject(err);
          return;
        }
        if (result && typeof result.then === 'function') {
          PromisePrototypeThen(PromiseResolve(result), () => {}, () => {});
          reject(new ERR_TEST_FAILURE('passed a callback but also returned a Promise', kCallbackAndPromise));
        }
      });
    }
    try {
      return PromiseResolve(FunctionPrototypeCall(fn, ctx, ctx));
    } catch (err) {
      return PromiseReject(err);
    }
  }

  // Subtests still outstanding when this test ends are cancelled, as in node.
  cancelOutstanding() {
    const err = new ERR_TEST_FAILURE('test did not finish before its parent and was cancelled', kCancelledByParent);
    for (let i = 0; i < this.subtests.length; i++) {
      const sub = this.subtests[i];
      if (sub.finished) continue;
      sub.cancelOutstanding();
      sub.fail(err);
      sub.controller.abort(err);
      if (!sub.started) sub.startTime = sub.startTime ?? now();
    }
    this.pendingSubtests = [];
    for (let i = 0; i < this.subtests.length; i++) {
      const sub = this.subtests[i];
      if (!sub.finished) sub.finish(true);
    }
  }

  countFailedSubtests() {
    let failed = 0;
    for (let i = 0; i < this.subtests.length; i++) {
      const sub = this.subtests[i];
      if (!sub.passed && !sub.isTodo) failed++;
    }
    return failed;
  }

  finish(forced) {
    if (this.finished) return;
    this.cancelOutstanding();
    if (this.startTime === null) this.startTime = now();
    const failed = this.countFailedSubtests();
    if (failed > 0 && this.error === null) {
      const msg = `${failed} subtest${failed > 1 ? 's' : ''} failed`;
      this.fail(new ERR_TEST_FAILURE(msg, kSubtestsFailed));
    }
    this.endTime = now();
    this.finished = true;
    if (this.mockTracker !== null) this.mockTracker.reset();
    if (this.parent !== null) this.parent.subtestFinished(this, forced);
    this.resolveDone();
  }

  subtestFinished(child, forced) {
    if (child.started && !forced) this.activeSubtests--;
    else if (child.started && forced) this.activeSubtests = MathMax(0, this.activeSubtests - 1);
    this.reportReady();
    if (!forced) this.processPending();
  }

  reportReady() {
    while (this.reportedSubtests < this.subtests.length && this.subtests[this.reportedSubtests].finished) {
      const child = this.subtests[this.reportedSubtests++];
      if (this.parent !== null || this === this.root) child.report();
    }
  }

  // `test:start` for this test (and the ancestors first), once.
  reportStarted() {
    if (this.startReported || this.parent === null) return;
    this.parent.reportStarted();
    this.startReported = true;
    this.harness.stream.start(this.nesting, this.loc, this.name);
  }

  details() {
    const duration = this.endTime !== null && this.startTime !== null && this.started ?
      Number(this.endTime - this.startTime) / 1e6 : 0;
    const details = { __proto__: null, duration_ms: duration };
    if (this.reportType === 'suite') details.type = 'suite';
    if (!this.passed) details.error = this.error;
    return details;
  }

  report() {
    if (this.reported) return;
    this.reported = true;
    this.reportStarted();
    const stream = this.harness.stream;
    if (this.subtests.length > 0) stream.plan(this.nesting + 1, this.loc, this.subtests.length);
    const directive = this.skipped ? { __proto__: null, skip: this.skipMessage ?? true } :
      (this.isTodo ? { __proto__: null, todo: this.todoMessage ?? true } : { __proto__: null });
    this.testNumber = this.parent.nextTestNumber();
    this.harness.counters.record(this);
    if (this.passed) stream.ok(this.nesting, this.loc, this.testNumber, this.name, this.details(), directive);
    else stream.fail(this.nesting, this.loc, this.testNumber, this.name, this.details(), directive);
    for (let i = 0; i < this.diagnostics.length; i++) stream.diagnostic(this.nesting, this.loc, this.diagnostics[i]);
  }

  nextTestNumber() {
    this.lastNumber = (this.lastNumber ?? 0) + 1;
    return this.lastNumber;
  }
}

// describe(): its body runs at once, collecting children; they run when the suite's
// turn comes, one after another unless `concurrency` says otherwise.
class Suite extends Test {
  constructor(options) {
    super(options);
    this.reportType = 'suite';
    this.buildPromise = PromiseResolve();
    if (this.skipped || typeof this.fn !== 'function') return;
    const ctx = new SuiteContext(this);
    const previous = this.harness.currentSuite;
    this.harness.currentSuite = this;
    try {
      // it()/describe() after an `await` in an async body still belong here.
      const result = this.harness.suiteStorage().run(this, FunctionPrototypeCall, this.fn, ctx, ctx);
      if (result && typeof result.then === 'function') {
        this.buildPromise = PromisePrototypeThen(PromiseResolve(result), undefined, (err) => {
          this.fail(new ERR_TEST_FAILURE(err, kTestCodeFailure));
        });
      }
    } catch (err) {
      this.fail(new ERR_TEST_FAILURE(err, kTestCodeFailure));
    } finally {
      this.harness.currentSuite = previous;
    }
  }

  createSubtest(Factory, name, options, fn, loc) {
    const child = new Factory({ __proto__: null, ...options, name, fn, parent: this, loc });
    ArrayPrototypePush(this.subtests, child);
    this.harness.stream.enqueue(child.nesting, loc, name);
    return child;
  }

  async run() {
    this.startTime = now();
    await this.buildPromise;
    if (this.skipped || this.error !== null) {
      if (this.error === null) this.pass();
      for (let i = 0; i < this.subtests.length; i++) {
        const sub = this.subtests[i];
        sub.skipped = sub.skipped || this.skipped;
      }
    }
    const ctx = new SuiteContext(this);
    try {
      if (!this.skipped && this.error === null) await this.runHook('before', ctx);
    } catch (err) {
      this.fail(new ERR_TEST_FAILURE(err, kHookFailure));
      for (let i = 0; i < this.subtests.length; i++) {
        const sub = this.subtests[i];
        sub.fail(new ERR_TEST_FAILURE(err, kHookFailure));
        sub.started = true;
        sub.startTime = sub.endTime = now();
      }
    }
    const waits = [];
    for (let i = 0; i < this.subtests.length; i++) {
      const sub = this.subtests[i];
      if (sub.error !== null && sub.error.failureType === kHookFailure) { sub.finish(true); continue; }
      ArrayPrototypePush(waits, sub.start());
    }
    await SafePromiseAll(waits);
    try {
      if (!this.skipped) await this.runHook('after', ctx);
    } catch (err) {
      this.fail(new ERR_TEST_FAILURE(err, kHookFailure));
    }
    this.pass();
  }
}

// The tree's root: the file's top-level tests, run one at a time unless told.
class RootTest extends Test {
  constructor(harness, options) {
    super({ __proto__: null, name: '<root>', fn: () => {}, root: { harness }, ...options });
    this.root = this;
    this.harness = harness;
    this.started = true;
    this.startTime = now();
    // --test-only: top-level tests run only if marked.
    this.runOnlySubtests = harness.testOnly;
  }

  start() { /* the root never runs as a child */ }
}

module.exports = {
  Test, Suite, RootTest, createHook,
  kCancelledByParent, kTestCodeFailure, kTestTimeoutFailure, kSubtestsFailed, kHookFailure,
};
