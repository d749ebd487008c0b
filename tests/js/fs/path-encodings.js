// The hot calls (stat, lstat, readFile) copy an ASCII string path out of V8 in one
// piece and take every other path the long way: Latin-1 and non-Latin-1 names,
// Buffer and URL paths, NUL bytes, a path too long for the kernel (which also
// grows the reused copy buffer past what it keeps), and a short one after it.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-path-enc-'));
const names = ['plain.txt', '\u00e9-latin1.txt', '\u65e5\u672c.txt', 'emoji-\u{1f600}.txt', 'x'.repeat(200)];

(async () => {
  for (const n of names) {
    const p = path.join(dir, n);
    fs.writeFileSync(p, n);
    const s = await fs.promises.stat(p);
    const text = await fs.promises.readFile(p, 'utf8');
    const buf = await fs.promises.readFile(p);
    const viaBuffer = await fs.promises.stat(Buffer.from(p));
    const viaUrl = await fs.promises.lstat(new URL(`file://${p}`));
    console.log(JSON.stringify(n.slice(0, 12)), s.size, text === n, buf.toString() === n,
      viaBuffer.size, viaUrl.size);
  }
  for (const bad of ['a\0b', Buffer.from('a\0b')]) {
    await fs.promises.stat(bad).then(() => console.log('no error'), (e) => console.log('NUL:', e.code));
  }
  await fs.promises.stat(path.join(dir, 'missing-\u00e9')).catch((e) =>
    console.log(e.code, e.syscall, e.path === path.join(dir, 'missing-\u00e9')));
  await fs.promises.readFile(path.join(dir, 'missing-\u65e5')).catch((e) =>
    console.log(e.code, e.syscall, e.path === path.join(dir, 'missing-\u65e5')));
  await fs.promises.stat(path.join(dir, 'y'.repeat(70000))).catch((e) => console.log('long:', e.code));
  console.log('after long:', (await fs.promises.stat(dir)).isDirectory());
  fs.rmSync(dir, { recursive: true });
})();
