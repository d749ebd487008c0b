// async_hooks and diagnostics_channel keep working after a program patches the
// built-ins they could have used (Array, Map, Function, Promise methods, and
// accessors named get/set on Object.prototype).
'use strict';
const { AsyncLocalStorage, AsyncResource, createHook, executionAsyncId } = require('async_hooks');
const dc = require('diagnostics_channel');
const { EventEmitterAsyncResource } = require('events');
const out = [];
const log = out.push.bind(out);
const als = new AsyncLocalStorage();
const tc = dc.tracingChannel('patched');
const ch = dc.channel('patched:plain');
const inits = [];
const hook = createHook({ init(id, type) { if (type === 'P') inits[inits.length] = type; } });
// (node's EventEmitter constructor itself calls Function.prototype.call: made first)
const e = als.run('emitter', () => new EventEmitterAsyncResource({ name: 'E' }));
e.on('ev', (v) => log(`event ${v} ${als.getStore()}`));
process.stdout; process.stderr; // (node makes these lazily with Function.prototype.bind)
const originals = [];
const boom = () => { throw new Error('patched built-in reached'); };
for (const [proto, names] of [
  [Array.prototype, ['push', 'slice', 'splice', 'indexOf', 'unshift', 'at']],
  [Map.prototype, ['get', 'set', 'has', 'delete']],
  [Function.prototype, ['bind']], // (node's own emit calls apply)
  [Promise.prototype, ['then']],
]) {
  for (const name of names) {
    originals[originals.length] = [proto, name, proto[name]];
    Object.defineProperty(proto, name, { value: boom, configurable: true, writable: true });
  }
}
Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });

hook.enable();
const sub = (m) => log(`message ${m.n} ${als.getStore()}`);
ch.subscribe(sub);
tc.subscribe({ start: sub, end: sub, error: sub, asyncStart: sub, asyncEnd: sub });
tc.start.bindStore(als, (ctx) => `store${ctx.n}`);
als.run('run', () => {
  ch.publish({ n: 0 });
  log(`sync ${als.getStore()}`);
  log(`traced ${tc.traceSync((a) => a * 2, { n: 1 }, null, 21)}`);
  const r = new AsyncResource('P');
  log(`scope ${r.runInAsyncScope((x) => x + executionAsyncId(), null, 1) === 1 + r.asyncId()}`);
  const bound = r.bind((x) => `bound ${x} ${als.getStore()}`);
  log(als.run('other', () => bound('x')));
  e.emit('ev', 'v');
  setTimeout(() => {
    log(`timer ${als.getStore()}`);
    tc.traceCallback((cb) => setImmediate(cb, null, 'ok'), 0, { n: 2 }, null, () => {
      log(`callback ${als.getStore()}`);
      hook.disable();
      ch.unsubscribe(sub);
      delete Object.prototype.get;
      delete Object.prototype.set;
      for (let i = 0; i < originals.length; i++) {
        const [proto, name, value] = originals[i];
        Object.defineProperty(proto, name, { value, configurable: true, writable: true });
      }
      console.log(out.join('\n'));
      console.log('inits', inits.length);
    });
  }, 1);
});
