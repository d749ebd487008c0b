// process.on('uncaughtException') catches throws from ticks, timers and
// immediates; the loop goes on after each.
process.on('uncaughtException', (err, origin) => {
  console.log('caught', err.message, origin);
});
setTimeout(() => {
  setImmediate(() => { throw new TypeError('from immediate'); });
  throw new Error('from timer');
}, 1);
setTimeout(() => console.log('still running'), 200);
process.nextTick(() => { throw new RangeError('from tick'); });
