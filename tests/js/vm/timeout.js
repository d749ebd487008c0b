// `timeout` stops a script that runs too long with ERR_SCRIPT_EXECUTION_TIMEOUT;
// the runtime is usable afterwards, and a script that ends in time is untouched.
'use strict';
const vm = require('vm');

function attempt(fn) {
  try {
    return fn();
  } catch (e) {
    return `${e.code}: ${e.message}`;
  }
}

console.log(attempt(() => vm.runInNewContext('while (true) {}', {}, { timeout: 20 })));
console.log(attempt(() => vm.runInThisContext('for (;;) {}', { timeout: 10 })));
console.log(attempt(() => new vm.Script('1 + 1').runInThisContext({ timeout: 1000 })));

// Nested: the inner timeout fires first and is caught inside.
const ctx = vm.createContext({ vm, attempt });
console.log(vm.runInContext(`
  attempt(() => vm.runInNewContext('while (true) {}', {}, { timeout: 10 }));
`, ctx, { timeout: 5000 }));

// Nested: the outer timeout stops the inner script too, and only the outer call
// reports it.
console.log(attempt(() => vm.runInContext(`
  vm.runInNewContext('while (true) {}', {}, { timeout: 100000 });
`, ctx, { timeout: 30 })));

// JS keeps running normally afterwards.
console.log([1, 2, 3].map((x) => x * 2).join());
setTimeout(() => console.log('timers still run'), 1);
