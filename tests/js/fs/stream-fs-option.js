// The `fs` option of createReadStream/createWriteStream: writev may be left out
// (null or undefined) but must be a function otherwise; write may be left out only
// when writev is there; a FileHandle as `fd` refuses an `fs` of its own.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-stream-fs-'));
const file = path.join(dir, 'out.txt');
// Removed at exit: a destroyed stream's open may still be in flight before then.
process.on('exit', () => fs.rmSync(dir, { recursive: true }));
const attempt = (label, make) => {
  try {
    const s = make();
    s.destroy();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.code, e.message);
  }
};
attempt('writev null', () => fs.createWriteStream(file, { fs: { ...fs, writev: null } }));
attempt('writev undefined', () => fs.createWriteStream(file, { fs: { ...fs, writev: undefined } }));
attempt('writev string', () => fs.createWriteStream(file, { fs: { ...fs, writev: 'no' } }));
attempt('write null, writev there', () => fs.createWriteStream(file, { fs: { ...fs, write: null } }));
attempt('write and writev null', () => fs.createWriteStream(file, { fs: { ...fs, write: null, writev: null } }));
attempt('read stream, read null', () => fs.createReadStream(__filename, { fs: { ...fs, read: null } }));
fs.promises.open(__filename, 'r').then(async (handle) => {
  attempt('FileHandle with fs (read)', () => fs.createReadStream(null, { fd: handle, fs }));
  attempt('FileHandle with fs (write)', () => fs.createWriteStream(null, { fd: handle, fs }));
  await handle.close();
});
