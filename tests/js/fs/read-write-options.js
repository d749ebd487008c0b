// fs.read with null options takes the defaults; util.promisify(fs.read/write/readv/
// writev) resolves to an object of the callback's values; writeFile on an fd or a
// FileHandle stops with an AbortError when its signal is aborted, before or during
// a big write.
const fs = require('fs');
const path = require('path');
const os = require('os');
const { promisify } = require('util');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-rw-options-'));
const file = path.join(dir, 'x.txt');
fs.writeFileSync(file, 'xyz\n');

(async () => {
  const fd = fs.openSync(file, 'r');
  await new Promise((done) => fs.read(fd, Buffer.alloc(8), null, (err, n, buf) => {
    console.log('read null options', err, n, buf.toString('utf8', 0, n).trim());
    done();
  }));
  const r = await promisify(fs.read)(fd, Buffer.alloc(4), 0, 4, 0);
  console.log('promisified read', Object.keys(r), r.bytesRead, r.buffer.toString().trim());
  const rv = await promisify(fs.readv)(fd, [Buffer.alloc(2), Buffer.alloc(2)], 0);
  console.log('promisified readv', Object.keys(rv), rv.bytesRead, rv.buffers.length);
  fs.closeSync(fd);

  const wfd = fs.openSync(path.join(dir, 'w.txt'), 'w');
  const w = await promisify(fs.write)(wfd, Buffer.from('abc'));
  console.log('promisified write', Object.keys(w), w.bytesWritten, w.buffer.toString());
  const wv = await promisify(fs.writev)(wfd, [Buffer.from('d'), Buffer.from('e')]);
  console.log('promisified writev', Object.keys(wv), wv.bytesWritten, wv.buffer.length);
  fs.closeSync(wfd);

  const target = path.join(dir, 'aborted.txt');
  const afd = fs.openSync(target, 'w');
  const ac = new AbortController();
  ac.abort();
  await new Promise((done) => fs.writeFile(afd, 'World', { signal: ac.signal }, (err) => {
    console.log('fd writeFile, aborted signal:', err.name, JSON.stringify(fs.readFileSync(target, 'utf8')));
    done();
  }));
  fs.closeSync(afd);

  const fh = await fs.promises.open(path.join(dir, 'big.txt'), 'w+');
  const later = new AbortController();
  process.nextTick(() => later.abort());
  try {
    await fh.writeFile(Buffer.alloc(4 * 1024 * 1024, 'a'), { signal: later.signal });
    console.log('big write finished');
  } catch (err) {
    console.log('FileHandle writeFile, aborted during:', err.name);
  }
  await fh.close();
  fs.rmSync(dir, { recursive: true });
})();
