// ES2023 change-array-by-copy on Array.prototype and %TypedArray%.prototype (Node 20
// has them; coil defines them at bootstrap on V8 10.2): results, descriptors, lengths,
// unscopables, holes, negative indices, array-likes, and every error case.
'use strict';
const t = (label, f) => {
  try {
    console.log(label, JSON.stringify(f(), (k, v) => (v === undefined ? 'undef' :
      typeof v === 'bigint' ? `${v}n` : ArrayBuffer.isView(v) ? [v.constructor.name, ...v].map(String) : v)));
  } catch (e) {
    console.log(label, `${e.constructor.name}: ${e.message}`);
  }
};
const TA = Object.getPrototypeOf(Uint8Array).prototype;

for (const [target, names] of [[Array.prototype, ['toReversed', 'toSorted', 'toSpliced', 'with']],
  [TA, ['toReversed', 'toSorted', 'with']]]) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(target, name);
    console.log(name, d.value.name, d.value.length, d.writable, d.enumerable, d.configurable,
      'prototype' in d.value, Object.keys(target).includes(name));
    t(`new ${name}`, () => new d.value());
  }
}
console.log('TA toSpliced', 'toSpliced' in TA);
const unscopables = Array.prototype[Symbol.unscopables];
console.log('unscopables', Object.getPrototypeOf(unscopables), unscopables.toReversed, unscopables.toSorted,
  unscopables.toSpliced, 'with' in unscopables);

// Array: results and the original untouched.
const a = [3, 1, 2];
t('toReversed', () => [a.toReversed(), a]);
t('toSorted', () => [a.toSorted(), a]);
t('toSorted cmp', () => [a.toSorted((x, y) => y - x), a]);
t('toSorted strings', () => [10, 9, 1, 100].toSorted());
t('toSorted stable', () => [[1, 'a'], [0, 'b'], [1, 'c'], [0, 'd']].toSorted((x, y) => x[0] - y[0]));
t('toSorted undefined last', () => [undefined, 3, undefined, 1].toSorted(() => { throw new Error('never for undefined'); }).length);
t('toSorted undefined order', () => [undefined, 3, , 1].toSorted());
t('toSpliced', () => [a.toSpliced(1, 1, 'x', 'y'), a]);
t('toSpliced no args', () => a.toSpliced());
t('toSpliced start only', () => a.toSpliced(1));
t('toSpliced negative', () => a.toSpliced(-1, 1));
t('toSpliced huge skip', () => a.toSpliced(0, Infinity, 9));
t('toSpliced negative skip', () => a.toSpliced(0, -5, 9));
t('toSpliced NaN start', () => a.toSpliced(NaN, 1));
t('with', () => [a.with(0, 9), a]);
t('with negative', () => a.with(-1, 9));
t('with string index', () => a.with('1', 9));
t('with fraction', () => a.with(1.7, 9));
t('with out of range', () => a.with(3, 9));
t('with too negative', () => a.with(-4, 9));
t('with Infinity', () => a.with(Infinity, 9));

// Holes read through as undefined; the result is a dense Array.
const holes = [1, , 3];
t('holes toReversed', () => { const r = holes.toReversed(); return [r, 1 in r]; });
t('holes toSorted', () => { const r = holes.toSorted(); return [r, 2 in r]; });
t('holes toSpliced', () => { const r = holes.toSpliced(0, 0); return [r, 1 in r]; });
t('holes with', () => { const r = holes.with(0, 0); return [r, 1 in r]; });
Array.prototype[1] = 'from proto';
t('holes read through proto', () => holes.toReversed());
delete Array.prototype[1];

