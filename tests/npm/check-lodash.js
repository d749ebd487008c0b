'use strict';
// lodash: collections, objects, strings, templates, timers (debounce/throttle/delay).
const _ = require('lodash');

console.log('chunk', JSON.stringify(_.chunk([1, 2, 3, 4, 5, 6, 7], 3)));
console.log('groupBy', JSON.stringify(_.groupBy([6.1, 4.2, 6.3, 'one', 'two', 'three'], (x) => (typeof x === 'string' ? x.length : Math.floor(x)))));
console.log('countBy', JSON.stringify(_.countBy(['a', 'bb', 'cc', 'ddd'], 'length')));
const users = [{ user: 'fred', age: 48, active: false }, { user: 'barney', age: 36, active: true },
  { user: 'fred', age: 40, active: true }, { user: 'barney', age: 34, active: false }];
console.log('sortBy', JSON.stringify(_.sortBy(users, ['user', 'age'])));
console.log('orderBy', JSON.stringify(_.orderBy(users, ['user', 'age'], ['asc', 'desc'])));
console.log('partition', JSON.stringify(_.partition(users, 'active')));
console.log('keyBy', Object.keys(_.keyBy(users, (u) => u.user + u.age)).join(','));
console.log('uniqBy', JSON.stringify(_.uniqBy([2.1, 1.2, 2.3, 3.4], Math.floor)));
console.log('flattenDeep', _.flattenDeep([1, [2, [3, [4]], 5]]).join(','));
console.log('zip', JSON.stringify(_.zip(['a', 'b'], [1, 2], [true, false])));
console.log('difference', _.differenceBy([2.1, 1.2], [2.3, 3.4], Math.floor), _.intersection([2, 1], [2, 3]), _.union([2], [1, 2]));
console.log('range', _.range(0, 20, 5), _.range(-4), _.sum([4, 2, 8, 6]), _.meanBy([{ n: 4 }, { n: 8 }], 'n'));
console.log('get/set', _.get({ a: [{ b: { c: 3 } }] }, 'a[0].b.c'), _.get({}, 'x.y', 'dflt'),
  JSON.stringify(_.set({}, 'a[0].b.c', 4)), _.has({ a: { b: 1 } }, 'a.b'));

const orig = { a: [1, { b: new Date(0) }], m: new Map([[1, { x: 1 }]]), s: new Set([1, 2]), r: /x/g, n: null };
orig.self = orig;
const cl = _.cloneDeep(orig);
console.log('cloneDeep', cl !== orig, cl.self === cl, cl.a[1] !== orig.a[1], cl.a[1].b instanceof Date,
  cl.a[1].b.getTime(), cl.m.get(1).x, cl.m.get(1) !== orig.m.get(1), [...cl.s].join(','), cl.r.source, cl.r.flags);
console.log('merge', JSON.stringify(_.merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] })));
console.log('mergeWith', JSON.stringify(_.mergeWith({ a: [1], b: [2] }, { a: [3], b: [4] }, (o, s) => (Array.isArray(o) ? o.concat(s) : undefined))));
console.log('defaultsDeep', JSON.stringify(_.defaultsDeep({ a: { b: 2 } }, { a: { b: 1, c: 3 } })));
console.log('isEqual', _.isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), _.isEqual([1, 2], [2, 1]),
  _.isEqual(new Map([[1, 2]]), new Map([[1, 2]])), _.isEqual(NaN, NaN), _.isEqual(new Date(5), new Date(5)),
  _.isEqual(Buffer.from('ab'), Buffer.from('ab')), _.isEqual(new Uint8Array([1]), new Uint8Array([2])));
console.log('isMatch', _.isMatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } }));
console.log('types', _.isPlainObject({}), _.isPlainObject(Object.create(null)), _.isPlainObject([]),
  _.isBuffer(Buffer.alloc(1)), _.isTypedArray(new Float32Array(1)), _.isArguments((function () { return arguments; })()),
  _.isError(new RangeError('x')), _.isNative(Array.prototype.push), _.isEmpty(new Map()), _.isEmpty('a'));
