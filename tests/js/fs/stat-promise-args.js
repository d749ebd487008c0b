// fs.promises.stat and lstat with every kind of argument: the common call (an ASCII
// string path, no options) and the others (a non-ASCII or relative path, a Buffer,
// a file URL, options with bigint true or false, undefined options, a bad path type,
// a NUL in the path, a missing file) give node's values and errors; the functions'
// name and length are node's, they have no prototype and are no constructors.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const fsp = fs.promises;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'f.txt');
const wide = path.join(dir, 'é✓.txt');
const link = path.join(dir, 'link');
fs.writeFileSync(file, 'twelve bytes');
fs.writeFileSync(wide, 'nine byte');
fs.symlinkSync(file, link);

for (const name of ['stat', 'lstat']) {
  const fn = fsp[name];
  let ctor;
  try { new fn(file); ctor = 'constructs'; } catch (e) { ctor = e.constructor.name; }
  console.log(name, fn.name, fn.length, typeof fn, 'prototype' in fn, ctor);
}

const show = (st) => `${st.constructor.name} ${typeof st.size} ${st.size} ${st.isFile()}${st.isSymbolicLink()}`;
const cases = [
  ['ascii', [file]],
  ['non-ascii', [wide]],
  ['relative', [path.relative(process.cwd(), file)]],
  ['buffer', [Buffer.from(file)]],
  ['url', [pathToFileURL(file)]],
  ['bigint', [file, { bigint: true }]],
  ['bigint false', [file, { bigint: false }]],
  ['undefined options', [file, undefined]],
  ['link', [link]],
  ['number', [42]],
  ['nul', [`${file}\0x`]],
  ['missing', [path.join(dir, 'nope')]],
];
(async () => {
  for (const name of ['stat', 'lstat']) {
    for (const [label, args] of cases) {
      let p;
      try {
        p = fsp[name](...args);
      } catch (e) {
        console.log(name, label, 'threw', e.code);
        continue;
      }
      console.log(name, label, p instanceof Promise ? 'promise' : typeof p);
      try {
        console.log('  ', show(await p));
      } catch (e) {
        console.log('  ', e.code, e.syscall, e.path === undefined ? '' : path.basename(e.path));
      }
    }
  }
  fs.rmSync(dir, { recursive: true });
})();
