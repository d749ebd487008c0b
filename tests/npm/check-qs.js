'use strict';
// qs: nested query string parsing and stringifying (pulls in side-channel, get-intrinsic,
// object-inspect and friends, which probe many builtins and util.inspect).
const qs = require('qs');
const util = require('util');

const parseCases = [
  'a=b&c=d', 'a[b][c]=d', 'a[]=1&a[]=2&a[]=3', 'a[1]=b&a[0]=c', 'a[20]=x', 'a.b.c=d',
  'foo=bar%20baz&x=%E2%82%AC', 'a=1&a=2', 'a[b]=1&a=c', '?x=1&y', 'a[][b]=1&a[][c]=2',
  'k=a,b,c', 'user[name][first]=Ada&user[name][last]=Lovelace&user[age]=36', '__proto__[x]=1&y=2',
  'a=%', 'empty=&=nokey&flag',
];
for (const s of parseCases) console.log('parse', JSON.stringify(s), JSON.stringify(qs.parse(s)));
console.log('parse opts', JSON.stringify(qs.parse('?a.b=c&d=1,2', { ignoreQueryPrefix: true, allowDots: true, comma: true })),
  JSON.stringify(qs.parse('a[b][c][d][e][f][g]=x', { depth: 2 })), JSON.stringify(qs.parse('a=1;b=2', { delimiter: ';' })),
  JSON.stringify(qs.parse('a=1&b=2&c=3', { parameterLimit: 2 })), JSON.stringify(qs.parse('x=%A4', { charset: 'iso-8859-1' })));
console.log('parse inspect', util.inspect(qs.parse('a[b]=1'), { depth: 5 }));

const objs = [
  { a: 'b', c: 'd' }, { a: { b: { c: 'd' } } }, { a: ['x', 'y'] }, { a: [{ b: 1 }, { c: 2 }] },
  { s: 'sp ace&amp=€', n: 5, t: true, nul: null, und: undefined, d: new Date(Date.UTC(2020, 0, 2)) },
  { a: [], b: {}, c: '' },
];
for (const o of objs) {
  console.log('stringify', qs.stringify(o), '|', qs.stringify(o, { encode: false }), '|',
    qs.stringify(o, { arrayFormat: 'brackets' }), '|', qs.stringify(o, { arrayFormat: 'repeat', allowDots: true }));
}
console.log('stringify opts', qs.stringify({ a: ['b', 'c'] }, { arrayFormat: 'comma' }), qs.stringify({ a: 1 }, { addQueryPrefix: true }),
  qs.stringify({ z: 1, a: 2, m: 3 }, { sort: (a, b) => a.localeCompare(b) }), qs.stringify({ a: 'b c' }, { format: 'RFC1738' }),
  qs.stringify({ a: null }, { strictNullHandling: true }), qs.stringify({ a: 'x', b: 'y' }, { filter: ['a'] }),
  qs.stringify({ a: 'ä' }, { charset: 'iso-8859-1' }), qs.stringify({ a: 'ä' }, { charsetSentinel: true }));
const round = { deep: { list: [1, 2, { k: 'v w' }], flag: 'true' } };
console.log('roundtrip', JSON.stringify(qs.parse(qs.stringify(round))));
