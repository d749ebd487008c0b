// Files past 2 GiB: a sparse 3 GiB file made with ftruncate, writes at number
// positions beyond 2**31 and 2**32 in the three flavours, reads back with BigInt
// positions (fs.read/readSync) and numbers (FileHandle), and sizes from fstat.
const fs = require('fs');
const os = require('os');
const path = require('path');

const GiB = 2 ** 30;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'sparse');

const fd = fs.openSync(file, 'w+');
fs.ftruncateSync(fd, 3 * GiB);
console.log('size after ftruncate', fs.fstatSync(fd).size, fs.fstatSync(fd, { bigint: true }).size);
console.log('sparse (few blocks)', fs.fstatSync(fd).blocks * 512 < GiB);
console.log('writeSync near 3 GiB', fs.writeSync(fd, Buffer.from('hello'), 0, 5, 3 * GiB - 5));
const b = Buffer.alloc(5);
console.log('readSync BigInt position', fs.readSync(fd, b, 0, 5, 3n * 2n ** 30n - 5n), b.toString());
console.log('readSync past the end', fs.readSync(fd, b, 0, 5, 3n * 2n ** 30n));
console.log('write past 4 GiB', fs.writeSync(fd, 'four', 4 * GiB + 1));
console.log('size now', fs.fstatSync(fd).size, String(fs.statSync(file, { bigint: true }).size));
console.log('readSync after 4 GiB', fs.readSync(fd, b, 0, 5, 4n * 2n ** 30n), JSON.stringify(b.toString('latin1')));
// A BigInt write position is ignored by Node 20: the write lands at the file
// position (here 0, since positioned writes do not move it).
fs.writeSync(fd, Buffer.from('start'), 0, 5, 2n ** 31n + 7n);
fs.readSync(fd, b, 0, 5, 0n);
console.log('BigInt write position lands at the file position', b.toString());
fs.closeSync(fd);

fs.open(file, 'r+', (err, fd) => {
  fs.write(fd, Buffer.from('callback'), 0, 8, 2 * GiB + 100, (err, n) => {
    console.log('cb write past 2 GiB', err, n);
    const rb = Buffer.alloc(8);
    fs.read(fd, rb, 0, 8, 2n * 2n ** 30n + 100n, (err, n) => {
      console.log('cb read BigInt', err, n, rb.toString());
      fs.fstat(fd, { bigint: true }, (err, st) => {
        console.log('cb fstat bigint size', err, st.size);
        fs.ftruncate(fd, 3 * GiB, (err) => {
          console.log('cb ftruncate back to 3 GiB', err, fs.fstatSync(fd).size);
          fs.close(fd, promises);
        });
      });
    });
  });
});

async function promises() {
  const fh = await fs.promises.open(file, 'r+');
  const r = await fh.write(Buffer.from('promise'), 0, 7, 3 * GiB - 7);
  console.log('p write at the end', r.bytesWritten);
  const { bytesRead, buffer } = await fh.read(Buffer.alloc(7), 0, 7, 3 * GiB - 7);
  console.log('p read', bytesRead, buffer.toString());
  console.log('p stat size', (await fh.stat()).size);
  await fh.truncate(2 * GiB + 1);
  console.log('p truncate', (await fh.stat({ bigint: true })).size);
  await fh.close();
  fs.rmSync(dir, { recursive: true });
  console.log('done', fs.existsSync(dir));
}
