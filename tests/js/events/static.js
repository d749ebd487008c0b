// events.once / events.on / getEventListeners / setMaxListeners /
// getMaxListeners / addAbortListener.
'use strict';
const events = require('events');
const { EventEmitter, once, on } = events;
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.code, e.name, e.message); }
};

async function main() {
  const e = new EventEmitter();
  setTimeout(() => e.emit('go', 1, 2), 1);
  console.log('once:', await once(e, 'go'), e.listenerCount('go'), e.listenerCount('error'));

  setTimeout(() => e.emit('error', new Error('bad')), 1);
  try { await once(e, 'go'); } catch (err) { console.log('once rejected:', err.message, e.listenerCount('go')); }

  setTimeout(() => e.emit('error', new Error('as value')), 1);
  console.log('once error:', (await once(e, 'error'))[0].message);

  const ac = new AbortController();
  setTimeout(() => ac.abort('why'), 1);
  try { await once(e, 'never', { signal: ac.signal }); } catch (err) {
    console.log('aborted:', err.name, err.code, err.message, err.cause, e.listenerCount('never'));
  }
  try { await once(e, 'never', { signal: AbortSignal.abort() }); } catch (err) {
    console.log('pre-aborted:', err.name, err.cause.name);
  }
  try { await once(e, 'never', { signal: 'no' }); } catch (err) { console.log(err.code, err.message); }

  const et = new EventTarget();
  setTimeout(() => et.dispatchEvent(new Event('ping')), 1);
  const [ev] = await once(et, 'ping');
  console.log('once EventTarget:', ev.type, ev instanceof Event);

  // events.on
  const src = new EventEmitter();
  setTimeout(() => {
    src.emit('data', 'a');
    src.emit('data', 'b', 'c');
    src.emit('data', 'd');
    src.emit('end');
  }, 1);
  for await (const args of on(src, 'data', { close: ['end'] })) console.log('on:', args);
  console.log('after on loop', src.listenerCount('data'), src.listenerCount('end'), src.listenerCount('error'));

  const src2 = new EventEmitter();
  setTimeout(() => { src2.emit('data', 1); src2.emit('error', new Error('iter fail')); }, 1);
  try {
    for await (const args of on(src2, 'data')) console.log('on2:', args);
  } catch (err) { console.log('on2 threw', err.message, src2.listenerCount('data')); }

  const src3 = new EventEmitter();
  const ac3 = new AbortController();
  setTimeout(() => { src3.emit('data', 'x'); ac3.abort(); }, 1);
  try {
    for await (const args of on(src3, 'data', { signal: ac3.signal })) console.log('on3:', args);
  } catch (err) { console.log('on3 threw', err.name, err.code, src3.listenerCount('data')); }

  const src4 = new EventEmitter();
  const it = on(src4, 'data');
  src4.emit('data', 1);
  console.log(await it.next(), await it.return(), await it.next(), src4.listenerCount('data'));
  t('on highWaterMark 0', () => on(src4, 'data', { highWaterMark: 0 }));
  t('on pre-aborted', () => on(src4, 'data', { signal: AbortSignal.abort() }));
  t('on bad signal', () => on(src4, 'data', { signal: {} }));

  // getEventListeners / max listeners
  const ee = new EventEmitter();
  const fn = () => {};
  ee.on('k', fn); ee.once('k', fn);
  console.log(events.getEventListeners(ee, 'k').length, events.getEventListeners(ee, 'none'));
  const target = new EventTarget();
  target.addEventListener('k', fn);
  console.log(events.getEventListeners(target, 'k')[0] === fn, events.getEventListeners(target, 'none'));
  t('getEventListeners({})', () => events.getEventListeners({}, 'k'));
  events.setMaxListeners(5, ee, target);
  console.log(ee.getMaxListeners(), events.getMaxListeners(ee), events.getMaxListeners(target));
  t('setMaxListeners bad target', () => events.setMaxListeners(1, {}));
  t('setMaxListeners -1', () => events.setMaxListeners(-1));
  t('getMaxListeners({})', () => events.getMaxListeners({}));
  events.setMaxListeners(20);
  console.log('default now', EventEmitter.defaultMaxListeners, new EventEmitter().getMaxListeners());
  events.setMaxListeners(10);

  // addAbortListener
  t('addAbortListener bad signal', () => events.addAbortListener(1, fn));
  t('addAbortListener bad fn', () => events.addAbortListener(new AbortController().signal, 1));
  const ac4 = new AbortController();
  const disp = events.addAbortListener(ac4.signal, (ev) => console.log('abort listener ran', ev.type));
  console.log(typeof disp[Symbol.dispose]);
  ac4.abort();
  const ac5 = new AbortController();
  const disp5 = events.addAbortListener(ac5.signal, () => console.log('should not run'));
  disp5[Symbol.dispose]();
  ac5.abort();
  events.addAbortListener(AbortSignal.abort(), () => console.log('already aborted: runs in a microtask'));
  console.log('before microtask');
  await null;
}
main();
