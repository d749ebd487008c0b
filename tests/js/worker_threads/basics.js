// A Worker runs this same file: workerData, threadId, isMainThread, messages both
// ways (structured clone: Map, BigInt, Date, nested arrays), 'online' before the
// first message, and 'exit' with code 0 once the worker's loop is empty.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

if (isMainThread) {
  console.log('main', isMainThread, threadId, parentPort, workerData);
  const w = new Worker(__filename, { workerData: { list: [1, [2, 3]], when: new Date(0) } });
  const events = [];
  w.on('online', () => events.push('online'));
  w.on('message', (m) => {
    events.push('message');
    if (m.step === 1) {
      console.log('worker says', m.map, m.big, typeof w.threadId);
      w.postMessage({ reply: new Set(['a', 'b']) });
    } else {
      console.log('worker got back', m.got);
    }
  });
  w.on('exit', (code) => {
    console.log('exit', code, events.join(','), w.threadId);
  });
} else {
  console.log('worker', isMainThread, threadId > 0, workerData.list, workerData.when.getTime());
  parentPort.postMessage({ step: 1, map: new Map([['k', { v: 1 }]]), big: 2n ** 70n });
  parentPort.once('message', (m) => {
    parentPort.postMessage({ step: 2, got: [...m.reply] });
  });
}
