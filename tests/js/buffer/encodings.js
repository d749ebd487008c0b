// Buffer string encodings: from/toString/write/byteLength round trips and edge cases.
const { Buffer } = require('buffer');
const encs = ['utf8', 'utf-8', 'UTF8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le'];
const strs = ['', 'hi', 'héllo wörld', '€', '😀', 'a\ud800b', 'x'.repeat(40)];
for (const e of encs) {
  for (const s of strs) {
    const b = Buffer.from(s, e);
    console.log(e, JSON.stringify(s).slice(0, 20), b.length, Buffer.byteLength(s, e), b.toString('hex').slice(0, 40), JSON.stringify(b.toString(e)).slice(0, 30));
  }
}
// invalid UTF-8 decodes with U+FFFD per maximal subpart
for (const bytes of [[0xff], [0xc0, 0x80], [0xe2, 0x82], [0xe2, 0x82, 0x41], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80]]) {
  console.log(bytes.join(','), JSON.stringify(Buffer.from(bytes).toString()));
}
console.log(Buffer.from('abcdz', 'hex'), Buffer.from('zz', 'hex'), Buffer.from('Y Q*_-', 'base64'), Buffer.from('+/', 'base64url'), Buffer.from('YQ==YQ==', 'base64'));
console.log(Buffer.from([0xe9, 0x41]).toString('ascii'), Buffer.from('\u00e9\u0100', 'ascii'), Buffer.from('\u00e9\u0100', 'latin1'));
console.log(Buffer.from([0xfb, 0xff]).toString('base64'), Buffer.from([0xfb, 0xff]).toString('base64url'));
console.log(Buffer.from('abc').toString('utf8', 1), Buffer.from('abc').toString('utf8', -1, 10), Buffer.from('abc').toString('hex', 2, 1), Buffer.from('abc').toString('utf8', '1', '2'));
console.log(Buffer.isEncoding('UTF-8'), Buffer.isEncoding('Hex'), Buffer.isEncoding(''), Buffer.isEncoding('utf32'), Buffer.isEncoding(null));
console.log(Buffer.byteLength('aGk=', 'base64'), Buffer.byteLength('aGk', 'base64'), Buffer.byteLength('abc', 'nope'), Buffer.byteLength(new ArrayBuffer(7)), Buffer.byteLength(new Uint32Array(2)));
const w = Buffer.alloc(6);
console.log(w.write('€€', 1), w, w.write('ab', 4, 'ucs2'), w, w.write('ffee', 'hex'), w, w.write('abc', 1, 1), w);
for (const f of [() => Buffer.from('a', 'utf32'), () => Buffer.alloc(2).toString('nope'), () => Buffer.byteLength(5), () => w.write(5),
  () => w.write('a', 7), () => w.write('a', 0, -1), () => w.write('a', 'nope')]) {
  try { console.log(f()); } catch (e) { console.log(e.name, e.code, e.message); }
}
const { atob, btoa } = require('buffer');
console.log(btoa('hello'), atob('aGVsbG8='), atob(' aGk '), btoa('\xff'));
for (const s of ['a', 'ab=', 'a=', '*', 'abc==']) {
  try { atob(s); } catch (e) { console.log(e.name, e.message); }
}
try { btoa('€'); } catch (e) { console.log(e.name, e.message); }
try { atob(); } catch (e) { console.log(e.name, e.code, e.message); }
