// process.on(signal): a process signals itself with process.kill and its listener
// runs (with the name and the number) instead of the default action; listening
// does not keep the process alive; removing the last listener stops listening.
'use strict';
const assert = require('assert');

const seen = [];
process.on('SIGUSR2', function(name, number) {
  seen.push(`${name} ${number} ${this === process}`);
});
assert.strictEqual(process.kill(process.pid, 'SIGUSR2'), true);

// SIGINT by number; a second listener sees it as well, once each.
let ints = 0;
const a = () => ints++;
const b = () => ints++;
process.on('SIGINT', a);
process.on('SIGINT', b);
process.kill(process.pid, 2);

// Stopped and started again in one turn: the signal still reaches the new listener.
process.on('SIGHUP', () => seen.push('first SIGHUP listener (removed)'));
process.removeAllListeners('SIGHUP');
process.on('SIGHUP', () => seen.push('second SIGHUP listener'));
process.kill(process.pid, 'SIGHUP');

setTimeout(() => {
  process.removeAllListeners('SIGHUP');
  console.log(seen.join('\n'));
  console.log('SIGINT listeners ran', ints);
  // One listener left: still handled.
  process.off('SIGINT', a);
  process.kill(process.pid, 'SIGINT');
  setTimeout(() => {
    console.log('after removing one', ints);
    process.off('SIGINT', b);
    process.removeAllListeners('SIGUSR2');
    console.log('listening', process.listenerCount('SIGINT'), process.listenerCount('SIGUSR2'));
    // A signal sent to a dead pid, and the signal 0 probe.
    try {
      process.kill(2 ** 30, 0);
    } catch (e) {
      console.log(e.code, e.syscall, e.errno, e.message);
    }
    console.log('probe self', process.kill(process.pid, 0));
  }, 50);
}, 50);
// Nothing else here is alive: the listeners alone do not hold the process open.
