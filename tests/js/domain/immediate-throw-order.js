// After an immediate throws (and 'uncaughtException' handles it), the rest of its
// queue goes on first: the nextTick it queued runs only between later immediates,
// as in node (test-timers-immediate-queue-throw relies on this order).
process.on('uncaughtException', (err) => console.log('caught', err.message));
setImmediate(() => {
  process.nextTick(() => console.log('tick'));
  throw new Error('first');
});
setImmediate(() => console.log('immediate 2'));
setImmediate(() => console.log('immediate 3'));
setImmediate(() => {
  setImmediate(() => console.log('next turn'));
  process.nextTick(() => console.log('tick 2'));
  throw new Error('last');
});
