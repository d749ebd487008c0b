// fs.watchFile on a file that is missing, then made, then deleted: a failed stat is
// reported once with zeroed stats (Dates at the epoch), a stat after a failure is
// always a change, and stopping a stopped watcher emits no second 'stop'.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-watchfile-'));
const file = path.join(dir, 'later.txt');
const zero = new fs.Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
const isZero = (s) => {
  try { require('assert').deepStrictEqual(s, zero); return true; } catch { return false; }
};
let step = 0;
const watcher = fs.watchFile(file, { interval: 10 }, (curr, prev) => {
  step++;
  if (step === 1) {
    console.log('missing: curr zero', isZero(curr), 'prev zero', isZero(prev),
      'mtime', curr.mtime.toISOString());
    fs.writeFileSync(file, 'x');
  } else if (step === 2) {
    console.log('made: curr ino > 0', curr.ino > 0, 'size', curr.size, 'prev zero', isZero(prev));
    fs.unlinkSync(file);
  } else if (step === 3) {
    console.log('deleted: curr zero', isZero(curr), 'prev size', prev.size);
    setTimeout(() => {
      fs.unwatchFile(file);
      watcher.stop();
    }, 50);
  } else {
    console.log('unexpected call', step);
  }
});
let stops = 0;
watcher.on('stop', () => {
  stops++;
  setTimeout(() => {
    console.log('stops', stops, 'calls', step);
    fs.rmSync(dir, { recursive: true });
  }, 20);
});
