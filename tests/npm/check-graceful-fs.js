'use strict';
// graceful-fs 4 (used under fs-extra, npm, webpack...): it patches a clone of fs,
// subclasses fs.ReadStream/WriteStream with its own open(), and queues EMFILE
// retries. Streams, readdir and a copy through its streams must behave as in node.
const fs = require('fs');
const os = require('os');
const path = require('path');
const gfs = require('graceful-fs');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-gfs-'));
const src = path.join(tmp, 'src.txt');
const body = 'graceful\n'.repeat(5000);
gfs.writeFileSync(src, body);

const rs = gfs.createReadStream(src, { highWaterMark: 1024 });
console.log('ReadStream subclass:', rs instanceof fs.ReadStream, rs instanceof gfs.ReadStream);
let chunks = 0;
rs.on('open', (fd) => console.log('open', typeof fd));
rs.on('data', () => chunks++);
rs.on('end', () => console.log('read chunks', chunks));
rs.on('close', () => {
  const dst = path.join(tmp, 'dst.txt');
  const ws = gfs.createWriteStream(dst);
  gfs.createReadStream(src).pipe(ws);
  ws.on('close', () => {
    console.log('copy equal:', gfs.readFileSync(dst, 'utf8') === body, ws.bytesWritten);
    gfs.readdir(tmp, (err, names) => {
      console.log('readdir', err, names.sort());
      const missing = gfs.createReadStream(path.join(tmp, 'nope'));
      missing.on('error', (e) => console.log('error', e.code, e.syscall));
      missing.on('close', () => {
        fs.rmSync(tmp, { recursive: true });
        console.log('done');
      });
    });
  });
});
