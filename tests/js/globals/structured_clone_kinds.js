// structuredClone's classification of every kind of object (one native call now):
// what clones to what, and what throws DataCloneError.
function* gen() {}
const cases = {
  'proxy of array': new Proxy([1], {}), 'proxy of object': new Proxy({}, {}), promise: Promise.resolve(1),
  weakmap: new WeakMap(), weakset: new WeakSet(), 'map iterator': new Map().keys(), 'set iterator': new Set().values(),
  generator: gen(), arguments: (function () { return arguments; })(1, 2), 'boxed symbol': Object(Symbol('s')),
  weakref: new WeakRef({}), registry: new FinalizationRegistry(() => {}),
  'boxed number': Object(1), 'boxed string': Object('s'), 'boxed bool': Object(false), 'boxed bigint': Object(1n),
  date: new Date(0), regexp: /a+/gi, arraybuffer: new ArrayBuffer(3), 'uint16 view': new Uint16Array([1, 2]),
  dataview: new DataView(new ArrayBuffer(2)), map: new Map([[1, { a: 1 }]]), set: new Set([1, 'x']),
  error: new RangeError('bad'), 'array with hole': [1, , 3], object: { a: [1, { b: 2 }], c: null },
  'class instance': new (class K { constructor() { this.x = 1; } })(),
};
for (const [name, v] of Object.entries(cases)) {
  try {
    const c = structuredClone(v);
    const proto = Object.getPrototypeOf(c);
    console.log(name, '->', proto && proto.constructor && proto.constructor.name, JSON.stringify(c instanceof Error ? c.message : c, (k, x) => typeof x === 'bigint' ? `${x}n` : x));
  } catch (e) {
    // Only the kind: V8 words some messages from the class ('[object Generator]'), coil not yet.
    console.log(name, 'throws', e.name);
  }
}
