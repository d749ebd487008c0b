// fs.promises.readFile and fs.readFile as one op (a linked open/read/read chain
// on io_uring): sizes around the first read's 64 KiB - 512 and its 512-byte probe,
// empty files, /proc files (short reads that are not the end), encodings, errors
// naming the syscall that failed (open with the path, read without), a file past
// 2 GiB refused unread, an aborted signal, and many at once (more than the ring's
// table of direct descriptors).
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rf-'));
(async () => {
  for (const n of [0, 1, 4096, 65023, 65024, 65025, 65536, 65537, 200000, 3 * 1024 * 1024 + 7]) {
    const p = path.join(dir, 'f' + n);
    const data = Buffer.alloc(n);
    for (let i = 0; i < n; i++) data[i] = (i * 7 + (i >> 8)) & 255;
    fs.writeFileSync(p, data);
    const got = await fs.promises.readFile(p);
    console.log(n, got.length, got.equals(data), Buffer.isBuffer(got));
  }
  fs.writeFileSync(path.join(dir, 'u'), 'héllo');
  console.log(await fs.promises.readFile(path.join(dir, 'u'), 'utf8'));
  console.log(await fs.promises.readFile(path.join(dir, 'u'), { encoding: 'hex' }));
  const st = await fs.promises.readFile('/proc/self/status', 'utf8');
  console.log('status', st.startsWith('Name:'), st.includes('VmRSS'));
  const maps = await fs.promises.readFile('/proc/self/maps', 'utf8');
  console.log('maps', maps.length > 1000, maps.endsWith('\n'));
  for (const [p, o] of [[dir, undefined], [path.join(dir, 'nope'), undefined], [path.join(dir, 'w'), { flag: 'w' }],
                        [path.join(dir, 'u', 'x'), undefined]]) {
    try { await fs.promises.readFile(p, o); console.log('ok?'); } catch (e) {
      console.log(e.code, e.syscall, e.errno, e.message.replace(dir, 'DIR'), e.path && e.path.replace(dir, 'DIR'));
    }
  }
  const big = path.join(dir, 'big');
  fs.closeSync(fs.openSync(big, 'w'));
  fs.truncateSync(big, 2 ** 31 + 5);
  const t = Date.now();
  try { await fs.promises.readFile(big); } catch (e) { console.log(e.code, e.message, Date.now() - t < 5000); }
  const ac = new AbortController(); ac.abort();
  try { await fs.promises.readFile(path.join(dir, 'u'), { signal: ac.signal }); } catch (e) { console.log(e.name, e.code); }
  await new Promise((res) => fs.readFile(path.join(dir, 'u'), 'latin1', (err, s) => { console.log('cb', err, s); res(); }));
  await new Promise((res) => fs.readFile(path.join(dir, 'nope'), (err, s) => { console.log('cb', err.code, err.path.replace(dir, 'DIR')); res(); }));
  // many at once
  const all = await Promise.all(Array.from({ length: 3000 }, (_, i) => fs.promises.readFile(path.join(dir, i % 2 ? 'u' : 'f4096'))));
  console.log('all', all.every((b, i) => b.length === (i % 2 ? 6 : 4096)));
  fs.rmSync(dir, { recursive: true });
})();
