// The fast paths of session 11 reach no user-patched built-in: a lazily parsed
// URLSearchParams (get() scanning the string, then the full parse), Buffer.from
// through the pool, Buffer.alloc's size check and TextEncoder.encodeInto all work
// with String/Array/TypedArray/Object/Function prototype methods replaced.
'use strict';
const boom = (name) => function() { throw new Error(`patched ${name} reached`); };
const patches = [
  [String.prototype, 'startsWith'], [String.prototype, 'charCodeAt'],
  [String.prototype, 'split'], [String.prototype, 'indexOf'],
  [Array.prototype, 'map'], [Array.prototype, 'filter'], [Array.prototype, 'findIndex'],
  [Function.prototype, 'call'], [Function.prototype, 'apply'], [Object.prototype, 'toString'],
  [Object.getPrototypeOf(Uint8Array.prototype), 'set'], [Object.getPrototypeOf(Uint8Array.prototype), 'subarray'],
];
const ctor = globalThis.Uint32Array;
const saved = patches.map(([proto, name]) => Object.getOwnPropertyDescriptor(proto, name));
for (const [proto, name] of patches) Object.defineProperty(proto, name, { value: boom(name), configurable: true, writable: true });
Object.defineProperty(Object.prototype, 'get', { get: boom('Object.prototype.get'), configurable: true });
globalThis.Uint32Array = boom('Uint32Array');
const out = [];
const add = (...v) => { for (let i = 0; i < v.length; i++) out[out.length] = String(v[i]); };
try {
  const p = new URLSearchParams('?a=1&b=x+y&%63=%20z');
  add(p.get('b'), p.get('c'), p.get('none'), p.size, p.getAll('a').length);
  const u = new URL('http://h/?q=%41&r=2');
  add(u.searchParams.get('q'));
  u.search = '?s=3';
  add(u.searchParams.get('s'), u.searchParams.has('q'));
  add(Buffer.from('short').length, Buffer.from('a string of more than thirty-two units').length,
    Buffer.from('é'.repeat(40)).length, Buffer.from('ab'.repeat(20), 'hex').length);
  add(Buffer.alloc(8).length, Buffer.alloc(3, 1)[2]);
  const r = new TextEncoder().encodeInto('héllo', new Uint8Array(10));
  add(r.read, r.written);
} catch (e) {
  add(`threw: ${e.stack}`);
}
globalThis.Uint32Array = ctor;
delete Object.prototype.get;
for (let i = 0; i < patches.length; i++) Object.defineProperty(patches[i][0], patches[i][1], saved[i]);
console.log(out.join(' | '));
