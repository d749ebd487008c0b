'use strict';
// Running test files, each in its own coil process: run() (node:test's API, which
// returns the TestsStream) and `coil --test [files or directories]`. With no
// arguments the files are found as node 20 finds them: test.js, *.test.js,
// *-test.js, *_test.js, test-*.js (also .cjs/.mjs) anywhere, and every script under
// a directory named test; node_modules is skipped. A child reports its events on
// stdout (internal/test_runner/reporter/events); the rest of its output becomes
// test:stdout / test:stderr events.

const {
  ArrayPrototypeFilter, ArrayPrototypePush, ArrayPrototypeSort, DateNow, MathMax, NumberIsInteger, Promise,
  PromisePrototypeThen, PromiseResolve,
  RegExp, RegExpPrototypeExec, SafePromiseAll, SafeSet, StringPrototypeStartsWith,
} = primordials;

const { codes: { ERR_TEST_FAILURE } } = require('internal/errors');
const { validateArray, validateObject, validateNumber } = require('internal/validators');
const { Harness } = require('internal/test_runner/harness');
const { Test } = require('internal/test_runner/test');
const { getOptionValue } = require('internal/options');
const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = require('timers');

const testFilePattern = /^(?:test|.*[._-]test|test-.*)\.[cm]?js$/;
const scriptPattern = /\.[cm]?js$/;

function collectFiles(dir, inTestDir, out) {
  const fs = require('fs');
  const path = require('path');
  let entries;
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const name = entry.name;
    const full = path.join(dir, name);
    if (entry.isDirectory()) {
      if (name === 'node_modules' || StringPrototypeStartsWith(name, '.')) continue;
      collectFiles(full, inTestDir || name === 'test', out);
    } else if (RegExpPrototypeExec(testFilePattern, name) !== null ||
               (inTestDir && RegExpPrototypeExec(scriptPattern, name) !== null)) {
      ArrayPrototypePush(out, full);
    }
  }
}

function findTestFiles(args) {
  const fs = require('fs');
  const path = require('path');
  const out = [];
  if (args.length === 0) {
    collectFiles(process.cwd(), false, out);
    return ArrayPrototypeSort(out);
  }
  for (let i = 0; i < args.length; i++) {
    const full = path.resolve(args[i]);
    let stat;
    try { stat = fs.statSync(full); } catch {
      // node reports a missing file as a failing test of that name.
      ArrayPrototypePush(out, full);
      continue;
    }
    if (stat.isDirectory()) {
      const found = [];
      collectFiles(full, false, found);
      for (let j = 0; j < found.length; j++) ArrayPrototypePush(out, found[j]);
    } else {
      ArrayPrototypePush(out, full);
    }
  }
  return out;
}

// The options a child gets: ours, less the runner's own.
function childArgs(file, opts) {
  const args = [];
  const own = process.execArgv;
  for (let i = 0; i < own.length; i++) {
    const a = own[i];
    if (a === '--test' || a === '--test-only' || StringPrototypeStartsWith(a, '--test-reporter') ||
        StringPrototypeStartsWith(a, '--test-name-pattern') || a === '--watch') continue;
    ArrayPrototypePush(args, a);
  }
  ArrayPrototypePush(args, '--test-reporter=internal:events', '--test-reporter-destination=stdout');
  if (opts.only) ArrayPrototypePush(args, '--test-only');
  for (let i = 0; i < opts.namePatterns.length; i++) ArrayPrototypePush(args, `--test-name-pattern=${opts.namePatterns[i]}`);
  ArrayPrototypePush(args, file);
  return args;
}

// One file: a test whose subtests come from the child's events.
class FileTest extends Test {
  constructor(options) {
    super(options);
    this.runner = options.runner;
    this.fileArg = options.fileArg;
    this.child = null;
    this.reportedTopLevel = 0;
    this.failed = 0;
    // node counts a file's timeout from when it was queued, not from when it started.
    this.deadline = DateNow() + this.timeout;
  }

  run() {
    this.startTime = process.hrtime.bigint();
    const { spawn } = require('child_process');
    const stream = this.harness.stream;
    const file = this.loc.file;
    if (this.timeout !== Infinity && DateNow() >= this.deadline) {
      this.fail(new ERR_TEST_FAILURE(`test timed out after ${this.timeout}ms`, 'testTimeoutFailure'));
      return PromiseResolve();
    }
    return new Promise((resolve) => {
      const child = spawn(process.execPath, childArgs(file, this.runner), {
        __proto__: null, stdio: ['ignore', 'pipe', 'pipe'], env: process.env,
      });
      this.child = child;
      this.runner.children.add(child);
      const { EventsParser } = require('internal/test_runner/reporter/events');
      const parser = new EventsParser((type, data) => this.replay(type, data),
        (text) => stream.stdout(file, text));
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => parser.feed(chunk));
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk) => stream.stderr(file, chunk));
      let timer = null;
      let timedOut = false;
      if (this.timeout !== Infinity) {
        timer = realSetTimeout(() => {
          timedOut = true;
          child.kill('SIGTERM');
        }, this.deadline - DateNow());
      }
      let exit = null;
      let pending = 3;
      const done = () => {
        if (--pending > 0) return;
        if (timer !== null) realClearTimeout(timer);
        this.runner.children.delete(child);
        parser.end();
        const code = exit[0];
        const signal = exit[1];
        if (timedOut) {
          this.fail(new ERR_TEST_FAILURE(`test timed out after ${this.timeout}ms`, 'testTimeoutFailure'));
        } else if (code !== 0 || signal !== null) {
          const err = new ERR_TEST_FAILURE('test failed', 'testCodeFailure');
          err.exitCode = code;
          err.signal = signal;
          this.fail(err);
        } else {
          this.pass();
        }
        resolve();
      };
      child.on('exit', (code, signal) => { exit = [code, signal]; done(); });
      child.stdout.on('end', done);
      child.stderr.on('end', done);
    });
  }

  // A child's event, passed on; its top-level results are numbered in our sequence.
  replay(type, data) {
    const stream = this.harness.stream;
    if (type === 'test:pass' || type === 'test:fail') {
      this.harness.counters.recordEvent(type, data);
      if (type === 'test:fail' && data.todo === undefined) this.failed++;
      if (data.nesting === 0) {
        this.reportedTopLevel++;
        data.testNumber = this.root.nextTestNumber();
      }
    }
    if (type === 'test:enqueue' || type === 'test:dequeue') return;
    stream.emitMessage(type, data);
  }

  // Reported as a test of its own only when its events did not say it all.
  report() {
    if (this.reported) return;
    const explained = this.reportedTopLevel > 0 && (this.passed || this.failed > 0) &&
      this.error?.failureType !== 'testTimeoutFailure';
    if (explained) {
      this.reported = true;
      return;
    }
    super.report();
  }
}

