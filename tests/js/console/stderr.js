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
console.time();
console.timeEnd();
console.log('done');
