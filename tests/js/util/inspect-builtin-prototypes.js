'use strict';
// util.inspect: an object whose prototype chain reaches Object.prototype or
// Function.prototype is named 'Object' / 'Function' there, whatever those
// prototypes' `constructor` has become (replaced, deleted, an accessor, or with a
// @@hasInstance that says no); the prototypes themselves are named the usual way.
const util = require('util');
const vm = require('vm');
const out = [];
const calls = [];

const objectCtor = Object.prototype.constructor;
function Other() {}
Object.defineProperty(Other, Symbol.hasInstance, { value() { calls.push('Other'); return false; } });
Object.prototype.constructor = Other;
out.push(util.inspect({ a: 1 }), util.inspect(Object.create({ z: 1 })));
Object.defineProperty(Object.prototype, 'constructor', {
  configurable: true, get() { calls.push('getter'); return objectCtor; },
});
const mid = Object.create(Object.prototype, { x: { value: 1, enumerable: true }, y: { value: 2 } });
out.push(util.inspect({ b: 2 }), util.inspect(Object.create(mid), { showHidden: true }));
delete Object.prototype.constructor;
out.push(util.inspect({ c: 3 }), util.inspect(Object.prototype), util.inspect([1]));
Object.defineProperty(Object.prototype, 'constructor', {
  configurable: true, writable: true, enumerable: false, value: objectCtor,
});

Object.defineProperty(Object, Symbol.hasInstance, {
  configurable: true, value() { calls.push('Object'); return false; },
});
out.push(util.inspect({ d: 4 }), util.inspect(Object.create({ constructor: Object, x: 1 })));
out.push(util.inspect(Object.prototype));
delete Object[Symbol.hasInstance];

const functionCtor = Function.prototype.constructor;
Function.prototype.constructor = function Bar() {};
out.push(util.inspect(function foo() {}), util.inspect(Object.create(Function.prototype)),
  util.inspect(class Z {}), util.inspect(async function af() {}));
Function.prototype.constructor = functionCtor;

// Another realm's Object.prototype is looked at as any other prototype.
out.push(util.inspect(vm.runInNewContext('Object.prototype.constructor = function Foo() {}; ({ a: 1 })')));
out.push(util.inspect(Object.create(Object.create(null, { constructor: { value: function Q() {} } }))));

console.log(out);
console.log(calls);
