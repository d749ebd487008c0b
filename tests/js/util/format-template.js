// util.format reads a format string once and reuses it: the same string with
// fewer or more arguments, alternating strings, long strings, and %j's
// primitives (written without JSON.stringify when nothing needs an escape).
'use strict';
const util = require('util');
const show = (...args) => console.log(JSON.stringify(util.format(...args)));

// One format string, each argument count in turn (the directives past the
// last argument stay as written, "%%" is always "%").
const f = '%s: %d items, %j %% %c|%i %f %o %O%';
for (let n = 0; n <= 11; n++) {
  const args = ['name', 42, 'x', 'color: red', '7.9', '2.5', [1], { a: 1 }, 'extra', 3, null];
  show(f, ...args.slice(0, n));
}
// Alternating format strings and a format built at run time with equal text.
for (let i = 0; i < 3; i++) {
  show('%s=%d', 'a', i);
  show('[%j]', i);
  show(['%s', '=', '%d'].join(''), 'b', -i);
}
show('%%%', 1); show('%%s', 1); show('%s%', 1); show('%%', 'x'); show('a%%b'); show('%%');
show('%s%s%s', 1); show('%c%c', 'a'); show('%c', 'css', 'after'); show('%y%s', 1); show('%%%s', 1);
show('x', '%s', 1); show(1, '%s'); show(); show(undefined); show(null, null); show('%s');
// %j of primitives and strings that need escapes.
for (const v of ['plain', 'q"uote', 'back\\slash', 'tab\there', 'nl\n', '\u0001', '\u001f', ' ',
  'ünïcödé ☃', '\ud83d\ude00', 'lone \ud83d', 'lone \ude00', '\udbff\udfff', '', 'x'.repeat(300),
  'x'.repeat(300) + '"', 0, -0, 1.5, -1e21, 1e21, NaN, Infinity, -Infinity, true, false, null,
  undefined, Symbol('s'), new String('boxed'), new Number(3), [1, 'a'], { t: 1, u: undefined }]) {
  show('%j', v);
}
// %d / %i / %s of numbers, bigints, symbols and objects.
for (const v of [-0, 0, 1n, -1n, 12345678n, 1.5, -2.5, '42', ' 42 ', '0x1f', '', null, undefined, true,
  Symbol('d'), {}, [], [5], new Date(0), 1e21, -1e-7, NaN]) {
  show('%d|%i|%f', v, v, v);
}
class Custom { toString() { return 'custom'; } }
const nullProto = Object.create(null); nullProto.k = 1;
for (const v of [-0, 1n, Symbol('s'), nullProto, Object.create(null), { a: [1, { b: 2 }] }, new Custom(),
  [1, 2], Object.assign(new Error('boom'), { stack: 'Error: boom\n    at somewhere' }), function named() {}, new Map([['k', 'v']])]) {
  show('%s', v);
}
// inspect.defaultOptions.numericSeparator is read on every call, not cached.
show('%d %s %i', 1234567, 7654321, 1234.5);
util.inspect.defaultOptions.numericSeparator = true;
show('%d %s %i', 1234567, 7654321, 1234.5);
util.inspect.defaultOptions.numericSeparator = false;
show('%d %s %i', 1234567, 7654321, 1234.5);
console.log(util.formatWithOptions({ numericSeparator: true }, '%d %j', 1234567, 1234567));
// More distinct format strings than are kept, then the first ones again.
const seen = [];
for (let round = 0; round < 2; round++) {
  for (let i = 0; i < 300; i++) seen.push(util.format(`%s#${i}%%`, round));
}
console.log(seen.length, seen[0], seen[299], seen[300], seen[599], new Set(seen).size);
// A format string longer than what is kept between calls.
const long = 'L'.repeat(2000) + '%s';
console.log(util.format(long, 'end').length, util.format(long, 'end').slice(-5));
console.log(util.format(long, 'again').slice(-7));
// %j of a BigInt uses BigInt.prototype.toJSON when there is one.
try { util.format('%j', 5n); } catch (e) { console.log(e.name, e.message); }
BigInt.prototype.toJSON = function() { return `${this}!`; };
show('%j', 5n);
delete BigInt.prototype.toJSON;
