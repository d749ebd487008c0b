// The flush option: null and undefined mean no flush (createWriteStream included);
// a flush goes through the module's fsyncSync / fsync, so a program that wraps
// them sees each call, as in node.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-flush-'));
const file = (n) => path.join(dir, n);
const calls = { fsyncSync: 0, fsync: 0 };
const { fsyncSync, fsync } = fs;
fs.fsyncSync = (...a) => { calls.fsyncSync++; return fsyncSync(...a); };
fs.fsync = (...a) => { calls.fsync++; return fsync(...a); };

fs.writeFileSync(file('a'), 'x', { flush: true });
fs.appendFileSync(file('a'), 'y', { flush: true });
fs.writeFileSync(file('b'), 'x', { flush: null });
console.log('sync', calls, fs.readFileSync(file('a'), 'utf8'));
for (const flush of [null, undefined, false]) fs.createWriteStream(file('s'), { flush }).destroy();
try {
  fs.createWriteStream(file('s'), { flush: 'yes' });
} catch (e) {
  console.log('flush: "yes"', e.code);
}
fs.writeFile(file('c'), 'z', { flush: true }, (err) => {
  console.log('writeFile', err, calls.fsync);
  fs.appendFile(file('c'), 'w', { flush: true }, () => {
    console.log('appendFile', calls.fsync, fs.readFileSync(file('c'), 'utf8'));
    const ws = fs.createWriteStream(file('d'), { flush: true });
    ws.end('data', () => {
      setImmediate(() => {
        console.log('stream', calls.fsync, fs.readFileSync(file('d'), 'utf8'));
        fs.rmSync(dir, { recursive: true });
      });
    });
  });
});
