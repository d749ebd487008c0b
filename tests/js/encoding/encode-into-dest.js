// TextEncoder.encodeInto: which destinations it takes (any Uint8Array, by its kind,
// not its toStringTag), and its [read, written] counts from one results array shared
// by every call, hot or not.
'use strict';
const e = new TextEncoder();
class Tagged extends Uint8Array { get [Symbol.toStringTag]() { return 'Other'; } }
const f32 = new Float32Array(4); Object.defineProperty(f32, Symbol.toStringTag, { value: 'Uint8Array' });
for (const d of [new Uint8Array(8), Buffer.alloc(8), new Tagged(8), f32, { [Symbol.toStringTag]: 'Uint8Array' }, new Uint8ClampedArray(8), new DataView(new ArrayBuffer(8))]) {
  try { console.log(JSON.stringify(e.encodeInto('héllo☃', d)), Array.from(d).join(',')); } catch (err) { console.log(err.code, err.message.split('.')[0]); }
}
const big = new Uint8Array(64);
for (let i = 0; i < 100000; i++) e.encodeInto('abc', big);
console.log(JSON.stringify(e.encodeInto('ab😀cd', big.subarray(0, 5))), JSON.stringify(e.encodeInto('', big)));
const u = new Uint8Array(3); console.log(JSON.stringify(e.encodeInto('a\uD800b', u)), Array.from(u).join(','));
