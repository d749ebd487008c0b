// crypto throughput, runnable under coil and node alike. One case per process
// (argv[2]); prints "case=<name> ms=<elapsed>". BENCH_SCALE (default 1) divides
// the sizes, for a quick smoke run.
'use strict';
const crypto = require('crypto');

const scale = Number(process.env.BENCH_SCALE || 1);
const GiB = 1024 ** 3 / scale;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const out = (name, t0) => process.stdout.write(`case=${name} ms=${(now() - t0).toFixed(1)}\n`);

const cases = {
  // sha256 of 1 GiB fed in 64 KiB updates.
  sha256() {
    const chunk = crypto.randomBytes(64 * 1024);
    const t0 = now();
    const h = crypto.createHash('sha256');
    for (let done = 0; done < GiB; done += chunk.length) h.update(chunk);
    h.digest();
    out('sha256_1GiB_64KiB_updates', t0);
  },
  // AES-256-GCM encryption of 1 GiB in 64 KiB updates.
  aesgcm() {
    const chunk = crypto.randomBytes(64 * 1024);
    const t0 = now();
    const c = crypto.createCipheriv('aes-256-gcm', crypto.randomBytes(32), crypto.randomBytes(12));
    for (let done = 0; done < GiB; done += chunk.length) c.update(chunk);
    c.final();
    c.getAuthTag();
    out('aes256gcm_1GiB_64KiB_updates', t0);
  },
  // 100 pbkdf2 derivations of 100,000 iterations each, all started at once (the
  // work pool runs them; node's libuv threadpool likewise).
  pbkdf2() {
    const n = Math.max(1, Math.round(100 / scale));
    const t0 = now();
    let left = n;
    for (let i = 0; i < n; i++) {
      crypto.pbkdf2('password', `salt${i}`, 100000, 32, 'sha256', (err) => {
        if (err) throw err;
        if (--left === 0) out('pbkdf2_100x100k_concurrent', t0);
      });
    }
  },
};
cases[process.argv[2]]();
