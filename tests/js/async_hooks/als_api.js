// AsyncLocalStorage's API: nested run and exit, enterWith, disable, two stores side
// by side, run's return value and arguments, bind and snapshot, and argument errors.
'use strict';
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const a = new AsyncLocalStorage();
const b = new AsyncLocalStorage();
console.log('initial', a.getStore());
console.log('returns', a.run(1, (x, y) => x + y + a.getStore(), 10, 20));
a.run('outer', () => {
  b.run('B', () => {
    a.run('inner', () => console.log('nested', a.getStore(), b.getStore()));
    console.log('back', a.getStore(), b.getStore());
    a.exit(() => console.log('exit', a.getStore(), b.getStore()));
    console.log('after exit', a.getStore());
  });
});
try {
  a.run('thrown', () => { throw new Error('x'); });
} catch (e) {
  console.log('after throw', e.message, a.getStore());
}
const bound = a.run('captured', () => AsyncLocalStorage.bind(() => a.getStore()));
const snap = a.run('snap', () => AsyncLocalStorage.snapshot());
a.run('other', () => {
  console.log('bind', bound());
  console.log('snapshot', snap((x) => `${x} ${a.getStore()}`, 'arg'));
  console.log('restored', a.getStore());
});
const r = a.run('resource', () => new AsyncResource('R'));
console.log('runInAsyncScope', r.runInAsyncScope(function (x) { return `${this.t} ${x} ${a.getStore()}`; }, { t: 'this' }, 'x'));
setTimeout(() => {
  a.enterWith('entered');
  console.log('enterWith', a.getStore());
  setTimeout(() => {
    console.log('enterWith later', a.getStore());
    a.disable();
    console.log('disabled', a.getStore());
    a.run('again', () => console.log('run after disable', a.getStore()));
  }, 1);
}, 1);
for (const f of [() => new AsyncResource(), () => new AsyncResource('x', { triggerAsyncId: -2 }),
  () => new AsyncResource('x').bind(1)]) {
  try { f(); } catch (e) { console.log(e.code, e.message); }
}
