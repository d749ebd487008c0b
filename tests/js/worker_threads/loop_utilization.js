// performance.eventLoopUtilization: zeros before the loop runs; then idle time
// grows while the loop waits (a timer) and active time while JS runs; a delta
// against an earlier reading; and worker.performance.eventLoopUtilization() reads a
// worker's loop from its parent (a busy worker is mostly active), zeros after exit.
const { Worker } = require('worker_threads');

const first = performance.eventLoopUtilization();
console.log('before the loop:', first, performance.nodeTiming.loopStart);

setTimeout(() => {
  const a = performance.eventLoopUtilization();
  console.log('waited 100 ms: idle > 50', a.idle > 50, 'utilization < 0.5', a.utilization < 0.5,
              'idleTime', performance.nodeTiming.idleTime === a.idle || performance.nodeTiming.idleTime >= a.idle);
  const end = Date.now() + 60;
  while (Date.now() < end);
  const b = performance.eventLoopUtilization(a);
  console.log('busy 60 ms: active >= 55', b.active >= 55, 'idle < 5', b.idle < 5, 'utilization > 0.9', b.utilization > 0.9);
  const c = performance.eventLoopUtilization(b, a);
  console.log('between two readings:', typeof c.utilization, c.idle === b.idle - a.idle);

  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    setTimeout(() => {
      const end = Date.now() + 150;
      while (Date.now() < end);
      parentPort.postMessage('busy done');
    }, 10);
    setTimeout(() => {}, 300);
  `, { eval: true });
  w.on('message', () => {
    const u = w.performance.eventLoopUtilization();
    console.log('busy worker: active > idle', u.active > u.idle, 'utilization > 0.5', u.utilization > 0.5);
  });
  w.on('exit', () => console.log('after exit:', w.performance.eventLoopUtilization()));
}, 100);
