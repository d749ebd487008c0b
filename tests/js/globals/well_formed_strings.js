// ES2023 String.prototype.isWellFormed / toWellFormed: lone surrogates anywhere are
// found and replaced by U+FFFD; pairs are kept; descriptors as built-ins have them.
'use strict';
const show = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(' ');
for (const name of ['isWellFormed', 'toWellFormed']) {
  const d = Object.getOwnPropertyDescriptor(String.prototype, name);
  console.log(name, d.value.name, d.value.length, d.writable, d.enumerable, d.configurable, 'prototype' in d.value);
}
const cases = ['', 'abc', 'a\uD83D\uDE00b', '\uD800', '\uDC00', 'x\uD800', '\uDC00\uD800', '\uD800\uD800\uDC00',
  '\uDBFF\uDFFF\uDFFF', 'é\uD83Dz', 'a'.repeat(1000) + '\uDFFF'];
for (const s of cases) console.log(s.length, s.isWellFormed(), show(s.toWellFormed()), s.toWellFormed() === s);
console.log(String.prototype.isWellFormed.call(12), String.prototype.toWellFormed.call({ toString() { return '\uD800!'; } }).length);
for (const name of ['isWellFormed', 'toWellFormed']) {
  for (const self of [null, undefined]) {
    try { String.prototype[name].call(self); } catch (e) { console.log(e.constructor.name, e.message); }
  }
}
try { String.prototype.isWellFormed.call(Symbol('s')); } catch (e) { console.log(e.constructor.name, e.message); }
