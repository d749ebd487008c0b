'use strict';
// node:test/reporters: the built-in reporters, to compose with run()'s stream:
// tap and dot are async generator functions of the event stream, spec a Transform.

module.exports = {
  get dot() { return require('internal/test_runner/reporter/dot').dot; },
  get spec() { return require('internal/test_runner/reporter/spec').spec; },
  get tap() { return require('internal/test_runner/reporter/tap').tap; },
};
