// File positions as Node 20 treats them. fs.read/readSync take numbers or BigInts
// (validated); writes, readv and FileHandle reads use a position only when it is a
// non-negative safe integer, and anything else (a BigInt too) means "at the file
// position" without an error.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'w');
const show = (label, fd) => {
  const b = Buffer.alloc(12);
  fs.readSync(fd, b, 0, 12, 0);
  console.log(label, JSON.stringify(b.toString('latin1')));
};
const once = (fn) => new Promise((resolve) => fn(resolve));

(async () => {
  const fd = fs.openSync(file, 'w+');
  fs.writeSync(fd, 'aaaaaaaaaaaa');
  fs.writeSync(fd, 'B', 1n);
  show('writeSync string, BigInt position', fd);
  fs.writeSync(fd, 'C', 2);
  show('writeSync string, number position', fd);
  fs.writeSync(fd, 'D', '3');
  show('writeSync string, string position', fd);
  fs.writeSync(fd, Buffer.from('E'), 0, 1, 4n);
  fs.writeSync(fd, Buffer.from('F'), 0, 1, 5.5);
  fs.writeSync(fd, Buffer.from('G'), 0, 1, -1);
  fs.writeSync(fd, Buffer.from('H'), 0, 1, -2);
  fs.writeSync(fd, Buffer.from('I'), 0, 1, 6);
  show('writeSync buffer positions', fd);
  fs.writevSync(fd, [Buffer.from('J')], 7n);
  fs.writevSync(fd, [Buffer.from('K')], 8);
  show('writevSync', fd);
  await once((k) => fs.write(fd, Buffer.from('L'), 0, 1, 9n, k));
  await once((k) => fs.write(fd, 'M', 10, k));
  await once((k) => fs.writev(fd, [Buffer.from('N')], 11, k));
  show('write/writev callbacks', fd);
  console.log('size', fs.fstatSync(fd).size);
  fs.closeSync(fd);

  fs.writeFileSync(file, '0123456789');
  const fh = await fs.promises.open(file, 'r+');
  for (const p of [5n, 7, '1', 1.5, -3]) {
    const r = await fh.read(Buffer.alloc(2), 0, 2, p);
    console.log('fh.read', typeof p, p, r.bytesRead, r.buffer.toString('latin1'));
  }
  let r = await fh.read({ buffer: Buffer.alloc(2), position: 3n });
  console.log('fh.read options BigInt', r.bytesRead);
  r = await fh.write(Buffer.from('X'), 0, 1, 2n);
  console.log('fh.write BigInt', r.bytesWritten, fs.readFileSync(file, 'latin1'));
  r = await fh.write('Y', 0);
  console.log('fh.write string at 0', r.bytesWritten, fs.readFileSync(file, 'latin1'));
  const bufs = [Buffer.alloc(3)];
  r = await fh.readv(bufs, 4);
  console.log('fh.readv', r.bytesRead, bufs[0].toString());
  r = await fh.writev([Buffer.from('ZZ')], 8);
  console.log('fh.writev', r.bytesWritten, fs.readFileSync(file, 'latin1'));
  await fh.close();

  const rfd = fs.openSync(file, 'r');
  const b = Buffer.alloc(2);
  for (const p of [1n, '1', 1.5, -2, -1n, -2n, 2 ** 53, 2n ** 63n, 2n ** 63n - 1n, null, undefined]) {
    try {
      const n = fs.readSync(rfd, b, 0, 2, p);
      console.log('readSync', typeof p, String(p), n, b.toString('latin1', 0, n));
    } catch (e) {
      console.log('readSync', typeof p, String(p), e.code, e.message);
    }
  }
  for (const p of [6n, 3, '1']) {
    try {
      await once((k) => fs.read(rfd, b, 0, 2, p, (err, n) => {
        console.log('read cb', typeof p, String(p), err, n, b.toString('latin1', 0, n));
        k();
      }));
    } catch (e) {
      console.log('read cb throws', e.code);
    }
  }
  const vb = [Buffer.alloc(2)];
  console.log('readvSync number', fs.readvSync(rfd, vb, 2), vb[0].toString());
  fs.closeSync(rfd);
  fs.rmSync(dir, { recursive: true });
  console.log('done');
})();
