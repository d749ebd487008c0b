// parse and stringify use qs.unescape / qs.escape as they are at call time, so a
// program may replace them (node documents both as overridable).
'use strict';
const qs = require('querystring');

const { escape, unescape } = qs;
qs.unescape = (s) => s.replace(/o/g, '_');
console.log(qs.parse('foo=bor&x=%41'));
qs.escape = (s) => `<${s}>`;
console.log(qs.stringify({ a: 'b c', d: 1 }));
qs.unescape = unescape;
qs.escape = escape;
console.log(qs.parse('foo=bor&x=%41'), qs.stringify({ a: 'b c' }));
// An explicit option still wins over the replaced function.
qs.unescape = () => 'never';
console.log(qs.parse('k=v', null, null, { decodeURIComponent: (s) => s.toUpperCase() }));
qs.unescape = unescape;
