// Buffer.alloc(size) with a size alone takes a short range test: once that path
// is hot, every size still gets node's answer (zeroed bytes, its own ArrayBuffer
// of exactly `size` bytes, truncated fractions) and every bad size node's error.
'use strict';
let total = 0;
for (let i = 0; i < 200000; i++) total += Buffer.alloc(i & 127).length;
console.log(total);
const show = (size, ...rest) => {
  try {
    const b = Buffer.alloc(size, ...rest);
    console.log(String(size), b.length, b.buffer.byteLength, b.byteOffset, b.every((x) => x === 0), b instanceof Buffer);
  } catch (e) {
    console.log(String(size), e.name, e.code, e.message);
  }
};
for (const size of [0, 1, 64, 65, 2.5, -0, 4096, 9000]) show(size);
for (const size of [-1, -0.5, NaN, Infinity, -Infinity, 2 ** 32 + 1, '8', null, undefined, 8n, {}]) show(size);
// Two small allocations never share memory (no pool behind alloc).
const a = Buffer.alloc(16);
const b = Buffer.alloc(16);
a[0] = 1;
console.log(a.buffer === b.buffer, b[0]);
// A fill still goes the long way, and undefined fill is no fill.
console.log(Buffer.alloc(4, 'ab'), Buffer.alloc(4, undefined), Buffer.alloc(4, 0), Buffer.alloc(3, 'aabbcc', 'hex'));
show(-1, 1);
show(NaN, 'x');