console.log('pick/omit', JSON.stringify(_.pick({ a: 1, b: 2, c: 3 }, ['a', 'c'])), JSON.stringify(_.omit({ a: 1, b: 2, c: 3 }, 'b')),
  JSON.stringify(_.pickBy({ a: 1, b: '2', c: 3 }, _.isNumber)), JSON.stringify(_.mapValues({ a: 1, b: 2 }, (v) => v * 10)),
  JSON.stringify(_.invert({ a: 1, b: 2 })), JSON.stringify(_.fromPairs([['x', 1], ['y', 2]])));

for (const s of ['Foo Bar', '--foo-bar--', '__FOO_BAR__', 'fooBar', 'XMLHttpRequest', 'déjà vu', 'hello   world 42abc']) {
  console.log('str', JSON.stringify(s), _.camelCase(s), _.kebabCase(s), _.snakeCase(s), _.startCase(s),
    _.upperFirst(s), JSON.stringify(_.words(s)), _.deburr(s));
}
console.log('pad', JSON.stringify(_.pad('abc', 8, '_-')), JSON.stringify(_.padStart('5', 3, '0')), _.repeat('ab', 3),
  _.truncate('hi-diddly-ho there, neighborino', { length: 24, separator: /,? +/ }), _.escape('<a href="x">&\'</a>'),
  _.unescape('&lt;b&gt;&amp;&quot;&#39;'), _.escapeRegExp('[lodash](https://lodash.com/)'), _.trim('  -x-  '), _.trim('-_-abc-_-', '_-'));

const compiled = _.template('hello <%= user %>! <% _.forEach(items, function(i) { %><li><%- i %></li><% }); %> ${ n * 2 }');
console.log('template', compiled({ user: 'fred', items: ['<a>', 'b&c'], n: 21 }));
const t2 = _.template('{{ greeting }}, {{ name }}', { interpolate: /{{([\s\S]+?)}}/g });
console.log('template2', t2({ greeting: 'hi', name: 'coil' }));
try { _.template('<%= missing %>')({}); } catch (e) { console.log('template error', e.name, e.message); }

const memo = _.memoize((n) => { console.log('  compute', n); return n * n; });
console.log('memoize', memo(4), memo(4), memo(5), memo.cache.has(4));
const once = _.once(() => { console.log('  once called'); return 7; });
console.log('once', once(), once());
const curried = _.curry((a, b, c) => [a, b, c].join('-'));
console.log('curry', curried(1)(2)(3), curried(1, 2)(3), curried(_, 2)(1, 3));
console.log('partial', _.partial((a, b) => a + b, 'x')('y'), _.flow([_.add, (n) => n * n])(1, 2));
console.log('chain', _.chain([1, 2, 3, 4, 5, 6]).filter((n) => n % 2 === 0).map((n) => n * 3).reverse().value().join(','));
console.log('random', _.inRange(3, 2, 4), _.clamp(-10, -5, 5), _.round(4.006, 2), _.floor(0.046, 2), _.ceil(6040, -2));

// Timers: debounce / throttle / delay / defer. Only order of events is printed.
const events = [];
const deb = _.debounce((v) => events.push('debounced:' + v), 30);
deb(1); deb(2); deb(3);
const thr = _.throttle((v) => events.push('throttled:' + v), 1000);
thr('a'); thr('b'); thr('c');
_.defer((v) => events.push('defer:' + v), 'd');
_.delay((v) => events.push('delay:' + v), 80, 'e');
const deb2 = _.debounce((v) => events.push('leading:' + v), 20, { leading: true, trailing: false });
deb2('L1'); deb2('L2');
const deb3 = _.debounce((v) => events.push('cancelled:' + v), 10);
deb3('x'); deb3.cancel();
const deb4 = _.debounce((v) => { events.push('flushed:' + v); return v; }, 1000);
deb4('f'); console.log('flush returns', deb4.flush());
setTimeout(() => {
  thr.cancel();
  console.log('events', events.join(' '));
}, 200);
