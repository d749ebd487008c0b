// Many fs.promises.readFile/stat calls at once, more than the ring's 256 direct
// descriptors, with small files, files past the first 64 KiB read and missing
// files mixed: each call gets its own bytes or its own error, and a second round
// (reusing the buffers and op boxes the first one gave back) gets the same. Error
// texts name the path as given (string, Buffer, URL, non-ASCII), sync and async.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-slots-'));
const sizes = [0, 1, 4096, 65023, 65024, 65025, 65536, 200000];
const files = [];
for (let i = 0; i < 1000; i++) {
  const p = path.join(dir, `f${i}`);
  if (i % 7 === 3) {
    files.push({ p, missing: true });
    continue;
  }
  const size = sizes[i % sizes.length];
  const data = Buffer.alloc(size);
  for (let j = 0; j < size; j++) data[j] = (i * 31 + j) & 0xff;
  fs.writeFileSync(p, data);
  files.push({ p, data });
}

function check(results) {
  let ok = 0;
  let bad = 0;
  results.forEach((r, i) => {
    const f = files[i];
    if (f.missing) {
      if (r.status === 'rejected' && r.reason.code === 'ENOENT' && r.reason.path === f.p &&
          r.reason.syscall === 'open') ok++;
      else bad++;
    } else if (r.status === 'fulfilled' && Buffer.isBuffer(r.value) && r.value.equals(f.data) &&
               r.value.byteOffset === 0 && (f.data.length === 0 || r.value.buffer.byteLength === f.data.length)) {
      ok++;
    } else {
      bad++;
    }
  });
  return `${ok} ok, ${bad} bad`;
}

(async () => {
  const read = () => Promise.allSettled(files.map((f) => fs.promises.readFile(f.p)));
  console.log('round 1:', check(await read()));
  console.log('round 2:', check(await read()));
  const stats = await Promise.allSettled(files.map((f) => fs.promises.stat(f.p)));
  console.log('stat:', stats.every((r, i) => (files[i].missing ?
    r.status === 'rejected' && r.reason.path === files[i].p && r.reason.syscall === 'stat' :
    r.value.size === files[i].data.length)));

  console.log('readFile', fs.promises.readFile.name, fs.promises.readFile.length,
    fs.promises.readFile(files[0].p) instanceof Promise);
  const badArg = fs.promises.readFile(42n);
  console.log('bad path rejects:', await badArg.catch((e) => e.code));

  // The error's path is the one given, however it was given.
  const named = path.join(dir, 'naïve ☃ файл');
  const forms = [named, Buffer.from(named), pathToFileURL(named)];
  for (const form of forms) {
    for (const call of ['stat', 'lstat', 'readFile']) {
      const e = await fs.promises[call](form).catch((e) => e);
      console.log(call, e.code, e.syscall, e.path === named, e.message === `ENOENT: no such file or directory, ${e.syscall} '${named}'`);
    }
    for (const call of ['statSync', 'lstatSync']) {
      try {
        fs[call](form);
      } catch (e) {
        console.log(call, e.code, e.syscall, e.path === named);
      }
    }
  }
  const e = await new Promise((resolve) => fs.stat(named, resolve));
  console.log('callback stat', e.code, e.path === named);

  // fstat (the fd form, with its empty path) still works after all of this.
  const fh = await fs.promises.open(files[1].p);
  console.log('fstat size', (await fh.stat()).size, fs.fstatSync(fh.fd).size);
  await fh.close();
  fs.rmSync(dir, { recursive: true });
})();
