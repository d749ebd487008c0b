// A SharedArrayBuffer is shared, not copied: two workers get the same memory, one
// blocks in Atomics.wait until the other stores and calls Atomics.notify, and the
// main thread sees both workers' writes.
const { Worker } = require('worker_threads');

const sab = new SharedArrayBuffer(16);
const flags = new Int32Array(sab);
const waiter = new Worker(`
  const { workerData, parentPort } = require('worker_threads');
  const a = new Int32Array(workerData);
  parentPort.postMessage('waiting');
  const r = Atomics.wait(a, 0, 0, 10000);
  a[2] = a[1] + 1;
  parentPort.postMessage(r);
`, { eval: true, workerData: sab });
waiter.on('message', (m) => {
  if (m !== 'waiting') {
    console.log('wait returned', m);
    return;
  }
  const notifier = new Worker(`
    const { workerData } = require('worker_threads');
    const a = new Int32Array(workerData.sab);
    a[1] = 41;
    Atomics.store(a, 0, 1);
    Atomics.notify(a, 0);
  `, { eval: true, workerData: { sab } });
  notifier.on('exit', (c) => exited(`notifier exit ${c}`));
});
// The two ends may come in either order.
const ends = [];
function exited(what) {
  ends.push(what);
  if (ends.length === 2) console.log(ends.sort(), Array.from(flags));
}
waiter.on('exit', (c) => exited(`waiter exit ${c}`));
