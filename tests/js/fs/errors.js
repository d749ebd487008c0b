// Error paths of fs in the three flavours: system errors carry Node's message,
// code, errno, syscall and path (dest for two-path calls); invalid arguments
// throw synchronously, even for the callback and promise APIs' validation.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const rel = (s) => String(s).split(dir).join('<dir>');
const missing = path.join(dir, 'missing');
const file = path.join(dir, 'file');
fs.writeFileSync(file, 'x');
const sub = path.join(dir, 'sub');
fs.mkdirSync(sub);

function show(label, e) {
  if (!e) return console.log(label, 'no error');
  const keys = Object.keys(e).sort().join(',');
  console.log(label, e.name, e.code, e.errno, e.syscall, rel(e.path), rel(e.dest), '|', rel(e.message), '|', keys,
    e instanceof Error);
}
function sync(label, fn) {
  try {
    fn();
    show(label);
  } catch (e) {
    show(label, e);
  }
}

// ---- sync system errors ----
sync('openSync ENOENT', () => fs.openSync(missing));
sync('openSync /x', () => fs.openSync('/x'));
sync('openSync EEXIST', () => fs.openSync(file, 'wx'));
sync('openSync EISDIR', () => fs.openSync(sub, 'w'));
sync('openSync ENOTDIR', () => fs.openSync(path.join(file, 'a')));
sync('readFileSync ENOENT', () => fs.readFileSync(missing));
sync('readFileSync EISDIR', () => fs.readFileSync(sub));
sync('statSync ENOENT', () => fs.statSync(missing));
sync('lstatSync ENOENT', () => fs.lstatSync(missing));
sync('fstatSync EBADF', () => fs.fstatSync(9999));
sync('closeSync EBADF', () => fs.closeSync(9999));
sync('readSync EBADF', () => fs.readSync(9999, Buffer.alloc(1), 0, 1, 0));
sync('writeSync EBADF', () => fs.writeSync(9999, 'x'));
sync('mkdirSync EEXIST', () => fs.mkdirSync(sub));
sync('mkdirSync ENOENT', () => fs.mkdirSync(path.join(missing, 'a')));
sync('mkdirSync recursive ENOTDIR', () => fs.mkdirSync(path.join(file, 'a'), { recursive: true }));
sync('rmdirSync ENOTDIR', () => fs.rmdirSync(file));
sync('rmdirSync ENOENT', () => fs.rmdirSync(missing));
sync('unlinkSync ENOENT', () => fs.unlinkSync(missing));
sync('unlinkSync EISDIR', () => fs.unlinkSync(sub));
sync('renameSync ENOENT', () => fs.renameSync(missing, path.join(dir, 'b')));
sync('linkSync EEXIST', () => fs.linkSync(file, file));
sync('symlinkSync EEXIST', () => fs.symlinkSync('target', file));
sync('readlinkSync EINVAL', () => fs.readlinkSync(file));
sync('readdirSync ENOTDIR', () => fs.readdirSync(file));
sync('readdirSync ENOENT', () => fs.readdirSync(missing));
sync('accessSync ENOENT', () => fs.accessSync(missing));
sync('copyFileSync ENOENT', () => fs.copyFileSync(missing, path.join(dir, 'c')));
sync('copyFileSync EXCL', () => fs.copyFileSync(file, file, fs.constants.COPYFILE_EXCL));
sync('realpathSync ENOENT', () => fs.realpathSync(missing));
sync('truncateSync ENOENT', () => fs.truncateSync(missing));
sync('chmodSync ENOENT', () => fs.chmodSync(missing, 0o644));
sync('utimesSync ENOENT', () => fs.utimesSync(missing, 1, 1));
sync('rmSync ENOENT', () => fs.rmSync(missing));
sync('rmSync EISDIR', () => fs.rmSync(sub));
sync('mkdtempSync ENOENT', () => fs.mkdtempSync(path.join(missing, 'x-')));

// ---- invalid arguments (thrown synchronously) ----
sync('openSync number path', () => fs.openSync(123));
sync('openSync bad flags', () => fs.openSync(file, 'bogus'));
sync('openSync bad mode', () => fs.openSync(file, 'r', 'abc'));
sync('open bad flags cb', () => fs.open(file, 'bogus', () => {}));
sync('open no callback', () => fs.open(file, 'r'));
sync('open path object', () => fs.open({}, () => {}));
sync('readFile null path', () => fs.readFile(null, () => {}));
sync('readFile no cb', () => fs.readFile(file));
sync('stat bad path', () => fs.stat(1, () => {}));
sync('stat no cb', () => fs.stat(file));
sync('close string fd', () => fs.close('3', () => {}));
sync('closeSync -1', () => fs.closeSync(-1));
sync('fstatSync 1.5', () => fs.fstatSync(1.5));
sync('read bad buffer', () => fs.read(0, 'str', 0, 1, 0, () => {}));
sync('readSync offset out of range', () => fs.readSync(0, Buffer.alloc(2), 3, 1, 0));
sync('readSync length out of range', () => fs.readSync(0, Buffer.alloc(2), 0, 3, 0));
sync('readSync bad position', () => fs.readSync(0, Buffer.alloc(2), 0, 1, 'x'));
sync('writeSync bad data', () => fs.writeSync(1, {}));
sync('write bad data cb', () => fs.write(1, 123, () => {}));
sync('writeFileSync bad data', () => fs.writeFileSync(file, 123));
sync('writeFileSync bad flag', () => fs.writeFileSync(file, 'x', { flag: 'q' }));
sync('writeFile bad encoding', () => fs.writeFile(file, 'x', { encoding: 'nope' }, () => {}));
sync('mkdirSync bad recursive', () => fs.mkdirSync(sub, { recursive: 'yes' }));
sync('unlink no path', () => fs.unlink(undefined, () => {}));
sync('rename bad newPath', () => fs.rename(file, 5, () => {}));
sync('copyFile bad mode', () => fs.copyFile(file, file, 8, () => {}));
sync('access bad mode', () => fs.access(file, 8, () => {}));
sync('path with NUL', () => fs.statSync('a\0b'));
sync('readdirSync bad options', () => fs.readdirSync(dir, 5));
sync('ftruncate bad len', () => fs.ftruncate(0, 'x', () => {}));
sync('chmod bad mode', () => fs.chmod(file, {}, () => {}));
sync('utimes bad time', () => fs.utimes(file, 'x', 1, () => {}));
sync('symlink bad target', () => fs.symlink(1, file, () => {}));
sync('promises.open bad flags', () => fs.promises.open(file, 'bogus').catch((e) => show('promises.open bad flags (rejected)', e)));

