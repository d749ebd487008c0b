// worker.getHeapSnapshot(): a Readable of the worker isolate's heap (its own
// objects in it), also from a worker that never listens; options checked; after
// exit, ERR_WORKER_NOT_RUNNING.
const { Worker } = require('worker_threads');
const w = new Worker(`
const { parentPort } = require('worker_threads');
globalThis.marker = new (class WorkerHeapMarker {})();
parentPort.once('message', () => { setTimeout(() => {}, 50); });
setInterval(() => {}, 1000).unref();
`, { eval: true });
try { w.getHeapSnapshot(1); } catch (e) { console.log('bad options', e.code); }
w.once('online', async () => {
  const [a, b] = await Promise.all([w.getHeapSnapshot(), w.getHeapSnapshot({})]);
  for (const stream of [a, b]) {
    let text = '';
    for await (const chunk of stream) text += chunk;
    const snap = JSON.parse(text);
    console.log('readable', typeof stream.pipe, 'has meta', Array.isArray(snap.snapshot.meta.node_fields),
      'worker class seen', text.includes('WorkerHeapMarker'));
  }
  w.postMessage('go');
});
w.on('exit', async (code) => {
  console.log('exit', code);
  await w.getHeapSnapshot().catch((e) => console.log('after exit', e.name, e.code, e.message));
  // A worker that never listens on parentPort still answers (node's does too).
  const idle = new Worker(`setInterval(() => {}, 1000); globalThis.idleMarker = new (class IdleWorkerMarker {})();`, { eval: true });
  idle.once('online', async () => {
    const stream = await idle.getHeapSnapshot();
    let n = 0, text = '';
    for await (const chunk of stream) { n += chunk.length; text += chunk; }
    console.log('idle worker snapshot', n > 1000, text.includes('IdleWorkerMarker'));
    console.log('terminated', await idle.terminate());
  });
});
