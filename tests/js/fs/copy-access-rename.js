// copyFile (flags: COPYFILE_EXCL, FICLONE), access/exists, unlink and rename in
// the three flavours.
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const f = (...n) => path.join(dir, ...n);
const { COPYFILE_EXCL, COPYFILE_FICLONE, F_OK, R_OK, W_OK, X_OK } = fs.constants;
const read = (p) => fs.readFileSync(p, 'utf8');
process.umask(0o022);
fs.writeFileSync(f('src'), 'source data', { mode: 0o640 });
const big = Buffer.alloc(1 << 20, 'xyz');
fs.writeFileSync(f('big'), big);

// ---- sync ----
console.log('copyFileSync', fs.copyFileSync(f('src'), f('dst')), read(f('dst')),
  (fs.statSync(f('dst')).mode & 0o777).toString(8));
fs.writeFileSync(f('dst'), 'a much longer existing destination');
fs.copyFileSync(f('src'), f('dst'));
console.log('copyFileSync overwrites (truncates)', read(f('dst')));
try {
  fs.copyFileSync(f('src'), f('dst'), COPYFILE_EXCL);
} catch (e) {
  console.log('copyFileSync EXCL', e.code, e.syscall);
}
fs.copyFileSync(f('src'), f('ficlone'), COPYFILE_FICLONE);
console.log('copyFileSync FICLONE falls back', read(f('ficlone')));
fs.copyFileSync(f('big'), f('big-copy'));
console.log('copyFileSync big', fs.readFileSync(f('big-copy')).equals(big));
fs.copyFileSync(Buffer.from(f('src')), new URL(`file://${f('from-url')}`));
console.log('copyFileSync Buffer/URL', read(f('from-url')));
try {
  fs.copyFileSync(dir, f('d2'));
} catch (e) {
  console.log('copyFileSync a dir', e.code, e.syscall);
}
fs.chmodSync(f('src'), 0o754);
fs.writeFileSync(f('dst-mode'), 'a longer existing content', { mode: 0o600 });
fs.copyFileSync(f('src'), f('dst-mode'));
console.log('copyFileSync gives the destination the source mode', (fs.statSync(f('dst-mode')).mode & 0o777).toString(8),
  read(f('dst-mode')));
fs.chmodSync(f('src'), 0o640);
fs.copyFileSync(f('src'), f('src'));
console.log('copyFileSync onto itself keeps the data', read(f('src')));
fs.linkSync(f('src'), f('src-hard'));
fs.copyFileSync(f('src'), f('src-hard'));
console.log('copyFileSync onto a hard link keeps the data', read(f('src')));
fs.symlinkSync(f('src'), f('src-link'));
fs.copyFileSync(f('src-link'), f('from-link'));
console.log('copyFileSync follows a source symlink', fs.lstatSync(f('from-link')).isFile());
try {
  fs.copyFileSync(f('src'), f('no-dir/x'));
} catch (e) {
  console.log('copyFileSync missing dest dir', e.code, e.syscall, path.basename(e.path), path.relative(dir, e.dest));
}
console.log('existsSync', fs.existsSync(f('src')), fs.existsSync(f('nope')), fs.existsSync(), fs.existsSync(123),
  fs.existsSync('a\0b'));
console.log('accessSync', fs.accessSync(f('src')), fs.accessSync(f('src'), R_OK | W_OK));
for (const [label, mode] of [['X_OK', X_OK], ['F_OK', F_OK]]) {
  try {
    fs.accessSync(f('src'), mode);
    console.log('accessSync', label, 'ok');
  } catch (e) {
    console.log('accessSync', label, e.code, e.syscall);
  }
}
fs.renameSync(f('dst'), f('renamed'));
console.log('renameSync', fs.existsSync(f('dst')), read(f('renamed')));
fs.writeFileSync(f('victim'), 'old');
fs.renameSync(f('renamed'), f('victim'));
console.log('renameSync replaces', read(f('victim')));
fs.mkdirSync(f('d1'));
fs.renameSync(f('d1'), f('d2'));
console.log('renameSync dir', fs.statSync(f('d2')).isDirectory());
console.log('unlinkSync', fs.unlinkSync(f('victim')), fs.existsSync(f('victim')));

// ---- callback ----
function callbacks(next) {
  fs.copyFile(f('src'), f('cb-dst'), (err) => {
    console.log('cb copyFile', err, read(f('cb-dst')));
    fs.copyFile(f('src'), f('cb-dst'), COPYFILE_EXCL, (err) => {
      console.log('cb copyFile EXCL', err.code);
      fs.access(f('cb-dst'), (err) => {
        console.log('cb access', err);
        fs.access(f('nope'), R_OK, (err) => {
          console.log('cb access missing', err.code);
          fs.exists(f('cb-dst'), (yes) => {
            console.log('cb exists', yes);
            fs.exists(f('nope'), (yes) => {
              console.log('cb exists missing', yes);
              util.promisify(fs.exists)(f('src')).then((yes) => {
                console.log('promisified exists', yes);
                fs.rename(f('cb-dst'), f('cb-renamed'), (err) => {
                  console.log('cb rename', err, fs.existsSync(f('cb-renamed')));
                  fs.unlink(f('cb-renamed'), (err) => {
                    console.log('cb unlink', err, fs.existsSync(f('cb-renamed')));
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
}

// ---- promises ----
async function promises() {
  const p = fs.promises;
  console.log('p copyFile', await p.copyFile(f('src'), f('p-dst')), read(f('p-dst')));
  try {
    await p.copyFile(f('src'), f('p-dst'), COPYFILE_EXCL);
  } catch (e) {
    console.log('p copyFile EXCL', e.code);
  }
  console.log('p access', await p.access(f('p-dst')), await p.access(f('p-dst'), W_OK));
  try {
    await p.access(f('nope'));
  } catch (e) {
    console.log('p access missing', e.code, e.syscall);
  }
  console.log('p rename', await p.rename(f('p-dst'), f('p-renamed')), read(f('p-renamed')));
  console.log('p unlink', await p.unlink(f('p-renamed')), fs.existsSync(f('p-renamed')));
  console.log('fs.promises has no exists', 'exists' in p);
}

callbacks(() => promises().then(() => {
  fs.rmSync(dir, { recursive: true });
  console.log('done');
}));
