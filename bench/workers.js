// worker_threads costs, runnable under coil and node alike. Prints one line per
// case: "case=<name> ms=<elapsed>" (lower is better).
//   pingpong  a small object to a worker and back, N round trips, one at a time
//   transfer  1 MiB ArrayBuffers moved to a worker (transfer list), M of them, each acknowledged
//   startup   K workers started one after another, each until its 'online'... and 'exit'
const { Worker, isMainThread, parentPort } = require('worker_threads');

const now = () => Number(process.hrtime.bigint()) / 1e6;
const out = (name, t0) => process.stdout.write(`case=${name} ms=${(now() - t0).toFixed(1)}\n`);
const scale = Number(process.argv[3] || 1);

if (!isMainThread) {
  parentPort.on('message', (m) => {
    if (m === 'end') parentPort.close();
    else parentPort.postMessage(m instanceof ArrayBuffer ? m.byteLength : m);
  });
  return;
}

function pingpong(done) {
  const n = Math.round(100000 * scale);
  const w = new Worker(__filename);
  const msg = { id: 0, kind: 'ping', list: [1, 2, 3] };
  let t0;
  let left = n;
  w.on('online', () => {
    t0 = now();
    w.postMessage(msg);
  });
  w.on('message', () => {
    if (--left > 0) return w.postMessage(msg);
    out(`pingpong_${n}`, t0);
    w.postMessage('end');
  });
  w.on('exit', done);
}

function transfer(done) {
  const n = Math.round(1000 * scale);
  const w = new Worker(__filename);
  let t0;
  let left = n;
  const send = () => {
    const ab = new ArrayBuffer(1 << 20);
    w.postMessage(ab, [ab]);
  };
  w.on('online', () => {
    t0 = now();
    send();
  });
  w.on('message', () => {
    if (--left > 0) return send();
    out(`transfer_1MiB_x${n}`, t0);
    w.postMessage('end');
  });
  w.on('exit', done);
}

function startup(done) {
  const n = Math.round(50 * scale);
  const t0 = now();
  let left = n;
  const one = () => {
    const w = new Worker('', { eval: true });
    w.on('exit', () => {
      if (--left > 0) return one();
      out(`startup_x${n}`, t0);
      done();
    });
  };
  one();
}

const cases = { pingpong, transfer, startup };
const pick = process.argv[2];
const list = pick ? [pick] : Object.keys(cases);
let i = 0;
const next = () => { if (i < list.length) cases[list[i++]](next); };
next();
