'use strict';
// coil's Node-API test: loads the test addon (tests/napi/addon, compiled by
// tests/napi.rs into the folder given as argv[2]) and prints what each area of
// Node-API does; run under coil and under node, the output must be identical.
// Needs --expose-gc (weak references and finalizers).
const path = require('path');
const dir = process.argv[2];
const addon = require(path.join(dir, 'coil_napi_test.node'));
const show = (label, ...v) => console.log(label, ...v);
const wait = () => new Promise((resolve) => setImmediate(resolve));

// Loading.
show('bound to the runtime itself:', addon.binder() === path.basename(process.execPath));
show('versions:', addon.versions());
show('legacy:', require(path.join(dir, 'legacy.node')));
show('same module twice:', require(path.join(dir, 'coil_napi_test.node')) === addon);
for (const [file, flags] of [['missing.node'], ['test.js'], ['test.js', 'x']]) {
  try {
    if (flags === undefined) require(path.join(dir, file));
    else process.dlopen({ exports: {} }, path.join(dir, file), flags);
  } catch (e) {
    show('load error:', [e.code, e.message.replace(dir, '$DIR').replace(__dirname, '$TEST')]);
  }
}
try { process.dlopen({ exports: {} }); } catch (e) { show('dlopen():', [e.name, e.code, e.message]); }
const plain = { exports: {} };
process.dlopen(plain, path.join(dir, 'coil_napi_test.node'));
show('dlopen into a module:', typeof plain.exports.typeOf, os().constants.dlopen.RTLD_NOW);
function os() { return require('os'); }

// Values and types.
show('typeof:', [1, 1n, 's', Symbol('x'), {}, () => 1, true, undefined, null, addon.makeExternal()]
  .map(addon.typeOf).join(' '));
show('numbers 3.7:', addon.numbers(3.7));
show('numbers -1:', addon.numbers(-1));
show('numbers NaN/2^64:', addon.numbers(NaN), addon.numbers(2 ** 64));
show('strings:', addon.strings('héllo wörld'));
show('strings ascii:', addon.strings('hello world'), addon.strings('abc'), addon.strings('ab\u0100'));
const values = addon.makeValues();
show('made:', values.slice(0, 10));
show('symbol:', values[10].toString(), values[11] === Symbol.for('coil.napi'));
show('bigints:', values.slice(12, 15));
show('date:', values[15].toISOString(), 'global:', values[16] === globalThis);
show('bigint info:', addon.bigintInfo(-(2n ** 64n) - 7n));
show('bigint info small:', addon.bigintInfo(42n));
show('coerce:', addon.coerce('12'), addon.coerce(0));
show('checks:', [[], new ArrayBuffer(1), Buffer.alloc(1), new Date(), new Error(),
  Promise.resolve(), new Uint8Array(1), new DataView(new ArrayBuffer(1)), {}].map(addon.checks).join(' '));
show('strict equals:', addon.strictEquals(1, 1), addon.strictEquals('1', 1), addon.strictEquals(NaN, NaN));
show('date value:', addon.dateValue(new Date(5)));
show('misuse:', addon.misuse());

// Objects, classes and functions.
const sym = Symbol('own');
const o = Object.create({ inherited: 1 });
o[sym] = 'symbol';
show('props:', addon.props(o));
const d = addon.defineProps({});
d.x = 21;
show('defined:', Object.getOwnPropertyDescriptors(d), d.twice(d.x), Object.keys(d));
const Point = addon.defineClass();
const p = new Point(3, 4);
p.x = 10;
show('class:', Point.name, p instanceof Point, p.sum(), p.x, Point.dims, Point.origin().sum(),
  Object.keys(Point), typeof Point.prototype.sum);
try { Point(1, 2); } catch (e) { show('class without new:', e.code, e.message); }
try { Point.prototype.sum.call({}); } catch (e) { show('method on a stranger:', e.message); }
class Point3 extends Point { z() { return 3; } }
show('subclass:', new Point3(1, 1).sum(), new Point3(1, 1).z());
const frozen = addon.integrity({ a: 1 }, true);
const sealed = addon.integrity({ a: 1 }, false);
show('frozen/sealed:', Object.isFrozen(frozen), Object.isSealed(sealed), Object.isFrozen(sealed));
show('instanceof:', addon.instanceOf(p, Point), addon.instanceOf({}, Point));
try { addon.instanceOf({}, 1); } catch (e) { show('instanceof non-function:', e.name, e.message); }
show('call:', addon.callWith(function(a, b) { return [this.tag, a, b]; }, { tag: 't' }, 1, 2));
show('construct:', addon.construct(Date, 0).getTime(), addon.construct(Map, [[1, 2]]).get(1));
const counted = addon.argCount.call('self', 1, 2, 3, 4);
show('argc:', addon.argCount(1).slice(0, 4), counted.slice(0, 4), typeof counted[4]);
const add5 = addon.makeAdder(5);
show('closure:', add5.name, add5(1), add5(2));

