// The order of recursive readdir, as Node 20 lists it: breadth first for readdirSync
// and fs.readdir, depth first (last found directory next) for fs.promises.readdir;
// names follow a symlink to a directory, Dirents do not.
const fs=require('fs'), path=require('path'), os=require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const f = (...n) => path.join(dir, ...n);
for (const d of ['a/a1', 'a/a2', 'b/b1']) fs.mkdirSync(f(d), { recursive: true });
for (const x of ['c', 'a/a1/x', 'a/a2/z', 'b/b1/y']) fs.writeFileSync(f(x), '');
fs.symlinkSync('b', f('bl'));
const rd = (l) => l.map(d => typeof d === 'string' ? d : path.relative(dir, path.join(d.parentPath, d.name))).join(' ');
console.log('sync names', rd(fs.readdirSync(dir, { recursive: true })));
console.log('sync dirents', rd(fs.readdirSync(dir, { recursive: true, withFileTypes: true })));
fs.readdir(dir, { recursive: true }, (e, l) => { console.log('cb names', rd(l));
fs.readdir(dir, { recursive: true, withFileTypes: true }, (e, l) => { console.log('cb dirents', rd(l));
fs.promises.readdir(dir, { recursive: true }).then(l => { console.log('p names', rd(l));
fs.promises.readdir(dir, { recursive: true, withFileTypes: true }).then(l => { console.log('p dirents', rd(l));
fs.rmSync(dir, {recursive: true}) }) }) }) });
// Node 20 runs fs.readdir's recursive listing synchronously: the callback has run
// when readdir returns, and a missing directory throws instead of calling back.
let calledBack = false;
fs.readdir(__dirname, { recursive: true }, () => {
  calledBack = true;
});
console.log('recursive readdir called back synchronously', calledBack);
try {
  fs.readdir(path.join(__dirname, 'no-such-dir'), { recursive: true }, () => console.log('never'));
} catch (e) {
  console.log('recursive readdir throws', e.code, e.syscall);
}
