// Buffer.prototype: search, compare, equals, fill, copy, slice/subarray, swap, toJSON, inspect.
const { Buffer } = require('buffer');
const util = require('util');
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name, e.code, e.message); } };
const h = Buffer.from('abcabcé€abc');
for (const [v, o, e] of [['bc'], ['bc', 2], ['bc', -3], ['bc', 100], ['', 5], ['', 100], [97], [353], ['é'], [Buffer.from('€a')], ['6263', 'hex'], ['YmM=', 0, 'base64'], ['c', 'latin1'], ['b', NaN], ['zz', 0, 'hex']]) {
  console.log(JSON.stringify([v, o, e]), h.indexOf(v, o, e), h.lastIndexOf(v, o, e), h.includes(v, o, e));
}
const u = Buffer.from('abcb', 'ucs2');
console.log(u.indexOf('b', 0, 'ucs2'), u.lastIndexOf('b', undefined, 'ucs2'), u.indexOf(Buffer.from([0x62, 0])));
t(() => h.indexOf({})); t(() => h.indexOf('a', 0, 'nope'));
const x = Buffer.from('abcd');
t(() => [x.compare(Buffer.from('abcd')), x.compare(Buffer.from('b')), x.compare(Buffer.from('bcd'), 0, 2, 1, 3), x.compare(Buffer.from('a'), 0, 0)]);
t(() => x.compare(5)); t(() => x.compare(x, -1)); t(() => x.compare(x, 0, 5));
t(() => [x.equals(Buffer.from('abcd')), x.equals(new Uint8Array([97])), x.equals(x)]); t(() => x.equals('abcd'));
t(() => Buffer.alloc(6).fill('ab')); t(() => Buffer.alloc(6).fill('ab', 1, 4)); t(() => Buffer.alloc(6).fill(0x101)); t(() => Buffer.alloc(6).fill('6162', 'hex'));
t(() => Buffer.alloc(6).fill(Buffer.from('xyz'), 2)); t(() => Buffer.alloc(4).fill(true)); t(() => Buffer.alloc(4).fill('€'));
t(() => Buffer.alloc(4).fill('a', 5)); t(() => Buffer.alloc(4).fill('a', 0, 5)); t(() => Buffer.alloc(4).fill('zz', 'hex')); t(() => Buffer.alloc(4).fill(Buffer.alloc(0)));
t(() => Buffer.alloc(4).fill('a', 0, 4, 'nope'));
for (const args of [[], [1], [1, 1, 3], [6], [1.5], [0, 2, 1], [0, 0, 10]]) {
  const tgt = Buffer.alloc(5);
  t(() => [x.copy(tgt, ...args), tgt]);
}
t(() => x.copy(5)); t(() => x.copy(Buffer.alloc(2), -1)); t(() => x.copy(Buffer.alloc(2), 0, 5)); t(() => x.copy(Buffer.alloc(2), 0, 0, -1));
const s = Buffer.from('abcdef');
t(() => [s.slice(1, 3), s.slice(-2), s.slice('1', '3'), s.slice(4, 1), s.subarray(2), s.subarray(-3, -1)]);
const sl = s.slice(1, 2); sl[0] = 0x5a;
t(() => [s.toString(), s.subarray(0, 1) instanceof Buffer, s.slice(0, 1).constructor === Buffer, s.map((c) => c + 1) instanceof Buffer]);
t(() => Buffer.from([1, 2, 3, 4]).swap16()); t(() => Buffer.from([1, 2, 3, 4]).swap32()); t(() => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
t(() => Buffer.alloc(3).swap16()); t(() => Buffer.alloc(6).swap32()); t(() => Buffer.alloc(4).swap64());
t(() => Buffer.from('hi').toJSON()); t(() => JSON.stringify(Buffer.alloc(0))); t(() => Buffer.from('hi').toLocaleString());
console.log(util.inspect(Buffer.from('hi')), util.inspect(Buffer.alloc(0)), util.inspect(Buffer.alloc(51)), util.inspect(Buffer.alloc(60)));
const withProp = Buffer.from('a'); withProp.foo = 1; console.log(util.inspect(withProp));
require('buffer').INSPECT_MAX_BYTES = 2; console.log(util.inspect(Buffer.from('abc')));
t(() => { require('buffer').INSPECT_MAX_BYTES = 'x'; });
