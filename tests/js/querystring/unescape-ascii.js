// querystring.unescape / parse decode ASCII escapes themselves; anything else
// (UTF-8 bytes, a '%' that starts no escape, non-strings) as decodeURIComponent
// and its byte-wise fallback do.
'use strict';
const qs = require('querystring');
const inputs = ['', 'plain', '%20', '%20x', 'a%2Fb%3Dc', '%41%42%43', '%7f%7F', '%00', '%25', '%2525',
  '%', '%2', 'x%', '%zz', '%2g', '%41%', '%80', '%C3%A9', '%c3%a9', '%e2%98%83', '%41%C3%A9',
  '%C3', '%C3%41', 'a+b', '%2B', 'ü%20☃', '\ud800%20', '%FF'];
for (const s of inputs) console.log(JSON.stringify([s, qs.unescape(s), qs.unescape(s, true)]));
for (const v of [123, null, undefined, true, { toString() { return '%41'; } }]) {
  console.log(JSON.stringify(qs.unescape(v)));
}
for (const s of ['a=1&b=2&c=%20x&d=hello+world', 'k%41=%7e&k%41=%C3%A9&x=%&y=%4', '%3D=%26&%26=%3D',
  'a=%20&a=%21&a=%22', 'e=%F0%9F%98%80']) {
  console.log(JSON.stringify(qs.parse(s)));
}
// A replaced qs.unescape and a custom decoder are used instead.
console.log(JSON.stringify(qs.parse('a=%41', null, null, { decodeURIComponent: (s) => `<${s}>` })));
const saved = qs.unescape;
qs.unescape = (s) => s.toLowerCase();
console.log(JSON.stringify(qs.parse('A=%4A')));
qs.unescape = saved;
console.log(JSON.stringify(qs.parse('A=%4A')));
