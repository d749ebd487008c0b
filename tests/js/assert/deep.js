// Deep equality (loose and strict) on many value pairs, via assert and util.isDeepStrictEqual.
const assert = require('assert');
const util = require('util');
const cyc1 = { a: 1 }; cyc1.self = cyc1;
const cyc2 = { a: 1 }; cyc2.self = cyc2;
const sym = Symbol('s');
class Foo { constructor() { this.a = 1; } }
const pairs = [
  [1, 1], [1, '1'], [0, -0], [NaN, NaN], [null, undefined], [{ a: 1 }, { a: 1 }], [{ a: 1 }, { a: '1' }], [{ a: 1 }, { a: 1, b: undefined }],
  [[1, 2], [1, 2]], [[1, 2], ['1', '2']], [[1, , 3], [1, undefined, 3]], [new Date(0), new Date(0)], [new Date(0), new Date(1)],
  [/a/g, /a/g], [/a/g, /a/i], [new Error('x'), new Error('x')], [new Error('x'), new TypeError('x')], [new Error('x'), new Error('y')],
  [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])], [new Map([[1, 2]]), new Map([['1', 2]])], [new Map([[{ k: 1 }, 2]]), new Map([[{ k: 1 }, 2]])],
  [new Set([1, 2]), new Set([2, 1])], [new Set([1]), new Set(['1'])], [new Set([{ a: 1 }, { b: 2 }]), new Set([{ b: 2 }, { a: 1 }])], [new Set([{ a: 1 }]), new Set([{ a: 2 }])],
  [new Uint8Array([1, 2]), new Uint8Array([1, 2])], [new Uint8Array([1, 2]), new Int8Array([1, 2])], [new Float64Array([0]), new Float64Array([-0])], [Buffer.from('ab'), Buffer.from('ab')], [Buffer.from('ab'), new Uint8Array([97, 98])],
  [new Number(1), new Number(1)], [new Number(1), new Number(2)], [new String('a'), 'a'], [Object(1n), Object(1n)],
  [{ [sym]: 1 }, { [sym]: 1 }], [{ [sym]: 1 }, { [sym]: 2 }], [{ [sym]: 1 }, {}], [new Foo(), { a: 1 }], [Object.create(null), {}],
  [cyc1, cyc2], [[cyc1], [cyc2]], [() => {}, () => {}], [new ArrayBuffer(2), new ArrayBuffer(2)], [new ArrayBuffer(2), new ArrayBuffer(3)],
  [[1, 2, 3], { 0: 1, 1: 2, 2: 3, length: 3 }], [new WeakMap(), new WeakMap()], [{ a: [1, { b: new Map([[1, new Set([1])]]) }] }, { a: [1, { b: new Map([[1, new Set([1])]]) }] }],
  [Object.assign([1], { x: 1 }), [1]], [new Set([NaN]), new Set([NaN])], [new Map([[NaN, 1]]), new Map([[NaN, 1]])],
];
const label = (v) => (v instanceof Error ? `${v.name}(${v.message})` : util.inspect(v, { breakLength: Infinity }));
for (const [a, b] of pairs) {
  const r = [];
  for (const fn of ['deepEqual', 'deepStrictEqual', 'notDeepEqual', 'notDeepStrictEqual']) {
    try { assert[fn](a, b); r.push('pass'); } catch (e) { r.push(e.code); }
  }
  console.log(label(a), '|', label(b), '=>', r.join(' '), util.isDeepStrictEqual(a, b));
}
