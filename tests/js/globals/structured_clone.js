// structuredClone: supported types, identity/cycles, errors and DataCloneError cases.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, JSON.stringify(e.message), e instanceof DOMException); }
};
t('missing', () => structuredClone());
t('symbol', () => structuredClone(Symbol('x')));
t('function', () => structuredClone(function f() {}));
t('nested fn', () => structuredClone({ a: () => 1 }));
t('promise', () => structuredClone(Promise.resolve()));
t('weakmap', () => structuredClone(new WeakMap()));
t('symbol value', () => structuredClone({ s: Symbol.iterator }));
t('proxy', () => structuredClone(new Proxy({ a: 1 }, {})));
class Foo { constructor() { this.x = 1; } get y() { return 2; } }
t('class', () => { const c = structuredClone(new Foo()); return [c, Object.getPrototypeOf(c) === Object.prototype]; });
const e = new RangeError('bad', { cause: 5 }); e.extra = 1; e.name = 'X';
t('error', () => { const c = structuredClone(e); return [c.constructor.name, c.name, c.message, c.cause, c.extra, c.stack === e.stack, Object.keys(c)]; });
t('typeerror', () => { const c = structuredClone(new TypeError('tt')); return [c.constructor.name, c.name, Object.getOwnPropertyNames(c), c instanceof TypeError]; });
t('renamed', () => structuredClone(Object.assign(new Error('x'), { name: 'EvalError' })).constructor.name);
t('cause', () => structuredClone(new Error('m', { cause: new Error('c') })).cause.message);
t('array', () => { const a = [1, , 3]; a.x = 5; const c = structuredClone(a); return [c, 1 in c, c.length, Array.isArray(c)]; });
t('cycle', () => { const o = { list: [] }; o.self = o; o.list.push(o, o.list); const c = structuredClone(o); return [c.self === c, c.list[0] === c, c.list[1] === c.list, c !== o]; });
t('shared', () => { const s = { v: 1 }; const c = structuredClone([s, s]); return c[0] === c[1]; });
t('views', () => {
  const ab = new ArrayBuffer(8); const u = new Uint8Array(ab, 2, 4); u[0] = 9; const d = new DataView(ab);
  const c = structuredClone({ u, d, f: new Float64Array([1.5]) });
  return [c.u, c.u.byteOffset, c.d.buffer === c.u.buffer, c.u.buffer.byteLength, c.u.buffer !== ab, c.f];
});
t('buffer', () => structuredClone(Buffer.from('hi')));
t('regexp', () => { const r = /a+/gi; r.lastIndex = 3; const c = structuredClone(r); return [c, c.lastIndex, c !== r]; });
t('misc', () => structuredClone([new Date(0), new Map([[1, { a: 1 }]]), new Set([1]), Object(1n), Object('s'), Object(false), -0, 10n, null, undefined, NaN]));
t('getter/symbol key', () => structuredClone({ get g() { return 7; }, [Symbol('k')]: 1 }));
t('null proto', () => { const o = Object.create(null); o.a = 1; return structuredClone(o); });
t('map subclass', () => structuredClone(new (class extends Map {})([[1, 2]])));
t('map cycle', () => { const m = new Map(); m.set('m', m); const c = structuredClone(m); return c.get('m') === c; });
t('date identity', () => { const d = new Date(5); const c = structuredClone({ a: d, b: d }); return [c.a === c.b, c.a.getTime()]; });
t('bad options', () => structuredClone(1, 5));
t('bad transfer', () => structuredClone(1, { transfer: 5 }));
t('empty transfer', () => structuredClone({ a: 1 }, { transfer: [] }));
t('primitives', () => [structuredClone('s'), structuredClone(1), structuredClone(true), structuredClone(undefined)]);
