'use strict';
// fs benchmarks, one case per process: `coil|node bench/fs.js CASE DIR`.
// DIR is prepared by bench/fs.py (10,000 files of 4 KiB in DIR/small, a 1 GiB file
// DIR/big.bin). Prints "case=NAME ms=X" with the time of the measured part only.
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

const [kind, dir] = process.argv.slice(2);
const small = path.join(dir, 'small');
const names = fs.readdirSync(small).map((n) => path.join(small, n));

// Runs fn over items with at most `limit` in flight.
async function pool(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// Wall time, and CPU time of the whole process (all threads, user + system)
// where the runtime has process.cpuUsage: bench/fs.py reports it with BENCH_CLOCK=cpu.
async function time(name, fn) {
  const cpu = typeof process.cpuUsage === 'function' ? process.cpuUsage() : null;
  const t = performance.now();
  await fn();
  const ms = (performance.now() - t).toFixed(2);
  const used = cpu && process.cpuUsage(cpu);
  console.log(`case=${name} ms=${ms}${used ? ` cpu=${((used.user + used.system) / 1000).toFixed(2)}` : ''}`);
}

const cases = {
  async 'readfile-64'() { await pool(names, 64, (p) => fs.promises.readFile(p)); },
  async 'readfile-256'() { await pool(names, 256, (p) => fs.promises.readFile(p)); },
  async 'readfile-all'() { await Promise.all(names.map((p) => fs.promises.readFile(p))); },
  async 'stat-all'() { await Promise.all(names.map((p) => fs.promises.stat(p))); },
  async 'readstream-1g'() {
    let bytes = 0;
    await new Promise((resolve, reject) => {
      fs.createReadStream(path.join(dir, 'big.bin'))
        .on('data', (chunk) => { bytes += chunk.length; })
        .on('end', resolve).on('error', reject);
    });
    if (bytes !== 2 ** 30) throw new Error(`read ${bytes} bytes`);
  },
  // 200,000 writes of 100 B through createWriteStream, paced by 'drain' (the
  // stream gathers what is written while a write is in flight into one write).
  async 'write-small'() {
    const file = path.join(dir, `small-writes-${process.pid}.bin`);
    const chunk = Buffer.alloc(100, 'w');
    await new Promise((resolve, reject) => {
      const ws = fs.createWriteStream(file);
      let left = 200000;
      const more = () => {
        while (left > 0) {
          left--;
          if (!ws.write(chunk)) return ws.once('drain', more);
        }
        ws.end();
      };
      ws.on('error', reject).on('close', resolve);
      more();
    });
    if (fs.statSync(file).size !== 20000000) throw new Error('short write');
    fs.unlinkSync(file);
  },
  async 'writefile-fsync'() {
    const out = fs.mkdtempSync(path.join(dir, 'w-'));
    const data = Buffer.alloc(64 * 1024, 'x');
    const files = Array.from({ length: 1000 }, (_, i) => path.join(out, `f${i}`));
    await time('writefile-fsync', () => pool(files, 64, async (p) => {
      const fh = await fs.promises.open(p, 'w');
      await fh.writeFile(data);
      await fh.sync();
      await fh.close();
    }));
    fs.rmSync(out, { recursive: true });
  },
};

(async () => {
  if (kind === 'writefile-fsync') return cases[kind]();
  // One untimed pass warms the page cache and both runtimes' code paths.
  if (kind !== 'readstream-1g') await cases[kind]();
  await time(kind, cases[kind]);
})();
