// process.exit in a worker ends only the worker (its code reaches 'exit'; 'exit'
// runs in the worker first); an uncaught error becomes the Worker's 'error' event
// (a clone: same class, message) and exit code 1; a bad filename is refused.
const { Worker } = require('worker_threads');

function run(code) {
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true });
    w.on('error', (e) => console.log('error event:', e instanceof RangeError, e.name, e.message));
    w.on('message', (m) => console.log('message:', m));
    w.on('exit', (c) => {
      console.log('exit code:', c);
      resolve();
    });
  });
}

(async () => {
  await run(`
    const { parentPort } = require('worker_threads');
    process.on('exit', (c) => parentPort.postMessage('worker exit event ' + c));
    process.exit(7);
    parentPort.postMessage('not reached');`);
  await run('throw new RangeError("out of range in worker")');
  await run('process.exitCode = 3');
  await run('Promise.reject(new RangeError("rejected"))');
  try {
    new Worker('relative.js');
  } catch (e) {
    console.log(e.code, e.name);
  }
  try {
    new Worker(42);
  } catch (e) {
    console.log(e.code);
  }
  console.log('main still running');
})();
