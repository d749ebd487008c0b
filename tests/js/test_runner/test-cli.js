'use strict';
// `--test`: test files found as node finds them (node_modules skipped), each run in
// its own process, results gathered into one report; exit code 1 on failure.
const { run } = require('./fixtures/normalize');
const path = require('path');

const cwd = path.join(__dirname, 'fixtures', 'tree');
const found = run(['--test'], { cwd });
// Files run in parallel: sort the per-file output lines to compare.
const lines = found.stdout.split('\n');
console.log(lines[0]);
// (A child's own stderr, an uncaught error's stack, differs between runtimes.)
const kept = /^(ok|not ok|# Subtest|# (tests|suites|pass|fail|cancelled|skipped|todo) |# output|1\.\.)/;
console.log(lines.filter((l) => kept.test(l)).map((l) => l.replace(/^(not )?ok \d+/, '$1ok N')).sort().join('\n'));
console.log('exit', found.status, found.signal);

const one = run(['--test', '--test-reporter=spec', 'fixtures/tree/lib/math.test.js']);
console.log(one.stdout);
console.log('exit', one.status);

const pass = run(['--test', 'fixtures/tree/lib/test-names.js', 'fixtures/tree/lib/util_test.cjs']);
console.log(pass.stdout);
console.log('exit', pass.status);

// One file at a time, and a file that runs too long is stopped.
const slow = run(['--test', '--test-concurrency=1', '--test-timeout=300', 'fixtures/never-ends.js', 'fixtures/tree/lib/util_test.cjs']);
console.log(slow.stdout.split('\n').filter((l) => /^(not )?ok|failureType|error:|# (pass|fail|cancelled) /.test(l)).join('\n'));
console.log('exit', slow.status);
