// package.json "exports" as require() resolves it (Node 20): the sugar forms,
// conditions (require, node, node-addons, default; import ignored) nested and in key
// order, subpath patterns with the most specific key winning, null and array
// targets, exports winning over "main" and over file lookup, and Node's errors for
// unexported subpaths, invalid targets and invalid configs.
const path = require('path');
const fixtures = path.join(__dirname, 'fixtures');
function show(request, result) {
  if (result instanceof Error) {
    const msg = result.message.replaceAll(fixtures, '<fixtures>');
    console.log(`${request} -> ${result.name} ${result.code}: ${msg}`);
  } else {
    console.log(`${request} -> ${JSON.stringify(result)}`);
  }
}
const tryRequire = require('./fixtures/try-require');
function run(requests) {
  for (const r of requests) show(r, tryRequire(r));
}

console.log('-- sugar and precedence');
run(['exp-sugar', 'exp-sugar/other.js', 'exp-sugar/index.js', 'exp-sugar/package.json',
  'exp-null', 'exp-null/other', 'exp-no-main', 'exp-no-main/sub', 'exp-no-main/main.js']);

console.log('-- conditions');
run(['exp-cond', 'exp-cond/nested', 'exp-cond/order', 'exp-cond/addons', 'exp-cond/custom',
  'exp-cond/import-only', 'exp-cond/package.json']);

console.log('-- patterns');
run(['exp-pattern/features/a.js', 'exp-pattern/features/a', 'exp-pattern/features/sub/b.js',
  'exp-pattern/features/private/hidden.js', 'exp-pattern/features/special/s.js',
  'exp-pattern/deep/x/index', 'exp-pattern/data/table.json', 'exp-pattern/utils/u',
  'exp-pattern/features/', 'exp-pattern/features/.js', 'exp-pattern/star/a/b',
  'exp-pattern/features/../features/a.js', 'exp-pattern/features/./a.js',
  'exp-pattern/features/node_modules/a.js', 'exp-pattern/features/%2e%2e/a.js', 'exp-pattern/features/nope.js']);

console.log('-- arrays and null');
run(['exp-array', 'exp-array/first', 'exp-array/null-then', 'exp-array/empty', 'exp-array/all-bad',
  'exp-array/hidden', 'exp-array/hidden.js']);

console.log('-- invalid');
run(['exp-invalid/no-dot', 'exp-invalid/up', 'exp-invalid/nm', 'exp-invalid/dot', 'exp-invalid/number',
  'exp-invalid/bool', 'exp-invalid/empty', 'exp-invalid/abs', 'exp-invalid/pat/ok', 'exp-invalid/missing',
  'exp-invalid/numeric', 'exp-main-invalid', 'exp-mixed', 'exp-mixed/x']);

console.log('-- scoped');
run(['@scope/exp', '@scope/exp/sub', '@scope/exp/index.js', '@scope/thing']);

const e = tryRequire('exp-sugar/other.js');
console.log(e instanceof Error, e.constructor === Error, Object.keys(e));
console.log(tryRequire.resolve('exp-pattern/features/a') === path.join(fixtures, 'node_modules/exp-pattern/src/features/a.js'));
