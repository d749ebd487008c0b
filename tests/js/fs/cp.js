// fs.cp, fs.cpSync and fs.promises.cp: files, trees, symlinks, options and each of
// Node's ERR_FS_CP_* errors, with the same results from all three flavours.
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { execFileSync } = require('child_process');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-cp-'));
const f = (...n) => path.join(dir, ...n);
process.umask(0o022);
const rel = (p) => path.relative(dir, p);
const show = (label, fn) => {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    const msg = e.message.split(dir + path.sep).join('').split(dir).join('<dir>');
    console.log(label, e.name, e.code, msg, e.errno, e.syscall, e.path && rel(String(e.path)));
  }
};
const tree = (p) => {
  const out = [];
  const walk = (d, pre) => {
    for (const n of fs.readdirSync(d).sort()) {
      const full = path.join(d, n);
      const st = fs.lstatSync(full);
      if (st.isSymbolicLink()) out.push(`${pre}${n} -> ${rel(fs.readlinkSync(full)) || '.'}`);
      else if (st.isDirectory()) { out.push(`${pre}${n}/ ${(st.mode & 0o777).toString(8)}`); walk(full, `${pre}${n}/`); }
      else out.push(`${pre}${n} ${(st.mode & 0o777).toString(8)} ${fs.readFileSync(full, 'utf8')}`);
    }
  };
  walk(p, '');
  return out.join(', ');
};

fs.mkdirSync(f('src', 'sub', 'deep'), { recursive: true });
fs.chmodSync(f('src', 'sub'), 0o750);
fs.writeFileSync(f('src', 'a.txt'), 'A', { mode: 0o600 });
fs.writeFileSync(f('src', 'sub', 'b.txt'), 'B');
fs.writeFileSync(f('src', 'sub', 'deep', 'c.txt'), 'C');
fs.symlinkSync('a.txt', f('src', 'rel-link'));
fs.symlinkSync(f('src', 'sub'), f('src', 'abs-link'));
fs.writeFileSync(f('file'), 'plain');

// ---- sync ----
show('file', () => fs.cpSync(f('file'), f('copy', 'made', 'parents.txt')));
console.log(tree(f('copy')));
show('dir without recursive', () => fs.cpSync(f('src'), f('nope')));
console.log('nope exists', fs.existsSync(f('nope')));
show('tree', () => fs.cpSync(f('src'), f('t1'), { recursive: true }));
console.log(tree(f('t1')));
show('verbatim', () => fs.cpSync(f('src'), f('t2'), { recursive: true, verbatimSymlinks: true }));
console.log(fs.readlinkSync(f('t2', 'rel-link')));
show('dereference', () => fs.cpSync(f('src'), f('t3'), { recursive: true, dereference: true }));
console.log(tree(f('t3')));
show('filter', () => fs.cpSync(f('src'), f('t4'), {
  recursive: true, filter: (s, d) => !s.endsWith('sub') && rel(d).startsWith('t4'),
}));
console.log(tree(f('t4')));
show('filter skips top', () => fs.cpSync(f('src'), f('t5'), { recursive: true, filter: () => false }));
console.log('t5 exists', fs.existsSync(f('t5')));
show('filter returns a promise', () => fs.cpSync(f('file'), f('t6'), { filter: async () => true }));

// Existing destinations.
fs.writeFileSync(f('t1', 'a.txt'), 'changed');
show('force false', () => fs.cpSync(f('src', 'a.txt'), f('t1', 'a.txt'), { force: false }));
console.log(fs.readFileSync(f('t1', 'a.txt'), 'utf8'));
show('errorOnExist', () => fs.cpSync(f('src', 'a.txt'), f('t1', 'a.txt'), { force: false, errorOnExist: true }));
show('force', () => fs.cpSync(f('src', 'a.txt'), f('t1', 'a.txt')));
console.log(fs.readFileSync(f('t1', 'a.txt'), 'utf8'));
show('COPYFILE_EXCL', () => fs.cpSync(f('file'), f('t1', 'a.txt'), { mode: fs.constants.COPYFILE_EXCL }));
show('merge into existing dir', () => fs.cpSync(f('src', 'sub'), f('t1', 'sub'), { recursive: true }));

