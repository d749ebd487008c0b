// fs.promises.stat/lstat/readFile return a promise the completion settles directly
// (no JS request object): many at once, errors, Stats shape, bigint, and the order
// of ticks and microtasks between two completions must all stay as node's.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-settle-'));
const files = [];
for (let i = 0; i < 300; i++) {
  const p = path.join(dir, `f${i}`);
  fs.writeFileSync(p, 'x'.repeat(i));
  files.push(p);
}

(async () => {
  // Many in flight: every value belongs to its own call.
  const stats = await Promise.all(files.map((p) => fs.promises.stat(p)));
  console.log('stat sizes ok', stats.every((st, i) => st.size === i && st.isFile()));
  const bufs = await Promise.all(files.map((p) => fs.promises.readFile(p)));
  console.log('readFile ok', bufs.every((b, i) => Buffer.isBuffer(b) && b.length === i &&
    b.toString() === 'x'.repeat(i) && (i === 0 || b.buffer.byteLength === i) && b.byteOffset === 0));

  // The same Stats as the sync call: own keys in order, prototype, Dates.
  const [a, s] = [await fs.promises.stat(files[7]), fs.statSync(files[7])];
  console.log('keys', JSON.stringify(Object.keys(a)) === JSON.stringify(Object.keys(s)));
  console.log('instanceof', a instanceof fs.Stats, Object.getPrototypeOf(a) === Object.getPrototypeOf(s));
  console.log('dates', a.mtime instanceof Date, a.mtime.getTime() === Math.round(a.mtimeMs),
    a.mtimeMs === s.mtimeMs, a.ino === s.ino, a.mode === s.mode);
  const l = await fs.promises.lstat(dir);
  console.log('lstat dir', l.isDirectory(), l.isFile());
  const b = await fs.promises.stat(files[7], { bigint: true });
  console.log('bigint', typeof b.size, b.size, typeof b.mtimeNs, b.mtimeMs === BigInt(Math.floor(s.mtimeMs)));

  // Errors: node's shape, from a rejected promise (not a throw).
  for (const call of [() => fs.promises.stat(path.join(dir, 'nope')), () => fs.promises.lstat(path.join(dir, 'nope')),
    () => fs.promises.readFile(path.join(dir, 'nope')), () => fs.promises.readFile(dir)]) {
    const e = await call().then(() => null, (e) => e);
    console.log(e.message.replace(dir, 'DIR'), e.code, e.syscall, e.errno, Object.keys(e).join());
  }
  const bad = fs.promises.stat(42);
  console.log('bad arg rejects', bad instanceof Promise, await bad.catch((e) => e.code));
  console.log(await fs.promises.readFile(files[3], 'utf8'), await fs.promises.readFile(files[2], { encoding: 'hex' }));

  // Between two completions, the first one's ticks and microtasks run first.
  const order = [];
  await Promise.all([0, 1, 2].map((i) => fs.promises.stat(files[i]).then(() => {
    order.push(`then ${i}`);
    process.nextTick(() => order.push(`tick ${i}`));
    queueMicrotask(() => order.push(`micro ${i}`));
  })));
  // (Which stat completes first is the kernel's or the thread pool's choice.)
  console.log(order.map((x) => x.split(' ')[0]).join(', '),
    order.every((x, i) => x.split(' ')[1] === order[i - i % 3].split(' ')[1]));

  // The async context of the call is the one its continuation sees.
  const { AsyncLocalStorage } = require('async_hooks');
  const als = new AsyncLocalStorage();
  await als.run({ id: 1 }, async () => {
    await fs.promises.stat(files[1]);
    await fs.promises.readFile(files[1]);
    const e = await fs.promises.lstat(path.join(dir, 'nope')).catch((e) => e.code);
    console.log('store', als.getStore().id, e);
  });
  fs.rmSync(dir, { recursive: true });
})();
