'use strict';
// node:test's dot reporter: one character per test, then the failures.
const { run } = require('./fixtures/normalize');

const r = run(['--test-reporter=dot', 'fixtures/mixed.js']);
console.log(r.stdout);
console.log('exit', r.status, r.signal);
