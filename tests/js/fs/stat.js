// stat/lstat/fstat in the three flavours: Stats' type predicates, the numeric
// fields' types, times as Date and *Ms (agreeing with each other and with utimes),
// the bigint option (BigIntStats with *Ns), throwIfNoEntry, and FileHandle.stat.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'f.txt');
const link = path.join(dir, 'link');
fs.writeFileSync(file, 'twelve bytes');
fs.symlinkSync(file, link);
// Fixed times so the Date/Ms relation can be printed exactly.
fs.utimesSync(file, new Date('2020-01-02T03:04:05.678Z'), 1600000000.25);

function describe(label, st) {
  const preds = ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isBlockDevice',
    'isCharacterDevice'].filter((m) => st[m]()).join(',');
  console.log(label, st.constructor.name, st instanceof fs.Stats, preds);
  console.log('  size', st.size, typeof st.size, 'nlink', st.nlink, 'mode&0o170000', (st.mode & (typeof st.mode === 'bigint' ? 0o170000n : 0o170000)).toString(8));
  const types = ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks',
    'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs'].map((k) => typeof st[k]);
  console.log('  types', [...new Set(types)].join(','), 'dates', [st.atime, st.mtime, st.ctime, st.birthtime].every((d) => d instanceof Date));
  console.log('  keys', Object.keys(st).join(','));
  console.log('  uid/gid are integers', Number.isInteger(Number(st.uid)) && Number.isInteger(Number(st.gid)), 'ino > 0', st.ino > 0);
}

function times(label, st) {
  console.log(label, st.atime.toISOString(), st.mtime.toISOString(), String(st.atimeMs), String(st.mtimeMs));
  console.log('  Ms agrees with Date', Number(st.mtimeMs) === st.mtime.getTime() || Math.floor(Number(st.mtimeMs)) === st.mtime.getTime(),
    'ctime recent', Math.abs(Date.now() - st.ctime.getTime()) < 60000);
  if (typeof st.atimeNs === 'bigint') {
    console.log('  ns', String(st.atimeNs), String(st.mtimeNs), st.mtimeNs / 1000000n === st.mtimeMs);
  }
}

// ---- sync ----
describe('statSync file', fs.statSync(file));
describe('statSync dir', fs.statSync(dir));
describe('statSync via link', fs.statSync(link));
describe('lstatSync link', fs.lstatSync(link));
describe('statSync bigint', fs.statSync(file, { bigint: true }));
times('times', fs.statSync(file));
times('times bigint', fs.statSync(file, { bigint: true }));
describe('statSync /dev/null', fs.statSync('/dev/null'));
console.log('lstat link size is target length', fs.lstatSync(link).size === file.length);
console.log('throwIfNoEntry false', fs.statSync(path.join(dir, 'nope'), { throwIfNoEntry: false }),
  fs.lstatSync(path.join(dir, 'nope'), { throwIfNoEntry: false }));
const fd = fs.openSync(file, 'r');
describe('fstatSync', fs.fstatSync(fd));
console.log('fstatSync bigint size', fs.fstatSync(fd, { bigint: true }).size);

// ---- callback ----
fs.stat(file, (err, st) => {
  console.log('stat cb', err, st.isFile(), st.size);
  fs.stat(file, { bigint: true }, (err, st) => {
    console.log('stat cb bigint', err, st.size, typeof st.mtimeNs);
    fs.lstat(link, (err, st) => {
      console.log('lstat cb', err, st.isSymbolicLink());
      fs.fstat(fd, (err, st) => {
        console.log('fstat cb', err, st.isFile(), st.size);
        fs.fstat(fd, { bigint: true }, (err, st) => {
          console.log('fstat cb bigint', err, st.size);
          fs.closeSync(fd);
          promises();
        });
      });
    });
  });
});

// ---- promises ----
async function promises() {
  const p = fs.promises;
  let st = await p.stat(file);
  console.log('p stat', st.isFile(), st.size, st.mtime.toISOString());
  st = await p.stat(dir, { bigint: true });
  console.log('p stat bigint', st.isDirectory(), typeof st.size);
  st = await p.lstat(link);
  console.log('p lstat', st.isSymbolicLink(), st.isFile());
  const fh = await p.open(file);
  st = await fh.stat();
  console.log('p fh.stat', st.isFile(), st.size);
  st = await fh.stat({ bigint: true });
  console.log('p fh.stat bigint', st.size);
  await fh.close();
  // Stats made by hand keep the fields they were given.
  console.log('fs.Stats is a function', typeof fs.Stats);
  fs.rmSync(dir, { recursive: true });
  console.log('done');
}
