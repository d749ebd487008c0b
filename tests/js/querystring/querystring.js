// querystring: parse (sep/eq/maxKeys/decodeURIComponent), stringify with
// every value type, escape/unescape/unescapeBuffer and their errors.
'use strict';
const qs = require('querystring');
const t = (label, f) => {
  try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.code, e.name, e.message); }
};
console.log(Object.keys(qs), qs.decode === qs.parse, qs.encode === qs.stringify);
console.log(qs.parse('a=1&b=2'), Object.getPrototypeOf(qs.parse('a=1')));
t('dupes', () => qs.parse('a=1&a=2&a=3&b'));
t('empty parts', () => qs.parse('&&a=1&&=&=x&y=&'));
t('plus and percent', () => qs.parse('a+b=c+d&e=%20%41%zz%&f=%E9&g=%C3%A9'));
t('eq in value', () => qs.parse('a=b=c'));
t('custom sep/eq', () => qs.parse('a:1;b:2;;c', ';', ':'));
t('multi-char sep', () => qs.parse('a=>1<>b=>2', '<>', '=>'));
t('maxKeys 2', () => qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 }));
t('maxKeys 0', () => qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 0 }));
t('maxKeys str', () => qs.parse('a', null, null, { maxKeys: 'x' }));
t('custom decode', () => qs.parse('a=%41&B=c', null, null, { decodeURIComponent: (s) => s.toLowerCase() }));
t('throwing decode', () => qs.parse('a=%41', null, null, { decodeURIComponent: () => { throw new Error('x'); } }));
t('non-string', () => [qs.parse(1), qs.parse({}), qs.parse(''), qs.parse(null)]);
t('__proto__ key', () => Object.keys(qs.parse('__proto__=1&constructor=2')));

t('stringify', () => qs.stringify({ a: [], b: 1, c: [1, 2], d: null, e: undefined, f: NaN, g: 1n, h: true, i: {}, j: 'x y', k: Infinity, l: -0 }));
t('stringify sep eq', () => qs.stringify({ a: 1, b: [2, 3] }, ';', ':'));
t('stringify null sep', () => qs.stringify({ a: 1, b: 2 }, null, null));
t('stringify unicode', () => qs.stringify({ 'ké y': 'é€😀~*()!\'-_.' }));
t('stringify encoder', () => qs.stringify({ a: 'b c' }, null, null, { encodeURIComponent: (s) => `<${s}>` }));
t('stringify non-object', () => [qs.stringify('abc'), qs.stringify(1), qs.stringify(null)]);
t('stringify lone surrogate', () => qs.stringify({ a: '\ud800' }));
t('stringify inherited', () => qs.stringify(Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } })));

t('escape', () => qs.escape('a b&c=d/é😀'));
t('escape object', () => qs.escape({ toString() { return 'a b'; } }));
t('escape number', () => qs.escape(12));
t('escape lone high', () => qs.escape('\ud800'));
t('escape lone low', () => qs.escape('\udc00x'));
t('escape symbol', () => qs.escape(Symbol('s')));
t('unescape', () => qs.unescape('a%20b+c'));
t('unescape bad', () => qs.unescape('%E9%zz%'));
t('unescape spaces', () => qs.unescape('a+b%zz', true));
t('unescapeBuffer', () => [...qs.unescapeBuffer('%41%zz%4+a%')]);
t('unescapeBuffer spaces', () => qs.unescapeBuffer('a+b%2', true).toString());
