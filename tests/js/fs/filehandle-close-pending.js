// FileHandle.close() with operations in flight: Node waits for them (the fd stays
// open and valid until the last one ends), emits 'close' from the close() call,
// still accepts new operations meanwhile, and closes the fd afterwards.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'big');
const SIZE = 8 << 20;
fs.writeFileSync(file, Buffer.alloc(SIZE, 'x'));

(async () => {
  const fh = await fs.promises.open(file);
  fh.on('close', () => console.log('close event, fd still open:', fh.fd !== -1));
  const p = fh.close();
  console.log('no operations pending: closed at once', fh.fd);
  await p;

  const fh2 = await fs.promises.open(file);
  fh2.on('close', () => console.log('close event 2, fd still open:', fh2.fd !== -1));
  const ops = [fh2.read(Buffer.alloc(SIZE), 0, SIZE, 0), fh2.readFile(), fh2.stat()];
  const closing = fh2.close();
  console.log('fd while operations are pending is kept', fh2.fd !== -1);
  const late = await fh2.stat().then(() => 'ok', (e) => e.code);
  console.log('an operation started during the pending close', late);
  const results = await Promise.allSettled(ops);
  console.log(results.map((r) => `${r.status}:${r.reason ? r.reason.code : (r.value.bytesRead ?? r.value.length ?? r.value.size)}`).join(' '));
  await closing;
  console.log('closed', fh2.fd);

  const fh3 = await fs.promises.open(file);
  const pending = fh3.readFile();
  await fh3.close();
  console.log('close resolves after the read', fh3.fd, (await pending).length);

  const fh4 = await fs.promises.open(file);
  const c1 = fh4.close();
  const c2 = fh4.close();
  console.log('second close returns another promise', c1 !== c2, await c1, await c2);
  fs.rmSync(dir, { recursive: true });
})();
