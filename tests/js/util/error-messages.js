// Node's error classes as user code sees them: message wording for every kind of
// received value, name/code/toString/stack header, and how inspect shows them.
'use strict';
const util = require('util');
const show = (f) => {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(`${e.name} | ${e.code} | ${e.message}`);
    return e;
  }
};
class A {}
const received = [1, -0, NaN, 1.5, 12345678901234567890n, 'str', "it's", 'x'.repeat(28), 'y'.repeat(29),
  true, null, undefined, Symbol('s'), Symbol('z'.repeat(40)), {}, [], [1, 2], new Map(), new A(),
  Object.create(null), A, function named() {}, () => {}, async function af() {}, new Error('e'),
  Object.assign(Object.create(null), { a: 1 }), new Proxy({}, {})];
for (const v of received) show(() => util.promisify(v));
show(() => util.parseArgs({ options: { o: { type: 'number' } } }));
show(() => util.styleText('red', 'x', { stream: {} }));
show(() => util.callbackify(async () => {})());
for (const n of [2 ** 40, 4294967296, 4294967297, 1.5, -0.5, Infinity, 12]) show(() => util.getSystemErrorName(n));

const err = show(() => util.promisify('nope'));
console.log(err.name, err.code, Object.keys(err), err instanceof TypeError);
console.log(err.toString());
console.log(err.stack.split('\n')[0]);
console.log(Object.prototype.toString.call(err), err.constructor === TypeError);
console.log(util.inspect(err).split('\n').filter((l) => !l.startsWith('    at ')).join('\n'));
const range = show(() => util.getSystemErrorName(3));
console.log(range.stack.split('\n')[0]);
console.log(util.inspect({ nested: range }).split('\n').filter((l) => !l.trim().startsWith('at ')).join('\n'));
err.message = 'changed';
console.log(err.toString(), err.stack.split('\n')[0]);
err.name = 'Renamed';
console.log(err.toString());

const legacy = util._errnoException(-2, 'open', '/missing');
console.log(legacy.message, legacy.errno, legacy.code, legacy.syscall);
const legacy2 = util._errnoException(-13, 'write');
console.log(legacy2.message, legacy2.code);
const hp = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 9);
console.log(hp.message, hp.errno, hp.code, hp.syscall, hp.address, hp.port);
