// resourceLimits: a worker that outgrows maxOldGenerationSizeMb is stopped with
// ERR_WORKER_OUT_OF_MEMORY and exit code 1, and the parent goes on; the limits
// are visible on both sides.
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { resourceLimits, parentPort } = require('worker_threads');
  parentPort.postMessage(resourceLimits.maxOldGenerationSizeMb);
  const keep = [];
  for (;;) keep.push({ a: [1, 2, 3], s: 'x'.repeat(64) + keep.length });
`, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16 } });
console.log('limits', w.resourceLimits.maxOldGenerationSizeMb);
w.on('message', (m) => console.log('worker limit', m));
w.on('error', (e) => console.log('error', e.code, e.message));
w.on('exit', (c) => console.log('exit', c, 'parent alive'));