class RunHarness extends Harness {
  constructor(readable) {
    super(readable);
  }
}

function runFiles(files, opts, readable, setup) {
  const harness = new RunHarness(readable);
  if (setup !== undefined) setup(harness);
  const root = harness.root;
  root.concurrency = opts.concurrency;
  root.timeout = opts.timeout;
  const runner = { __proto__: null, children: new SafeSet(), only: opts.only, namePatterns: opts.namePatterns };
  harness.runner = runner;
  const path = require('path');
  const starts = [];
  for (let i = 0; i < files.length; i++) {
    const absolute = path.resolve(files[i]);
    const test = root.createSubtest(FileTest, files[i], { __proto__: null, runner, fileArg: files[i] }, undefined,
      { __proto__: null, file: absolute, line: 1, column: 1 });
    ArrayPrototypePush(starts, test);
  }
  process.nextTick(() => {
    for (let i = 0; i < starts.length; i++) starts[i].start();
    const check = () => {
      if (root.reportedSubtests === root.subtests.length) {
        harness.ended = true;
        const ok = harness.summarize();
        harness.onEnd?.(ok);
      }
    };
    const all = [];
    for (let i = 0; i < starts.length; i++) ArrayPrototypePush(all, starts[i].donePromise);
    PromisePrototypeThen(SafePromiseAll(all), () => process.nextTick(check));
  });
  return harness;
}

function defaultConcurrency() {
  return MathMax(require('os').availableParallelism() - 1, 1);
}

// node:test's run([options]).
function run(options = {}) {
  validateObject(options, 'options');
  const { files, timeout = Infinity, only = false, testNamePatterns } = options;
  let { concurrency = false } = options;
  if (files !== undefined) validateArray(files, 'options.files');
  if (timeout !== Infinity) validateNumber(timeout, 'options.timeout', 0);
  if (concurrency === true) concurrency = defaultConcurrency();
  else if (concurrency === false) concurrency = 1;
  const patterns = testNamePatterns === undefined ? [] :
    (typeof testNamePatterns === 'string' || testNamePatterns instanceof RegExp ? [testNamePatterns] : testNamePatterns);
  const list = files ?? findTestFiles([]);
  const harness = runFiles(list, { __proto__: null, concurrency, timeout, only, namePatterns: patterns }, true);
  return harness.stream;
}

// --test-concurrency / --test-timeout: a whole number, at least `min`.
function numberOption(name, min) {
  const text = getOptionValue(name);
  if (text === undefined) return undefined;
  const value = +text;
  if (!NumberIsInteger(value) || value < min) {
    process.stderr.write(`coil: invalid value for ${name}\n`);
    process.exit(9);
  }
  return value;
}

// `coil --test [paths]`.
function runCli(args) {
  const files = findTestFiles(ArrayPrototypeFilter(args, (a) => a !== undefined));
  const opts = {
    __proto__: null,
    concurrency: numberOption('--test-concurrency', 1) ?? defaultConcurrency(),
    timeout: numberOption('--test-timeout', 0) ?? Infinity,
    only: getOptionValue('--test-only'),
    namePatterns: getOptionValue('--test-name-pattern'),
  };
  const harness = runFiles(files, opts, false, (h) => {
    const names = getOptionValue('--test-reporter');
    const destinations = getOptionValue('--test-reporter-destination');
    const list = names.length > 0 ? names : [process.stdout.isTTY ? 'spec' : 'tap'];
    const { attachReporter } = require('internal/test_runner/reporter/attach');
    for (let i = 0; i < list.length; i++) {
      attachReporter(h.stream, list[i], destinations[i] ?? (list.length === 1 ? 'stdout' : undefined));
    }
  });
  harness.onEnd = (ok) => { if (!ok) process.exitCode = 1; };
  // Ctrl-C: the files still running are stopped and reported, and the run fails.
  process.on('SIGINT', () => {
    process.exitCode = 1;
    for (const child of harness.runner.children) child.kill('SIGTERM');
  });
  if (files.length === 0) harness.stream.emitMessage('test:diagnostic', { __proto__: null, nesting: 0, message: 'no test files found' });
}

module.exports = { run, runCli, findTestFiles };
