// Buffer.from(short string) copies into the shared pool before it knows the string
// is ASCII: a string that is not must fall back to UTF-8 and leave earlier
// buffers in the pool as they were.
'use strict';
const a = Buffer.from('first, all ascii');
const samples = ['plain', 'é', 'aé', 'x'.repeat(63) , 'y'.repeat(62) + 'ü', '\u0100abc', 'ab\ud83d\ude00', 'lone \ud800', '\x7f\x80', ''];
for (const s of samples) {
  const b = Buffer.from(s);
  console.log(b.length, b.toString('hex').slice(0, 40), b.toString() === s.replace(/\ud800/, '\ufffd'));
}
console.log(a.toString(), a.length);
// Many in a row cross pool boundaries.
let total = 0;
const kept = [];
for (let i = 0; i < 2000; i++) {
  const s = i % 3 === 0 ? `n${i}é` : `n${i}`;
  const b = Buffer.from(s);
  total += b.length;
  if (i % 250 === 0) kept.push([b, s]);
}
console.log(total, kept.every(([b, s]) => b.toString() === s));
console.log(Buffer.from('abc', 'latin1').toString('hex'), Buffer.from('abc', '').toString());
// indexOf/fill with an encoding name.
const h = Buffer.from('hello world, hello');
console.log(h.indexOf('llo'), h.indexOf('llo', 5), h.lastIndexOf('hello'), h.indexOf(Buffer.from('wor')));
console.log(h.indexOf('6c6c', 0, 'hex'), h.indexOf('bGxv', 'base64'), h.includes('WORLD', 0, 'latin1'));
const u = Buffer.from('abcabc', 'utf16le');
console.log(u.indexOf('c', 0, 'utf16le'), u.indexOf(Buffer.from('c', 'ucs2'), 0, 'ucs2'), u.lastIndexOf('a', -1, 'ucs2'));
console.log(Buffer.alloc(7).fill('ab', 'latin1').toString(), Buffer.alloc(6).fill('616263', 'hex').toString());
