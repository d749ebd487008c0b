// readFile/writeFile edges: files over 2 GiB (ERR_FS_FILE_TOO_LARGE, from the
// size, before reading), file: URLs and their errors, Buffer paths with bytes that
// are not UTF-8, the `flush` option, 'buffer' as an encoding (accepted, then
// refused by toString unless the file is empty), and throwIfNoEntry.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const f = (n) => path.join(dir, n);
const big = f('big');
fs.closeSync(fs.openSync(big, 'w'));
fs.truncateSync(big, 2 ** 31 + 5);
fs.writeFileSync(f('small'), 'xx');
fs.writeFileSync(f('empty'), '');
const tries = [
  ['readFileSync > 2 GiB', () => fs.readFileSync(big)],
  ['http URL', () => fs.readFileSync(new URL('http://x/y'))],
  ['URL with host', () => fs.readFileSync(new URL('file://host/y'))],
  ['URL with %2f', () => fs.readFileSync(new URL('file:///tmp/%2fa'))],
  ['URL-like object', () => fs.readFileSync({ href: 'file:///x', protocol: 'file:' })],
  ['existsSync URL', () => fs.existsSync(new URL(`file://${dir}`))],
  ['readFileSync URL', () => fs.readFileSync(new URL(`file://${f('small')}`), 'utf8')],
  ['flush true', () => fs.writeFileSync(f('fl'), 'x', { flush: true })],
  ['flush not boolean', () => fs.writeFileSync(f('fl'), 'x', { flush: 'yes' })],
  ['appendFileSync flush', () => fs.appendFileSync(f('fl'), 'x', { flush: true })],
  ['flushed content', () => fs.readFileSync(f('fl'), 'utf8')],
  ['encoding buffer', () => fs.readFileSync(f('small'), { encoding: 'buffer' })],
  ['encoding buffer, empty file', () => JSON.stringify(fs.readFileSync(f('empty'), 'buffer'))],
  ['Buffer path', () => fs.readFileSync(Buffer.from(f('small')), 'utf8')],
  ['non-UTF-8 name', () => fs.writeFileSync(Buffer.concat([Buffer.from(f('u-')), Buffer.from([0x41, 0xff])]), 'b')],
  ['readdirSync', () => fs.readdirSync(dir).length],
  ['readdir buffer names', () => fs.readdirSync(dir, 'buffer').map((b) => b.toString('hex')).sort().join(',')],
  ['mkdtemp XXXXXX prefix', () => path.basename(fs.mkdtempSync(f('XXXXXX'))).length],
  ['mkdtemp in missing dir', () => fs.mkdtempSync(f('a/'))],
  ['data with toString', () => fs.writeFileSync(f('obj'), { toString() { return 'tostring'; } })],
  ['Float64Array data', () => fs.writeFileSync(f('n'), new Float64Array([1])) ?? fs.readFileSync(f('n')).length],
  ['stat bigint + throwIfNoEntry', () => fs.statSync(dir, { throwIfNoEntry: false, bigint: true }).isDirectory()],
  ['throwIfNoEntry, missing parent', () => fs.lstatSync(f('nope/x'), { throwIfNoEntry: false })],
  ['throwIfNoEntry, ENOTDIR still throws', () => fs.statSync(f('small/x'), { throwIfNoEntry: false })],
];
for (const [label, fn] of tries) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message.split(dir).join('<dir>'));
  }
}
fs.readFile(big, (e) => {
  console.log('cb > 2 GiB', e.name, e.code, e.message);
  fs.readFile(f('small'), 'buffer', (e, d) => {
    console.log('cb encoding buffer', e.code, d);
    fs.promises.readFile(big).catch((e) => {
      console.log('p > 2 GiB', e.name, e.code);
      fs.promises.writeFile(f('fl'), 'x', { flush: 1 }).catch((e) => {
        console.log('p flush not boolean', e.code);
        fs.promises.writeFile(f('fl'), 'flushed', { flush: true }).then(() => {
          console.log('p flush', fs.readFileSync(f('fl'), 'utf8'));
          fs.rmSync(dir, { recursive: true });
        });
      });
    });
  });
});
