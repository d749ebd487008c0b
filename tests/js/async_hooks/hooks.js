// async_hooks.createHook: init/before/after/destroy around an AsyncResource, a
// timer, a nextTick and a promise; ids increase and before/after bracket each
// callback; executionAsyncId/triggerAsyncId inside them; argument errors.
'use strict';
const ah = require('async_hooks');
const { EventEmitterAsyncResource } = require('events');
const log = [];
const mine = new Map();
const destroyed = [];
const hook = ah.createHook({
  init(id, type, trigger) {
    if (type === 'X' || type === 'Timeout' || type === 'PROMISE' || type === 'EMITTER') {
      mine.set(id, type);
      log.push(`init ${type} ${id > trigger}`);
    }
  },
  before(id) { if (mine.has(id)) log.push(`before ${mine.get(id)}`); },
  after(id) { if (mine.has(id)) log.push(`after ${mine.get(id)}`); },
  // destroy runs later (node: in a later loop phase): collected apart, not ordered.
  destroy(id) { if (mine.has(id)) destroyed.push(mine.get(id)); },
});
console.log('top', ah.executionAsyncId(), ah.triggerAsyncId(), ah.executionAsyncResource());
hook.enable();
const r = new ah.AsyncResource('X');
r.runInAsyncScope(() => {
  log.push(`in X ${ah.executionAsyncId() === r.asyncId()} ${ah.triggerAsyncId() === r.triggerAsyncId()}`);
  log.push(`resource ${ah.executionAsyncResource() === r}`);
});
r.emitDestroy();
const e = new EventEmitterAsyncResource({ name: 'EMITTER' });
e.on('ev', () => log.push(`listener ${ah.executionAsyncId() === e.asyncId}`));
e.emit('ev');
const outer = ah.executionAsyncId();
const t = setTimeout(() => {
  log.push(`timer ${ah.triggerAsyncId() === outer} ${ah.executionAsyncId() > outer}`);
  Promise.resolve(1).then(() => log.push('then'));
}, 1);
setTimeout(() => {
  hook.disable();
  for (const line of log) console.log(line);
  console.log('destroyed', destroyed.sort().join(' '));
}, 20);
console.log('timer resource ids', typeof t[Symbol.toPrimitive]);
try { ah.createHook({ init: 1 }); } catch (err) { console.log(err.code, err.message); }
