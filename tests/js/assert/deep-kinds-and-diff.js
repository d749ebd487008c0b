// deepStrictEqual/deepEqual compare kinds by V8's checks (a look-alike with a spoofed
// Symbol.toStringTag is not a typed array, in either order), errors without their
// stacks, and print node's "+ actual - expected" layout.
'use strict';
const assert = require('assert');
const show = (f) => {
  try { f(); console.log('equal'); } catch (e) { console.log(e.message); }
};
const buf = Buffer.from('test');
const fake = Object.defineProperty(
  Object.create(Object.getPrototypeOf(buf), Object.getOwnPropertyDescriptors(buf)),
  Symbol.toStringTag, { value: 'Uint8Array' });
for (const [a, b] of [[buf, fake], [fake, buf]]) {
  console.log(assert.deepEqual.name, (() => { try { assert.deepEqual(a, b); return 'equal'; } catch { return 'unequal'; } })());
  console.log(assert.deepStrictEqual.name, (() => { try { assert.deepStrictEqual(a, b); return 'equal'; } catch { return 'unequal'; } })());
}
const int8 = Object.defineProperty(new Int8Array(4), Symbol.toStringTag, { value: 'Uint8Array' });
show(() => assert.deepEqual(new Uint8Array(4), int8));
show(() => assert.deepStrictEqual(new Uint8Array([120, 121, 122, 10]), Buffer.from([120, 121, 122, 10])));
const e1 = new TypeError('foo');
const e2 = new TypeError('foo');
e1.foo = 'bar';
e2.foo = 'baz';
show(() => assert.deepStrictEqual(e1, e2));
show(() => assert.deepStrictEqual(new Error('x', { cause: new Error('y') }), new Error('x', { cause: new Error('z') })));
const long = (n, changed) => Array.from({ length: n }, (_, i) => (i === changed ? -1 : i));
show(() => assert.deepStrictEqual(long(20, 10), long(20, 11)));
show(() => assert.deepStrictEqual(long(12, 0), long(12, 11)));
show(() => assert.deepStrictEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 7 }));
show(() => assert.deepStrictEqual({ a: 1, b: 2, c: 3 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }));
show(() => assert.deepStrictEqual([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7, 8]));
show(() => assert.deepStrictEqual(long(120, 3), long(120, 100)));
show(() => assert.deepStrictEqual([1, 2, [3, 4]], [1, 2, [3, 5]]));
show(() => assert.deepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]])));
show(() => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
show(() => assert.deepStrictEqual(Object(1), Object(2)));
show(() => assert.deepStrictEqual(Object(1), Object('1')));
show(() => assert.deepEqual(new Date(0), new Date(0)));
show(() => assert.deepStrictEqual(/a/g, /a/i));
show(() => assert.deepStrictEqual({}, {}));
show(() => assert.strictEqual({ a: 1 }, { a: 1 }));
