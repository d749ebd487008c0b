// args: --pending-deprecation
// Under --pending-deprecation Node 20 warns DEP0040 once when punycode is first
// loaded, after the current code runs (the warning is emitted on a later tick).
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
require('punycode');
console.log('loaded');
require('node:punycode');
setImmediate(() => console.log('done'));
