// Node-API: the cost of a small addon call and of async work on the pool, with
// real addons from npm, runnable under coil and node alike. Run it from a folder
// where they are installed (`npm install @node-rs/xxhash @node-rs/bcrypt`):
//   cd /tmp/addons && taskset -c 1 coil /path/to/bench/napi.js
// Prints "case=<name> ms=<elapsed>" per case.
const load = (name) => require(require.resolve(name, { paths: [process.cwd()] }));
const { xxh64 } = load('@node-rs/xxhash');
const bcrypt = load('@node-rs/bcrypt');
const now = () => Number(process.hrtime.bigint()) / 1e6;
const out = (name, t0) => process.stdout.write(`case=${name} ms=${(now() - t0).toFixed(1)}\n`);

const s = 'x'.repeat(64);
for (let i = 0; i < 100000; i++) xxh64(s);
let t0 = now();
let last;
for (let i = 0; i < 1000000; i++) last = xxh64(s);
out('xxh64_64B_1M', t0);

t0 = now();
Promise.all(Array.from({ length: 1000 }, (_, i) => bcrypt.hash(`p${i}${last}`, { cost: 4 })))
  .then(() => out('bcrypt_cost4_1000_in_flight', t0));
