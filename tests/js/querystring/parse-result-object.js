// querystring.parse's result: a null-prototype object whose keys keep their order
// (integer-like keys first, as for any object), '__proto__' and 'constructor' as
// plain own keys, repeated keys as arrays, and the same with many keys (past the
// point where V8 switches an object to a hash table).
'use strict';
const querystring = require('querystring');

const o = querystring.parse('b=1&a=2&__proto__=x&constructor=y&2=two&1=one&b=3&hasOwnProperty=z');
console.log(Object.getPrototypeOf(o), Object.keys(o));
console.log(o.b, o.a, o.__proto__, o.constructor, o['1'], o.hasOwnProperty);
console.log(JSON.stringify(o));
console.log(Object.getOwnPropertyDescriptor(o, '__proto__'));

const parts = [];
for (let i = 0; i < 300; i++) parts.push(`k${i}=${i}`, `k${i % 7}=again`);
const big = querystring.parse(parts.join('&'));
const keys = Object.keys(big);
console.log(keys.length, keys.slice(0, 9).join(','), keys[keys.length - 1]);
console.log(big.k3.length, big.k3[0], big.k3[big.k3.length - 1], big.k299, Object.getPrototypeOf(big));

// Hot enough to be optimized, the shapes stay right.
let sum = 0;
for (let i = 0; i < 20000; i++) {
  const q = querystring.parse(i % 2 ? 'a=1&b=2&c=%20x&d=hello+world' : 'd=4&c=3');
  sum += q.d.length + (q.a === undefined ? 0 : 1);
}
console.log(sum);
