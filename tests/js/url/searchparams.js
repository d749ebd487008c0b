// URLSearchParams: constructors, every method, iteration, sorting, size,
// link with URL#search, percent-encoding rules and argument errors.
'use strict';
const t = (label, f) => {
  try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.code, e.name, e.message); }
};
console.log(Object.getOwnPropertyNames(URLSearchParams.prototype));
const p = new URLSearchParams('?a=1&b=2&a=3&c=%20x+y&d=%zz&e&=f&&g=h=i');
console.log(p, p.size, p.toString());
t('get', () => [p.get('a'), p.get('z'), p.getAll('a'), p.has('a'), p.has('a', '3'), p.has('a', '9')]);
p.append('a', '4'); p.set('b', 'new'); p.delete('c'); p.delete('a', '3');
t('after edits', () => [...p]);
p.sort();
t('sorted', () => p.toString());
t('keys', () => [...p.keys()]);
t('values', () => [...p.values()]);
t('entries', () => [...p.entries()]);
const seen = [];
p.forEach(function(v, k, o) { seen.push([k, v, o === p, this.x]); }, { x: 1 });
t('forEach', () => seen);
t('from object', () => new URLSearchParams({ a: 1, b: [2, 3], c: null, d: undefined }).toString());
t('from pairs', () => new URLSearchParams([['a', 'b'], ['c', 'd'], new Set(['e', 'f'])]).toString());
t('from map', () => new URLSearchParams(new Map([['x', 'y']])).toString());
t('from params', () => new URLSearchParams(new URLSearchParams('q=1')).toString());
t('encoding', () => new URLSearchParams({ 'a b': 'é&=+%~*-._!\'()😀' }).toString());
t('decoding', () => [...new URLSearchParams('a=%C3%A9&b=%E9&c=%F0%9F%98%80&d=+%2B&e=é%41&f=é%zz%41')]);
t('lone surrogate', () => new URLSearchParams({ a: '\ud800' }).toString());
t('sort stable', () => { const s = new URLSearchParams('z=1&a=2&z=0&a=1&é=1&e=2'); s.sort(); return s.toString(); });
t('bad tuple', () => new URLSearchParams([[1]]));
t('bad pair', () => new URLSearchParams([1]));
t('not iterable', () => new URLSearchParams({ [Symbol.iterator]: 1 }));
t('append 1 arg', () => new URLSearchParams().append('a'));
t('get 0 args', () => new URLSearchParams().get());
t('forEach bad', () => new URLSearchParams().forEach(1));
t('bad this', () => URLSearchParams.prototype.get.call({}, 'a'));
t('bad this size', () => Reflect.get(URLSearchParams.prototype, 'size', {}));
const it = new URLSearchParams('a=1&b=2').keys();
console.log(it, Object.prototype.toString.call(it), it.next(), it, it.next(), it.next());

const u = new URL('http://h/p?x=1&y=2#f');
const sp = u.searchParams;
console.log(sp === u.searchParams, sp.get('x'));
sp.append('z', 'a b');
console.log(u.href);
sp.delete('x'); sp.delete('y'); sp.delete('z');
console.log(u.href, JSON.stringify(u.search));
u.search = '?q=é r';
console.log(u.href, [...sp]);
u.href = 'http://other/?k=v';
console.log([...sp]);
u.search = '';
console.log(sp.size, u.href);
