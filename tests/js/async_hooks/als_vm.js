// AsyncLocalStorage across vm contexts: a store set by code compiled in another
// context survives its awaits, and the main context's store is unaffected.
'use strict';
const vm = require('vm');
const { AsyncLocalStorage } = require('async_hooks');
const storage = new AsyncLocalStorage();
const ctx = vm.createContext({ storage, log: (...a) => console.log(...a) });
const done = vm.runInContext(`
  storage.run('vm store', async () => {
    log('vm before await', storage.getStore());
    await 1;
    log('vm after await', storage.getStore());
    await new Promise((r) => r());
    log('vm after promise', storage.getStore());
  });
`, ctx);
storage.run('main store', async () => {
  await done;
  console.log('main after await', storage.getStore());
});
console.log('outside', storage.getStore());
