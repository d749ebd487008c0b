// symlink/readlink/link and realpath in the three flavours: relative and absolute
// link targets, hard link counts, realpath through chains of links and '..', and
// the errors of realpath (JS walk: lstat/stat) vs realpath.native (realpath(3)).
const fs = require('fs');
const os = require('os');
const path = require('path');

// The tmp dir itself may sit behind a symlink; compare with its real path.
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'coil-')));
const f = (...n) => path.join(dir, ...n);
const rel = (p) => (typeof p === 'string' ? path.relative(dir, p) || '.' : p);
const relErr = (e) => `${e.code} ${e.syscall} ${rel(e.path)}`;
fs.mkdirSync(f('real', 'deep'), { recursive: true });
fs.writeFileSync(f('real', 'deep', 'file'), 'content');

// ---- sync ----
fs.symlinkSync('real', f('rel-link'));
fs.symlinkSync(f('real', 'deep'), f('abs-link'));
fs.symlinkSync('rel-link/deep/file', f('chain'));
fs.symlinkSync('chain', f('chain2'));
fs.symlinkSync('missing-target', f('dangling'));
fs.symlinkSync('loop-b', f('loop-a'));
fs.symlinkSync('loop-a', f('loop-b'));
fs.symlinkSync('../..', f('real', 'deep', 'up'));
console.log('readlinkSync', fs.readlinkSync(f('rel-link')), rel(fs.readlinkSync(f('abs-link'))));
console.log('readlinkSync buffer', fs.readlinkSync(f('chain'), 'buffer').toString(), fs.readlinkSync(f('chain'), { encoding: 'hex' }));
console.log('read through link', fs.readFileSync(f('chain2'), 'utf8'));
console.log('realpathSync chain', rel(fs.realpathSync(f('chain2'))));
console.log('realpathSync through dir links', rel(fs.realpathSync(f('rel-link', 'deep', 'up', 'abs-link', 'file'))));
console.log('realpathSync dots', rel(fs.realpathSync(f('real', '.', 'deep', '..', 'deep', 'file'))));
console.log('realpathSync native', rel(fs.realpathSync.native(f('chain2'))));
console.log('realpathSync buffer', Buffer.isBuffer(fs.realpathSync(f('chain'), 'buffer')));
for (const [label, p] of [['dangling', f('dangling')], ['loop', f('loop-a')], ['missing mid', f('real', 'nope', 'x')],
  ['file as dir', f('chain', 'x')]]) {
  try {
    fs.realpathSync(p);
  } catch (e) {
    console.log('realpathSync', label, relErr(e));
  }
  try {
    fs.realpathSync.native(p);
  } catch (e) {
    console.log('realpathSync.native', label, relErr(e));
  }
}
fs.linkSync(f('real', 'deep', 'file'), f('hard'));
console.log('linkSync nlink', fs.statSync(f('hard')).nlink, fs.readFileSync(f('hard'), 'utf8'),
  fs.statSync(f('hard')).ino === fs.statSync(f('real', 'deep', 'file')).ino);
console.log('lstat vs stat', fs.lstatSync(f('chain')).isSymbolicLink(), fs.statSync(f('chain')).isFile());
fs.symlinkSync('real', f('typed-link'), 'dir');
console.log('symlinkSync type arg', fs.readlinkSync(f('typed-link')));

// ---- callback ----
fs.symlink('real/deep/file', f('cb-link'), (err) => {
  console.log('cb symlink', err);
  fs.symlink('real', f('cb-link-typed'), 'junction', (err) => {
    console.log('cb symlink with type', err, fs.readlinkSync(f('cb-link-typed')));
    fs.readlink(f('cb-link'), (err, target) => {
      console.log('cb readlink', err, target);
      fs.readlink(f('cb-link'), 'buffer', (err, target) => {
        console.log('cb readlink buffer', err, Buffer.isBuffer(target));
        fs.link(f('cb-link'), f('cb-hard'), (err) => {
          console.log('cb link of a symlink links the symlink', err, fs.lstatSync(f('cb-hard')).isSymbolicLink());
          fs.realpath(f('cb-link'), (err, p) => {
            console.log('cb realpath', err, rel(p));
            fs.realpath(f('dangling'), (err) => {
              console.log('cb realpath dangling', relErr(err));
              fs.realpath.native(f('cb-link'), (err, p) => {
                console.log('cb realpath.native', err, rel(p));
                fs.realpath.native(f('dangling'), (err) => {
                  console.log('cb realpath.native dangling', relErr(err));
                  fs.realpath(f('loop-b'), 'buffer', (err) => {
                    console.log('cb realpath loop', relErr(err));
                    promises();
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

// ---- promises ----
async function promises() {
  const p = fs.promises;
  await p.symlink('real', f('p-link'));
  console.log('p readlink', await p.readlink(f('p-link')), (await p.readlink(f('p-link'), 'buffer')).length);
  await p.link(f('hard'), f('p-hard'));
  console.log('p link nlink', (await p.stat(f('p-hard'))).nlink);
  console.log('p realpath', rel(await p.realpath(f('p-link', 'deep', 'up', 'chain2'))));
  try {
    await p.realpath(f('dangling'));
  } catch (e) {
    console.log('p realpath dangling', relErr(e));
  }
  fs.rmSync(dir, { recursive: true });
  console.log('done');
}
