// Buffer.from(string) in UTF-8 writes into the shared pool with one native call:
// contents, lengths and where each buffer lands in the pool must be node's (a new
// pool when 4 bytes a UTF-16 unit would not fit, the string measured first when
// that worst case is half a pool or more), for ASCII, non-ASCII, lone surrogates,
// explicit 'utf8'/'utf-8', near the pool's end, and after Buffer.poolSize changes.
// Results are printed at the end: console.log may itself take pool memory.
'use strict';
const lines = [];
const log = (...a) => lines.push(a.join(' '));
const hex = (b) => b.toString('hex');
const where = (b) => `${b.length}@${b.byteOffset}/${b.buffer.byteLength}`;
// Until a new pool begins with a half-pool allocation: the pool is then half used.
const fresh = () => {
  for (let i = 0; i < 64; i++) if (Buffer.allocUnsafe((Buffer.poolSize >>> 1) - 1).byteOffset === 0) return;
  throw new Error('no new pool');
};
fresh();
for (const s of ['a'.repeat(31), 'b'.repeat(32), 'hello wörld ☃ — '.repeat(3), 'x\uD800y'.repeat(12), '\uDC00'.repeat(40), '😀'.repeat(20)]) {
  const b = Buffer.from(s);
  log(where(b), hex(b).slice(0, 24), b.toString() === s.toWellFormed());
}
for (const e of ['utf8', 'utf-8', 'UTF8', undefined, '']) {
  const b = Buffer.from('é'.repeat(40), e);
  log(String(e), b.length, hex(b.subarray(0, 4)), b.byteOffset % 8);
}
// Near the pool's end: 104 bytes left.
fresh();
Buffer.allocUnsafe(4096 - 8 - 100);
log(where(Buffer.from('z'.repeat(20))), where(Buffer.from('y'.repeat(30))));
fresh();
Buffer.allocUnsafe(4096 - 8 - 100);
log(where(Buffer.from('z'.repeat(100))), where(Buffer.from('q'.repeat(50))));
// Long strings: over half a pool at 4 bytes a unit, measured; over half a pool
// measured, their own memory.
fresh();
log(where(Buffer.from('m'.repeat(1100))), where(Buffer.from('é'.repeat(1400))), where(Buffer.from('L'.repeat(5000))));
// A smaller pool.
Buffer.poolSize = 1024;
fresh();
const s1 = Buffer.from('s'.repeat(100));
const s2 = Buffer.from('t'.repeat(200));
log(where(s1), where(s2), s1.buffer === s2.buffer);
Buffer.poolSize = 8192;
// Writing into the pool never touches bytes of buffers handed out before.
fresh();
const keep = Buffer.from('k'.repeat(40));
const after = Buffer.from('m'.repeat(40));
log(keep.toString() === 'k'.repeat(40), after.toString() === 'm'.repeat(40), after.byteOffset - keep.byteOffset);
console.log(lines.join('\n'));
