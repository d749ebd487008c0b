// An AbortSignal seen through a Proxy (as a deep "must not mutate" wrapper of an
// options object makes one) still reads as a signal: aborted, reason and
// throwIfAborted work, and fs.promises.readFile rejects with AbortError.
const fs = require('fs');
const path = require('path');
const os = require('os');
const wrap = (o) => new Proxy(o, {
  get: (t, k, r) => {
    const v = Reflect.get(t, k, r);
    return v !== null && typeof v === 'object' ? wrap(v) : v;
  },
  set: () => { throw new Error('mutated'); },
  defineProperty: () => { throw new Error('defined'); },
});
const signal = wrap(AbortSignal.abort('why'));
console.log('aborted', signal.aborted, 'reason', signal.reason);
try { signal.throwIfAborted(); } catch (e) { console.log('throwIfAborted threw', e); }
const live = new AbortController();
console.log('live through a proxy', wrap(live.signal).aborted);
try {
  Reflect.get(AbortSignal.prototype, 'aborted', {});
} catch (e) {
  console.log('plain object', e.code);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-abort-proxy-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'x'.repeat(1000));
(async () => {
  const handle = await fs.promises.open(file, 'r');
  try {
    await fs.promises.readFile(handle, wrap({ signal: AbortSignal.abort() }));
  } catch (e) {
    console.log('readFile', e.name);
  }
  await handle.close();
  fs.rmSync(dir, { recursive: true });
})();
