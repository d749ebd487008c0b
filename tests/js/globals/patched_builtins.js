// User code that patches built-ins (prototype methods, statics, Object.prototype.get/set,
// the array iterator) does not reach the core library's own code: console, util,
// Buffer, URL, querystring, path, assert, string_decoder and TextDecoder give the same
// results with every patch in place, and under coil none of the patches is ever
// called by them. (Node itself still calls several of them here, e.g. Array.prototype
// .push in util.inspect and RegExp.prototype.exec in url.parse, so under node the
// test only checks the results.)
'use strict';
const util = require('util');
const assert = require('assert');
const url = require('url');
const querystring = require('querystring');
const path = require('path');
const { StringDecoder } = require('string_decoder');

const { apply } = Reflect;
const hits = new Set();
let recording = false;
// A patch counts when the frame that called it is in one of the modules under test
// (the validators, errors and fs code they use are other modules' business).
const inScope = /\bnode:(?:internal\/)?(?:util|buffer|url|querystring|path|assert|console|string_decoder|encoding)\b/;
const { split: originalSplit } = String.prototype;
const { exec: originalExec } = RegExp.prototype;
const record = (label) => {
  if (!recording) return;
  recording = false;
  const frames = apply(originalSplit, new Error().stack, ['\n']);
  // frames[0] is the message, [1] record, [2] the patch; [3] called it.
  const caller = frames.length > 3 ? frames[3] : '';
  if (apply(originalExec, inScope, [caller]) !== null) hits.add(label);
  recording = true;
};
// Joins without Array.prototype.join (the test itself must not touch the patches).
const cat = (list, sep) => {
  let text = '';
  for (let i = 0; i < list.length; i++) text += (i === 0 ? '' : sep) + list[i];
  return text;
};
const { defineProperty } = Object;
function spy(target, key, label) {
  const original = target[key];
  defineProperty(target, key, {
    __proto__: null,
    value: function patched(...args) { record(label); return apply(original, this, args); },
    writable: true, configurable: true, enumerable: false,
  });
}
const arrayIteratorProto = Object.getPrototypeOf([][Symbol.iterator]());
const patches = [
  [Array.prototype, 'Array.prototype', ['push', 'pop', 'shift', 'unshift', 'join', 'map', 'filter', 'forEach',
    'slice', 'splice', 'indexOf', 'includes', 'concat', 'reduce', 'some', 'every', 'sort', 'reverse', 'fill', 'find']],
  [String.prototype, 'String.prototype', ['split', 'replace', 'replaceAll', 'slice', 'substring', 'indexOf',
    'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'toLowerCase', 'toUpperCase', 'trim', 'padStart',
    'padEnd', 'repeat', 'charCodeAt', 'codePointAt', 'normalize', 'match', 'search', 'at']],
  [Function.prototype, 'Function.prototype', ['call', 'apply', 'bind']],
  [Map.prototype, 'Map.prototype', ['get', 'set', 'has', 'delete', 'forEach']],
  [Set.prototype, 'Set.prototype', ['has', 'delete', 'forEach']],
  [RegExp.prototype, 'RegExp.prototype', ['exec', 'test', Symbol.replace, Symbol.split, Symbol.match]],
  [Object.getPrototypeOf(Uint8Array.prototype), 'TypedArray.prototype',
    ['set', 'subarray', 'slice', 'fill', 'indexOf', 'copyWithin']],
  [Number.prototype, 'Number.prototype', ['toString', 'toFixed']],
  [Object.prototype, 'Object.prototype', ['hasOwnProperty', 'toString', 'propertyIsEnumerable']],
  [arrayIteratorProto, 'ArrayIterator', ['next']],
  [JSON, 'JSON', ['stringify', 'parse']],
  [Object, 'Object', ['keys', 'entries', 'assign', 'getOwnPropertyNames', 'getOwnPropertyDescriptor', 'freeze']],
  [Math, 'Math', ['max', 'min', 'floor', 'abs']],
  [Array, 'Array', ['isArray', 'from']],
  [Number, 'Number', ['isNaN', 'isInteger']],
  [Promise.prototype, 'Promise.prototype', ['then']],
];

const values = [
  'text', 42, -0, 12345678n, true, null, undefined, Symbol('sym'), [1, [2, [3, [4]]], 'x'],
  { a: 1, nested: { b: [1, 2], c: 'str' } }, new Map([['k', { v: 1 }]]), new Set([1, 'two']),
  Buffer.from('hello'), new Uint16Array([1, 2]), new Date(0), /re+/gi, new Error('boom').message,
  function named() {}, class Klass {}, Object.create(null), [null, , 3], { [Symbol('s')]: 1 },
  new Proxy({ p: 1 }, {}), Promise.resolve(5), new WeakMap(), Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
];

