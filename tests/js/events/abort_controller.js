// AbortController / AbortSignal: abort(), reason, onabort, throwIfAborted,
// AbortSignal.abort/timeout/any and their argument checks.
'use strict';
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.code, e.name, e.message); }
};
const { inspect } = require('util');
const events = require('events');

const ac = new AbortController();
console.log(Object.getOwnPropertyNames(AbortController.prototype), Object.getOwnPropertyNames(AbortSignal.prototype));
console.log(inspect(ac), inspect(ac.signal), ac.signal.aborted, ac.signal.reason, ac.signal.onabort);
ac.signal.onabort = (ev) => console.log('onabort', ev.type, ev.isTrusted, ev.target === ac.signal);
ac.signal.addEventListener('abort', () => console.log('listener', ac.signal.aborted));
ac.abort();
ac.abort('again');
const r = ac.signal.reason;
console.log(r.name, r.message, r.code, r instanceof Error);
console.log(inspect(ac));
t('throwIfAborted', () => ac.signal.throwIfAborted());
t('throwIfAborted ok', () => new AbortController().signal.throwIfAborted());
t('new AbortSignal', () => new AbortSignal());
t('aborted getter', () => AbortSignal.prototype.aborted);
t('reason getter', () => AbortSignal.prototype.reason);
t('timeout -1', () => AbortSignal.timeout(-1));
t('timeout str', () => AbortSignal.timeout('1'));
t('any(1)', () => AbortSignal.any(1));
t('any([1])', () => AbortSignal.any([1]));
t('abort(5)', () => AbortSignal.abort(5).reason);
t('abort()', () => AbortSignal.abort().reason.message);
const c2 = new AbortController();
c2.abort(undefined);
console.log('undefined reason →', c2.signal.reason.name);

// onabort keeps its place when replaced; null removes it; any value is stored.
const ac2 = new AbortController();
ac2.signal.onabort = 5;
console.log(ac2.signal.onabort);
ac2.signal.onabort = () => console.log('f1');
ac2.signal.addEventListener('abort', () => console.log('second'));
ac2.signal.onabort = () => console.log('f2 replaced f1, still first');
console.log(events.getEventListeners(ac2.signal, 'abort').length);
ac2.abort();
const ac3 = new AbortController();
ac3.signal.onabort = () => console.log('removed, must not run');
ac3.signal.onabort = null;
ac3.abort();
console.log(ac3.signal.onabort);

const a1 = new AbortController();
const a2 = new AbortController();
const any = AbortSignal.any([a1.signal, a2.signal]);
any.addEventListener('abort', () => console.log('any aborted with', any.reason));
a2.abort('two');
a1.abort('one');
console.log(AbortSignal.any([AbortSignal.abort('pre')]).reason, AbortSignal.any([]).aborted);

const s = AbortSignal.timeout(5);
s.onabort = () => console.log('timeout', s.reason.name, s.reason.message, s.reason.code);
setTimeout(() => console.log('kept alive by this timer'), 50);
// An unref'd timeout must not keep the process alive on its own.
AbortSignal.timeout(100000);
console.log(Object.getPrototypeOf(AbortSignal) === EventTarget, Object.prototype.toString.call(ac.signal),
  Object.prototype.toString.call(ac));
