'use strict';
// util.inspect names an object by the constructor it finds on the prototype chain
// only when `instanceof` agrees (a throwing @@hasInstance is a no), and tells a
// repeated object from a circular one.
const util = require('util');

// A constructor whose @@hasInstance says no is not the object's name.
class Liar { static [Symbol.hasInstance]() { return false; } }
console.log(util.inspect(new Liar()));
class Yes { static [Symbol.hasInstance]() { return 1; } }
console.log(util.inspect(Object.create(Yes.prototype)));

// A throwing @@hasInstance counts as "not an instance".
class Thrower { static [Symbol.hasInstance]() { throw new Error('no'); } }
console.log(util.inspect(new Thrower()));

// Object.prototype itself is not an instance of Object.
console.log(util.inspect(Object.prototype, { showHidden: false }));
console.log(util.inspect(Array.prototype));

// A proxy is shown as its target.
const p = new Proxy({ x: 1 }, {});
console.log(util.inspect(p), util.inspect(new Proxy(p, {})), util.inspect(Object.create(p)));
class B extends Array {}
console.log(util.inspect(B.from([1, 2])), util.inspect(Object.create(B.prototype)));

// The same object twice is not circular; an object inside itself is.
const shared = { s: 1 };
console.log(util.inspect({ a: shared, b: [shared, shared] }));
const loop = { name: 'loop', list: [] };
loop.list.push(loop, { back: loop });
console.log(util.inspect(loop));
const deep = [];
deep.push([[deep]]);
console.log(util.inspect(deep, { depth: 5 }));
