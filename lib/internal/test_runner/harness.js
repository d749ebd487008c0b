'use strict';
// The process's own test tree: made on the first test()/describe() call, its
// results written by the reporters --test-reporter names (spec on a TTY, tap
// otherwise), and ended when the event loop drains: what is still pending is
// cancelled, the summary printed, and the exit code set to 1 if anything failed.

const {
  ArrayPrototypeMap, Number, PromisePrototypeThen, RegExp, RegExpPrototypeExec, SafeArrayIterator, SafeSet,
} = primordials;
const { getOptionValue } = require('internal/options');
const { TestsStream } = require('internal/test_runner/tests_stream');
const { Counters } = require('internal/test_runner/utils');

let globalHarness = null;

// '/abc/i' is a regular expression with flags; anything else is a pattern as is.
function toRegExp(text) {
  const m = RegExpPrototypeExec(/^\/(.*)\/([a-z]*)$/s, text);
  return m === null ? new RegExp(text) : new RegExp(m[1], m[2]);
}

class Harness {
  constructor(readable = false) {
    this.stream = new TestsStream(readable);
    this.counters = new Counters();
    this.testOnly = getOptionValue('--test-only');
    const patterns = getOptionValue('--test-name-pattern');
    this.namePatterns = patterns.length === 0 ? null : ArrayPrototypeMap(patterns, toRegExp);
    this.currentSuite = null;
    this.ended = false;
    this.running = new SafeSet();
    this.rootBefore = null;
    const { RootTest } = require('internal/test_runner/test');
    this.root = new RootTest(this, { __proto__: null });
    this.startTime = process.hrtime.bigint();
  }

  // Which describe() body is running, across its awaits.
  suiteStorage() {
    if (this.storage === undefined) {
      const { AsyncLocalStorage } = require('async_hooks');
      this.storage = new AsyncLocalStorage();
    }
    return this.storage;
  }

  currentParent() {
    return this.currentSuite ?? this.storage?.getStore() ?? this.root;
  }

  matchesName(name) {
    const patterns = this.namePatterns;
    if (patterns === null) return true;
    for (let i = 0; i < patterns.length; i++) {
      if (RegExpPrototypeExec(patterns[i], name) !== null) return true;
    }
    return false;
  }

  // Writes the summary and ends the stream; returns whether everything passed.
  summarize(stream = this.stream) {
    const c = this.counters;
    const root = this.root;
    stream.plan(0, null, root.lastNumber ?? 0);
    const duration = Number(process.hrtime.bigint() - this.startTime) / 1e6;
    const lines = [
      `tests ${c.all}`, `suites ${c.suites}`, `pass ${c.passed}`, `fail ${c.failed}`,
      `cancelled ${c.cancelled}`, `skipped ${c.skipped}`, `todo ${c.todo}`, `duration_ms ${duration}`,
    ];
    for (const line of new SafeArrayIterator(lines)) stream.diagnostic(0, null, line);
    stream.end();
    return c.failed === 0 && c.cancelled === 0;
  }

  // The loop drained: tests still waiting can never finish. Top-level after()
  // hooks run, then the summary.
  finish(reason) {
    if (this.ended) return;
    this.ended = true;
    const { codes: { ERR_TEST_FAILURE } } = require('internal/errors');
    const err = new ERR_TEST_FAILURE(reason, 'cancelledByParent');
    const root = this.root;
    cancelTree(root, err);
    root.reportReady();
    const end = () => { if (!this.summarize()) process.exitCode = 1; };
    if (root.hooks.after.length === 0) {
      end();
      return;
    }
    PromisePrototypeThen(root.runHook('after', root.makeContext()), end, (hookErr) => {
      this.stream.diagnostic(0, null, `${hookErr?.stack ?? hookErr}`);
      this.counters.failed++;
      end();
    });
  }

  // A top-level test starts after the top-level before() hooks have run.
  startTopLevel(test) {
    const root = this.root;
    if (root.hooks.before.length === 0 && this.rootBefore === null) {
      test.start();
      return;
    }
    this.rootBefore ??= root.runHook('before', root.makeContext());
    PromisePrototypeThen(this.rootBefore, () => test.start(), (err) => {
      const { codes: { ERR_TEST_FAILURE } } = require('internal/errors');
      test.fail(new ERR_TEST_FAILURE(err, 'hookFailed'));
      test.skipped = false;
      test.start();
    });
  }

  // An exception no one caught: the test running (the latest started) fails with
  // it; outside any test it is reported and the run fails, as in node.
  uncaught(err) {
    let current = null;
    for (const test of this.running) current = test;
    const { codes: { ERR_TEST_FAILURE } } = require('internal/errors');
    if (current !== null && current.interrupt !== null) {
      current.interrupt(new ERR_TEST_FAILURE(err, 'uncaughtException'));
      return;
    }
    process.exitCode = 1;
    if (this.ended) {
      process.stderr.write(`${err?.stack ?? err}\n`);
      return;
    }
    const shown = `${err}`;
    this.stream.diagnostic(0, null, 'Error: A resource generated asynchronous activity after the test ended. ' +
      `This activity created the error "${shown}" which triggered an uncaughtException event, caught by the test runner.`);
  }
}

function cancelTree(test, err) {
  for (let i = 0; i < test.subtests.length; i++) {
    const sub = test.subtests[i];
    if (sub.finished) continue;
    cancelTree(sub, err);
    sub.fail(err);
    sub.controller.abort(err);
    sub.finish(true);
  }
  test.pendingSubtests = [];
}

function reporterSetup(harness) {
  const names = getOptionValue('--test-reporter');
  const destinations = getOptionValue('--test-reporter-destination');
  const list = names.length > 0 ? names : [process.stdout.isTTY ? 'spec' : 'tap'];
  const { attachReporter } = require('internal/test_runner/reporter/attach');
  for (let i = 0; i < list.length; i++) {
    attachReporter(harness.stream, list[i], destinations[i] ?? (list.length === 1 ? 'stdout' : undefined));
  }
}

function getHarness() {
  if (globalHarness !== null) return globalHarness;
  const harness = new Harness();
  globalHarness = harness;
  reporterSetup(harness);
  const onBeforeExit = () => {
    if (harness.root.pendingSubtests.length > 0 || harness.root.activeSubtests > 0) {
      // Queued work may still start (a test waiting for the one that just ended).
      if (harness.root.activeSubtests === 0) { harness.root.processPending(); return; }
    }
    process.removeListener('beforeExit', onBeforeExit);
    harness.finish('Promise resolution is still pending but the event loop has already resolved');
  };
  process.on('beforeExit', onBeforeExit);
  process.on('uncaughtException', (err) => harness.uncaught(err));
  process.on('unhandledRejection', (reason) => harness.uncaught(reason));
  return harness;
}

// A top-level test(), it() or describe(): inside a describe() body it belongs to
// that suite, otherwise to the root, where it starts once the script has run.
function declare(Factory, name, options, fn, loc) {
  const harness = getHarness();
  const parent = harness.currentParent();
  const child = parent.createSubtest(Factory, name, options, fn, loc);
  if (parent === harness.root) process.nextTick(() => harness.startTopLevel(child));
  return child;
}

function addRootHook(kind, fn, options) {
  const harness = getHarness();
  const { addHook } = require('internal/test_runner/context');
  addHook(harness.currentParent(), kind, fn, options);
}

module.exports = { getHarness, declare, addRootHook, Harness, cancelTree };
