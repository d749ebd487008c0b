// File names that are not UTF-8: created through Buffer paths, listed lossily as
// strings or exactly as Buffers, reached again through the listed Buffers, and
// removed by rm -r / rmdir -r (sync, callback, promise) like any other.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const raw = (...parts) => Buffer.concat([Buffer.from(`${dir}/`), ...parts.map((p) => Buffer.from(p))]);
const bad = [0x41, 0xff, 0xfe, 0x42];
function populate(sub) {
  fs.mkdirSync(path.join(dir, sub));
  fs.writeFileSync(raw(`${sub}/`, bad), 'bytes');
  fs.mkdirSync(raw(`${sub}/`, [0xc3, 0x28]));
  fs.writeFileSync(raw(`${sub}/`, [0xc3, 0x28], '/', [0xe2, 0x82]), 'deep');
  fs.symlinkSync(Buffer.from([0x80]), raw(`${sub}/link-`, [0x81]));
}
populate('s');
const names = fs.readdirSync(path.join(dir, 's'));
console.log('strings', JSON.stringify(names));
const bufs = fs.readdirSync(path.join(dir, 's'), 'buffer');
console.log('buffers', bufs.map((b) => b.toString('hex')).join(','));
console.log('latin1', fs.readdirSync(path.join(dir, 's'), 'latin1').map((n) => JSON.stringify(n)).join(','));
const dirents = fs.readdirSync(path.join(dir, 's'), { withFileTypes: true, encoding: 'buffer' });
console.log('dirents', dirents.map((d) => `${d.name.toString('hex')}:${d.isFile()}${d.isDirectory()}${d.isSymbolicLink()}`).join(','));
const fileBuf = Buffer.concat([Buffer.from(`${dir}/s/`), bufs.find((b) => b[0] === 0x41)]);
console.log('read back via listed bytes', fs.readFileSync(fileBuf, 'utf8'));
const linkBuf = Buffer.concat([Buffer.from(`${dir}/s/`), bufs.find((b) => b[0] === 0x6c)]);
console.log('readlink buffer', fs.readlinkSync(linkBuf, 'buffer').toString('hex'), JSON.stringify(fs.readlinkSync(linkBuf)));
console.log('recursive names', JSON.stringify(fs.readdirSync(path.join(dir, 's'), { recursive: true }).sort()));
fs.rmSync(path.join(dir, 's'), { recursive: true });
console.log('rmSync -r', fs.existsSync(path.join(dir, 's')));

populate('c');
populate('p');
populate('d');
fs.rm(path.join(dir, 'c'), { recursive: true }, (err) => {
  console.log('rm -r callback', err, fs.existsSync(path.join(dir, 'c')));
  fs.promises.rm(path.join(dir, 'p'), { recursive: true }).then(() => {
    console.log('rm -r promise', fs.existsSync(path.join(dir, 'p')));
    fs.rmdirSync(path.join(dir, 'd'), { recursive: true });
    console.log('rmdir -r', fs.existsSync(path.join(dir, 'd')));
    fs.rmSync(dir, { recursive: true });
    console.log('done', fs.existsSync(dir));
  });
});
