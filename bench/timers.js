// Timer and tick throughput, runnable under coil and node alike. Prints one line
// per case: "case=<name> ms=<elapsed>".
const N = 1000000;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const out = (name, t0) => process.stdout.write(`case=${name} ms=${(now() - t0).toFixed(1)}\n`);

function timers(done) {
  const t0 = now();
  let fired = 0;
  for (let i = 0; i < N; i++) {
    setTimeout(() => { if (++fired === N) { out('timers_1M', t0); done(); } }, 1 + (i & 7));
  }
}

function ticks(done) {
  const t0 = now();
  let n = 0;
  const step = () => { if (++n < N) process.nextTick(step); else { out('nextTick_chain_1M', t0); done(); } };
  process.nextTick(step);
}

function promises(done) {
  const t0 = now();
  let p = Promise.resolve(0);
  for (let i = 0; i < N; i++) p = p.then((v) => v + 1);
  p.then(() => { out('promise_chain_1M', t0); done(); });
}

function immediates(done) {
  const t0 = now();
  let n = 0;
  const step = () => { if (++n < 200000) setImmediate(step); else { out('setImmediate_chain_200k', t0); done(); } };
  setImmediate(step);
}

// One case per process (argv[2]), so no case pays for another's garbage.
const cases = { timers, ticks, promises, immediates };
cases[process.argv[2]](() => {});
