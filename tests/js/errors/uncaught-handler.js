// process.on('uncaughtException') catches throws from ticks, timers and
// immediates; the loop goes on after each.
process.on('uncaughtException', (err, origin) => {
  console.log('caught', err.message, origin);
});
setTimeout(() => {
  setImmediate(() => { throw new TypeError('from immediate'); });
  // Set here, not beside the first timer: a loaded machine could fire both in
  // one turn, before the immediate.
  setTimeout(() => console.log('still running'), 5);
  throw new Error('from timer');
}, 1);
process.nextTick(() => { throw new RangeError('from tick'); });
