// util helpers: promisify, callbackify, inherits, deprecate, debuglog, styleText,
// toUSVString, getSystemErrorName/Map, is* helpers, argument errors.
'use strict';
const util = require('util');
const EventEmitter = require('events');
const t = (label, f) => {
  try {
    const r = f();
    console.log(label, 'ok', typeof r === 'function' ? `[function ${r.name}/${r.length}]` : util.inspect(r));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));

t('promisify(1)', () => util.promisify(1));
t('promisify(fn)', () => util.promisify(function foo(a, cb) {}));
t('custom not fn', () => { const f = function() {}; f[util.promisify.custom] = 5; return util.promisify(f); });
t('custom used', () => { const f = function() {}; const g = () => {}; f[util.promisify.custom] = g; return util.promisify(f) === g; });
t('promisify.custom', () => util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
t('callbackify(1)', () => util.callbackify(1));
t('callbackify(fn)', () => util.callbackify(async function bar(a) {}));
t('callbackify no cb', () => util.callbackify(async () => 1)(1));
t('inherits(null)', () => util.inherits(null, function() {}));
t('inherits(fn, null)', () => util.inherits(function() {}, null));
t('inherits(fn, {})', () => util.inherits(function() {}, {}));
t('inherits ok', () => {
  function A() {}
  function B() {}
  A.prototype.hello = () => 'hi';
  util.inherits(B, A);
  return [B.super_ === A, new B().hello(), new B() instanceof A,
    Object.getOwnPropertyDescriptor(B, 'super_').enumerable];
});
t('deprecate code type', () => util.deprecate(() => {}, 'm', 1));
t('deprecate name', () => util.deprecate(function dep(a, b) {}, 'msg'));
t('toUSVString', () => util.toUSVString('a\ud800b\udc00c\ud83d\ude00'));
t('stripVT(1)', () => util.stripVTControlCharacters(1));
t('stripVT', () => util.stripVTControlCharacters('\x1b[31mred\x1b[39m \x1b]8;;http://x\x07link\x1b]8;;\x07'));
t('styleText array', () => util.styleText(['red', 'bold'], 'x'));
t('styleText no stream check', () => util.styleText('green', 'x', { validateStream: false }));
t('styleText bad', () => util.styleText('nope', 'x'));
t('styleText text', () => util.styleText('red', 1));
t('styleText stream', () => util.styleText('red', 'x', { stream: 1 }));
t('errname(-2)', () => util.getSystemErrorName(-2));
t('errname(-13)', () => util.getSystemErrorName(-13));
t('errname(2)', () => util.getSystemErrorName(2));
t('errname(x)', () => util.getSystemErrorName('x'));
t('errname(-99999)', () => util.getSystemErrorName(-99999));
t('errname(0)', () => util.getSystemErrorName(0));
t('errmap', () => [util.getSystemErrorMap().get(-17), util.getSystemErrorMap().get(-39),
  util.getSystemErrorMap().get(-4095), util.getSystemErrorMap() instanceof Map]);
t('is*', () => [util.isArray([]), util.isBoolean(false), util.isNull(null), util.isNullOrUndefined(undefined),
  util.isNumber(NaN), util.isString(''), util.isSymbol(Symbol()), util.isUndefined(), util.isRegExp(/x/),
  util.isObject(null), util.isObject({}), util.isDate(new Date()), util.isError(new TypeError()),
  util.isFunction(class {}), util.isPrimitive(1n), util.isPrimitive({})]);
t('_extend', () => util._extend({ a: 1 }, { b: 2 }));
t('_extend null', () => util._extend({ a: 1 }, null));
t('isDeepStrictEqual', () => [util.isDeepStrictEqual({ a: [1] }, { a: [1] }), util.isDeepStrictEqual(1, '1')]);
t('debuglog off', () => { const l = util.debuglog('coil_test_off'); l('never shown'); return [l.enabled, util.debug === util.debuglog]; });
t('defaultOptions bad', () => { util.inspect.defaultOptions = 5; });

const fn = util.promisify((a, cb) => cb(null, a * 2));
fn(21).then((v) => console.log('promisified resolves', v));
util.promisify((cb) => cb(new Error('E')))().catch((e) => console.log('promisified rejects', e.message));
util.promisify(function(cb) { cb(null, this.v); }).call({ v: 'this kept' }).then((v) => console.log(v));
util.callbackify(async (x) => x + 1)(1, (e, v) => console.log('callbackified', e, v));
util.callbackify(async () => { throw null; })((e) => console.log('falsy', e.code, e.message, e.reason));
util.callbackify(async () => { throw 0; })((e) => console.log('falsy', e.code, e.message, e.reason));
util.callbackify(async () => { throw new Error('x'); })((e) => console.log('error', e.message));

const d = util.deprecate(() => 'r', 'This is deprecated', 'DEP0X');
console.log(d(), d());
util.deprecate(() => 'r', 'Same code again', 'DEP0X')();
class K {}
const DK = util.deprecate(K, 'K is deprecated');
console.log(new DK() instanceof K);
console.log(util.types === require('util/types'), typeof util.TextEncoder, typeof util.TextDecoder);
console.log(new EventEmitter() instanceof EventEmitter);
