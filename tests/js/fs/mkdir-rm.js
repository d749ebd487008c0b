// mkdir (plain and recursive: returns the first directory it created), mkdtemp,
// rmdir and rm (recursive, force) in the three flavours.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-'));
const rel = (p) => (p === undefined ? p : path.relative(dir, String(p)) || '.');
const f = (...names) => path.join(dir, ...names);
process.umask(0o022);

// ---- sync ----
console.log('mkdtempSync shape', path.basename(dir).length === 'coil-'.length + 6,
  fs.statSync(dir).isDirectory(), (fs.statSync(dir).mode & 0o777).toString(8));
console.log('mkdtempSync buffer', Buffer.isBuffer(fs.mkdtempSync(f('t-'), 'buffer')));
console.log('mkdtempSync options.encoding', fs.mkdtempSync(f('h-'), { encoding: 'hex' }).startsWith(Buffer.from(f('h-')).toString('hex')));
console.log('mkdirSync', fs.mkdirSync(f('a')), fs.statSync(f('a')).isDirectory());
console.log('mkdirSync mode', fs.mkdirSync(f('m'), 0o750), (fs.statSync(f('m')).mode & 0o777).toString(8));
console.log('mkdirSync mode option', fs.mkdirSync(f('m2'), { mode: 0o700 }), (fs.statSync(f('m2')).mode & 0o777).toString(8));
console.log('mkdirSync recursive', rel(fs.mkdirSync(f('r1', 'r2', 'r3'), { recursive: true })));
console.log('mkdirSync recursive existing', fs.mkdirSync(f('r1', 'r2'), { recursive: true }));
console.log('mkdirSync recursive partly existing', rel(fs.mkdirSync(f('r1', 'r2', 'x', 'y'), { recursive: true })));
console.log('mkdirSync recursive trailing slash', rel(fs.mkdirSync(f('ts') + '/', { recursive: true })));
console.log('mkdirSync recursive relative', path.relative(process.cwd(), fs.mkdirSync(path.relative(process.cwd(), f('rel', 'x')), { recursive: true })) === path.relative(process.cwd(), f('rel')));
try {
  fs.mkdirSync(f('file-parent'));
  fs.writeFileSync(f('file-parent', 'file'), '');
  fs.mkdirSync(f('file-parent', 'file'), { recursive: true });
} catch (e) {
  console.log('mkdirSync recursive on a file', e.code, e.syscall, rel(e.path));
}
fs.writeFileSync(f('r1', 'r2', 'file'), 'x');
fs.symlinkSync(f('r1'), f('link-to-r1'));
console.log('rmdirSync non-empty', (() => {
  try {
    fs.rmdirSync(f('r1'));
  } catch (e) {
    return e.code;
  }
})());
console.log('rmdirSync', fs.rmdirSync(f('a')), fs.existsSync(f('a')));
console.log('rmSync file', fs.rmSync(f('r1', 'r2', 'file')), fs.existsSync(f('r1', 'r2', 'file')));
console.log('rmSync force missing', fs.rmSync(f('nope'), { force: true }));
try {
  fs.rmSync(f('r1'));
} catch (e) {
  console.log('rmSync dir without recursive', e.code, e.name, e.message.split(dir).join('<dir>'));
}
console.log('rmSync link (not its target)', fs.rmSync(f('link-to-r1'), { recursive: true }), fs.existsSync(f('r1', 'r2')));
console.log('rmSync recursive', fs.rmSync(f('r1'), { recursive: true }), fs.existsSync(f('r1')));
try {
  fs.rmSync(f('nope'), { recursive: true });
} catch (e) {
  console.log('rmSync recursive missing', e.code, e.syscall);
}

// ---- callback ----
function callbacks(next) {
  fs.mkdir(f('cb'), (err, p) => {
    console.log('cb mkdir', err, p);
    fs.mkdir(f('cb', 'x', 'y'), { recursive: true }, (err, p) => {
      console.log('cb mkdir recursive', err, rel(p));
      fs.mkdir(f('cb', 'x'), { recursive: true }, (err, p) => {
        console.log('cb mkdir recursive existing', err, p);
        fs.mkdtemp(f('cbt-'), (err, p) => {
          console.log('cb mkdtemp', err, path.dirname(p) === dir, path.basename(p).length);
          fs.rmdir(p, (err) => {
            console.log('cb rmdir', err, fs.existsSync(p));
            fs.rm(f('cb'), (err) => {
              console.log('cb rm dir', err.code);
              fs.rm(f('cb'), { recursive: true }, (err) => {
                console.log('cb rm recursive', err, fs.existsSync(f('cb')));
                fs.rm(f('cb'), { force: true }, (err) => {
                  console.log('cb rm force missing', err);
                  next();
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
  console.log('p mkdir', await p.mkdir(f('p')));
  console.log('p mkdir recursive', rel(await p.mkdir(f('p', 'a', 'b', 'c'), { recursive: true })));
  console.log('p mkdir recursive existing', await p.mkdir(f('p', 'a'), { recursive: true }));
  fs.writeFileSync(f('p', 'a', 'b', 'f1'), '1');
  fs.writeFileSync(f('p', 'a', 'f2'), '2');
  const t = await p.mkdtemp(f('pt-'));
  console.log('p mkdtemp', path.dirname(t) === dir);
  console.log('p rmdir', await p.rmdir(t), fs.existsSync(t));
  try {
    await p.rm(f('p'));
  } catch (e) {
    console.log('p rm dir', e.code);
  }
  console.log('p rm recursive', await p.rm(f('p'), { recursive: true }), fs.existsSync(f('p')));
  console.log('p rm force', await p.rm(f('p'), { force: true, recursive: true }));
  try {
    await p.rm(f('p'));
  } catch (e) {
    console.log('p rm missing', e.code, e.syscall);
  }
}

callbacks(() => promises().then(() => {
  fs.rmSync(dir, { recursive: true });
  console.log('done', fs.existsSync(dir));
}));
