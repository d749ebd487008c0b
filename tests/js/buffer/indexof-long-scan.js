// buf.indexOf over haystacks of a kilobyte and more (searched a cache line a step
// where the CPU allows): a byte or a needle's first byte found at every place of the
// unrolled block and the tail, from every alignment, in views that start mid-buffer
// and end short of it, and absent.
const { createHash } = require('crypto');
const base = Buffer.alloc(4096 + 64, 'abcdefghij');
const results = [];
for (const len of [1023, 1024, 1025, 1279, 2048, 3001, 4096]) {
  for (let off = 0; off < 64; off += 7) {
    const view = base.subarray(off, off + len);
    results.push(view.indexOf(0x78), view.indexOf('xyz'), view.indexOf(Buffer.from('q')));
    for (const at of [0, 63, 64, 65, 130, 255, 256, 511, 700, len - 300, len - 65, len - 64, len - 2, len - 1]) {
      if (at < 0 || at >= len) continue;
      view[at] = 0x78;
      results.push(view.indexOf(0x78), view.indexOf('x', at > 5 ? at - 5 : 0), view.indexOf('xbc'),
        view.indexOf(0x78, at + 1), view.includes('x'));
      view[at] = 'abcdefghij'.charCodeAt((off + at) % 10); // as Buffer.alloc filled it
    }
  }
}
// The bytes past a view's end are not part of it.
const tail = Buffer.alloc(2048, 'a');
tail[2047] = 0x7a;
console.log(tail.subarray(0, 2047).indexOf(0x7a), tail.indexOf(0x7a), tail.subarray(1, 2047).indexOf('z'));
console.log(results.length, createHash('sha256').update(results.join(',')).digest('hex').slice(0, 16));
console.log(results.slice(0, 12).join(','));
