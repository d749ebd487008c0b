// Many writes to one FileHandle in flight at once (Promise.all) at explicit
// positions, and many concurrent reads, then the content checked; plus the
// FileHandle's life: fd, close() twice, use after close, the 'close' event.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'c');

(async () => {
  const fh = await fs.promises.open(file, 'w+');
  const N = 200;
  const SIZE = 1000;
  // Block i holds SIZE copies of the letter for i, written in reverse order.
  const letter = (i) => String.fromCharCode(65 + (i % 26));
  const writes = [];
  for (let i = N - 1; i >= 0; i--) {
    writes.push(fh.write(Buffer.alloc(SIZE, letter(i)), 0, SIZE, i * SIZE));
  }
  const results = await Promise.all(writes);
  console.log('writes', results.length, results.every((r) => r.bytesWritten === SIZE));
  const data = fs.readFileSync(file);
  let ok = data.length === N * SIZE;
  for (let i = 0; i < N && ok; i++) {
    ok = data.subarray(i * SIZE, (i + 1) * SIZE).every((c) => c === letter(i).charCodeAt(0));
  }
  console.log('content', data.length, ok);

  // Concurrent strings at positions, and concurrent positioned reads.
  await Promise.all(Array.from({ length: 50 }, (_, i) => fh.write(`<${String(i).padStart(2, '0')}>`, i * 4)));
  const reads = await Promise.all(Array.from({ length: 50 }, (_, i) => fh.read(Buffer.alloc(4), 0, 4, i * 4)));
  console.log('reads', reads.every((r, i) => r.buffer.toString() === `<${String(i).padStart(2, '0')}>`));
  // Mixed callback writes on the same fd, all in flight together.
  await Promise.all(Array.from({ length: 20 }, (_, i) => new Promise((resolve, reject) => {
    fs.write(fh.fd, Buffer.from([48 + (i % 10)]), 0, 1, 300 + i, (err) => (err ? reject(err) : resolve()));
  })));
  console.log('callback writes', (await fh.read(Buffer.alloc(20), 0, 20, 300)).buffer.toString());

  // Appends through an 'a' handle land at the end whatever the order.
  const ah = await fs.promises.open(file, 'a');
  await Promise.all(Array.from({ length: 10 }, () => ah.write('z')));
  await ah.close();
  console.log('appends', fs.statSync(file).size - N * SIZE, fs.readFileSync(file, 'latin1').endsWith('z'.repeat(10)));

  // FileHandle life.
  console.log('fd is a number', typeof fh.fd, fh.fd > 2);
  let closed = 0;
  fh.on('close', () => closed++);
  const c1 = fh.close();
  const c2 = fh.close();
  await c1;
  await c2;
  console.log('closed', fh.fd, closed);
  await fh.close();
  try {
    await fh.stat();
  } catch (e) {
    console.log('stat after close', e.code, e.syscall, e.message);
  }
  try {
    await fh.write('x');
  } catch (e) {
    console.log('write after close', e.code, e.syscall);
  }
  try {
    await fs.promises.readFile(fh);
  } catch (e) {
    console.log('readFile(closed handle)', e.code);
  }
  // A handle closed via Symbol.asyncDispose.
  const dh = await fs.promises.open(file, 'r');
  await dh[Symbol.asyncDispose]();
  console.log('asyncDispose closes', dh.fd);
  fs.rmSync(dir, { recursive: true });
  console.log('done');
})();
