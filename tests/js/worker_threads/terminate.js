// terminate() stops a worker stuck in a busy loop (V8's TerminateExecution from
// the parent's thread) and resolves with exit code 1; terminating an idle worker
// (waiting on a timer) works too, and unref() lets the parent exit while a worker runs.
const { Worker } = require('worker_threads');

const busy = new Worker('require("worker_threads").parentPort.postMessage("spinning"); for (;;) {}', { eval: true });
busy.on('message', async (m) => {
  console.log('busy says', m);
  const code = await busy.terminate();
  console.log('terminate resolved with', code);
  const idle = new Worker('setTimeout(() => {}, 1e6); require("worker_threads").parentPort.postMessage("idle")', { eval: true });
  idle.on('message', async () => {
    console.log('idle exit code', await idle.terminate());
    const forever = new Worker('setInterval(() => {}, 1000)', { eval: true });
    forever.unref();
    console.log('unref: the parent may end now');
  });
});
busy.on('exit', (c) => console.log('busy exit', c));
