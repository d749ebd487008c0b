// v8.serialize / v8.deserialize: round trips of what structured clone covers
// (Map, Set, Date, RegExp, BigInt, errors, circular references, Buffers and every
// kind of typed array), the exact bytes node writes, a blob node wrote read back,
// and the errors: a function is not cloneable, bad input types.
const v8 = require('v8');
const assert = require('assert');

const circular = { name: 'loop' };
circular.self = circular;
circular.list = [circular, 1];

const values = [
  undefined, null, true, 0, -0, 1.5, NaN, 2 ** 40, -7, 'ascii', 'é ünï', '\u{1F600}',
  123456789012345678901234567890n, -5n,
  [1, , 3], { a: 1, b: [2, { c: 'd' }] },
  new Map([[1, 'one'], ['k', { v: [1] }]]), new Set([1, 'x', null]),
  new Date(1234567890123), /ab+c/gi,
  Buffer.from('hello buffer'), new Uint8Array([1, 2, 3]), new Int8Array([-1, 2]),
  new Uint8ClampedArray([255]), new Int16Array([-300]), new Uint16Array([65535]),
  new Int32Array([-1]), new Uint32Array([4294967295]), new Float32Array([0.5]),
  new Float64Array([Math.PI]), new BigInt64Array([-3n]), new BigUint64Array([3n]),
  new DataView(new ArrayBuffer(4)), new ArrayBuffer(3),
  circular,
  Object(5), Object('boxed'),
];
for (const v of values) {
  const back = v8.deserialize(v8.serialize(v));
  assert.deepStrictEqual(back, v);
}
console.log('round trips:', values.length);

const back = v8.deserialize(v8.serialize(circular));
console.log('circular kept:', back.self === back && back.list[0] === back);
const buf = v8.deserialize(v8.serialize(Buffer.from('abc')));
console.log('Buffer comes back a Buffer:', Buffer.isBuffer(buf), buf.toString());
const err = v8.deserialize(v8.serialize(new RangeError('out of range')));
console.log('error:', err instanceof RangeError, err.message, typeof err.stack);

// A view of part of a pooled Buffer carries only its own bytes.
const pooled = Buffer.from('xyz');
console.log('pooled Buffer bytes:', v8.serialize(pooled).toString('hex'));

// The bytes node writes (wire format version 15).
const sample = { a: [1, 'x', new Map([[1, 2]])] };
console.log('sample:', v8.serialize(sample).toString('hex'));
console.log('typed:', v8.serialize(new Uint16Array([1, 2])).toString('hex'));
console.log('date and regexp:', v8.serialize([new Date(0), /a/g]).toString('hex'));

// Written by node 20: { s: 'node', n: 42, big: 9007199254740993n, buf: Buffer 'ab' }.
const fromNode = Buffer.from(
  'ff0f6f22017322046e6f646522016e495422036269675a1001000000000020002203' +
  '6275665c0a0261627b04', 'hex');
console.log('from node:', v8.deserialize(fromNode));
// An older format (version 13) still reads.
console.log('version 13:', v8.deserialize(Buffer.from('ff0d6f2203666f6f5e007b01', 'hex')));

for (const bad of [() => {}, Symbol('s'), { f() {} }]) {
  try {
    v8.serialize(bad);
  } catch (e) {
    console.log('not cloneable:', e.constructor.name, e.message);
  }
}
for (const bad of ['text', 1, {}, new ArrayBuffer(2)]) {
  try {
    v8.deserialize(bad);
  } catch (e) {
    console.log('deserialize bad input:', e.name, e.code, e.message);
  }
}
try {
  v8.deserialize(Buffer.from('ff0f6f', 'hex'));
} catch (e) {
  console.log('truncated:', e.name, e.message);
}
try {
  v8.deserialize(Buffer.from('fe', 'hex'));
} catch (e) {
  console.log('no header:', e.name, e.message);
}
