// fs.open/close/read/write in the three flavours (callback, promise, sync): buffers
// and strings, offsets and lengths, explicit positions vs the file position, and
// the (bytes, buffer) values each flavour hands back.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const file = path.join(dir, 'data.txt');

// ---- sync ----
{
  const fd = fs.openSync(file, 'w+');
  console.log('sync fd is int', Number.isInteger(fd) && fd > 2);
  console.log('sync write string', fs.writeSync(fd, 'hello world'));
  console.log('sync write buffer', fs.writeSync(fd, Buffer.from('XYZ!'), 1, 2));
  console.log('sync write at position', fs.writeSync(fd, Buffer.from('HW'), 0, 1, 0));
  console.log('sync write string pos+enc', fs.writeSync(fd, '6869', 6, 'hex'));
  console.log('sync write options', fs.writeSync(fd, Buffer.from('abcdef'), { offset: 4, length: 2, position: 20 }));
  const buf = Buffer.alloc(32);
  const n = fs.readSync(fd, buf, 0, 32, 0);
  console.log('sync read', n, JSON.stringify(buf.subarray(0, n).toString('latin1')));
  const small = Buffer.alloc(5);
  console.log('sync read offset', fs.readSync(fd, small, 1, 3, 6), JSON.stringify(small.toString('latin1')));
  console.log('sync read options', fs.readSync(fd, small, { position: 0 }), small.toString());
  console.log('sync read bigint pos', fs.readSync(fd, small, 0, 2, 1n), small.toString());
  console.log('sync read past end', fs.readSync(fd, small, 0, 5, 100));
  console.log('sync read length 0', fs.readSync(fd, small, 0, 0, 0));
  // The file position: reads without a position continue where the last one ended.
  const fd2 = fs.openSync(file, 'r');
  const a = Buffer.alloc(3);
  fs.readSync(fd2, a, 0, 3, null);
  const b = Buffer.alloc(3);
  fs.readSync(fd2, b, 0, 3, -1);
  console.log('sync sequential', a.toString(), b.toString());
  fs.closeSync(fd2);
  fs.closeSync(fd);
  // Typed arrays other than Buffer, and DataView.
  const fd3 = fs.openSync(file, 'r');
  const u16 = new Uint16Array(2);
  console.log('sync read Uint16Array', fs.readSync(fd3, u16, 0, 4, 0), Buffer.from(u16.buffer).toString());
  const dv = new DataView(new ArrayBuffer(4));
  console.log('sync read DataView', fs.readSync(fd3, dv, 0, 4, 0), dv.getUint8(0));
  fs.closeSync(fd3);
}

// ---- callback ----
function callbackFlavour(next) {
  fs.open(file, 'w+', 0o644, (err, fd) => {
    console.log('cb open', err, typeof fd);
    fs.write(fd, 'abc', (err, written, str) => {
      console.log('cb write string', err, written, str);
      fs.write(fd, Buffer.from('defgh'), 1, 3, (err, written, buf) => {
        console.log('cb write buffer', err, written, buf.toString());
        fs.write(fd, 'ZZ', 0, 'utf8', (err, written) => {
          console.log('cb write string at 0', err, written);
          fs.write(fd, Buffer.from('!!'), { offset: 0, length: 1, position: 7 }, (err, written) => {
            console.log('cb write options', err, written);
            const buf = Buffer.alloc(10);
            fs.read(fd, buf, 0, 10, 0, (err, n, b) => {
              console.log('cb read', err, n, b === buf, JSON.stringify(buf.toString('latin1', 0, n)));
              fs.read(fd, { buffer: Buffer.alloc(4), position: 2 }, (err, n, b) => {
                console.log('cb read options', err, n, b.toString());
                fs.read(fd, (err, n, b) => {
                  console.log('cb read default buffer', err, n, b.length);
                  fs.read(fd, Buffer.alloc(3), { position: 1 }, (err, n, b) => {
                    console.log('cb read buffer+options', err, n, b.toString());
                    fs.close(fd, (err) => {
                      console.log('cb close', err);
                      next();
                    });
                  });
                });
              });
            });
          });
        });
      });
    });
  });
}

// ---- promises ----
async function promiseFlavour() {
  const fh = await fs.promises.open(file, 'w+');
  console.log('p open', fh.constructor.name, typeof fh.fd);
  let r = await fh.write('hello');
  console.log('p write string', r.bytesWritten, r.buffer);
  r = await fh.write(Buffer.from('12345'), 1, 2);
  console.log('p write buffer', r.bytesWritten, r.buffer.toString());
  r = await fh.write('!', 0);
  console.log('p write string at 0', r.bytesWritten);
  r = await fh.write(Buffer.from('QQ'), { position: 9 });
  console.log('p write options', r.bytesWritten);
  const buf = Buffer.alloc(16);
  r = await fh.read(buf, 0, 16, 0);
  console.log('p read', r.bytesRead, r.buffer === buf, JSON.stringify(buf.toString('latin1', 0, r.bytesRead)));
  r = await fh.read({ buffer: Buffer.alloc(3), position: 1 });
  console.log('p read options', r.bytesRead, r.buffer.toString());
  r = await fh.read();
  console.log('p read default', r.bytesRead, r.buffer.length);
  r = await fh.read(Buffer.alloc(4), { position: 5 });
  console.log('p read buffer+options', r.bytesRead, r.buffer.toString('latin1'));
  console.log('p close', await fh.close(), fh.fd);
  try {
    await fh.read(Buffer.alloc(1), 0, 1, 0);
  } catch (e) {
    console.log('p read closed', e.code, e.syscall, e.message);
  }
}

callbackFlavour(() => {
  promiseFlavour().then(() => {
    fs.rmSync(dir, { recursive: true });
    console.log('done', fs.existsSync(dir));
  });
});
