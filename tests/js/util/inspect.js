// util.inspect output for every kind of value and option (compared with Node byte for byte).
'use strict';
const util = require('util');
class Foo { constructor() { this.a = 1; } }
class Bar extends Foo {}
const circ = { a: 1 }; circ.self = circ; circ.arr = [circ, { circ }];
const sparse = [1, , 3]; sparse[10] = 5; sparse.x = 'y';
const err = new Error('boom'); err.stack = 'Error: boom\n    at foo (/x.js:1:1)\n    at bar (/x.js:2:2)';
const err2 = new TypeError('bad'); err2.stack = 'TypeError: bad\n    at foo (/x.js:1:1)'; err2.code = 'E_X';
const err3 = new Error('outer', { cause: err }); err3.stack = 'Error: outer\n    at q (/y.js:1:1)';
const err4 = new RangeError('nostack'); err4.stack = undefined;
class MyErr extends Error {} const err5 = new MyErr('m'); err5.stack = 'Error: m\n    at z (/z.js:1:1)';
const err6 = new Error('x'); err6.name = 'Custom'; err6.stack = 'Custom: x\n    at z (/z.js:1:1)';
const nullObj = Object.create(null); nullObj.x = 1;
const getters = { get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {} };
const sym = Symbol('s');
const longArr = Array.from({ length: 120 }, (_, i) => i);
const strs = Array.from({ length: 30 }, (_, i) => 'item' + i);
const mixed = [1, 'two', { three: 3 }, [4], null, undefined, true, 8n, Symbol('nine')];
const deep = { a: { b: { c: { d: { e: 1 } } } } };
const m = new Map([[1, 'a'], ['b', { c: 2 }], [{ k: 1 }, [1, 2]]]);
const s = new Set([1, 'a', { b: 2 }, [3]]);
const rErr = new Error('r'); rErr.stack = 'Error: r\n    at rejecter (/r.js:1:1)';
const p1 = Promise.resolve(1), p2 = new Promise(() => {}), p3 = Promise.reject(rErr); p3.catch(() => {});
const p4 = Promise.reject(3); p4.catch(() => {});
const ta = new Uint8Array([1, 2, 3]); const f64 = new Float64Array([1.5, -0, NaN]); const big = new BigInt64Array([1n, -2n]);
const ab = new ArrayBuffer(4); new Uint8Array(ab).set([0, 1, 255, 16]);
const dv = new DataView(ab, 1, 2);
const proxy = new Proxy({ a: 1 }, {}); const proxyFn = new Proxy(function named() {}, {});
function named() {} named.prop = 1;
const anon = (() => () => {})();
async function af() {} function* gf() {} async function* agf() {}
const boxed = [new Number(3), new String('ab'), new Boolean(false), Object(1n), Object(Symbol('q')), new Number(-0)];
const strObj = new String('hi'); strObj.extra = 1;
const d = new Date(0); const badDate = new Date(NaN); const dp = new Date(0); dp.x = 1;
const re = /ab+c/gi; const reX = /x/; reX.y = 1;
const wkey = { k: 1 }; const wm = new WeakMap([[wkey, 1]]); const ws = new WeakSet([wkey]);
const args = (function () { return arguments; })(1, 'a');
const tagged = { [Symbol.toStringTag]: 'Tagged', a: 1 };
class TagCls { get [Symbol.toStringTag]() { return 'TC'; } }
const custom = { [Symbol.for('nodejs.util.inspect.custom')](depth, opts) { return { custom: depth, c: typeof opts.stylize }; } };
const customStr = { inner: { [Symbol.for('nodejs.util.inspect.custom')]() { return 'line1\nline2'; } } };
const longStr = 'x'.repeat(100) + '\n' + 'y'.repeat(20);
const nested = [[1, [2, [3, [4, [5]]]]]];
const objArr = Array.from({ length: 8 }, (_, i) => ({ id: i, name: 'n' + i }));
const wide = { alpha: 'aaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbb', gamma: 'ccccccccccccccccc', delta: 'ddddddddddd' };
const keys = { 'a-b': 1, 'c d': 2, 3: 3, _ok: 4, $no: 5, "it's": 6, [sym]: 7 };
const hidden = Object.defineProperty({ v: 1 }, 'h', { value: 2, enumerable: false });
const mapIt = new Map([[1, 2], [3, 4]]).entries(); const setIt = new Set([1, 2]).values(); const mapKeys = new Map([[1, 2]]).keys();
const fnNullProto = Object.setPrototypeOf(function x() {}, null);
const arrSub = new (class MyArr extends Array {})(); arrSub.push(1, 2);
const emptyArrSub = new (class E2 extends Array {})();
const mapSub = new (class MyMap extends Map {})([[1, 2]]);
const objWithCtorNull = Object.create(Object.create(null));
const fooProto = Object.create(Foo.prototype);
const numbersMixed = [1, -22, 333, 4444, 55555, 6, 77, 888, 9999, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26];
const negZero = [-0, 0, +0.5, 1e21, 1e-7, -1.5e300, Infinity, -Infinity, NaN];
const cases = [
  ['prims', [1, -0, 0, 1.5, NaN, 'str', "it's", 'a"b\'c', 'a"b\'c`', '\n\t\x1b\x7f', true, undefined, null, 12n, sym]],
  ['str', 'hello'], ['strq', "it's"], ['sym', Symbol('x y')], ['symdesc', Symbol()], ['negzero', -0], ['bigint', -123n],
  ['foo', new Foo()], ['bar', new Bar()], ['circ', circ], ['sparse', sparse], ['sparse2', [, , 1, , ]], ['sparse3', new Array(5)],
  ['err', err], ['err2', err2], ['err3', err3], ['err4', err4], ['err5', err5], ['err6', err6], ['errInObj', { e: err2 }],
  ['nullObj', nullObj], ['nullEmpty', Object.create(null)], ['getters', getters], ['gettersOn', getters, { getters: true }],
  ['longArr', longArr], ['strs', strs], ['mixed', mixed], ['deep', deep], ['deep0', deep, { depth: 0 }], ['deepInf', deep, { depth: Infinity }], ['deepNull', deep, { depth: null }],
  ['map', m], ['set', s], ['emptyMap', new Map()], ['emptySet', new Set()], ['p1', p1], ['p2', p2], ['p3', p3], ['p4', p4],
  ['ta', ta], ['f64', f64], ['big', big], ['emptyTa', new Uint8Array(0)], ['ab', ab], ['dv', dv], ['abInObj', { ab }], ['tashow', ta, { showHidden: true }],
  ['proxy', proxy], ['proxyShow', proxy, { showProxy: true }], ['proxyFn', proxyFn],
  ['named', named], ['namedPlain', function foo() {}], ['anon', anon], ['af', af], ['gf', gf], ['agf', agf], ['cls', Foo], ['clsExt', Bar], ['anonCls', class {}], ['clsProp', Object.assign(class Z {}, { s: 1 })],
  ['boxed', boxed], ['strObj', strObj], ['date', d], ['badDate', badDate], ['datep', dp], ['re', re], ['reX', reX],
  ['wm', wm], ['ws', ws], ['wmShow', wm, { showHidden: true }], ['args', args], ['emptyArgs', (function () { return arguments; })()],
  ['tagged', tagged], ['tagCls', new TagCls()], ['custom', custom], ['customStr', customStr], ['customOff', custom, { customInspect: false }],
  ['longStr', longStr], ['longStrObj', { s: longStr }], ['nested', nested], ['objArr', objArr], ['wide', wide], ['keys', keys],
  ['hidden', hidden], ['hiddenShow', hidden, { showHidden: true }], ['mapIt', mapIt], ['setIt', setIt], ['mapKeys', mapKeys],
  ['fnNullProto', fnNullProto], ['arrSub', arrSub], ['emptyArrSub', emptyArrSub], ['mapSub', mapSub], ['objWithCtorNull', objWithCtorNull], ['fooProto', fooProto],
  ['numbersMixed', numbersMixed], ['negZero', negZero], ['compactF', deep, { compact: false }], ['compactT', wide, { compact: true }], ['compact1', { a: [1, 2], b: { c: 1 } }, { compact: 1 }],
  ['break40', wide, { breakLength: 40 }], ['breakInf', objArr, { breakLength: Infinity }], ['sorted', { c: 1, a: 2, b: 3 }, { sorted: true }],
  ['maxArr', longArr, { maxArrayLength: 5 }], ['maxArr0', [1, 2], { maxArrayLength: 0 }], ['maxStr', 'abcdefghij', { maxStringLength: 4 }], ['maxStrArr', ['abcdefghij'], { maxStringLength: 1 }],
  ['colors', { a: 1, b: 'x', c: null, d: undefined, e: sym, f: [1n], g: true, h: d, i: re, j: named }, { colors: true }],
  ['numsep', [1234567.891, 1234, 123456789n, -1000000], { numericSeparator: true }],
  ['setMax', new Set(longArr), { maxArrayLength: 3 }], ['mapMax', new Map(longArr.map((x) => [x, x])), { maxArrayLength: 2 }],
  ['arrExtra', Object.assign([1, 2], { a: 1, [sym]: 2 })], ['nestedCirc', (() => { const a = { b: {} }; a.b.a = a; a.b.self = a.b; return a; })()],
  ['globalish', { process: undefined, fn: Math.max, m: Math }], ['json', JSON], ['objProtoNull', { __proto__: null, a: { __proto__: null } }],
  ['bigArr', Array.from({ length: 30 }, (_, i) => i * 1000)], ['strArrShort', 'abcdefghijklmnopqrstuvwxyz'.split('')], ['bools', Array(10).fill(true)],
  ['unicode', ['日本語', 'ü', '😀'.repeat(3)]], ['unicodeArr', Array.from({ length: 12 }, (_, i) => '日本'.repeat(i % 3 + 1))],
  ['arrOfArr', Array.from({ length: 7 }, (_, i) => [i, i + 1])], ['multiline', ['a\nb', 'c']],
  ['showHiddenArr', [1, 2], { showHidden: true }], ['showHiddenFn', named, { showHidden: true }], ['showHiddenErr', err2, { showHidden: true }],
  ['iterProto', Object.getPrototypeOf([][Symbol.iterator]())], ['generatorObj', gf()], ['mathObj', Math], ['globalThisRef', { g: Reflect }],
  ['legacy', deep, false, 0], ['depthNeg', [1, [2]], { depth: -1 }],
];
for (const [label, value, opts] of cases) {
  const out = opts === undefined ? util.inspect(value) : util.inspect(value, opts);
  console.log(`--- ${label}`);
  console.log(out);
}
// Legacy signature: inspect(value, showHidden, depth, colors).
console.log(util.inspect({ a: { b: { c: {} } } }, false, 0, false));
console.log(util.inspect({ a: { b: { c: {} } } }, false, null));
// Options handed on to custom inspectors, and the `inspect` argument.
console.log(util.inspect({
  [util.inspect.custom](depth, options, insp) {
    return `depth=${depth} colors=${options.colors} extra=${options.extra} same=${insp === util.inspect}`;
  },
}, { extra: 42 }));
console.log(util.inspect({ a: { b: { [util.inspect.custom](depth) { return { depth }; } } } }));
console.log(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
console.log(Object.keys(util.inspect.colors).length, util.inspect.colors.grey, util.inspect.styles.number);
console.log(util.inspect.defaultOptions);
const saved = { ...util.inspect.defaultOptions };
util.inspect.defaultOptions = { depth: 0 };
console.log(util.inspect({ a: { b: 1 } }));
util.inspect.defaultOptions = saved;
console.log(util.inspect({ a: { b: 1 } }));
try { util.inspect.defaultOptions = null; } catch (e) { console.log(e.code, e.message); }
try { util.inspect.defaultOptions = 'x'; } catch (e) { console.log(e.code, e.message); }
// Strings: quote selection and escapes.
for (const s of ["plain", "it's", 'say "hi"', 'both \' and "', 'all \' " `', 'tmpl \' " ${x}',
  '\0\x01\x1f\x7f\x9f', '\b\t\n\v\f\r', 'back\\slash', '\ud83d', '\udc00x', '\u00e9\u4e2d']) {
  console.log(util.inspect(s));
}
console.log(util.inspect('a'.repeat(20) + '\n' + 'b'.repeat(70) + '\nc'));
console.log(util.inspect(['x'.repeat(30) + '\n' + 'y'.repeat(60)]));
console.log(util.inspect(new Array(200).fill(7)));
console.log(util.inspect(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 4 + 1))));
console.log(util.inspect(Array.from({ length: 40 }, (_, i) => i * (i % 3 ? 1 : -1) * 97)));
console.log(util.inspect({ arr: Array.from({ length: 10 }, (_, i) => ({ i })) }));
console.log(util.inspect(new Map([[{ a: 1 }, new Set([[1, 2]])]]), { depth: 0 }));
console.log(util.inspect(new Error('no stack'), { compact: true }).split('\n')[0]);
