// util.types checks give the same answers once optimized (V8's fast calls into
// native code, the typed-array tag answered in JS) as on their first calls: for
// values from another realm, proxies, subclasses, look-alikes with a faked
// Symbol.toStringTag, typed arrays over resizable buffers and primitives.
'use strict';
const { types } = require('util');
const vm = require('vm');

const other = vm.runInNewContext(`({
  promise: Promise.resolve(), date: new Date(), map: new Map(), set: new Set(),
  u8: new Uint8Array(2), f64: new Float64Array(1), view: new DataView(new ArrayBuffer(1)),
  regexp: /x/, error: new TypeError('x'), ab: new ArrayBuffer(1),
})`);

class MyMap extends Map {}
class MyU8 extends Uint8Array {}
const rab = new ArrayBuffer(4, { maxByteLength: 8 });
const values = {
  'promise': Promise.resolve(),
  'thenable': { then() {} },
  'date': new Date(0),
  'fake date': { __proto__: Date.prototype, [Symbol.toStringTag]: 'Date' },
  'map': new Map(),
  'MyMap subclass': new MyMap(),
  'proxy of map': new Proxy(new Map(), {}),
  'u8': new Uint8Array(4),
  'buffer': Buffer.alloc(2),
  'MyU8 subclass': new MyU8(2),
  'u8 over resizable buffer': new Uint8Array(rab),
  'fake u8': { __proto__: Uint8Array.prototype },
  'proxy of u8': new Proxy(new Uint8Array(2), {}),
  'f64': new Float64Array(2),
  'dataview': new DataView(new ArrayBuffer(2)),
  'string': 'Uint8Array',
  'number': 1,
  'null': null,
  'undefined': undefined,
  'plain': {},
  'other realm promise': other.promise,
  'other realm date': other.date,
  'other realm map': other.map,
  'other realm u8': other.u8,
  'other realm f64': other.f64,
  'other realm view': other.view,
  'other realm regexp': other.regexp,
  'other realm error': other.error,
  'other realm ab': other.ab,
};
const checks = ['isPromise', 'isDate', 'isMap', 'isSet', 'isUint8Array', 'isFloat64Array',
  'isTypedArray', 'isArrayBufferView', 'isDataView', 'isRegExp', 'isNativeError',
  'isArrayBuffer', 'isProxy'];

function answers(name, v) {
  const out = [];
  for (const c of checks) if (types[c](v)) out.push(c);
  return out.join(' ') || '-';
}
// One loop per check and value, run long enough for V8 to optimize it.
function hot(check, v) {
  let yes = 0;
  for (let i = 0; i < 20000; i++) if (types[check](v)) yes++;
  return yes;
}

let mismatches = 0;
for (const [name, v] of Object.entries(values)) {
  const cold = answers(name, v);
  for (const c of checks) {
    const n = hot(c, v);
    const expected = types[c](v) ? 20000 : 0;
    if (n !== expected) { mismatches++; console.log(`MISMATCH ${name} ${c}: ${n}`); }
  }
  const warm = answers(name, v);
  console.log(`${name}: ${cold}${warm === cold ? '' : ` (then ${warm})`}`);
}
// A loop over mixed values, where the optimized code sees every kind.
const all = Object.values(values);
let count = 0;
for (let i = 0; i < 100000; i++) {
  const v = all[i % all.length];
  count += types.isPromise(v) + types.isUint8Array(v) + types.isDate(v) + types.isTypedArray(v);
}
console.log('mixed loop count', count, 'mismatches', mismatches);
console.log('util.types keys', Object.keys(types).length);
