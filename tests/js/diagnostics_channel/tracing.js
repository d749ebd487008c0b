// diagnostics_channel: argument errors, subscribe/publish/unsubscribe, and a TracingChannel
// around sync, promise and callback functions with an AsyncLocalStorage bound to start.
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');
for (const f of [() => dc.channel(1), () => dc.subscribe('a', 1), () => dc.tracingChannel({ start: 1 })]) {
  try { f(); } catch (e) { console.log(e.code, e.message); }
}
// (node 20's message for this one changed between minor versions)
try { dc.tracingChannel(1); } catch (e) { console.log(e.code, e.name); }
const c = dc.channel('x');
console.log(c.hasSubscribers, dc.hasSubscribers('x'), c instanceof dc.Channel);
const sub = (m, n) => console.log('got', m, n);
dc.subscribe('x', sub);
console.log(c.hasSubscribers, dc.hasSubscribers('x'), c instanceof dc.Channel, dc.channel('x') === c);
c.publish({ a: 1 });
console.log(dc.unsubscribe('x', sub), dc.unsubscribe('x', sub), c.hasSubscribers);
c.publish({ a: 2 });
const als = new AsyncLocalStorage();
const tc = dc.tracingChannel('op');
console.log(tc.hasSubscribers);
const log = (ev) => (ctx) => console.log(ev, JSON.stringify(ctx), als.getStore());
const handlers = { start: log('start'), end: log('end'), asyncStart: log('asyncStart'), asyncEnd: log('asyncEnd'), error: log('error') };
tc.subscribe(handlers);
tc.start.bindStore(als, (ctx) => ({ traced: ctx.n }));
console.log(tc.traceSync((a, b) => a + b, { n: 1 }, null, 2, 3));
try { tc.traceSync(() => { throw new Error('boom'); }, { n: 2 }); } catch (e) { console.log('caught', e.message); }
tc.tracePromise(async (x) => { await null; return x * 2; }, { n: 3 }, null, 21).then((v) => {
  console.log('promise', v, als.getStore());
  tc.traceCallback((x, cb) => setImmediate(cb, null, x + 1), 1, { n: 4 }, null, 9, (err, v) => {
    console.log('callback', err, v, als.getStore());
    console.log(tc.unsubscribe(handlers), tc.hasSubscribers, tc.start.unbindStore(als));
  });
});
