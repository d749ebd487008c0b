// exit: 1
// fs.readFile with an out-of-range fd: Node checks the fd only once reading has
// begun, so the RangeError is thrown from a tick (uncaught), not by readFile and
// not through the callback.
const fs = require('fs');

fs.readFile(-1, () => console.log('callback never runs'));
console.log('readFile returned');
process.on('exit', (code) => console.log('exit', code));
