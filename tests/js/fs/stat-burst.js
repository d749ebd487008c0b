// More than a thousand fs.promises stats pending at once (coil grows V8's young
// generation faster while such a burst is pending, src/runtime/young_gen.rs): every
// value and error still belongs to its own call, code compiled and cached data made
// during the burst still work after it, and later calls are unaffected.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-burst-'));
const files = [];
for (let i = 0; i < 1500; i++) {
  const p = path.join(dir, `f${i}`);
  fs.writeFileSync(p, 'y'.repeat(i % 97));
  files.push(p);
}

(async () => {
  let cached;
  // The first completion runs while the burst is pending.
  const first = fs.promises.stat(files[0]).then((st) => {
    cached = new vm.Script('6 * 7', { filename: 'burst.js' }).createCachedData();
    return st.size;
  });
  const calls = files.map((p, i) => {
    if (i % 250 === 3) return fs.promises.stat(p + '-missing').catch((e) => e);
    return i % 2 ? fs.promises.lstat(p) : fs.promises.stat(p);
  });
  const results = await Promise.all(calls);
  console.log('first', await first);
  let ok = 0, errors = 0;
  results.forEach((r, i) => {
    if (r instanceof Error) {
      if (r.code === 'ENOENT' && r.syscall === 'stat' && r.path === files[i] + '-missing') errors++;
    } else if (r instanceof fs.Stats && r.size === i % 97 && r.isFile() && r.mtime instanceof Date) {
      ok++;
    }
  });
  console.log('stats', ok, 'errors', errors);
  const script = new vm.Script('6 * 7', { filename: 'burst.js', cachedData: cached });
  console.log('cached data', script.cachedDataRejected, script.runInThisContext());
  const big = await fs.promises.stat(files[1000], { bigint: true });
  console.log('bigint after', typeof big.size, big.size === BigInt(1000 % 97));
  const fh = await fs.promises.open(files[96]);
  console.log('filehandle stat', (await fh.stat()).size);
  await fh.close();
  fs.rmSync(dir, { recursive: true });
})();
