// readv/writev in the three flavours: scatter/gather over several buffers (typed
// arrays of different kinds), explicit positions vs the file position, short reads
// at the end of the file, empty lists, and the (bytes, buffers) values returned.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'v');

// ---- sync ----
const fd = fs.openSync(file, 'w+');
console.log('writevSync', fs.writevSync(fd, [Buffer.from('abc'), new Uint8Array([100, 101]), Buffer.from('fgh')]));
console.log('writevSync at position', fs.writevSync(fd, [Buffer.from('XY')], 1));
console.log('writevSync continues at file position', fs.writevSync(fd, [Buffer.from('!')]));
console.log('writevSync empty', fs.writevSync(fd, []));
console.log('content', fs.readFileSync(file, 'utf8'));
const a = Buffer.alloc(2);
const b = Buffer.alloc(3);
const c = new Uint16Array(2);
console.log('readvSync', fs.readvSync(fd, [a, b, c], 0), a.toString(), b.toString(), Buffer.from(c.buffer).toString());
const d = Buffer.alloc(4);
const e = Buffer.alloc(4);
console.log('readvSync short at end', fs.readvSync(fd, [d, e], 6), JSON.stringify(d.toString('latin1') + e.toString('latin1')));
try {
  fs.readvSync(fd, [], 0);
} catch (err) {
  console.log('readvSync empty list', err.code, err.syscall);
}
fs.closeSync(fd);

// ---- callback ----
fs.open(file, 'r+', (err, fd) => {
  const bufs = [Buffer.from('12'), Buffer.from('345')];
  fs.writev(fd, bufs, 2, (err, n, given) => {
    console.log('cb writev', err, n, given === bufs);
    fs.writev(fd, [Buffer.from('~')], (err, n) => {
      console.log('cb writev at file position', err, n, fs.readFileSync(file, 'utf8'));
      const x = Buffer.alloc(3);
      const y = Buffer.alloc(3);
      fs.readv(fd, [x, y], 1, (err, n, got) => {
        console.log('cb readv', err, n, got.length, x.toString(), y.toString());
        fs.readv(fd, [Buffer.alloc(2)], (err, n, got) => {
          console.log('cb readv at file position', err, n, got[0].toString());
          fs.writev(fd, [], 0, (err, n) => {
            console.log('cb writev empty', err, n);
            fs.readv(fd, [], 0, (err, n) => {
              console.log('cb readv empty', err.code, n);
              fs.close(fd, promises);
            });
          });
        });
      });
    });
  });
});

// ---- promises ----
async function promises() {
  const fh = await fs.promises.open(file, 'w+');
  let r = await fh.writev([Buffer.from('hello '), Buffer.from('world')]);
  console.log('p writev', r.bytesWritten, r.buffers.length);
  r = await fh.writev([Buffer.from('W')], 6);
  console.log('p writev at position', r.bytesWritten, fs.readFileSync(file, 'utf8'));
  const p = Buffer.alloc(5);
  const q = Buffer.alloc(10);
  r = await fh.readv([p, q], 0);
  console.log('p readv', r.bytesRead, p.toString(), JSON.stringify(q.toString('latin1', 0, r.bytesRead - 5)));
  r = await fh.writev([]);
  console.log('p writev empty', r.bytesWritten);
  await fh.readv([]).catch((err) => console.log('p readv empty', err.code));
  await fh.close();
  fs.rmSync(dir, { recursive: true });
  console.log('done');
}
