// fs.promises.readFile sizes its first read from the files read before it and hands
// a buffer the file nearly fills to the Buffer without copying
// (src/backend/op/read_file.rs, src/binding/fs/read_file.rs). Every size around
// those edges must come back whole and exact, after a run of small files has
// shrunk the first read and after a big one has grown it again, and a file that
// is not regular (/proc) must still be read to its end.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-sizes-'));
let seed = 7;
const bytes = (n) => Buffer.from(Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff));
const sizes = [0, 1, 100, 3000, 4095, 4096, 4097, 4159, 4160, 4161, 5000, 8192, 65471, 65472, 65473, 65536, 200000];
const files = sizes.map((n) => {
  const file = path.join(dir, `f${n}`);
  fs.writeFileSync(file, bytes(n));
  return file;
});
const small = path.join(dir, 'small');
fs.writeFileSync(small, bytes(4096));

async function check(label) {
  const bad = [];
  for (const [i, file] of files.entries()) {
    // Small files between the others keep pulling the first read down.
    for (let k = 0; k < 3; k++) await fs.promises.readFile(small);
    const got = await fs.promises.readFile(file);
    if (!got.equals(fs.readFileSync(file)) || got.length !== sizes[i] || got.buffer.byteLength < got.length) bad.push(sizes[i]);
  }
  console.log(label, bad.length === 0 ? 'all equal' : `differ: ${bad}`);
}

(async () => {
  for (let k = 0; k < 40; k++) await fs.promises.readFile(small);
  await check('after small files');
  await check('again');
  // Many at once, mixed.
  const all = await Promise.all(files.concat(files).map((f) => fs.promises.readFile(f)));
  console.log('at once', all.every((b, i) => b.equals(fs.readFileSync(files[i % files.length]))));
  const status = await fs.promises.readFile('/proc/self/status', 'latin1');
  console.log('proc', status.startsWith('Name:'), status.includes('\nPid:'), status.endsWith('\n'));
  fs.rmSync(dir, { recursive: true });
})();
