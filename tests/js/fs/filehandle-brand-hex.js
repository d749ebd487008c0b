// FileHandle methods called on something else reject (not throw) with Node's
// internal-assertion error; fs.write of a string refuses hex of odd length in all
// three flavours, while writeFile keeps the whole bytes, as Node does.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-brand-'));
const file = path.join(dir, 'f');
const fd = fs.openSync(file, 'w+');
try {
  fs.writeSync(fd, 'abc', 0, 'hex');
} catch (err) {
  console.log('sync', err.code, err.message);
}
try {
  fs.write(fd, 'abc', 0, 'HEX', () => {});
} catch (err) {
  console.log('callback', err.code, err.message);
}
console.log('even hex', fs.writeSync(fd, 'abcd', 0, 'hex'));
fs.closeSync(fd);
fs.writeFileSync(file, 'abc', 'hex');
console.log('writeFile odd hex', fs.readFileSync(file).toString('hex'));

(async () => {
  const fh = await fs.promises.open(file, 'r+');
  await fh.write('abc', 0, 'hex').catch((err) => console.log('promise', err.code, err.message));
  for (const name of ['stat', 'read', 'write', 'sync', 'truncate']) {
    const p = fh[name].call({});
    console.log(name, 'returns a promise', p instanceof Promise);
    await p.catch((err) => console.log(' ', err.code, err.message.split('\n')[0]));
  }
  await fh.close();
  fs.rmSync(dir, { recursive: true });
})();
