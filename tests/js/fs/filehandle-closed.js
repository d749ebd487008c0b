// Every FileHandle method on a closed handle rejects with EBADF naming the method
// (Node's 'file closed' error); fs.promises.readFile/writeFile given a closed
// handle fail on its fd of -1.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'f');
fs.writeFileSync(file, 'data');
(async () => {
  const fh = await fs.promises.open(file, 'r+');
  await fh.close();
  const calls = [
    ['readFile(fh)', () => fs.promises.readFile(fh)],
    ['writeFile(fh)', () => fs.promises.writeFile(fh, 'x')],
    ['appendFile(fh)', () => fs.promises.appendFile(fh, 'x')],
    ['fh.readFile', () => fh.readFile()],
    ['fh.writeFile', () => fh.writeFile('x')],
    ['fh.appendFile', () => fh.appendFile('x')],
    ['fh.read', () => fh.read()],
    ['fh.readv', () => fh.readv([Buffer.alloc(1)])],
    ['fh.write', () => fh.write('x')],
    ['fh.writev', () => fh.writev([Buffer.alloc(1)])],
    ['fh.stat', () => fh.stat()],
    ['fh.truncate', () => fh.truncate()],
    ['fh.sync', () => fh.sync()],
    ['fh.datasync', () => fh.datasync()],
    ['fh.chmod', () => fh.chmod(0o644)],
    ['fh.chown', () => fh.chown(0, 0)],
    ['fh.utimes', () => fh.utimes(1, 1)],
  ];
  for (const [label, fn] of calls) {
    try {
      await fn();
      console.log(label, 'ok');
    } catch (e) {
      console.log(label, e.name, e.code, e.syscall, e.message, Object.keys(e).join(','));
    }
  }
  console.log('close again', await fh.close());
  fs.rmSync(dir, { recursive: true });
})();