// Errors and exceptions.
for (const kind of [0, 1, 2, 3]) {
  try { addon.throwIt(kind, kind % 2 ? '' : 'E_THROWN', `kind ${kind}`); } catch (e) {
    show('thrown:', e.name, e.code, e.message, e instanceof Error);
  }
}
try { addon.throwIt(4, '', 'a plain string'); } catch (e) { show('thrown value:', e); }
const errs = addon.createErrors();
show('created:', errs.slice(0, 4).map((e) => [e.name, e.code, e.message]), errs.slice(4));
const caught = addon.callAndCatch(() => { throw new TypeError('from JS'); });
show('caught:', caught[0], caught[1], caught[2].message, caught[3]);
try { addon.callAndLeave(() => { throw new Error('left pending'); }); } catch (e) {
  show('left pending reaches JS:', e.message);
}

// Lifetimes.
show('refs:', addon.refCounts());
show('scopes:', addon.scopes());
const w = {};
show('wrap:', addon.wrap(w, 1.5), addon.wrap(w, 2), addon.unwrap(w), addon.wrap('s', 1));
show('remove wrap:', addon.removeWrap(w), addon.unwrap(w));
const tagged = {};
show('tags:', addon.tag(tagged, 0), addon.tag(tagged, 1), addon.checkTag(tagged, 0),
  addon.checkTag(tagged, 1), addon.checkTag({}, 0));
show('external:', addon.externalValue(addon.makeExternal()));
show('instance data:', addon.bumpInstance(), addon.bumpInstance());
show('script:', addon.runScript('6 * 7'));

// Binary data.
const [ab, ext, extOk] = addon.arrayBuffers();
show('arraybuffers:', new Uint8Array(ab), new Uint8Array(ext), extOk);
show('typed:', addon.typedInfo(addon.typedArray(ab, 5, 4, 1)).slice(0, 4),
  addon.typedInfo(new Float64Array([1.5]).subarray(0, 1)).slice(0, 3));
for (const [type, off, len] of [[5, 2, 1], [1, 0, 9]]) {
  try { addon.typedArray(ab, type, off, len); } catch (e) { show('typed error:', e.name, e.code, e.message); }
}
const [dv, dvLen, dvOff, dvFirst] = addon.dataView(ab, 2, 4);
show('dataview:', dv instanceof DataView, dvLen, dvOff, dvFirst);
try { addon.dataView(ab, 6, 4); } catch (e) { show('dataview error:', e.name, e.code, e.message); }
const bufs = addon.buffers();
show('buffers:', bufs.map((b) => [Buffer.isBuffer(b), b.toString()]));
show('buffer sums:', addon.bufferSum(Buffer.from('AB')), addon.bufferSum(new Uint16Array([257])));
show('detach:', addon.detach(new ArrayBuffer(8)), addon.detach(ab.slice(0)));

// Asynchrony.
(async () => {
  show('promise:', await addon.promiseNow('fine', true));
  try { await addon.promiseNow(new Error('nope'), false); } catch (e) { show('rejected:', e.message); }
  const pending = addon.promiseLater();
  setImmediate(() => addon.settleLater('later'));
  show('settled:', await pending);
  show('callback scope:', addon.inCallbackScope(() => {
    process.nextTick(() => show('tick after the callback scope', ''));
    return 'scoped';
  }));
  await new Promise((resolve) => {
    addon.work(100, 0, (status, sum, offMain) => {
      show('work:', status, sum, offMain);
      process.nextTick(() => { show('tick after work', ''); resolve(); });
    });
  });
  await new Promise((resolve) => {
    // Four pool threads busy (node's and coil's default), then one queued job is
    // cancelled: it completes with napi_cancelled (11) without running.
    let left = 5;
    const done = (status, sum) => { show('burst:', status, sum); if (--left === 0) resolve(); };
    for (let i = 0; i < 4; i++) addon.work(10, 100, done);
    const cancel = addon.work(10, 0, done);
    show('cancel:', cancel());
  });
  await new Promise((resolve) => {
    addon.threadsafe((what, n) => {
      show('tsfn:', what, n);
      if (what === 'finalized') resolve();
    }, 5);
  });
  addon.idleTsfn(() => {});
  let w2 = {};
  addon.weakRef(w2);
  show('weak before gc:', addon.weakValue() === w2);
  w2 = null;
  let fin = {};
  addon.addFinalizer(fin);
  addon.wrap(fin, 1);
  fin = null;
  await wait();
  globalThis.gc();
  await wait();
  await wait();
  show('weak after gc:', addon.weakValue(), 'finalized:', addon.finalizeCount());
  process.on('uncaughtException', (e) => show('uncaught:', e.message));
  addon.fatalException(new Error('via napi_fatal_exception'));
  await wait();
  addon.work(1, 0, () => { throw new Error('thrown in a complete callback'); });
  await wait(); await wait();
  await new Promise((resolve) => setTimeout(resolve, 20));
  addon.addHooks();
  show('done', '');
})();