// Array-likes through .call, species and subclasses ignored.
const like = { length: 3, 0: 'a', 1: 'b', 2: 'c', 3: 'ignored' };
t('like toReversed', () => Array.prototype.toReversed.call(like));
t('like toSorted', () => Array.prototype.toSorted.call({ length: 2, 0: 'b', 1: 'a' }));
t('like toSpliced', () => Array.prototype.toSpliced.call(like, 1, 1));
t('like with', () => Array.prototype.with.call(like, -1, 'z'));
t('string receiver', () => Array.prototype.toReversed.call('abc'));
t('number receiver', () => Array.prototype.toSorted.call(5));
t('negative length', () => Array.prototype.toReversed.call({ length: -3 }));
t('fractional length', () => Array.prototype.toReversed.call({ length: 2.9, 0: 'x', 1: 'y' }));
class MyArray extends Array {}
t('subclass', () => { const r = MyArray.from([1, 2]).toReversed(); return [r.constructor === Array, r]; });
t('species ignored', () => {
  const arr = [1, 2];
  arr.constructor = { [Symbol.species]: function() { throw new Error('species used'); } };
  return [arr.toSorted(), arr.toSpliced(0, 1), arr.with(0, 5), arr.toReversed()];
});
t('getter order', () => {
  const log = [];
  const obj = { get length() { log.push('length'); return 2; },
    get 0() { log.push('0'); return 'x'; }, get 1() { log.push('1'); return 'y'; } };
  Array.prototype.toReversed.call(obj);
  Array.prototype.with.call(obj, 0, 'w');
  return log;
});
t('with converts index after length', () => {
  const log = [];
  Array.prototype.with.call({ get length() { log.push('length'); return 1; } },
    { valueOf() { log.push('index'); return 0; } }, 1);
  return log;
});

// Errors.
t('toSorted bad comparefn', () => [].toSorted(1));
t('toSorted bad comparefn before this', () => Array.prototype.toSorted.call(null, 'x'));
t('toReversed null', () => Array.prototype.toReversed.call(null));
t('toSpliced undefined', () => Array.prototype.toSpliced.call(undefined));
t('with undefined', () => Array.prototype.with.call(undefined, 0, 0));
t('toReversed 2**32', () => Array.prototype.toReversed.call({ length: 2 ** 32 }));
t('toSorted 2**32', () => Array.prototype.toSorted.call({ length: 2 ** 32 }));
t('with 2**32', () => Array.prototype.with.call({ length: 2 ** 32 }, 0, 1));
t('toSpliced past 2**53-1', () => Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 0, 1));
t('toSpliced 2**32', () => Array.prototype.toSpliced.call({ length: 2 ** 32 }, 0, 0));

// Typed arrays.
const u8 = new Uint8Array([3, 1, 2]);
t('ta toReversed', () => [u8.toReversed(), u8]);
t('ta toSorted', () => [u8.toSorted(), u8]);
t('ta toSorted cmp', () => u8.toSorted((x, y) => y - x));
t('ta toSorted numeric', () => new Float64Array([10, -0, 9, NaN, 0, 1, -Infinity]).toSorted().map(String));
t('ta with', () => [u8.with(0, 300), u8]);
t('ta with negative', () => u8.with(-1, 7));
t('ta with conversion', () => new Int8Array(2).with(0, '200'));
t('ta with out of range', () => u8.with(3, 1));
t('ta with too negative', () => u8.with(-4, 1));
t('ta bigint with', () => new BigInt64Array(2).with(1, 5n));
t('ta bigint with number', () => new BigInt64Array(2).with(0, 1));
t('ta float with -0', () => Object.is(new Float32Array(1).with(0, -0)[0], -0));
t('ta result type', () => [Int16Array, Uint8ClampedArray, Float32Array, BigUint64Array].map((C) =>
  Object.getPrototypeOf(new C(1).toReversed()) === C.prototype));
t('ta species ignored', () => {
  const x = new Uint8Array([1, 2]);
  x.constructor = { [Symbol.species]: function() { throw new Error('species used'); } };
  return [x.toReversed(), x.toSorted(), x.with(0, 9)];
});
t('ta subarray', () => new Uint8Array([1, 2, 3, 4]).subarray(1, 3).toReversed());
t('ta not a typed array', () => Uint8Array.prototype.toReversed.call([]));
t('ta toSorted not a typed array', () => TA.toSorted.call({}));
t('ta with not a typed array', () => TA.with.call([], 0, 0));
t('ta bad comparefn', () => u8.toSorted('x'));
const detached = () => {
  const buf = new ArrayBuffer(8);
  const view = new Uint8Array(buf);
  structuredClone(buf, { transfer: [buf] });
  return view;
};
t('ta detached toReversed', () => detached().toReversed());
t('ta detached toSorted', () => detached().toSorted());
t('ta detached with', () => detached().with(0, 1));
t('ta with detaching valueOf', () => {
  const buf = new ArrayBuffer(4);
  const view = new Uint8Array(buf);
  return view.with(0, { valueOf() { structuredClone(buf, { transfer: [buf] }); return 7; } });
});
t('ta empty ok', () => new Uint8Array(0).toReversed());
t('ta receiver names', () => [new Map(), 5, 'str', Object.create(null)].map((r) => {
  try { TA.toReversed.call(r); } catch (e) { return e.message.slice(-12); }
}));