// Errors of the copy itself.
show('same', () => fs.cpSync(f('src'), f('src'), { recursive: true }));
show('into itself', () => fs.cpSync(f('src'), f('src', 'sub', 'inner'), { recursive: true }));
show('dir over file', () => fs.cpSync(f('src'), f('file'), { recursive: true }));
show('file over dir', () => fs.cpSync(f('file'), f('src')));
show('link over same link', () => fs.cpSync(f('src', 'rel-link'), f('t1', 'rel-link')));
show('link over file', () => fs.cpSync(f('src', 'rel-link'), f('t1', 'sub', 'b.txt')));
show('missing src', () => fs.cpSync(f('missing'), f('x')));
execFileSync('mkfifo', [f('fifo')]);
show('fifo', () => fs.cpSync(f('fifo'), f('fifo-copy')));

// preserveTimestamps, and a read-only source.
fs.writeFileSync(f('old'), 'old');
fs.chmodSync(f('old'), 0o444);
fs.utimesSync(f('old'), 1000, 2000);
fs.cpSync(f('old'), f('old-kept'), { preserveTimestamps: true });
fs.cpSync(f('old'), f('old-now'));
const kept = fs.statSync(f('old-kept'));
console.log('preserved', kept.mtimeMs, (kept.mode & 0o777).toString(8),
  fs.statSync(f('old-now')).mtimeMs > 2000000);

// Options.
for (const opts of [5, null, { recursive: 1 }, { force: 'yes' }, { dereference: 1, errorOnExist: 1 },
  { mode: 'x' }, { mode: 8 }, { filter: 3 }, { dereference: true, verbatimSymlinks: true }]) {
  show(`options ${JSON.stringify(opts)}`, () => fs.cpSync(f('file'), f('opt'), opts));
}
show('src type', () => fs.cpSync(1, f('x')));
show('dest type', () => fs.cpSync(f('file'), {}));
show('no callback', () => fs.cp(f('file'), f('x')));
show('bad options with callback', () => fs.cp(f('file'), f('x'), { force: 1 }, () => {}));
console.log('lengths', fs.cp.length, fs.cpSync.length, fs.promises.cp.length, fs.promises.cp.constructor.name);

// ---- callback and promise ----
const server = net.createServer().listen(f('sock'), async () => {
  show('socket', () => fs.cpSync(f('sock'), f('sock-copy')));
  server.close();
  await new Promise((resolve) => fs.cp(f('src'), f('c1'), { recursive: true }, (...args) => {
    console.log('cp callback', args.length, args[0], tree(f('c1')));
    resolve();
  }));
  await new Promise((resolve) => fs.cp(f('src'), f('c2'), (err) => {
    console.log('cp callback error', err.code, err.path === f('src'));
    resolve();
  }));
  await fs.promises.cp(f('src'), f('p1'), { recursive: true });
  console.log('promises.cp', tree(f('p1')));
  await fs.promises.cp(f('src'), f('p2'), { recursive: true, filter: async (s) => !s.endsWith('.txt') });
  console.log('async filter', tree(f('p2')));
  for (const [label, args] of [['same', [f('src'), f('src'), { recursive: true }]],
    ['exists', [f('file'), f('t1', 'a.txt'), { force: false, errorOnExist: true }]],
    ['bad option', [f('file'), f('x'), { recursive: 'no' }]],
    ['missing', [f('missing'), f('x')]]]) {
    await fs.promises.cp(...args).then(() => console.log(label, 'resolved'),
      (e) => console.log('promises.cp rejects', label, e.code));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
