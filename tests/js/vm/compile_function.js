// vm.compileFunction: a body and parameter names become a function, compiled in
// this context or a contextified object's, with extension objects in scope.
'use strict';
const vm = require('vm');

const add = vm.compileFunction('return a + b', ['a', 'b']);
console.log(add(2, 3), add.length, add.name === '', String(add));

const withExt = vm.compileFunction('return x * factor', ['x'], {
  contextExtensions: [{ factor: 10 }],
});
console.log(withExt(4));

const ctx = vm.createContext({ base: 100 });
const inCtx = vm.compileFunction('return base + n + (typeof process)', ['n'], { parsingContext: ctx });
console.log(inCtx(1));
console.log(vm.compileFunction('return []', [], { parsingContext: ctx })() instanceof Array);

try {
  vm.compileFunction('throw new Error("cf")', [], { filename: 'cf.js', lineOffset: 2 })();
} catch (e) {
  console.log(/cf\.js:3/.test(e.stack));
}

try {
  vm.compileFunction('return }');
} catch (e) {
  console.log(e.name, e.message);
}

const produced = vm.compileFunction('return 7', [], { produceCachedData: true });
console.log(produced(), produced.cachedDataProduced, Buffer.isBuffer(produced.cachedData));
const consumed = vm.compileFunction('return 7', [], { cachedData: produced.cachedData });
console.log(consumed(), consumed.cachedDataRejected);

for (const [args, what] of [
  [[], 'no code'],
  [['', 'a'], 'params not an array'],
  [['', [1]], 'a param not a string'],
  [['', [], { filename: 1 }], 'filename'],
  [['', [], { parsingContext: {} }], 'parsingContext'],
  [['', [], { contextExtensions: [1] }], 'contextExtensions item'],
  [['', [], { lineOffset: 0.5 }], 'lineOffset'],
]) {
  try {
    vm.compileFunction(...args);
    console.log(what, 'did not throw');
  } catch (e) {
    console.log(what, e.code, e.message);
  }
}
