// mkdir/rm/rmdir edges: force only forgives ENOENT, trailing slashes, the empty
// path (mkdir -p must fail, not loop), '/' and '..' inside recursive paths.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const f = (p) => path.join(dir, p);
const rel = (p) => (typeof p === 'string' && p.startsWith(dir) ? `<dir>${p.slice(dir.length)}` : p);
fs.writeFileSync(f('file'), '');
const tries = [
  ['rm ENOTDIR with force', () => fs.rmSync(f('file/x'), { force: true })],
  ['rm ENOTDIR', () => fs.rmSync(f('file/x'))],
  ['rm -rf under a missing dir', () => fs.rmSync(f('none/x'), { force: true, recursive: true })],
  ['rm empty path', () => fs.rmSync('')],
  ['rm file with trailing slash', () => fs.rmSync(`${f('file')}/`)],
  ['rmdir trailing slash', () => {
    fs.mkdirSync(f('rmd'));
    fs.rmdirSync(`${f('rmd')}/`);
    return fs.existsSync(f('rmd'));
  }],
  ['rm -r trailing slash', () => {
    fs.mkdirSync(f('rmd2/a'), { recursive: true });
    fs.rmSync(`${f('rmd2')}/`, { recursive: true });
    return fs.existsSync(f('rmd2'));
  }],
  ['mkdir -p over a file', () => fs.mkdirSync(f('file'), { recursive: true })],
  ['mkdir -p /', () => fs.mkdirSync('/', { recursive: true })],
  ['mkdir /', () => fs.mkdirSync('/')],
  ['mkdir -p empty path', () => fs.mkdirSync('', { recursive: true })],
  ['mkdir -p with .. and .', () => rel(fs.mkdirSync(f('d1/../d2/./d3'), { recursive: true }))],
];
for (const [label, fn] of tries) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.syscall, JSON.stringify(rel(e.path)), rel(e.message.split(dir).join('<dir>')));
  }
}
fs.mkdir('', { recursive: true }, (e) => {
  console.log('cb mkdir -p empty path', e.code, e.syscall, JSON.stringify(e.path));
  fs.promises.mkdir('', { recursive: true }).catch((e) => {
    console.log('p mkdir -p empty path', e.code, e.syscall, JSON.stringify(e.path));
    fs.rmSync(dir, { recursive: true });
  });
});
