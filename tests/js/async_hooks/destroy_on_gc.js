// args: --expose-gc
// An AsyncResource collected without emitDestroy() gets its destroy while a destroy
// hook exists (V8's FinalizationRegistry cleanups run once per loop turn), and a
// FinalizationRegistry's own callback runs.
'use strict';
const ah = require('async_hooks');
let destroyed = 0;
let cleaned = 0;
let rid;
ah.createHook({ destroy(id) { if (id === rid) destroyed++; } }).enable();
const registry = new FinalizationRegistry(() => cleaned++);
(() => {
  rid = new ah.AsyncResource('G').asyncId();
  registry.register({}, 'x');
})();
setTimeout(() => {
  gc();
  setTimeout(() => console.log('destroyed', destroyed, 'cleaned', cleaned), 20);
}, 1);
