'use strict';
// node:test (reached only as 'node:test'): test/it, describe/suite, the hooks, skip,
// todo and only forms, mock, and run() for running test files in subprocesses.
// The tree and its running live in lib/internal/test_runner/.

const { ObjectAssign, ObjectDefineProperty, PromisePrototypeThen } = primordials;
const { parseTestArgs, captureLocation } = require('internal/test_runner/utils');

let lazyMock;

function declareWith(kind, overrides, caller) {
  return function(name, options, fn) {
    const args = parseTestArgs(name, options, fn);
    if (overrides !== undefined) ObjectAssign(args.options, overrides);
    const { Test, Suite } = require('internal/test_runner/test');
    const { declare } = require('internal/test_runner/harness');
    const child = declare(kind === 'suite' ? Suite : Test, args.name, args.options, args.fn,
      captureLocation(caller.fn));
    return PromisePrototypeThen(child.donePromise, () => undefined);
  };
}

// test(), with .skip/.todo/.only forms that set the option of that name.
function makeDeclarer(kind) {
  const caller = { fn: undefined };
  const main = declareWith(kind, undefined, caller);
  caller.fn = main;
  const variants = { __proto__: null, skip: { skip: true }, todo: { todo: true }, only: { only: true } };
  const names = ['skip', 'todo', 'only'];
  for (let i = 0; i < names.length; i++) {
    const c = { fn: undefined };
    const f = declareWith(kind, variants[names[i]], c);
    c.fn = f;
    main[names[i]] = f;
  }
  return main;
}

function hook(kind) {
  return function(fn, options) {
    require('internal/test_runner/harness').addRootHook(kind, fn, options);
  };
}

const test = makeDeclarer('test');
const describe = makeDeclarer('suite');
const it = test;

function run(options) {
  return require('internal/test_runner/runner').run(options);
}

ObjectAssign(test, {
  after: hook('after'),
  afterEach: hook('afterEach'),
  before: hook('before'),
  beforeEach: hook('beforeEach'),
  describe,
  it,
  run,
  suite: describe,
  test,
});

ObjectDefineProperty(test, 'mock', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (lazyMock === undefined) {
      const { MockTracker } = require('internal/test_runner/mock/mock');
      lazyMock = new MockTracker();
    }
    return lazyMock;
  },
});

module.exports = test;
