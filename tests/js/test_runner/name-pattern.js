'use strict';
// --test-name-pattern and --test-only pick tests; the rest are skipped.
const { run } = require('./fixtures/normalize');

console.log(run(['--test-name-pattern=alp', 'fixtures/tree/lib/test-names.js']).stdout);
console.log(run(['--test-name-pattern=/BET/i', '--test-reporter=spec', 'fixtures/tree/lib/test-names.js']).stdout);
console.log(run(['--test-only', '--test-reporter=spec', 'fixtures/only.js']).stdout);
console.log(run(['--test-reporter=spec', 'fixtures/only.js']).stdout);
