// Reads and writes into views that start inside their ArrayBuffer: pooled Buffer
// slices, offset Uint16Arrays, DataViews, for read/write/readv/writev. Only the
// viewed bytes move, at the view's own offset.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'sub');
fs.writeFileSync(file, '0123456789');
const pool = Buffer.from('abcdefghijkl');
const view = pool.subarray(3, 7);
const fd = fs.openSync(file, 'r+');
console.log(fs.readSync(fd, view, 1, 2, 4), pool.toString());
const u16 = new Uint16Array(new ArrayBuffer(16), 4, 2);
console.log(fs.readSync(fd, u16, 1, 2, 0), Buffer.from(u16.buffer).toString('hex'));
console.log(fs.writeSync(fd, pool.subarray(8, 10), 0, 2, 0), fs.readFileSync(file, 'utf8'));
fs.writev(fd, [pool.subarray(0, 1), new Uint8Array(pool.buffer, pool.byteOffset + 11, 1)], 5, () => {
  console.log(fs.readFileSync(file, 'utf8'));
  const a = pool.subarray(0, 2);
  const b = new DataView(pool.buffer, pool.byteOffset + 4, 3);
  fs.readv(fd, [a, b], 0, (e, n) => {
    console.log(n, pool.toString());
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true });
  });
});
