// truncate/ftruncate, fsync/fdatasync, chmod/fchmod, chown/fchown/lchown (to the
// owner the file already has), utimes/futimes/lutimes in the three flavours.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const f = (...n) => path.join(dir, ...n);
const size = (p) => fs.statSync(p).size;
const mode = (p) => (fs.statSync(p).mode & 0o7777).toString(8);
const times = (p, stat = fs.statSync) => {
  const st = stat(p);
  return `${st.atime.toISOString()} ${st.mtime.toISOString()} ${st.atimeMs} ${st.mtimeMs}`;
};
fs.writeFileSync(f('t'), '0123456789');
const { uid, gid } = fs.statSync(f('t'));

// ---- sync ----
fs.truncateSync(f('t'), 4);
console.log('truncateSync', size(f('t')), fs.readFileSync(f('t'), 'utf8'));
fs.truncateSync(f('t'), 8);
console.log('truncateSync grows with zeros', JSON.stringify(fs.readFileSync(f('t'), 'latin1')));
fs.truncateSync(f('t'));
console.log('truncateSync default 0', size(f('t')));
fs.writeFileSync(f('t'), '0123456789');
fs.truncateSync(f('t'), -5);
console.log('truncateSync negative -> 0', size(f('t')));
const fd = fs.openSync(f('t'), 'r+');
fs.writeSync(fd, 'abcdef');
fs.ftruncateSync(fd, 3);
console.log('ftruncateSync', size(f('t')));
fs.ftruncateSync(fd, 10);
console.log('ftruncateSync grows', size(f('t')));
for (const len of [10n, null, '5', 5.5, NaN, 2 ** 53]) {
  try {
    fs.ftruncateSync(fd, len);
  } catch (e) {
    console.log('ftruncateSync bad len', e.code, e.message);
  }
}
try {
  fs.truncateSync(f('missing'), 'x');
} catch (e) {
  console.log('truncateSync opens before checking len', e.code, e.syscall);
}
try {
  fs.truncate(f('t'), 'x', () => {});
} catch (e) {
  console.log('truncate checks len synchronously', e.code);
}
fs.ftruncateSync(fd);
console.log('ftruncateSync default', size(f('t')));
console.log('fsyncSync', fs.fsyncSync(fd), 'fdatasyncSync', fs.fdatasyncSync(fd));
fs.fchmodSync(fd, 0o600);
console.log('fchmodSync', mode(f('t')));
fs.chmodSync(f('t'), 0o751);
console.log('chmodSync', mode(f('t')));
fs.chmodSync(f('t'), '644');
console.log('chmodSync string', mode(f('t')));
fs.chmodSync(f('t'), 0o104755);
console.log('chmodSync keeps only permission bits', mode(f('t')));
console.log('chownSync same owner', fs.chownSync(f('t'), uid, gid), fs.fchownSync(fd, uid, gid),
  fs.lchownSync(f('t'), uid, gid));
fs.utimesSync(f('t'), 1000, 2000.5);
console.log('utimesSync numbers', times(f('t')));
fs.utimesSync(f('t'), new Date('2001-02-03T04:05:06.789Z'), '3000');
console.log('utimesSync Date/string', times(f('t')));
fs.futimesSync(fd, 5, 6);
console.log('futimesSync', times(f('t')));
fs.symlinkSync(f('t'), f('link'));
fs.lutimesSync(f('link'), 7, 8);
console.log('lutimesSync link', times(f('link'), fs.lstatSync), 'target unchanged', times(f('t')));
fs.utimesSync(f('t'), 1e9 + 0.123456789, -1);
console.log('utimesSync negative means now', Math.abs(fs.statSync(f('t')).mtimeMs - Date.now()) < 60000,
  fs.statSync(f('t')).atimeMs);
fs.closeSync(fd);

// ---- callback ----
function callbacks(next) {
  fs.truncate(f('t'), 2, (err) => {
    console.log('cb truncate', err, size(f('t')));
    fs.truncate(f('t'), (err) => {
      console.log('cb truncate default', err, size(f('t')));
      fs.open(f('t'), 'r+', (err, fd) => {
        fs.ftruncate(fd, 6, (err) => {
          console.log('cb ftruncate', err, size(f('t')));
          fs.ftruncate(fd, (err) => {
            console.log('cb ftruncate default', err, size(f('t')));
            fs.fsync(fd, (err) => {
              console.log('cb fsync', err);
              fs.fdatasync(fd, (err) => {
                console.log('cb fdatasync', err);
                fs.fchmod(fd, 0o640, (err) => {
                  console.log('cb fchmod', err, mode(f('t')));
                  fs.chmod(f('t'), 0o444, (err) => {
                    console.log('cb chmod', err, mode(f('t')));
                    fs.chown(f('t'), uid, gid, (err) => {
                      console.log('cb chown', err);
                      fs.fchown(fd, uid, gid, (err) => {
                        console.log('cb fchown', err);
                        fs.lchown(f('link'), uid, gid, (err) => {
                          console.log('cb lchown', err);
                          fs.utimes(f('t'), 100, 200, (err) => {
                            console.log('cb utimes', err, times(f('t')));
                            fs.futimes(fd, new Date(300000), new Date(400000), (err) => {
                              console.log('cb futimes', err, times(f('t')));
                              fs.lutimes(f('link'), 9, 10, (err) => {
                                console.log('cb lutimes', err, times(f('link'), fs.lstatSync));
                                fs.close(fd, next);
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
          });
        });
      });
    });
  });
}

// ---- promises ----
async function promises() {
  const p = fs.promises;
  await p.chmod(f('t'), 0o644);
  fs.writeFileSync(f('t'), 'promises!');
  await p.truncate(f('t'), 3);
  console.log('p truncate', size(f('t')));
  await p.truncate(f('t'));
  console.log('p truncate default', size(f('t')));
  const fh = await p.open(f('t'), 'r+');
  await fh.truncate(5);
  console.log('p fh.truncate', size(f('t')));
  await fh.truncate();
  console.log('p fh.truncate default', size(f('t')));
  console.log('p fh.sync', await fh.sync(), 'p fh.datasync', await fh.datasync());
  await fh.chmod(0o600);
  console.log('p fh.chmod', mode(f('t')));
  await p.chmod(f('t'), 0o640);
  console.log('p chmod', mode(f('t')));
  console.log('p chown', await p.chown(f('t'), uid, gid), await p.lchown(f('link'), uid, gid), await fh.chown(uid, gid));
  await p.utimes(f('t'), 11, 12);
  console.log('p utimes', times(f('t')));
  await fh.utimes(13, new Date(14000));
  console.log('p fh.utimes', times(f('t')));
  await p.lutimes(f('link'), 15, 16);
  console.log('p lutimes', times(f('link'), fs.lstatSync));
  await fh.close();
  console.log('p lchmod', typeof p.lchmod, 'fs.lchmod', typeof fs.lchmod);
}

callbacks(() => promises().then(() => {
  fs.rmSync(dir, { recursive: true });
  console.log('done');
}));
