// A worker starts its own worker: messages travel grandchild -> child -> main,
// threadIds differ, and each level's 'exit' comes after its child's.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

const depth = isMainThread ? 0 : workerData.depth;
if (depth < 2) {
  const w = new Worker(__filename, { workerData: { depth: depth + 1 } });
  w.on('message', (m) => {
    const msg = [...m, { depth, threadId }];
    if (isMainThread) {
      console.log(msg.map((x) => x.depth).join(' <- '));
      console.log('distinct threadIds', new Set(msg.map((x) => x.threadId)).size);
    } else {
      parentPort.postMessage(msg);
    }
  });
  w.on('exit', (c) => {
    if (isMainThread) console.log('child exit', c);
  });
} else {
  parentPort.postMessage([{ depth, threadId }]);
}
