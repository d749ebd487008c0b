// env: SHARE_ENV: the worker's process.env is the process's environment: it sees the
// parent's variables, set before and after it started; the parent sees its writes
// and deletes (reads, 'in' and Object.keys alike).
const { Worker, SHARE_ENV } = require('worker_threads');
process.env.BEFORE = 'b';
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.postMessage([process.env.BEFORE, 'BEFORE' in process.env, Object.keys(process.env).includes('BEFORE')]);
  process.env.FROM_WORKER = 'w';
  parentPort.once('message', () => { parentPort.postMessage(process.env.AFTER); delete process.env.BEFORE; parentPort.close(); });
`, { eval: true, env: SHARE_ENV });
process.env.AFTER = 'a';
w.on('message', (m) => { console.log('worker sees', m); w.postMessage('x'); });
w.on('exit', () => console.log('main sees', process.env.FROM_WORKER, 'FROM_WORKER' in process.env, process.env.BEFORE, Object.keys(process.env).includes('FROM_WORKER')));