// Inputs made before the patches: the test's own code must not call them.
const fixtures = {
  deepA: { a: [1, new Map([[1, 2]])] },
  deepB: { a: [1, new Map([[1, 2]])] },
  setA: new Set([1]),
  setB: new Set([1]),
  hidden: { a: [1, 2], m: new Map([[1, 2]]) },
};

function exercise() {
  const out = [];
  const step = (label, fn) => {
    try {
      out[out.length] = `${label}: ${fn()}`;
    } catch (e) {
      out[out.length] = `${label} threw ${e && e.name}: ${e && e.message}`;
    }
  };
  for (let i = 0; i < values.length; i++) step(`inspect ${i}`, () => util.inspect(values[i], { depth: 4 }));
  step('console.log', () => {
    console.log('console.log:', values[9], values[10], values[12], [1, 'two'], 42, 'str %s', 'x');
    console.log('%s=%d %o', 'k', 7, { deep: { er: [1] } });
    console.error('console.error to stderr');
    console.table([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
    console.group('group');
    console.dir({ dir: true }, { depth: 0 });
    console.groupEnd();
    console.assert(true, 'never printed');
    console.count('counter');
    return 'logged';
  });
  step('inspect showHidden', () => util.inspect(fixtures.hidden, { showHidden: true, colors: true }));
  step('inspect compact false', () => util.inspect({ a: { b: { c: {} } }, arr: ['a', 'b'] }, { compact: false, sorted: true }));
  step('inspect long array', () => { const a = []; for (let i = 0; i < 120; i++) a[i] = i; return util.inspect(a); });
  step('inspect circular', () => { const o = { name: 'o' }; o.self = o; return util.inspect(o); });
  step('format', () => util.format('%s %d %i %f %j %o %O %% %c', 'str', 42, 42.5, '1.5', { j: 1 }, [1], { O: 1 }, 'css'));
  step('format extra', () => util.format('a', 1, { b: 2 }, 'c'));
  step('isDeepStrictEqual', () => util.isDeepStrictEqual(fixtures.deepA, fixtures.deepB));
  step('types', () => cat([util.types.isUint8Array(Buffer.alloc(1)), util.types.isPromise(Promise.resolve())], ','));
  const encodings = ['utf8', 'hex', 'base64', 'base64url', 'latin1', 'ascii', 'utf16le'];
  for (let e = 0; e < encodings.length; e++) {
    const encoding = encodings[e];
    step(`buffer ${encoding}`, () => {
      const b = Buffer.from('héllo wörld ✓ 😀 héllo wörld ✓ 😀 héllo wörld ✓ 😀', 'utf8');
      const text = b.toString(encoding);
      return `${text.length} ${Buffer.from(text, encoding).length} ${Buffer.byteLength(text, encoding)}`;
    });
  }
  step('buffer ops', () => {
    const b = Buffer.alloc(16, 'ab');
    b.writeUInt32BE(0xdeadbeef, 0);
    const c = Buffer.concat([b, Buffer.from([1, 2, 3])]);
    return cat([c.length, c.indexOf('ab'), c.lastIndexOf(2), c.includes('ba'), c.readUInt32BE(0),
      c.subarray(2, 6).toString('hex'), b.equals(Buffer.from(b)), Buffer.compare(b, c), c.toJSON().data.length,
      b.fill('xyz', 4).toString('latin1', 4), Buffer.from(b).swap16().toString('hex', 0, 4), c.copy(b, 0, 1, 3),
      String(c.slice(-3)), util.inspect(b)], ' ');
  });
  step('string_decoder', () => {
    const d = new StringDecoder('utf8');
    const bytes = Buffer.from('€😀');
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += d.write(bytes.subarray(i, i + 1));
    return s + d.end();
  });
  step('TextDecoder', () => new TextDecoder().decode(new TextEncoder().encode('añb✓')));
  step('URL', () => {
    const u = new URL('https://user:pw@example.com:8080/a/../b/c?x=1&y=2#frag');
    u.searchParams.append('z', 'a b');
    u.searchParams.sort();
    return `${u.href} ${u.host} ${u.pathname} ${u.searchParams.get('z')} ${util.inspect(u.searchParams)}`;
  });
  step('URL relative', () => new URL('../x?q#h', 'http://h/a/b/c').href);
  step('URL invalid', () => new URL('http://[::1'));
  step('URLSearchParams', () => new URLSearchParams({ a: '1', b: 'x y' }).toString());
  step('url.parse', () => util.inspect(url.parse('http://u@host.com:81/p/a/t/h?query=string#hash', true)));
  step('url.format', () => url.format({ protocol: 'https', host: 'h.com', pathname: '/p', query: { a: [1, 2] } }));
  step('url.resolve', () => url.resolve('http://a/b/c/d;p?q', '../g'));
  step('fileURLToPath', () => url.fileURLToPath('file:///tmp/a%20b') + ' ' + url.pathToFileURL('/tmp/x y').href);
  step('querystring', () => {
    const parsed = querystring.parse('a=1&b=2&a=3&c=%E2%9C%93&d');
    return `${util.inspect(parsed)} ${querystring.stringify({ x: [1, 2], y: 'z w', u: '✓' })} ${querystring.escape('a b')}`;
  });
  step('path', () => cat([path.join('/a/b', '../c', './d'), path.normalize('a//b/../c/.'), path.relative('/a/b/c', '/a/d'),
    path.basename('/x/y.txt', '.txt'), path.extname('f.tar.gz'), path.dirname('/a/b/c'), path.isAbsolute('a'),
    util.inspect(path.parse('/home/u/f.txt')), path.format({ dir: '/d', base: 'b.js' }),
    path.win32.join('C:\\a', '..', 'b'), path.win32.resolve('C:\\x', 'y'), path.posix.sep], ' '));
  step('assert pass', () => {
    assert.ok(1);
    assert.strictEqual(1, 1);
    assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
    assert.deepEqual(fixtures.setA, fixtures.setB);
    assert.notDeepStrictEqual({ a: 1 }, { a: 2 });
    assert.throws(() => { throw new TypeError('x'); }, TypeError);
    assert.throws(() => { throw new Error('msg'); }, /msg/);
    assert.throws(() => { throw new Error('msg'); }, { message: 'msg' });
    assert.doesNotThrow(() => {});
    assert.match('abc', /b/);
    return 'ok';
  });
  const failing = [
    ['strictEqual', () => assert.strictEqual(1, 2)],
    ['deepStrictEqual', () => assert.deepStrictEqual({ a: [1, 2, 3], b: 'x' }, { a: [1, 2, 4], b: 'x' })],
    ['ok', () => assert.ok(false)],
    ['equal msg', () => assert.equal(1, 2, 'custom')],
    ['notStrictEqual', () => assert.notStrictEqual(1, 1)],
    ['throws', () => assert.throws(() => {})],
    ['throws validation', () => assert.throws(() => { throw new Error('a'); }, { message: 'b' })],
    ['match', () => assert.match('abc', /x/)],
    ['fail', () => assert.fail('failed')],
    ['ifError', () => assert.ifError(new Error('iferr'))],
  ];
  for (let i = 0; i < failing.length; i++) {
    const fn = failing[i][1];
    step(`assert ${failing[i][0]}`, () => { fn(); return 'no throw'; });
  }
  return out;
}

const before = exercise();
for (const [target, name, keys] of patches) {
  for (const key of keys) spy(target, key, `${name}.${String(key)}`);
}
// Descriptors and option bags made without a null prototype would pick these up.
defineProperty(Object.prototype, 'get', { __proto__: null, value: function get() { record('Object.prototype.get'); }, configurable: true, writable: true });
defineProperty(Object.prototype, 'set', { __proto__: null, value: function set() { record('Object.prototype.set'); }, configurable: true, writable: true });
// Inspect options read from (or written to) a bag that is not null-prototype.
for (const key of ['value', 'depth', 'colors', 'compact', 'showHidden', 'breakLength', 'maxArrayLength']) {
  defineProperty(Object.prototype, key, {
    __proto__: null,
    get() { record(`Object.prototype.${key} read`); return undefined; },
    set(v) {
      record(`Object.prototype.${key} written`);
      defineProperty(this, key, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true });
    },
    configurable: true,
  });
}

recording = true;
const after = exercise();
recording = false;
console.log('same results:', after.length === before.length && after.every((line, i) => line === before[i]));
for (let i = 0; i < after.length; i++) {
  if (after[i] !== before[i]) console.log(`differs: ${before[i]}\n     now: ${after[i]}`);
}
console.log(before.join('\n'));
const reached = [];
if (process.versions.coil !== undefined) {
  for (const label of hits) reached.push(label);
  reached.sort();
}
console.log('patches reached:', reached);
