// 100 workers started (in groups of 10) and joined leave no fd and no thread
// behind: /proc/self/fd and /proc/self/task count the same before and after.
const { Worker } = require('worker_threads');
const fs = require('fs');

const count = (dir) => fs.readdirSync(dir).length;
function group(n) {
  const list = [];
  for (let i = 0; i < n; i++) {
    list.push(new Promise((resolve) => {
      const w = new Worker('require("worker_threads").parentPort.postMessage(require("worker_threads").threadId)',
                           { eval: true });
      let got = 0;
      w.on('message', (id) => { got = id; });
      w.on('exit', (code) => resolve(code === 0 && got > 0));
    }));
  }
  return Promise.all(list);
}

(async () => {
  // One worker first: the process's lazily made threads (V8's, the pool) exist after it.
  await group(1);
  const fds = count('/proc/self/fd');
  const tasks = count('/proc/self/task');
  let ok = 0;
  for (let g = 0; g < 10; g++) ok += (await group(10)).filter(Boolean).length;
  console.log('workers ok', ok);
  console.log('fds same', count('/proc/self/fd') === fds);
  console.log('threads same', count('/proc/self/task') === tasks);
})();
