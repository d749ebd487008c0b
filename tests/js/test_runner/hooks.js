'use strict';
// Hooks (top-level and per suite) in node's order, and how failures are reported:
// an uncaught exception in a test, done(err), a rejected promise.
const { run } = require('./fixtures/normalize');

const r = run(['--test-reporter=spec', 'fixtures/hooks.js']);
console.log(r.stdout);
console.log('exit', r.status);
console.log(r.stderr.split('\n').filter((l) => !l.includes('Warning')).join('\n'));
