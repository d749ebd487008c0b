// Console methods that write to stderr, and the warnings time()/count() emit.
'use strict';
process.on('warning', (w) => console.log('warning:', w.name, w.message));
console.error('error %d', 1);
console.warn('warn', { a: 1 });
console.assert(false, 'assert %s', 'failed');
console.assert(1 === 1, 'not printed');
console.trace('traced %s', 'here');
console.timeEnd('nope');
console.timeLog('nope');
console.time('t');
console.time('t');
console.countReset('never');
{
  // The default label's line, with the (varying) duration masked.
  const { Writable } = require('stream');
  const masked = new Writable({
    write(chunk, enc, cb) {
      process.stdout.write(String(chunk).replace(/\d+(\.\d+)?ms/, 'Nms'));
      cb();
    },
  });
  const c = new console.Console(masked);
  c.time();
  c.timeEnd();
}
console.log('done');
