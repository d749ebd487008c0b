// Argument validation across fs: the error class, code and message Node throws
// synchronously for each bad argument (callback functions included), and which
// odd-but-accepted values (numeric strings for times, any non-number write
// position, unknown write encodings) go through.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const F = path.join(dir, 'file');
const MISSING = path.join(dir, 'missing');
fs.writeFileSync(F, 'x');
const fd = fs.openSync(path.join(dir, 'scratch'), 'w+');
const tries = [
  ['chownSync str uid', () => fs.chownSync(F, '0', 0)],
  ['chownSync -1', () => fs.chownSync(F, -1, -1)],
  ['chownSync -2', () => fs.chownSync(F, -2, 0)],
  ['chownSync 2**32', () => fs.chownSync(F, 2**32, 0)],
  ['chownSync 1.5', () => fs.chownSync(F, 1.5, 0)],
  ['chown cb bad', () => fs.chown(F, 'a', 0, () => {})],
  ['fchown bad gid', () => fs.fchown(fd, 0, null, () => {})],
  ['chmodSync -1', () => fs.chmodSync(F, -1)],
  ['chmodSync 0o1777777', () => fs.chmodSync(F, 0o17777777)],
  ['chmodSync undefined', () => fs.chmodSync(F)],
  ['fchmodSync 8.5', () => fs.fchmodSync(fd, 8.5)],
  ['utimesSync undefined', () => fs.utimesSync(F)],
  ['utimesSync NaN', () => fs.utimesSync(F, NaN, Infinity)],
  ['utimesSync bigint', () => fs.utimesSync(F, 1n, 1n)],
  ['utimesSync str', () => fs.utimesSync(F, '12abc', 1)],
  ['futimesSync bad fd', () => fs.futimesSync(-1, 1, 1)],
  ['openSync mode 1.5', () => fs.openSync(F, 'r', 1.5)],
  ['openSync flags num', () => fs.closeSync(fs.openSync(F, 0))],
  ['openSync flags null', () => fs.closeSync(fs.openSync(F, null))],
  ['openSync flags obj', () => fs.openSync(F, {})],
  ['openSync flags 1.5', () => fs.openSync(F, 1.5)],
  ['openSync flags true', () => fs.openSync(F, true)],
  ['mkdirSync mode str bad', () => fs.mkdirSync(path.join(dir, 'dd'), 'zz')],
  ['mkdtempSync no prefix', () => fs.mkdtempSync()],
  ['mkdtempSync num', () => fs.mkdtempSync(5)],
  ['readFileSync bad enc', () => fs.readFileSync(F, 'nope')],
  ['readFileSync bad opt', () => fs.readFileSync(F, 5)],
  ['writeSync fd str', () => fs.writeSync('1', 'x')],
  ['symlinkSync bad type', () => fs.symlinkSync(F, path.join(dir, 'sl'), 'bogus')],
  ['readSync no buffer', () => fs.readSync(0)],
  ['readSync offset neg', () => fs.readSync(fd, Buffer.alloc(4), -1, 1, 0)],
  ['readSync length neg', () => fs.readSync(fd, Buffer.alloc(4), 0, -1, 0)],
  ['readSync pos -2', () => fs.readSync(fd, Buffer.alloc(4), 0, 1, -2)],
  ['readSync pos 2**63', () => fs.readSync(fd, Buffer.alloc(4), 0, 1, 2n**63n)],
  ['readSync pos 1.5', () => fs.readSync(fd, Buffer.alloc(4), 0, 1, 1.5)],
  ['writeSync offset big', () => fs.writeSync(fd, Buffer.alloc(4), 5)],
  ['writeSync length big', () => fs.writeSync(fd, Buffer.alloc(4), 0, 5)],
  ['writeSync pos bad', () => fs.writeSync(fd, Buffer.alloc(4), 0, 1, 'x')],
  ['readvSync bad', () => fs.readvSync(fd, [1])],
  ['writevSync bad', () => fs.writevSync(fd, 'x')],
  ['rmSync bad opts', () => fs.rmSync(MISSING, { force: 'yes' })],
  ['rmSync bad opts2', () => fs.rmSync(MISSING, 5)],
  ['rmdirSync opts', () => fs.rmdirSync(MISSING, 5)],
  ['statSync bad opts', () => fs.statSync(F, 5)],
  ['existsSync obj', () => fs.existsSync({})],
  ['accessSync', () => fs.accessSync()],
  ['readdir cb missing', () => fs.readdir('/tmp')],
  ['close cb not fn', () => fs.close(99999, 5)],
  ['fs.read no cb', () => fs.read(fd, Buffer.alloc(1), 0, 1, 0)],
  ['write no cb', () => fs.write(fd, 'x')],
  ['mkdir cb num', () => fs.mkdir(path.join(dir, 'x'), 5)],
  ['copyFileSync same', () => fs.copyFileSync(F, F)],

  ['openSync flags 2**33', () => fs.openSync(F, 2**33)],
  ['openSync flags -1', () => fs.openSync(F, -1)],
  ['readSync length 1.5', () => fs.readSync(fd, Buffer.alloc(4), 0, 1.5, 0)],
  ['readSync length x', () => fs.readSync(fd, Buffer.alloc(4), 0, 'x', 0)],
  ['readSync offset x', () => fs.readSync(fd, Buffer.alloc(4), 'x', 1, 0)],
  ['readSync offset 1.5', () => fs.readSync(fd, Buffer.alloc(4), 1.5, 1, 0)],
  ['readSync opts length 9', () => fs.readSync(fd, Buffer.alloc(4), {length: 9})],
  ['read cb length 9', () => fs.read(fd, Buffer.alloc(4), 0, 9, 0, () => {})],
  ['read cb length -1', () => fs.read(fd, Buffer.alloc(4), 0, -1, 0, () => {})],
  ['read cb offset 5', () => fs.read(fd, Buffer.alloc(4), 5, 1, 0, () => {})],
  ['read cb offset x', () => fs.read(fd, Buffer.alloc(4), 'x', 1, 0, () => {})],
  ['writeSync offset -1', () => fs.writeSync(fd, Buffer.alloc(4), -1)],
  ['writeSync length -1', () => fs.writeSync(fd, Buffer.alloc(4), 0, -1)],
  ['writeSync offset 1.5', () => fs.writeSync(fd, Buffer.alloc(4), 1.5)],
  ['writeSync offset x', () => fs.writeSync(fd, Buffer.alloc(4), 'x')],
  ['writeSync length x', () => fs.writeSync(fd, Buffer.alloc(4), 0, 'x')],
  ['writeSync str enc bad', () => fs.writeSync(fd, 'x', 0, 'bogus')],
  ['write cb offset 5', () => fs.write(fd, Buffer.alloc(4), 5, () => {})],
  ['write cb length 9', () => fs.write(fd, Buffer.alloc(4), 0, 9, () => {})],
  ['write cb bad enc', () => fs.write(fd, 'x', 0, 'bogus', () => {})],
  ['write cb null buf', () => fs.write(fd, null, () => {})],
  ['rmSync maxRetries', () => fs.rmSync(MISSING, { maxRetries: -1 })],
  ['rmSync recursive str', () => fs.rmSync(MISSING, { recursive: 1 })],
  ['rm cb opts', () => fs.rm(MISSING, 5, () => {})],
  ['rmdirSync opts recursive', () => fs.rmdirSync(MISSING, { recursive: 'x' })],
  ['symlink cb bad type', () => fs.symlink('a', path.join(dir, 'sl'), 'bogus', () => {})],
  ['lchown bad', () => fs.lchownSync(F, 0, 'x')],
  ['mkdir recursive num', () => fs.mkdirSync(path.join(dir, 'x'), { recursive: 1 })],
  ['readdir withFileTypes str', () => fs.readdirSync(dir, { withFileTypes: 'x' }).length],
  ['stat bigint str', () => typeof fs.statSync(dir, { bigint: 'x' }).size],
];
for (const [label, fn] of tries) {
  try {
    const r = fn();
    console.log(label, 'ok', typeof r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message.split(dir).join('<dir>'));
  }
}
fs.closeSync(fd);
fs.rmSync(dir, { recursive: true });
