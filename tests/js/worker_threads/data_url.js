// Workers made from data: URLs run them as ES modules: import.meta.url is the URL,
// process.argv has no script, a module that is not JavaScript or uses CommonJS
// names fails with the worker's 'error', top-level await works, and one that
// never settles ends the worker with code 13. A data: string (not a URL) is refused.
const { Worker } = require('worker_threads');

const cases = [
  ['empty', 'data:text/javascript,'],
  ['export', 'data:text/javascript,export{}'],
  ['meta', 'data:text/javascript,import{parentPort}from"worker_threads";' +
    'parentPort.postMessage([import.meta.url.slice(0,20),process.argv.length])'],
  ['plain', 'data:text/plain,'],
  ['cjs', 'data:text/javascript,module.exports={}'],
  ['await', 'data:text/javascript,await Promise.resolve()'],
  ['reject', 'data:text/javascript,await Promise.reject(new Error("no"))'],
  ['never', 'data:text/javascript,await new Promise(()=>{})'],
];

function run(i) {
  if (i === cases.length) {
    try {
      new Worker('data:text/javascript,1');
    } catch (e) {
      console.log(e.code, e.message.includes('Wrap data: URLs with `new URL`.'));
    }
    return;
  }
  const [name, url] = cases[i];
  const w = new Worker(new URL(url));
  w.on('message', (m) => console.log(name, 'message', m));
  // (node adds a hint to the ReferenceError's message: only its name is shown)
  w.on('error', (e) => console.log(name, 'error', e.name, name === 'cjs' ? '' : e.code ?? e.message));
  w.on('exit', (code) => {
    console.log(name, 'exit', code);
    run(i + 1);
  });
}
run(0);
