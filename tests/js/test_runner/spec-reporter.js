'use strict';
// node:test's spec reporter: symbols, indentation, errors under failed tests, the
// failing tests again at the end.
const { run } = require('./fixtures/normalize');

const r = run(['--test-reporter=spec', 'fixtures/mixed.js']);
console.log(r.stdout);
console.log('exit', r.status, r.signal);
