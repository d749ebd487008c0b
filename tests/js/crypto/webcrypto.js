// The global `crypto` (Web Crypto's Crypto): the same object as
// require('crypto').webcrypto, getRandomValues and randomUUID with their checks.
'use strict';
const d = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
console.log('descriptor', typeof d.get, d.enumerable, d.configurable);
console.log(Object.prototype.toString.call(crypto), crypto === require('crypto').webcrypto, typeof Crypto,
            crypto instanceof Crypto);
console.log(['getRandomValues', 'randomUUID'].every((n) => typeof Crypto.prototype[n] === 'function'));
const a = crypto.getRandomValues(new Uint32Array(8));
console.log(a.length, a.some((x) => x !== 0));
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
for (const f of [
  () => { const g = crypto.getRandomValues; g(new Uint8Array(2)); },
  () => { const r = crypto.randomUUID; r(); },
  () => new Crypto(),
  () => crypto.getRandomValues(new Float64Array(2)),
  () => crypto.getRandomValues(new Uint8Array(65537)),
]) {
  try {
    f();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
try {
  globalThis.crypto = 1;
} catch (e) {
  console.log('not assignable', e.name, typeof globalThis.crypto);
}
