// AsyncLocalStorage: the store set by run() follows every async hop (await, .then,
// nextTick, queueMicrotask, timers, immediates, fs callbacks, fs.promises, fs
// streams' events) and is
// absent outside run() and in callbacks scheduled outside it.
'use strict';
const { AsyncLocalStorage } = require('async_hooks');
const fs = require('fs');
const als = new AsyncLocalStorage();
const seen = [];
const note = (what) => seen.push(`${what} ${JSON.stringify(als.getStore())}`);
setTimeout(() => note('timer scheduled outside'), 2);
als.run({ id: 1 }, async () => {
  note('sync');
  await null;
  note('await');
  await Promise.resolve().then(() => note('then'));
  await new Promise((resolve) => process.nextTick(() => { note('nextTick'); resolve(); }));
  await new Promise((resolve) => queueMicrotask(() => { note('queueMicrotask'); resolve(); }));
  await new Promise((resolve) => setTimeout(() => { note('setTimeout'); resolve(); }, 1));
  await new Promise((resolve) => setImmediate(() => { note('setImmediate'); resolve(); }));
  await new Promise((resolve) => fs.stat(__filename, () => { note('fs callback'); resolve(); }));
  await fs.promises.readFile(__filename);
  note('fs.promises');
  await new Promise((resolve) => fs.createReadStream(__filename)
    .once('data', () => note('fs stream data')).on('end', () => { note('fs stream end'); resolve(); }));
  const iv = setInterval(() => { note('setInterval'); clearInterval(iv); }, 1);
});
note('after run');
als.run({ id: 2 }, () => {
  setTimeout(() => note('second run timer'), 1);
});
process.on('exit', () => console.log(seen.sort().join('\n')));
