'use strict';
// bench/matrix's file cells, one per process: `RUNTIME bench/matrix/fs.js CASE DIR`
// over the data bench/fs.py prepares (DIR/small: 10,000 files of 4 KiB; DIR/big.bin:
// 1 GiB). Prints "ops=N ms=X p99_us=Y cpu_us=Z": operations done in the timed part,
// its wall time, the 99th percentile of one operation's latency (none for the copy,
// which is one long operation), and the process's CPU time (all threads) over it.
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

const [kind, dir] = process.argv.slice(2);
const small = path.join(dir, 'small');
const names = fs.readdirSync(small).map((n) => path.join(small, n));
const IN_FLIGHT = 256;

// Runs op over every item, at most IN_FLIGHT at once; the latency of each.
async function storm(items, op) {
  const lat = new Float64Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const t = performance.now();
      await op(items[i]);
      lat[i] = performance.now() - t;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return lat;
}

function copy() {
  const dst = path.join(dir, `copy-${process.pid}.bin`);
  return new Promise((resolve, reject) => {
    fs.createReadStream(path.join(dir, 'big.bin')).on('error', reject)
      .pipe(fs.createWriteStream(dst)).on('error', reject)
      .on('finish', () => {
        const size = fs.statSync(dst).size;
        fs.unlinkSync(dst); // its dirty pages go with it: no writeback after the run
        if (size !== 2 ** 30) reject(new Error(`copied ${size} bytes`));
        else resolve(null);
      });
  });
}

const cases = {
  readfile: () => storm(names, (p) => fs.promises.readFile(p)),
  stat: () => storm(names, (p) => fs.promises.stat(p)),
  copy,
};

(async () => {
  const run = cases[kind];
  if (kind !== 'copy') await run(); // warms the page cache and the code paths
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const lat = await run();
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  let p99 = NaN;
  if (lat) {
    const sorted = Array.from(lat).sort((a, b) => a - b);
    p99 = sorted[Math.floor(sorted.length * 0.99)] * 1000;
  }
  const ops = lat ? lat.length : 1;
  console.log(`ops=${ops} ms=${ms.toFixed(2)} p99_us=${p99.toFixed(0)} cpu_us=${cpu.user + cpu.system}`);
})();
