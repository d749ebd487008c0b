// stdin: piped
// More system errors and their Node messages: ENAMETOOLONG, EINVAL (a directory
// moved into itself), ENOTEMPTY/EISDIR/ENOTDIR from rename, EBUSY, EPERM (hard
// link to a directory), ESPIPE (a positioned read on a pipe).
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const f = (p) => path.join(dir, p);
fs.mkdirSync(f('er/sub'), { recursive: true });
fs.mkdirSync(f('er2/a'), { recursive: true });
fs.writeFileSync(f('erf'), '');
const tries = [
  ['ENAMETOOLONG', () => fs.statSync(f('a'.repeat(300)))],
  ['rename into itself', () => fs.renameSync(f('er'), f('er/sub/x'))],
  ['rename onto a non-empty dir', () => fs.renameSync(f('er'), f('er2'))],
  ['rename a file onto a dir', () => fs.renameSync(f('erf'), f('er2'))],
  ['rename a dir onto a file', () => fs.renameSync(f('er2'), f('erf'))],
  ['rmdir /', () => fs.rmdirSync('/')],
  ['hard link to a dir', () => fs.linkSync(f('er'), f('erlink'))],
  ['positioned read on a pipe', () => fs.readSync(0, Buffer.alloc(1), 0, 1, 5)],
];
for (const [label, fn] of tries) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.code, e.errno, e.syscall, e.message.split(dir).join('<dir>').replace(/a{300}/, 'a*300'));
  }
}
fs.rename(f('er'), f('er/sub/x'), (e) => {
  console.log('cb rename into itself', e.code, e.syscall);
  fs.promises.link(f('er'), f('erlink')).catch((e) => {
    console.log('p hard link to a dir', e.code, e.syscall);
    fs.rmSync(dir, { recursive: true });
  });
});
