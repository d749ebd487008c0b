// exit: 1
// An exception thrown while the entry module runs is printed with the line it
// was thrown from, as an uncaught exception.
console.log('before');
import('./fixtures/lib.mjs');
throw new TypeError('thrown by the entry module');
