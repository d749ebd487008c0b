'use strict';
// Suites (skip, todo, empty, async bodies) in an ES module, with the TAP reporter,
// a reporter module, and under --test (a todo failure does not fail the file).
const { run } = require('./fixtures/normalize');

const tap = run(['--test-reporter=tap', 'fixtures/suites.mjs']);
console.log(tap.stdout);
console.log('exit', tap.status);
const custom = run(['--test-reporter=./fixtures/reporter.mjs', 'fixtures/suites.mjs']);
console.log(custom.stdout);
const cli = run(['--test', '--test-reporter=dot', 'fixtures/suites.mjs']);
console.log(cli.stdout.split('\n')[0]);
console.log('exit', cli.status);
