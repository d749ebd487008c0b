// Exceptions thrown by the sandbox (its accessors, or a Proxy's traps) reach the
// code that ran in the context, and the run throws them on.
'use strict';
const vm = require('vm');

function run(code, context) {
  try {
    return vm.runInContext(code, context);
  } catch (e) {
    return `threw ${e.message}`;
  }
}

const accessors = vm.createContext({
  get g() { throw new Error('getter threw'); },
  set s(v) { throw new Error('setter threw'); },
});
console.log(run('g', accessors));
console.log(run('s = 1', accessors));
console.log(run('Object.defineProperty(this, "s", { value: 1 }); s', accessors));
console.log(run('delete this.g', accessors), Object.keys(accessors));

const traps = new Proxy({}, {
  get(target, key) {
    if (key === 'boom') throw new Error('proxy get');
    return Reflect.get(target, key);
  },
});
const proxied = vm.createContext(traps);
console.log(run('typeof boom', proxied));
console.log(run('x = 1; x + 1', proxied), traps.x);
console.log(run('typeof String + " " + typeof Array.isArray', proxied));
