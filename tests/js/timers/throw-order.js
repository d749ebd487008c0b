// When a timer or an immediate throws and 'uncaughtException' handles it, the rest
// of its phase runs at once (node calls its queue again), and only then the ticks
// and microtasks queued by the callback that threw.
'use strict';
process.on('uncaughtException', (e) => {
  console.log('caught', e.message);
  process.nextTick(() => console.log('tick from handler'));
});
setTimeout(() => {
  setImmediate(() => {
    process.nextTick(() => console.log('tick from immediate 1'));
    throw new Error('immediate 1');
  });
  setImmediate(() => console.log('immediate 2'));
  setTimeout(() => {
    process.nextTick(() => console.log('tick from timer 1'));
    Promise.resolve().then(() => console.log('microtask from timer 1'));
    throw new Error('timer 1');
  }, 1);
  setTimeout(() => console.log('timer 2'), 1);
}, 1);
