// exit: 1
// A createHook callback that throws ends the process as node's does, even with an
// 'uncaughtException' listener (which is removed first).
'use strict';
const ah = require('async_hooks');
process.on('uncaughtException', () => console.log('listener ran'));
ah.createHook({ before() { throw new Error('hook threw'); } }).enable();
setTimeout(() => console.log('callback ran'), 1);
