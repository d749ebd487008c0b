// fs.Dir: opendirSync/opendir/fs.promises.opendir, read (promise and callback),
// readSync, close in all forms, async iteration closing the Dir (also on break),
// recursive, encoding, ERR_DIR_CLOSED, ERR_DIR_CONCURRENT_OPERATION and open errors.
// Entry order is the file system's, so names are sorted before printing.
const fs = require('fs');
const os = require('os');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-dir-'));
fs.writeFileSync(path.join(tmp, 'a.txt'), 'a');
fs.writeFileSync(path.join(tmp, 'b.txt'), 'b');
fs.mkdirSync(path.join(tmp, 'sub', 'deep'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'sub', 'c.txt'), 'c');
fs.writeFileSync(path.join(tmp, 'sub', 'deep', 'd.txt'), 'd');
fs.symlinkSync('a.txt', path.join(tmp, 'link'));

const describe = (d) => {
  const kind = d.isFile() ? 'file' : d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'link' : '?';
  const rel = path.relative(tmp, path.join(d.parentPath, String(d.name)));
  return `${rel}:${kind}:${d.path === d.parentPath}`;
};
const code = (fn) => {
  try {
    fn();
    return 'no throw';
  } catch (e) {
    return e.code;
  }
};

async function syncApi() {
  const dir = fs.opendirSync(tmp);
  console.log('path', dir.path === tmp, dir instanceof fs.Dir, Object.keys(dir));
  const seen = [];
  for (let d = dir.readSync(); d !== null; d = dir.readSync()) seen.push(describe(d));
  console.log(seen.sort(), dir.readSync());
  dir.closeSync();
  console.log('after closeSync:', code(() => dir.readSync()), code(() => dir.closeSync()),
    code(() => dir.read(() => {})), code(() => dir.read()));
  await dir.close().catch((e) => console.log('close() rejects:', e.code, e.message));
  await new Promise((resolve) => dir.close((e) => {
    console.log('close(cb) gets:', e.code);
    resolve();
  }));
}

async function callbackApi() {
  const dir = await new Promise((resolve, reject) => fs.opendir(tmp, (err, d) => (err ? reject(err) : resolve(d))));
  const names = [];
  await new Promise((resolve) => {
    const next = () => dir.read((err, d) => {
      if (err) throw err;
      if (d === null) {
        dir.close((e) => {
          console.log('callback read done, close err:', e);
          resolve();
        });
        return;
      }
      names.push(d.name);
      next();
    });
    next();
  });
  console.log(names.sort());
}

async function promiseApi() {
  const dir = await fs.promises.opendir(tmp);
  const names = [];
  for await (const d of dir) names.push(d.name);
  console.log('for await:', names.sort(), 'closed after:', code(() => dir.readSync()));
  const dir2 = fs.opendirSync(tmp);
  for await (const d of dir2) {
    console.log('breaking after one entry:', typeof d.name);
    break;
  }
  console.log('closed after break:', code(() => dir2.closeSync()));
  const dir3 = await fs.promises.opendir(tmp, { recursive: true });
  const all = [];
  for await (const d of dir3) all.push(describe(d));
  console.log('recursive:', all.sort());
  const rec = fs.opendirSync(tmp, { recursive: true });
  const syncAll = [];
  for (let d = rec.readSync(); d !== null; d = rec.readSync()) syncAll.push(describe(d));
  rec.closeSync();
  console.log('recursive sync:', syncAll.sort().join(' '));
}

async function concurrency() {
  // bufferSize 1: an async read with nothing buffered is in flight until it calls back.
  const dir = fs.opendirSync(tmp, { bufferSize: 1 });
  const p = dir.read();
  console.log('readSync during read():', code(() => dir.readSync()), 'closeSync:', code(() => dir.closeSync()));
  const first = await p;
  console.log('read() gave', typeof first.name, 'then readSync:', typeof dir.readSync().name);
  const reads = [dir.read(), dir.read()];
  const closing = dir.close();
  const got = await Promise.all(reads);
  await closing;
  console.log('queued reads before close:', got.map((d) => typeof d.name));
}

async function options() {
  const dir = fs.opendirSync(tmp, { encoding: 'buffer' });
  const d = dir.readSync();
  console.log('buffer names:', Buffer.isBuffer(d.name));
  dir.closeSync();
  const hex = fs.opendirSync(path.join(tmp, 'sub', 'deep'), 'hex');
  console.log('hex name:', hex.readSync().name);
  hex.closeSync();
  for (const o of [{ bufferSize: 0 }, { bufferSize: 1.5 }, { bufferSize: '2' }, { encoding: 'nope' }]) {
    try {
      fs.opendirSync(tmp, o).closeSync();
      console.log('no throw', o);
    } catch (e) {
      console.log(`${e.code}|${e.message}`);
    }
  }
  try {
    fs.opendir(tmp, {});
  } catch (e) {
    console.log(`${e.code}|${e.message}`);
  }
  try {
    fs.opendirSync(42);
  } catch (e) {
    console.log(`${e.code}|${e.message}`);
  }
  try {
    new fs.Dir();
  } catch (e) {
    console.log('new Dir():', e.code);
  }
}

async function openErrors() {
  const missing = path.join(tmp, 'missing');
  await new Promise((resolve) => fs.opendir(missing, (err) => {
    console.log(err.code, err.syscall, err.errno, err.message === `ENOENT: no such file or directory, opendir '${missing}'`);
    resolve();
  }));
  await fs.promises.opendir(path.join(tmp, 'a.txt')).catch((err) => console.log(err.code, err.syscall));
  try {
    fs.opendirSync(missing);
  } catch (err) {
    console.log('sync:', err.code, err.syscall);
  }
}

(async () => {
  for (const s of [syncApi, callbackApi, promiseApi, concurrency, options, openErrors]) {
    console.log(`-- ${s.name}`);
    await s();
  }
  fs.rmSync(tmp, { recursive: true });
  console.log('done');
})();
