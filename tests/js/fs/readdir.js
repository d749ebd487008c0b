// readdir in the three flavours: names sorted as Node returns them, encodings,
// withFileTypes (Dirent with its predicates, name and parentPath), recursive
// listings (relative paths; Dirents with their parent directory).
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const f = (...n) => path.join(dir, ...n);
fs.mkdirSync(f('sub', 'deeper'), { recursive: true });
fs.writeFileSync(f('b.txt'), 'b');
fs.writeFileSync(f('a.txt'), 'a');
fs.writeFileSync(f('Z'), 'z');
fs.writeFileSync(f('sub', 'inner.txt'), 'i');
fs.writeFileSync(f('sub', 'deeper', 'leaf'), 'l');
fs.symlinkSync('a.txt', f('link'));
fs.symlinkSync('sub', f('dirlink'));

const sorted = (a) => [...a].sort();
const showDirents = (label, list) => {
  const rows = list.map((d) => {
    const kinds = ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isBlockDevice',
      'isCharacterDevice'].filter((k) => d[k]()).join('+');
    return `${d.name}:${kinds}:${path.relative(dir, d.parentPath) || '.'}:${d.path === d.parentPath}`;
  });
  console.log(label, list.every((d) => d instanceof fs.Dirent), sorted(rows).join(' '));
};

// ---- sync ----
console.log('readdirSync', fs.readdirSync(dir).join(','));
console.log('readdirSync buffer', fs.readdirSync(dir, 'buffer').every(Buffer.isBuffer),
  fs.readdirSync(dir, { encoding: 'buffer' })[0].toString());
console.log('readdirSync hex', fs.readdirSync(f('sub'), { encoding: 'hex' }).join(','));
showDirents('readdirSync withFileTypes', fs.readdirSync(dir, { withFileTypes: true }));
console.log('readdirSync recursive', sorted(fs.readdirSync(dir, { recursive: true })).join(','));
showDirents('readdirSync recursive withFileTypes', fs.readdirSync(dir, { recursive: true, withFileTypes: true }));
console.log('readdirSync empty', fs.readdirSync(f('sub', 'deeper', '..', 'deeper', '..')).length);
console.log('readdirSync Buffer path', fs.readdirSync(Buffer.from(f('sub'))).join(','));
console.log('readdirSync URL', fs.readdirSync(new URL(`file://${f('sub')}`)).join(','));
const d0 = fs.readdirSync(dir, { withFileTypes: true })[0];
console.log('Dirent keys', Object.keys(d0).sort().join(','));

// ---- callback ----
fs.readdir(dir, (err, names) => {
  console.log('cb readdir', err, names.join(','));
  fs.readdir(dir, { withFileTypes: true }, (err, list) => {
    showDirents('cb readdir withFileTypes', list);
    fs.readdir(dir, { recursive: true }, (err, names) => {
      console.log('cb readdir recursive', err, sorted(names).join(','));
      fs.readdir(f('sub'), 'buffer', (err, names) => {
        console.log('cb readdir buffer', err, names.map(String).join(','));
        promises();
      });
    });
  });
});

// ---- promises ----
async function promises() {
  const p = fs.promises;
  console.log('p readdir', (await p.readdir(dir)).join(','));
  showDirents('p readdir withFileTypes', await p.readdir(f('sub'), { withFileTypes: true }));
  console.log('p readdir recursive', sorted(await p.readdir(dir, { recursive: true })).join(','));
  showDirents('p readdir recursive withFileTypes', await p.readdir(f('sub'), { recursive: true, withFileTypes: true }));
  fs.rmSync(dir, { recursive: true });
  console.log('done');
}
