// In a worker, an 'uncaughtException' listener that handles the error lets the
// worker end normally (even when the error came from a message callback), its
// exitCode change counts, and a listener that throws ends the worker with 1 and
// sends that error to the parent (the main thread would exit with 7).
const { Worker } = require('worker_threads');

const cases = [
  `process.on('uncaughtException', () => {}); throw new Error('ok');`,
  `process.on('uncaughtException', () => { process.exitCode = 97; });
   require('worker_threads').parentPort.once('message', () => { throw new Error('in message'); });`,
  `process.on('uncaughtException', () => { throw new Error('from handler'); }); throw new Error('bad');`,
];
(async () => {
  for (const code of cases) {
    await new Promise((resolve) => {
      const w = new Worker(code, { eval: true });
      w.postMessage('go');
      w.on('error', (e) => console.log('error:', e.message));
      w.on('exit', (c) => {
        console.log('exit:', c);
        resolve();
      });
    });
  }
})();
