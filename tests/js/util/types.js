// util.types: each check against values of every kind.
'use strict';
const { types } = require('util');
const values = {
  date: new Date(), regexp: /x/, error: new TypeError('x'), promise: Promise.resolve(), map: new Map(),
  set: new Set(), weakmap: new WeakMap(), weakset: new WeakSet(), mapIter: new Map().keys(),
  setIter: new Set().values(), arrayBuffer: new ArrayBuffer(1), shared: new SharedArrayBuffer(1),
  dataView: new DataView(new ArrayBuffer(1)), u8: new Uint8Array(1), u8c: new Uint8ClampedArray(1),
  i16: new Int16Array(1), f64: new Float64Array(1), b64: new BigInt64Array(1), proxy: new Proxy({}, {}),
  args: (function() { return arguments; })(), boxedNum: new Number(1), boxedStr: new String(''),
  boxedBool: new Boolean(false), boxedBig: Object(1n), boxedSym: Object(Symbol()), asyncFn: async () => {},
  genFn: function* () {}, genObj: (function* () {})(), plain: {}, array: [], fn() {}, num: 1, str: 's', nil: null,
};
const checks = Object.keys(types).sort();
console.log(checks.join(' '));
for (const [name, value] of Object.entries(values)) {
  console.log(name.padEnd(12), checks.filter((c) => types[c](value)).join(' ') || '-');
}
console.log(require('util/types') === types);
