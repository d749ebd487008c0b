// fs.promises edges: fds are not paths there (readFile/writeFile/truncate take a
// path or a FileHandle), null flags and mode, iterables of strings written and of
// other values refused by Buffer.from, and the data types writeFile names.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'pp');
fs.writeFileSync(file, 'data');
const fds = [];
const origOpen = fs.openSync;
fs.openSync = (...a) => {
  const fd = origOpen(...a);
  fds.push(fd);
  return fd;
};
(async () => {
  for (const [label, fn] of [
  ['p readFile fd', () => fs.promises.readFile(fs.openSync(file), 'utf8')],
  ['p writeFile fd', () => fs.promises.writeFile(fs.openSync(file, 'r+'), 'x')],
  ['p appendFile fd', () => fs.promises.appendFile(fs.openSync(file, 'r+'), 'x')],
  ['p open null flags', async () => { const h = await fs.promises.open(file, null, null); await h.close(); return 'ok'; }],
  ['p open undefined mode', async () => { const h = await fs.promises.open(file, 'r', undefined); await h.close(); return 'ok'; }],
  ['p mkdtemp buffer', async () => Buffer.isBuffer(await fs.promises.mkdtemp(path.join(dir, 'mt-'), 'buffer'))],
  ['p readdir bad', () => fs.promises.readdir(5)],
  ['p rm bad opt', () => fs.promises.rm(path.join(dir, 'none'), { force: 1 })],
  ['p readFile flag w', () => fs.promises.readFile(file, { flag: 'a+' })],
  ['p stat bigint', async () => typeof (await fs.promises.stat(dir, { bigint: true })).size],
  ['p truncate fd', () => fs.promises.truncate(fs.openSync(file, 'r+'), 1)],
  ['p access no path', () => fs.promises.access()],
  ['p writeFile Symbol.iterator str', () => fs.promises.writeFile(file, new Set(['a','b']))],
  ['p writeFile number', () => fs.promises.writeFile(file, 5)],
  ['p writeFile obj', () => fs.promises.writeFile(file, {})],
  ['p writeFile iter of num', () => fs.promises.writeFile(file, [1, 2])],
]) {
    try {
      console.log(label, 'ok', await fn());
    } catch (e) {
      console.log(label, e.name, e.code, e.message.replace(/\(\d+\)$/, '(N)'));
    }
  }
  console.log(JSON.stringify(fs.readFileSync(file, 'utf8')));
  for (const fd of fds) fs.closeSync(fd);
  fs.rmSync(dir, { recursive: true });
})();
