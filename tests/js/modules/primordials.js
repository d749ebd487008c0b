// The module loader keeps working when a program patches the built-ins it would
// otherwise call (Array/String/Map/Set/Function prototype methods,
// Object.prototype.get/set, JSON.parse, Object.keys): packages with "exports" maps
// and conditions, "imports", self-reference, JSON, relative files, directories,
// cycles, require.resolve and createRequire still resolve as before.
'use strict';
const Module = require('module');
const path = require('path');
const fixtures = path.join(__dirname, 'fixtures');
const requests = ['exp-sugar', 'exp-cond/nested', 'exp-pattern/features/sub/b.js', 'exp-pattern/data/table.json',
  'exp-array', '@scope/exp/sub', 'exp-null/other', 'fake-dep', './data', './dir-index', './pkg-main',
  'exp-sugar/other.js', 'exp-invalid/up', './nope'];
const fromApp = ['#app-dep', '#cond', '#ext/e1.js', '#pkg-sub', 'pkg-app/sub', 'pkg-app/lib/ext/e1', '#not-defined'];
const results = [];
let n = 0;

const saved = [];
function patch(obj, key) {
  saved[saved.length] = [obj, key, Object.getOwnPropertyDescriptor(obj, key)];
  Object.defineProperty(obj, key, {
    configurable: true, writable: true,
    value() { throw new Error(`patched ${String(key)} was called`); },
  });
}
const list = [
  [Array.prototype, ['push', 'pop', 'slice', 'splice', 'join', 'includes', 'indexOf', 'lastIndexOf', 'map', 'filter',
    'forEach', 'concat', 'sort', Symbol.iterator]],
  [String.prototype, ['split', 'slice', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'includes', 'replace',
    'replaceAll', 'charCodeAt', 'toLowerCase', 'substring']],
  [Map.prototype, ['get', 'set', 'has']], [Set.prototype, ['add', 'has']], [WeakMap.prototype, ['get', 'set', 'has']],
  [JSON, ['parse', 'stringify']], [Object, ['keys', 'getOwnPropertyNames']],
  [Function.prototype, ['call', 'apply', 'bind']],
];
// Warm up: what the loader needs is loaded before the patches.
const createRequire = Module.createRequire;
const tryHere = require('./fixtures/try-require');
const tryApp = require('./fixtures/pkg-app/lib/try-require');
for (let i = 0; i < list.length; i++) {
  for (let j = 0; j < list[i][1].length; j++) patch(list[i][0], list[i][1][j]);
}
Object.defineProperty(Object.prototype, 'get', { configurable: true, get() { throw new Error('Object.prototype.get read'); } });
Object.defineProperty(Object.prototype, 'set', { configurable: true, get() { throw new Error('Object.prototype.set read'); } });

for (let i = 0; i < requests.length; i++) results[n++] = [requests[i], tryHere(requests[i])];
for (let i = 0; i < fromApp.length; i++) results[n++] = [fromApp[i], tryApp(fromApp[i])];
results[n++] = ['cycle', require('./fixtures/cycle-a')];
results[n++] = ['resolve', require.resolve('./fixtures/pkg-main') === fixtures + '/pkg-main/lib/entry.js'];
results[n++] = ['createRequire', createRequire(fixtures + '/x.js')('exp-cond')];
results[n++] = ['fresh json', require('./fixtures/node_modules/exp-pattern/package.json').name];

delete Object.prototype.get;
delete Object.prototype.set;
for (let i = saved.length - 1; i >= 0; i--) Object.defineProperty(saved[i][0], saved[i][1], saved[i][2]);
for (const [name, value] of results) {
  const text = value instanceof Error ? `${value.code}: ${value.message.split('\n')[0]}` : JSON.stringify(value);
  console.log(name, text.replaceAll(fixtures, '<fixtures>'));
}