// ---- async system errors ----
const cbErr = (label) => new Promise((resolve) => (err) => resolve(show(label, err)));
function cb(label, fn) {
  return new Promise((resolve) => fn((err) => {
    show(label, err);
    resolve();
  }));
}
async function prom(label, p) {
  try {
    await p;
    show(label);
  } catch (e) {
    show(label, e);
  }
}
(async () => {
  await cb('open ENOENT', (k) => fs.open(missing, k));
  await cb('open /x', (k) => fs.open('/x', 'r', k));
  await cb('open EEXIST', (k) => fs.open(file, 'wx', k));
  await cb('open EISDIR', (k) => fs.open(sub, 'w', k));
  await cb('readFile ENOENT', (k) => fs.readFile(missing, k));
  await cb('readFile EISDIR', (k) => fs.readFile(sub, k));
  await cb('stat ENOENT', (k) => fs.stat(missing, k));
  await cb('fstat EBADF', (k) => fs.fstat(9999, k));
  await cb('close EBADF', (k) => fs.close(9999, k));
  await cb('read EBADF', (k) => fs.read(9999, Buffer.alloc(1), 0, 1, 0, k));
  await cb('write EBADF', (k) => fs.write(9999, 'x', k));
  await cb('mkdir EEXIST', (k) => fs.mkdir(sub, k));
  await cb('mkdir recursive ENOTDIR', (k) => fs.mkdir(path.join(file, 'a'), { recursive: true }, k));
  await cb('rmdir ENOTDIR', (k) => fs.rmdir(file, k));
  await cb('unlink ENOENT', (k) => fs.unlink(missing, k));
  await cb('rename ENOENT', (k) => fs.rename(missing, path.join(dir, 'b'), k));
  await cb('readdir ENOTDIR', (k) => fs.readdir(file, k));
  await cb('access ENOENT', (k) => fs.access(missing, k));
  await cb('copyFile EXCL', (k) => fs.copyFile(file, file, fs.constants.COPYFILE_EXCL, k));
  await cb('readlink EINVAL', (k) => fs.readlink(file, k));
  await cb('rm ENOENT', (k) => fs.rm(missing, k));
  await cb('rm EISDIR', (k) => fs.rm(sub, k));
  await cb('truncate ENOENT', (k) => fs.truncate(missing, k));
  await cb('writeFile EISDIR', (k) => fs.writeFile(sub, 'x', k));
  await cb('appendFile ENOENT dir', (k) => fs.appendFile(path.join(missing, 'f'), 'x', k));
  const p = fs.promises;
  await prom('p open ENOENT', p.open(missing));
  await prom('p readFile ENOENT', p.readFile(missing));
  await prom('p readFile EISDIR', p.readFile(sub));
  await prom('p stat ENOENT', p.stat(missing));
  await prom('p mkdir EEXIST', p.mkdir(sub));
  await prom('p rmdir ENOTDIR', p.rmdir(file));
  await prom('p unlink ENOENT', p.unlink(missing));
  await prom('p rename ENOENT', p.rename(missing, file));
  await prom('p readdir ENOENT', p.readdir(missing));
  await prom('p access ENOENT', p.access(missing));
  await prom('p copyFile ENOENT', p.copyFile(missing, file));
  await prom('p rm EISDIR', p.rm(sub));
  await prom('p link ENOENT', p.link(missing, path.join(dir, 'l')));
  await prom('p symlink EEXIST', p.symlink('t', file));
  await prom('p realpath ENOENT', p.realpath(missing));
  await prom('p writeFile ENOENT', p.writeFile(path.join(missing, 'f'), 'x'));
  // Invalid arguments reject (promises never throw synchronously).
  let threw = false;
  let pr;
  try {
    pr = p.stat(1);
  } catch {
    threw = true;
  }
  console.log('p stat bad path threw sync', threw);
  await prom('p stat bad path', pr);
  await prom('p readFile bad flag', p.readFile(file, { flag: 'zz' }));
  await prom('p open bad mode', p.open(file, 'r', -1));
  await prom('p access bad mode', p.access(file, 99));
  fs.rmSync(dir, { recursive: true });
  console.log('done');
})();
