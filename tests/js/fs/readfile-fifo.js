// readFile of a FIFO whose writer writes in pieces, with pauses: every byte
// arrives (the op reads until a read returns 0, never reopening), on both backends.
const fs = require('fs');
const path = require('path');
const os = require('os');
const { execFileSync } = require('child_process');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fifo-'));
const fifo = path.join(dir, 'p');
execFileSync('mkfifo', [fifo]);
const big = Buffer.alloc(100000, 'z');
fs.promises.readFile(fifo).then((b) => {
  console.log('read', b.length, b.subarray(0, 3).toString(), b.subarray(-3).toString());
  fs.rmSync(dir, { recursive: true });
});
fs.open(fifo, 'w', (err, fd) => {
  if (err) throw err;
  fs.writeSync(fd, 'abc');
  setTimeout(() => {
    const rest = (off) => fs.write(fd, big, off, big.length - off, null, (e, n) => {
      if (off + n < big.length) return rest(off + n);
      setTimeout(() => { fs.writeSync(fd, 'xyz'); fs.closeSync(fd); }, 30);
    });
    rest(0);
  }, 50);
});
