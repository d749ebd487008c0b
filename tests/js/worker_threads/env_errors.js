// process.env refuses what cannot be an environment variable, in the main thread
// and in a worker (ERR_INVALID_OBJECT_DEFINE_PROPERTY), and options.env must be an
// object, null, undefined or SHARE_ENV.
const { Worker } = require('worker_threads');

const code = `
  const out = [];
  for (const d of [{ value: 42 }, { get() {} }, { value: 1, configurable: true, writable: true }]) {
    try {
      Object.defineProperty(process.env, 'DEFINED', d);
      out.push('defined');
    } catch (e) {
      out.push(e.name + ' ' + e.code + ': ' + e.message);
    }
  }
  Object.defineProperty(process.env, 'OK', { value: 7, configurable: true, writable: true, enumerable: true });
  out.push(typeof process.env.OK + ' ' + process.env.OK);
  out;
`;
// eslint-disable-next-line no-eval
console.log('main:', eval(code));
const w = new Worker(`${code.replace(/out;\s*$/, '')} require('worker_threads').parentPort.postMessage(out);`,
                     { eval: true });
w.on('message', (m) => console.log('worker:', m));
w.on('exit', () => {
  try {
    new Worker('1', { eval: true, env: 42 });
  } catch (e) {
    console.log(e.code, e.message);
  }
});
