// enterWith inside one loop callback stays there: the next unrelated timer, fs
// callback and immediate start without the store, while callbacks scheduled after
// the enterWith carry it.
'use strict';
const { AsyncLocalStorage } = require('async_hooks');
const fs = require('fs');
const als = new AsyncLocalStorage();
let firstDone = false;
setTimeout(() => {
  als.enterWith('entered');
  console.log('first timer', als.getStore());
  setImmediate(() => {
    console.log('scheduled after enterWith', als.getStore());
    firstDone = true;
  });
}, 1);
// Waits for the first timer's immediate (two timers 15 ms apart both fell due in
// one turn on a loaded machine, and the immediate then came after the second).
const second = setInterval(() => {
  if (!firstDone) return;
  clearInterval(second);
  console.log('second timer', als.getStore());
  let fsDone = false;
  fs.readFile(__filename, () => {
    als.enterWith('fs');
    fs.stat(__filename, () => {
      console.log('fs after enterWith', als.getStore());
      setTimeout(() => {
        console.log('timer from fs', als.getStore());
        fsDone = true;
      }, 1);
    });
  });
  // Scheduled here, without a store; it reports once the fs chain is over (a
  // fixed delay raced the fs calls on a loaded machine).
  const unrelated = setInterval(() => {
    if (!fsDone) return;
    clearInterval(unrelated);
    console.log('unrelated timer', als.getStore());
  }, 5);
}, 5);
