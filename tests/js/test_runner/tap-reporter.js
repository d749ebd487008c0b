'use strict';
// node:test's TAP reporter (the default when stdout is not a terminal): nesting,
// directives, YAML details of failures, diagnostics, the summary and exit code 1.
const { run } = require('./fixtures/normalize');

const r = run(['fixtures/mixed.js']);
console.log(r.stdout);
console.log('exit', r.status, r.signal);
const explicit = run(['--test-reporter=tap', 'fixtures/mixed.js']);
console.log('same with --test-reporter=tap:', explicit.stdout === r.stdout);
