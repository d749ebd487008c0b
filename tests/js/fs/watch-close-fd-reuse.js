// Closing a watcher with its read in flight: the read is cancelled, the inotify fd
// is released only after that read completed, so a file opened right after the
// close never has bytes taken by the old read (its position stays at 0), and the
// closed watcher reports nothing more.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-watch-reuse-'));
const file = path.join(dir, 'data.txt');
fs.writeFileSync(file, 'hello');
let rounds = 0;
let late = 0;
let good = 0;
function round() {
  const w = fs.watch(dir, () => late++);
  // Even rounds close in the same tick (the read is queued, not yet submitted),
  // odd rounds after a loop turn (the read is in the kernel).
  const later = rounds % 2 ? setImmediate : (f) => f();
  later(() => {
    w.close();
    const fd = fs.openSync(file, 'r');
    fs.writeFileSync(path.join(dir, `touch${rounds}`), 'x'); // an event nobody hears
    setTimeout(() => {
      const buf = Buffer.alloc(5);
      const n = fs.readSync(fd, buf, 0, 5, null);
      if (n === 5 && buf.toString() === 'hello') good++;
      fs.closeSync(fd);
      if (++rounds < 20) round();
      else {
        console.log('rounds', rounds, 'reads intact', good, 'events after close', late);
        fs.rmSync(dir, { recursive: true });
      }
    }, 2);
  });
}
round();
