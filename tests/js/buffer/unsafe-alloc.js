// Buffer.allocUnsafe / allocUnsafeSlow / from(big string) skip zero-filling, as in
// node; every other allocation is still zero-filled, even right after unsafe ones
// reused freed memory.
const dirty = [];
for (let i = 0; i < 64; i++) dirty.push(Buffer.allocUnsafe(64 * 1024).fill(0xab));
dirty.length = 0;
let nonzero = 0;
for (let i = 0; i < 64; i++) {
  if (Buffer.alloc(64 * 1024).some((b) => b !== 0)) nonzero++;
  if (new Uint8Array(64 * 1024).some((b) => b !== 0)) nonzero++;
  if (new Uint8Array(new ArrayBuffer(64 * 1024)).some((b) => b !== 0)) nonzero++;
  Buffer.allocUnsafe(64 * 1024).fill(0xcd);
}
console.log('zeroed allocations with stray bytes:', nonzero);
console.log('sizes:', Buffer.allocUnsafe(10000).length, Buffer.allocUnsafeSlow(3).length, Buffer.allocUnsafe(0).length);
console.log('alloc with fill:', Buffer.alloc(9000, 'ab').toString('latin1', 8990), Buffer.alloc(5000, 7).every((b) => b === 7));
const s = 'x'.repeat(10000) + 'é';
console.log('from long string:', Buffer.from(s).length, Buffer.from(s).toString().endsWith('xé'));
try { Buffer.alloc(10, 'zz', 'hex'); } catch (e) { console.log('bad fill:', e.code); }
