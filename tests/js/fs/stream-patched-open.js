// A ReadStream/WriteStream whose prototype's open() was replaced (as older
// libraries do) is opened through the replacement; the replacement's 'open' ends
// construction. Calling the original deprecated open() warns with DEP0135.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-patched-open-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'abc');
process.on('warning', (w) => console.log('warning', w.code));

const s = fs.createReadStream(file);
s.on('error', () => {});
s.open();
s.destroy();

process.nextTick(() => {
  const originalRead = fs.ReadStream.prototype.open;
  const originalWrite = fs.WriteStream.prototype.open;
  fs.ReadStream.prototype.open = function() {
    console.log('patched read open');
    fs.open(this.path, 'r', (err, fd) => {
      this.fd = fd;
      this.emit('open', fd);
    });
  };
  fs.WriteStream.prototype.open = function() {
    console.log('patched write open');
    this.emit('error', new Error('refused'));
  };
  fs.createReadStream(file).on('data', (d) => {
    console.log('read', d.toString());
    fs.ReadStream.prototype.open = originalRead;
  });
  fs.createWriteStream(path.join(dir, 'w.txt')).on('error', (e) => {
    console.log('write stream error', e.message);
    fs.WriteStream.prototype.open = originalWrite;
    setTimeout(() => fs.rmSync(dir, { recursive: true }), 20);
  });
});
