'use strict';
// Small helpers the test runner shares: reading test()'s flexible arguments, where a
// test was declared (file, line, column of the caller), and the counters behind the
// summary (tests, suites, pass, fail, cancelled, skipped, todo).

const {
  Error, ErrorCaptureStackTrace, NumberParseInt, ObjectAssign, RegExpPrototypeExec,
  StringPrototypeSplit, StringPrototypeStartsWith,
} = primordials;

function parseTestArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
    name = fn.name;
    options = undefined;
  } else if (name !== null && typeof name === 'object') {
    fn = options;
    options = name;
    name = typeof fn === 'function' ? fn.name : undefined;
  } else if (typeof options === 'function') {
    fn = options;
    options = undefined;
  }
  if (name === undefined || name === '') name = fn?.name || '<anonymous>';
  if (options === null || typeof options !== 'object') options = {};
  if (typeof fn !== 'function') fn = noop;
  return { name: `${name}`, options: ObjectAssign({ __proto__: null }, options), fn };
}

function noop() {}

const framePattern = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

// The first frame outside coil's own lib/ (whose files are named node:...).
function captureLocation(below) {
  const holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 20;
  ErrorCaptureStackTrace(holder, below);
  Error.stackTraceLimit = limit;
  const lines = StringPrototypeSplit(`${holder.stack}`, '\n');
  for (let i = 1; i < lines.length; i++) {
    const m = RegExpPrototypeExec(framePattern, lines[i]);
    if (m === null || StringPrototypeStartsWith(m[1], 'node:')) continue;
    // An ES module's frames name a file: URL; node reports the path.
    const file = StringPrototypeStartsWith(m[1], 'file://') ? require('url').fileURLToPath(m[1]) : m[1];
    return { __proto__: null, file, line: NumberParseInt(m[2], 10), column: NumberParseInt(m[3], 10) };
  }
  return null;
}

// node counts a test that timed out as cancelled, not failed.
function isCancelled(failureType) {
  return failureType === 'cancelledByParent' || failureType === 'testTimeoutFailure';
}

class Counters {
  constructor() {
    this.all = 0;
    this.suites = 0;
    this.passed = 0;
    this.failed = 0;
    this.cancelled = 0;
    this.skipped = 0;
    this.todo = 0;
    this.topLevel = 0;
  }

  record(test) {
    if (test.reportType === 'suite') {
      this.suites++;
      return;
    }
    this.all++;
    if (test.skipped) this.skipped++;
    else if (test.isTodo) this.todo++;
    else if (test.passed) this.passed++;
    else if (isCancelled(test.error?.failureType)) this.cancelled++;
    else this.failed++;
  }

  // Events replayed from a child process are counted as they arrive.
  recordEvent(type, data) {
    if (data.details?.type === 'suite') { this.suites++; return; }
    this.all++;
    if (data.skip !== undefined) this.skipped++;
    else if (data.todo !== undefined) this.todo++;
    else if (type === 'test:pass') this.passed++;
    else if (isCancelled(data.details?.error?.failureType)) this.cancelled++;
    else this.failed++;
  }
}

module.exports = { parseTestArgs, captureLocation, Counters };
