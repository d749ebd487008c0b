// A callback that throws keeps its async id while 'uncaughtException' listeners
// run, and its after hook comes once they are done (nextTick, timer, immediate).
'use strict';
const ah = require('async_hooks');
const log = [];
const watched = new Set();
ah.createHook({
  before(id) { if (watched.has(id)) log.push('before'); },
  after(id) { if (watched.has(id)) log.push('after'); },
}).enable();
let failedId;
const steps = [
  () => process.nextTick(() => fail('tick')),
  () => setTimeout(() => fail('timer'), 1),
  () => setImmediate(() => fail('immediate')),
];
function fail(what) {
  failedId = ah.executionAsyncId();
  watched.add(failedId);
  log.push(`in ${what}`);
  throw new Error(what);
}
process.on('uncaughtException', (e) => {
  log.push(`handler ${e.message} same id: ${ah.executionAsyncId() === failedId}`);
  // The next step starts once this callback's after has been seen.
  setTimeout(next, 5);
});
function next() {
  const step = steps.shift();
  if (step) step();
  else console.log(log.join('\n'));
}
next();
