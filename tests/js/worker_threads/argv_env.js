// argv and env options: the worker's process.argv has the extra arguments (as
// strings), its process.env is a copy (options.env, or the parent's) whose
// changes stay in the worker.
const { Worker } = require('worker_threads');

process.env.FROM_PARENT = 'yes';
const code = `
  const { parentPort } = require('worker_threads');
  process.env.SET_IN_WORKER = '1';
  parentPort.postMessage([process.argv.slice(2), process.env.FROM_PARENT, process.env.ONLY_HERE]);
`;
const a = new Worker(code, { eval: true, argv: ['x', 2] });
a.on('message', (m) => console.log('default env:', m));
a.on('exit', () => {
  const b = new Worker(code, { eval: true, env: { ONLY_HERE: 'given' } });
  b.on('message', (m) => console.log('own env:', m));
  b.on('exit', () => console.log('parent sees SET_IN_WORKER:', process.env.SET_IN_WORKER));
});
