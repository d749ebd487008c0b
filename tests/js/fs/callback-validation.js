// The callback API checks its arguments before starting any I/O, so bad ones
// throw synchronously (and the callback never runs); the names Node gives the
// time arguments (path calls: 'time', fd calls: 'atime'/'mtime').
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'w1');
fs.writeFileSync(file, '');
// Callbacks of the calls that got through; printed sorted (their order is I/O's).
const calledBack = [];
const noop = (e) => calledBack.push(String(e && e.code));
const tries = [
  ['mkdir recursive 1', () => fs.mkdir(path.join(dir, 'm1'), { recursive: 1 }, noop)],
  ['mkdir mode bad', () => fs.mkdir(path.join(dir, 'm1'), { recursive: true, mode: 'zz' }, noop)],
  ['mkdir opts str', () => fs.mkdir(path.join(dir, 'm1'), 'zz', noop)],
  ['writeFile bad flag', () => fs.writeFile(path.join(dir, 'w1'), 'x', { flag: 'bogus' }, noop)],
  ['writeFile bad mode', () => fs.writeFile(path.join(dir, 'w1'), 'x', { mode: 'zz' }, noop)],
  ['appendFile bad flag', () => fs.appendFile(path.join(dir, 'w1'), 'x', { flag: 'bogus' }, noop)],
  ['appendFile bad data', () => fs.appendFile(path.join(dir, 'w1'), 5, noop)],
  ['readFile bad flag', () => fs.readFile(path.join(dir, 'w1'), { flag: 'bogus' }, noop)],
  ['readFile bad signal', () => fs.readFile(path.join(dir, 'w1'), { signal: 5 }, noop)],
  ['writeFile bad signal', () => fs.writeFile(path.join(dir, 'w1'), 'x', { signal: 5 }, noop)],
  ['mkdtemp bad opts', () => fs.mkdtemp(path.join(dir, 'x'), 5, noop)],
  ['realpath bad opts', () => fs.realpath(dir, 5, noop)],
  ['readlink bad opts', () => fs.readlink(dir, 5, noop)],
  ['stat opts str', () => fs.stat(dir, 'x', noop)],
  ['readdir opts bad', () => fs.readdir(dir, 5, noop)],
  ['fstat bad fd', () => fs.fstat('x', noop)],
  ['utimes bad mtime', () => fs.utimes(path.join(dir, 'w1'), 1, {}, noop)],
  ['futimes bad', () => fs.futimes(0, 'x', 1, noop)],
  ['exists no cb', () => fs.exists(dir)],
  ['writeFile fd bad', () => fs.writeFile(-1, 'x', noop)],
  ['open mode bad', () => fs.open(path.join(dir, 'w1'), 'r', 'zz', noop)],
  ['open flags num cb', () => fs.open(path.join(dir, 'w1'), 0, noop)],
  ['chmod bad', () => fs.chmod(path.join(dir, 'w1'), 'zz', noop)],
  ['link bad', () => fs.link(path.join(dir, 'w1'), 5, noop)],
];
for (const [label, fn] of tries) {
  try {
    fn();
    console.log(label, 'no throw');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

const fd = fs.openSync(file, 'r');
(async () => {
  const fh = await fs.promises.open(file);
  for (const [label, fn] of [
 ['utimes', () => fs.utimes(file, 1, {}, () => {})], ['utimes a', () => fs.utimes(file, {}, 1, () => {})],
 ['utimesSync', () => fs.utimesSync(file, 1, {})], ['utimesSync a', () => fs.utimesSync(file, {}, 1)],
 ['futimes', () => fs.futimes(fd, 1, {}, () => {})], ['futimesSync', () => fs.futimesSync(fd, 1, {})], ['futimesSync a', () => fs.futimesSync(fd, {}, 1)],
 ['lutimes', () => fs.lutimes(file, 1, {}, () => {})], ['lutimes a', () => fs.lutimes(file, {}, 1, () => {})], ['lutimesSync', () => fs.lutimesSync(file, 1, {})], ['lutimesSync a', () => fs.lutimesSync(file, {}, 1)],
 ['p utimes', () => fs.promises.utimes(file, 1, {})], ['p utimes a', () => fs.promises.utimes(file, {}, 1)],
 ['p lutimes', () => fs.promises.lutimes(file, 1, {})], ['p lutimes a', () => fs.promises.lutimes(file, {}, 1)],
 ['fh utimes', () => fh.utimes(1, {})], ['fh utimes a', () => fh.utimes({}, 1)],
]) {
    try {
      await fn();
      console.log(label, 'ok');
    } catch (e) {
      console.log(label, e.message);
    }
  }
  await fh.close();
  fs.closeSync(fd);
  setTimeout(() => {
    console.log('called back', calledBack.sort().join(','));
    fs.rmSync(dir, { recursive: true });
  }, 100);
})();
