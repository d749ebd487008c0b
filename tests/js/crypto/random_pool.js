// randomBytes / randomFill with large sizes (drawn on the work pool): results
// arrive after the calling code, fill exactly the range asked for, and carry
// every byte value; many at once all complete.
'use strict';
const crypto = require('crypto');
const assert = require('assert');

let sync = true;
const big = new Promise((resolve) => {
  crypto.randomBytes(1 << 20, (err, buf) => {
    assert.ifError(err);
    resolve([Buffer.isBuffer(buf), buf.length, !sync, new Set(buf).size]);
  });
});

// randomFill of a sub-range of a large Float64Array: the edges stay untouched.
const f = new Float64Array(1 << 15);
const fill = new Promise((resolve) => {
  crypto.randomFill(f, 1, f.length - 2, (err, out) => {
    assert.ifError(err);
    const bytes = new Uint8Array(f.buffer, 8, f.byteLength - 16);
    resolve([out === f, f[0], f[f.length - 1], bytes.filter((b) => b !== 0).length > bytes.length * 0.99]);
  });
});

const many = [];
for (let i = 0; i < 16; i++) {
  many.push(new Promise((resolve) => {
    crypto.randomBytes(65536, (err, buf) => {
      assert.ifError(err);
      resolve(buf.toString('hex', 0, 16));
    });
  }));
}
sync = false;

Promise.all([big, fill, Promise.all(many)]).then(([b, r, m]) => {
  console.log('randomBytes buffer, length, async, distinct byte values:', ...b);
  console.log('randomFill same array, edges, filled:', ...r);
  console.log('16 concurrent draws, distinct:', new Set(m).size);
});
