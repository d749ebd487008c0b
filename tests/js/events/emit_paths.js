// emit's fast paths: one listener, two listeners (kept in locals), three or more
// (a copied array), 0 to 5 arguments, and changes made by listeners during an emit
// (they count from the next emit on), 'error' with and without listeners.
'use strict';
const EventEmitter = require('events');

function show(label) {
  return function(...args) { console.log(label, this === e, arguments.length, JSON.stringify(args)); };
}
const e = new EventEmitter();
for (const n of [1, 2, 3]) {
  e.removeAllListeners('x');
  for (let i = 0; i < n; i++) e.on('x', show(`L${i}/${n}`));
  console.log(e.emit('x'), e.emit('x', 1), e.emit('x', 1, 2));
  e.emit('x', 1, 2, 3);
  e.emit('x', 1, 2, 3, 4, 5);
  e.emit('x', undefined);
}
console.log(e.emit('nothing', 1), new EventEmitter().emit('x'));

// Two listeners: the first removes the second and adds a third; all three changes
// wait for the next emit.
const t = new EventEmitter();
const second = () => console.log('second');
t.on('y', function first() {
  console.log('first');
  t.removeListener('y', second);
  t.on('y', () => console.log('third'));
});
t.on('y', second);
t.emit('y');
console.log('--', t.listenerCount('y'));
t.emit('y');

// once() listeners among two and among three.
const o = new EventEmitter();
o.once('z', (v) => console.log('once A', v));
o.on('z', (v) => console.log('on B', v));
o.emit('z', 1);
o.emit('z', 2);
o.once('z', (v) => console.log('once C', v));
o.prependOnceListener('z', (v) => console.log('once D', v));
o.emit('z', 3);
o.emit('z', 4);

// A listener that throws stops the round; the emitter is still usable.
const th = new EventEmitter();
th.on('w', () => { throw new Error('boom'); });
th.on('w', () => console.log('not reached'));
try { th.emit('w'); } catch (err) { console.log('caught', err.message); }

// 'error': two listeners and the monitor; none at all; a non-Error value.
const er = new EventEmitter();
er.on(EventEmitter.errorMonitor, (err, extra) => console.log('monitor', err.message, extra));
er.on('error', (err, extra) => console.log('error 1', err.message, extra));
er.on('error', (err) => console.log('error 2', err.message));
console.log(er.emit('error', new Error('bad'), 'x'));
try { new EventEmitter().emit('error', new Error('lone')); } catch (err) { console.log('thrown', err.message); }
try { new EventEmitter().emit('error', { code: 1 }); } catch (err) { console.log('thrown', err.code, err.context); }
try { new EventEmitter().emit('error'); } catch (err) { console.log('thrown', err.code); }

// A program replacing Reflect.apply does not change emit.
const saved = Reflect.apply;
Reflect.apply = () => { throw new Error('replaced'); };
const r = new EventEmitter();
r.on('v', (a) => console.log('still', a));
r.on('v', (a) => console.log('still too', a));
r.emit('v', 7);
Reflect.apply = saved;
