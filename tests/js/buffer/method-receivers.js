// Buffer.prototype methods given a wrong `this` (or called with `new`, as plain
// functions can be) throw node's errors: ERR_INVALID_ARG_TYPE from the search, copy,
// compare and per-encoding methods, V8's TypeError from equals and fill.
'use strict';
const names = ['indexOf', 'lastIndexOf', 'includes', 'copy', 'compare', 'equals', 'fill',
  'utf8Slice', 'latin1Slice', 'hexSlice', 'base64Slice', 'ucs2Slice', 'asciiSlice',
  'utf8Write', 'hexWrite', 'latin1Write', 'swap16', 'swap32', 'toJSON', 'subarray'];
const args = { fill: [1], equals: [Buffer.alloc(1)], compare: [Buffer.alloc(1)], copy: [Buffer.alloc(1)],
  indexOf: [1], lastIndexOf: [1], includes: [1], utf8Write: ['a'], hexWrite: ['aa'], latin1Write: ['a'] };
const describe = (e) => `${e.name}${e.code ? ` [${e.code}]` : ''}: ${e.message}`;
for (const name of names) {
  const f = Buffer.prototype[name];
  const out = [];
  for (const self of [{}, [1, 2], 'str', Buffer.from([1, 2])]) {
    try {
      const v = f.apply(self, args[name] || []);
      out.push(`ok ${typeof v === 'object' ? Object.prototype.toString.call(v) : String(v)}`);
    } catch (e) {
      out.push(describe(e));
    }
  }
  console.log(name, f.length, out.join(' | '));
}
for (const name of ['indexOf', 'lastIndexOf', 'copy', 'compare']) {
  try { new Buffer.prototype[name](1, 'str'); } catch (e) { console.log('new', name, describe(e)); }
}
const b = Buffer.from('abc');
console.log(b.latin1Write('xy', 1), b.toString(), b.hexSlice(0, 2), b.utf8Slice());
for (const v of [() => {}, {}, []]) {
  try { b.indexOf(v); } catch (e) { console.log(describe(e)); }
}
