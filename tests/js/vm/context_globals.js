// A contextified object sees every global write, definition and deletion made by
// code in its context, and that code sees the object's properties as globals.
'use strict';
const vm = require('vm');

const sandbox = { a: 1, shared: [] };
vm.createContext(sandbox);
vm.runInContext(`
  b = a + 1;
  var c = 3;
  this.d = 4;
  function f() { return typeof this; }
  Object.defineProperty(this, 'e', { value: 5, enumerable: true, configurable: true });
  Object.defineProperty(globalThis, 'hidden', { value: 6, enumerable: false });
  shared.push('pushed');
`, sandbox);
console.log(Object.keys(sandbox));
console.log(sandbox.b, sandbox.c, sandbox.d, sandbox.e, sandbox.hidden, sandbox.shared);
console.log(typeof sandbox.f, sandbox.f());
console.log(Object.getOwnPropertyDescriptor(sandbox, 'hidden'));

// Writes from outside are seen inside; `in` and typeof agree.
sandbox.outside = 'x';
console.log(vm.runInContext("[outside, 'outside' in this, typeof nothere, 'a' in globalThis]", sandbox));

// delete inside removes the sandbox's property.
console.log(vm.runInContext('delete this.b', sandbox), 'b' in sandbox);

// The sandbox's own properties shadow the context's built-ins; `this` is the
// context's global, not the sandbox.
const shadow = vm.createContext({ Array: 'not an array constructor', self: null });
console.log(vm.runInContext('typeof Array + " " + typeof Object', shadow));
console.log(vm.runInContext('this === globalThis', shadow), vm.runInContext('this', shadow) === shadow);

// Accessors on the sandbox run for reads and writes made in the context.
const log = [];
const accessors = vm.createContext({
  get g() { log.push('get'); return 42; },
  set s(v) { log.push(`set ${v}`); },
});
console.log(vm.runInContext('s = 7; g', accessors), log);

// Indexed properties are forwarded too.
const indexed = vm.createContext([10, 20]);
console.log(vm.runInContext('this[0] + this[1]', indexed));
vm.runInContext('this[2] = 30', indexed);
console.log(indexed.length, indexed[2]);

// A strict-mode write to an undeclared name is a ReferenceError in the context too.
try {
  vm.runInContext('"use strict"; undeclared = 1', vm.createContext({}));
} catch (e) {
  console.log(e.name, e.message);
}

// A non-configurable sandbox property cannot be deleted from inside.
const fixed = {};
Object.defineProperty(fixed, 'k', { value: 1, configurable: false });
vm.createContext(fixed);
console.log(vm.runInContext('delete k', fixed), fixed.k);

// runInNewContext with no sandbox: globals stay in the new context.
console.log(vm.runInNewContext('leak = 1; typeof process + " " + typeof require'), typeof globalThis.leak);
