// enterWith inside one loop callback stays there: the next unrelated timer, fs
// callback and immediate start without the store, while callbacks scheduled after
// the enterWith carry it.
'use strict';
const { AsyncLocalStorage } = require('async_hooks');
const fs = require('fs');
const als = new AsyncLocalStorage();
setTimeout(() => {
  als.enterWith('entered');
  console.log('first timer', als.getStore());
  setImmediate(() => console.log('scheduled after enterWith', als.getStore()));
}, 1);
setTimeout(() => {
  console.log('second timer', als.getStore());
  fs.readFile(__filename, () => {
    als.enterWith('fs');
    fs.stat(__filename, () => {
      console.log('fs after enterWith', als.getStore());
      setTimeout(() => console.log('timer from fs', als.getStore()), 1);
    });
  });
  setTimeout(() => console.log('unrelated timer', als.getStore()), 30);
}, 15);
