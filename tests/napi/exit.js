'use strict';
// Clean-up hooks run when the program ends by itself, not at process.exit() nor
// after an uncaught exception (as node). argv: addon folder, how to end.
const addon = require(require('path').join(process.argv[2], 'coil_napi_test.node'));
addon.addHooks();
console.log('ending:', process.argv[3]);
if (process.argv[3] === 'exit') process.exit(0);
if (process.argv[3] === 'throw') throw new Error('boom');
