// process.emitWarning: the 'warning' event on the next tick, the default printer
// writing through process.stderr.write (node's format), deprecation switches.
'use strict';
const path = require('path');
const program = path.basename(process.argv0);
const printed = [];
const realWrite = process.stderr.write;
process.stderr.write = (chunk) => {
  printed.push(String(chunk).replaceAll(`(node:${process.pid})`, '(node:PID)')
    .replaceAll(`\`${program} `, '`PROGRAM '));
  return true;
};
console.log('listeners at start', process.listenerCount('warning'));
console.log('flags', 'noDeprecation' in process, 'throwDeprecation' in process);

// A 'warning' event that is not an Error is not printed.
process.emit('warning', 'not an error');
process.once('warning', (w) => {
  console.log('event', w.name, w.message, w.code, w instanceof Error);
});
process.emitWarning('plain');
console.log('emitted later, not now:', printed.length);
process.emitWarning('with code', 'CustomWarning', 'C01');
process.emitWarning('with detail', { type: 'OtherWarning', code: 'C02', detail: 'more text' });
process.emitWarning(new Error('an error object'));
process.emitWarning('old api', 'DeprecationWarning', 'DEP0999');

for (const bad of [[42], ['x', 42], ['x', 'T', 42]]) {
  try {
    process.emitWarning(...bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}

setImmediate(() => {
  process.noDeprecation = true;
  process.emitWarning('silenced', 'DeprecationWarning');
  process.noDeprecation = false;
  // throwDeprecation throws on the next tick, not inside emitWarning.
  process.throwDeprecation = true;
  process.once('uncaughtException', (e) => console.log('uncaught', String(e)));
  try {
    process.emitWarning('thrown', 'DeprecationWarning');
    console.log('emitWarning returned');
  } catch {
    console.log('threw synchronously');
  }
  process.throwDeprecation = false;
  setImmediate(() => {
    process.stderr.write = realWrite;
    console.log(printed.join(''));
  });
});
