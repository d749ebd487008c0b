'use strict';
// util.inspect's quoting and escaping of strings, as values and as keys: plain
// strings (no escape needed), each quote choice, control and C1 characters,
// backslashes, paired and lone surrogates.
const util = require('util');
const strings = [
  '', 'two', 'plain text with spaces', "it's", 'say "hi"', `it's "both"`, 'all \' " ` three',
  "it's ${x} \"q\" `b`", 'tab\there', 'line\nbreak', 'nul\0', 'bell\x07', 'del\x7f', 'c1\x85\x9f',
  'back\\slash', 'é ü ☃', '😀 pair', 'lone \ud800 high', 'lone \udc00 low', '\udc00\ud800',
  'ends with high \ud83d', "'", '"', '`', '\\', 'x'.repeat(30) + "'" + '\n',
];
for (const s of strings) console.log(util.inspect(s));
console.log(util.inspect(strings));
const o = {};
for (const s of strings) o[s] = 1;
console.log(util.inspect(o));
console.log(util.inspect({ nested: { a: 'x\ty', b: "q'", c: ['\\', '\u2028'] } }));
