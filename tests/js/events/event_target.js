// Event / CustomEvent / EventTarget: options, dispatch order, once, signal,
// handleEvent objects, stopImmediatePropagation, errors in listeners.
'use strict';
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.code, e.name, e.message); }
};
const { inspect } = require('util');

t('new Event()', () => new Event());
t('new Event(x, 1)', () => new Event('x', 1));
t('Event symbol', () => new Event(Symbol('s')));
t('proto getter', () => Event.prototype.type);
t('add 1 arg', () => new EventTarget().addEventListener('x'));
t('add number', () => new EventTarget().addEventListener('x', 1));
t('add {}', () => new EventTarget().addEventListener('x', {}));
t('dispatch plain', () => new EventTarget().dispatchEvent({ type: 'x' }));
t('dispatch none', () => new EventTarget().dispatchEvent());
t('remove 1 arg', () => new EventTarget().removeEventListener('x'));
t('bad this', () => EventTarget.prototype.addEventListener.call({}, 'x', () => {}));
t('bad this dispatch', () => EventTarget.prototype.dispatchEvent.call({}, new Event('x')));

const e = new Event('foo', { cancelable: true, bubbles: true });
console.log(Object.keys(e), Object.getOwnPropertyNames(Event.prototype), Object.getOwnPropertyNames(EventTarget.prototype));
console.log(e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.eventPhase, e.target,
  e.currentTarget, e.srcElement, e.returnValue, e.cancelBubble, e.isTrusted, e.composedPath(), typeof e.timeStamp);
console.log(Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE, e.AT_TARGET);
console.log(Object.prototype.toString.call(e), Object.prototype.toString.call(new EventTarget()));
console.log(inspect(new EventTarget()), inspect(new Event('q'), { depth: -1 }), inspect(new Event('q')).replace(/timeStamp: [\d.e-]+/, 'timeStamp: N'));

const et = new EventTarget();
et.addEventListener('foo', function (ev) {
  console.log('L1', this === et, ev.eventPhase, ev.target === et, ev.currentTarget === et, ev.composedPath().length);
  ev.preventDefault();
});
et.addEventListener('foo', { handleEvent(ev) { console.log('L2', this === et, ev.defaultPrevented, ev.returnValue); ev.stopImmediatePropagation(); } });
et.addEventListener('foo', () => console.log('L3 should not run'));
console.log(et.dispatchEvent(e), e.eventPhase, e.target === et, e.currentTarget, e.defaultPrevented, e.composedPath(), e.cancelBubble);
console.log('redispatch', et.dispatchEvent(e));

const et2 = new EventTarget();
et2.addEventListener('x', () => console.log('once'), { once: true });
et2.addEventListener('x', (ev) => { ev.preventDefault(); console.log('cancelable', ev.cancelable, ev.defaultPrevented); });
et2.addEventListener('x', {});
console.log(et2.dispatchEvent(new Event('x', { cancelable: true })), et2.dispatchEvent(new Event('x')));

// Duplicates are ignored; capture is part of the identity.
const et3 = new EventTarget();
const dup = () => console.log('dup ran');
et3.addEventListener('d', dup); et3.addEventListener('d', dup); et3.addEventListener('d', dup, true);
et3.dispatchEvent(new Event('d'));
et3.removeEventListener('d', dup, { capture: true });
et3.dispatchEvent(new Event('d'));
et3.removeEventListener('d', dup);
console.log('after remove', et3.dispatchEvent(new Event('d')));

// signal option.
const ac = new AbortController();
et2.addEventListener('y', () => console.log('y listener'), { signal: ac.signal });
et2.dispatchEvent(new Event('y')); ac.abort(); et2.dispatchEvent(new Event('y'));
et2.addEventListener('y', () => console.log('never added'), { signal: ac.signal });
et2.dispatchEvent(new Event('y'));

// Listener added during dispatch does not run in that dispatch.
const et4 = new EventTarget();
et4.addEventListener('n', () => { console.log('first'); et4.addEventListener('n', () => console.log('late')); });
et4.dispatchEvent(new Event('n'));
console.log('--');
et4.dispatchEvent(new Event('n'));

// CustomEvent, subclasses.
console.log(new CustomEvent('c', { detail: { a: 1 } }).detail, new CustomEvent('c').detail, new CustomEvent('c') instanceof Event);
class MyEvent extends Event {}
console.log(Object.prototype.toString.call(new MyEvent('m')), inspect(new MyEvent('m'), { depth: -1 }));

// Event after initEvent.
const ie = new Event('a');
ie.initEvent('b', true, true);
console.log(ie.type, ie.bubbles, ie.cancelable);
const cb = new Event('cb');
cb.cancelBubble = true;
console.log(cb.cancelBubble);

// Exceptions in listeners are reported asynchronously as uncaught exceptions.
process.on('uncaughtException', (err) => console.log('uncaught:', err.message));
const et5 = new EventTarget();
et5.addEventListener('z', () => { throw new Error('boom'); });
et5.addEventListener('z', () => console.log('after boom'));
et5.addEventListener('z', async () => { throw new Error('async boom'); });
console.log('dispatch result', et5.dispatchEvent(new Event('z')));
const re = new Event('r');
et5.addEventListener('r', () => et5.dispatchEvent(re));
et5.dispatchEvent(re);

// Leak warning.
process.on('warning', (w) => console.log('warning', w.name, w.message, Object.keys(w)));
const et6 = new EventTarget();
for (let i = 0; i < 11; i++) et6.addEventListener('x', () => {});
require('events').setMaxListeners(2, et6);
et6.addEventListener('x', () => {});
et6.addEventListener('x', null);
console.log('sync end');
