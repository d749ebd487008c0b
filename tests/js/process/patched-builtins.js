// User code that replaces built-in methods does not reach process, warnings,
// nextTick, stdout or exit handling: lib/ uses the primordials captured at start-up.
// Not patched: Function.prototype.call/apply/bind and Array.prototype[Symbol.iterator]
// (node itself trips on them), String.prototype.replace and RegExp.prototype.exec
// (util.inspect, which error messages use, does not capture them yet).
'use strict';
// Made before the patches: loading modules is not what this test is about.
console.log('start');
console.error(require('util').inspect({ loaded: ['inspect'] }));
const results = [];
const add = (x) => { results[results.length] = x; };

const saved = [];
function boom(label) {
  return function patched() { throw new Error(`patched ${label} was called`); };
}
function patch(obj, key, label) {
  saved[saved.length] = [obj, key, Object.getOwnPropertyDescriptor(obj, key)];
  Object.defineProperty(obj, key, { __proto__: null, value: boom(label), writable: true, configurable: true });
}
patch(Array.prototype, 'shift', 'Array.prototype.shift');
patch(Array.prototype, 'slice', 'Array.prototype.slice');
patch(Array.prototype, 'map', 'Array.prototype.map');
patch(Array.prototype, 'indexOf', 'Array.prototype.indexOf');
patch(Array.prototype, 'includes', 'Array.prototype.includes');
patch(String.prototype, 'split', 'String.prototype.split');
patch(String.prototype, 'startsWith', 'String.prototype.startsWith');
patch(String.prototype, 'endsWith', 'String.prototype.endsWith');
patch(String.prototype, 'indexOf', 'String.prototype.indexOf');
patch(String.prototype, 'toLowerCase', 'String.prototype.toLowerCase');
patch(Map.prototype, 'get', 'Map.prototype.get');
patch(Map.prototype, 'set', 'Map.prototype.set');
patch(Promise.prototype, 'then', 'Promise.prototype.then');
patch(JSON, 'stringify', 'JSON.stringify');
patch(Reflect, 'apply', 'Reflect.apply');
patch(Number, 'isInteger', 'Number.isInteger');
patch(Error, 'captureStackTrace', 'Error.captureStackTrace');
patch(String.prototype, 'slice', 'String.prototype.slice');
patch(Array.prototype, 'join', 'Array.prototype.join');
patch(Array.prototype, 'splice', 'Array.prototype.splice');
patch(Array.prototype, 'push', 'Array.prototype.push');
// Last, so that the descriptors saved above stay plain data descriptors.
for (const key of ['get', 'set']) {
  Object.defineProperty(Object.prototype, key, {
    __proto__: null, get: boom(`Object.prototype.${key}`), set() {}, configurable: true,
  });
}

process.on('warning', (w) => add(`warning event: ${w.name} ${w.code} ${w.message}`));
process.emitWarning('careful', 'CustomWarning', 'C1');
process.emitWarning('more', { type: 'DetailWarning', detail: 'with detail' });
process.nextTick((a, b, c, d) => add(`tick ${a} ${b} ${c} ${d}`), 1, 2, 3, 4);
try {
  process.exitCode = 'bad';
} catch (e) {
  add(`exitCode: ${e.code}`);
}
try {
  process.umask('8');
} catch (e) {
  add(`umask: ${e.code}`);
}
add(`hrtime: ${process.hrtime().length} ${typeof process.hrtime.bigint()}`);
add(`env: ${typeof process.env.PATH}`);
process.stdout.write('written while patched\n');
Promise.reject(new Error('rejected while patched'));
process.on('unhandledRejection', (e) => add(`unhandledRejection: ${e.message}`));

setImmediate(() => {
  delete Object.prototype.get;
  delete Object.prototype.set;
  for (let i = 0; i < saved.length; i++) {
    const [obj, key, desc] = saved[i];
    Object.defineProperty(obj, key, desc);
  }
  process.exitCode = 0;
  console.log(results.join('\n'));
});
