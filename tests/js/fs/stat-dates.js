// fs.promises.stat's four Dates are made in Rust (src/binding/fs/stat.rs), not by
// lib/'s `new Date(Math.round(ms))`: they must round the same way at every edge
// (half a millisecond up and down, before 1970, zero), agree with statSync's and
// with the *Ms fields, and be the Stats' own data properties in node's order.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-dates-'));
const file = path.join(dir, 'f');
fs.writeFileSync(file, 'x');
// Seconds given to utimes (.0005 s is half a millisecond); a time before 1970 as a
// Date (a negative number means "now" to utimes).
const times = [1700000000.0005, 1700000000.0004, 1700000000.9995, 1600000000.25, 0, 0.0005,
  4102444800.1234, new Date(-1500), new Date(-86400001)];

(async () => {
  for (const t of times) {
    fs.utimesSync(file, t, typeof t === 'number' ? t + 0.0015 : t);
    const [p, s] = [await fs.promises.stat(file), fs.statSync(file)];
    const same = ['atime', 'mtime', 'ctime', 'birthtime'].every((k) => p[k].getTime() === s[k].getTime() &&
      p[k] instanceof Date && Object.is(p[k].getTime(), Math.round(p[`${k}Ms`])));
    console.log(+t, p.atime.getTime(), p.mtime.getTime(), p.atimeMs === s.atimeMs, same);
  }
  const p = await fs.promises.lstat(file);
  console.log(Object.keys(p).join(','));
  console.log(require('util').inspect(p).split(' ')[0], typeof p.ino, Number.isInteger(p.size));
  const d = Object.getOwnPropertyDescriptor(p, 'mtime');
  console.log('data property', 'value' in d, d.writable, d.enumerable, d.configurable);
  p.mtime = 1;
  console.log('assignable', p.mtime, p instanceof fs.Stats, p.constructor === fs.Stats, p.isFile());
  fs.rmSync(dir, { recursive: true });
})();
