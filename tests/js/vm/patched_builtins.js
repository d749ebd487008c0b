// User patches of built-ins do not reach vm's own code: its option bags,
// validation and results work with push, get/set, call/apply and slice replaced.
'use strict';
const vm = require('vm');

function boom() { throw new Error('patched built-in reached vm'); }
const saved = {
  push: Array.prototype.push,
  call: Function.prototype.call,
  apply: Function.prototype.apply,
  slice: String.prototype.slice,
  includes: Array.prototype.includes,
};
Array.prototype.push = boom;
Array.prototype.includes = boom;
String.prototype.slice = boom;
Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });
Function.prototype.call = boom;
Function.prototype.apply = boom;

const results = [];
const record = (x) => { results[results.length] = x; };
try {
  const ctx = vm.createContext({ n: 2 }, { codeGeneration: { strings: true } });
  record(vm.runInContext('n * 21', ctx, { filename: 'p.js', timeout: 1000 }));
  record(vm.isContext(ctx));
  record(new vm.Script('n + 1', { produceCachedData: true }).runInNewContext({ n: 1 }));
  record(vm.compileFunction('return a + b', ['a', 'b'], { contextExtensions: [{ b: 1 }] })(1));
  try {
    vm.runInNewContext('while (true) {}', {}, { timeout: 10 });
  } catch (e) {
    record(e.code);
  }
} finally {
  Array.prototype.push = saved.push;
  Array.prototype.includes = saved.includes;
  String.prototype.slice = saved.slice;
  delete Object.prototype.get;
  delete Object.prototype.set;
  Function.prototype.call = saved.call;
  Function.prototype.apply = saved.apply;
}
console.log(results);
