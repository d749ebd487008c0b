// EventEmitter: listener bookkeeping, ordering of newListener/removeListener,
// once wrappers, error handling, max-listener warnings, argument checks.
'use strict';
const EventEmitter = require('events');
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.code, e.name, e.message); }
};

const e = new EventEmitter();
console.log(e);
console.log(Object.getOwnPropertyNames(EventEmitter.prototype));
console.log(EventEmitter.EventEmitter === EventEmitter, EventEmitter.defaultMaxListeners, e.getMaxListeners());
console.log(EventEmitter.errorMonitor, EventEmitter.captureRejectionSymbol, EventEmitter.usingDomains);

const log = [];
e.on('newListener', (type, l) => log.push(['new', type, l.name]));
e.on('removeListener', (type, l) => log.push(['rm', type, l.name]));
function a(...args) { log.push(['a', this === e, args]); }
function b(...args) { log.push(['b', args]); }
function c() { log.push(['c']); }
e.on('x', a);
e.prependListener('x', b);
e.once('x', c);
e.prependOnceListener('x', function d() { log.push(['d']); });
console.log(e.listeners('x').map((f) => f.name), e.rawListeners('x').map((f) => f.name));
console.log(e.listenerCount('x'), e.listenerCount('x', c), e.listenerCount('x', a), EventEmitter.listenerCount(e, 'x'));
console.log(e.emit('x', 1, 2), e.emit('x'), e.emit('nothing'));
console.log(e.emit('x', 1, 2, 3, 4, 5));
console.log(e.eventNames());
e.off('x', a);
e.removeListener('x', a); // not there any more: no event
e.removeAllListeners('x');
console.log(e.eventNames(), e.listenerCount('x'));
for (const entry of log) console.log(JSON.stringify(entry));
log.length = 0;

// Removing a listener during emit does not affect the current round.
const f = new EventEmitter();
function r1() { log.push('r1'); f.removeListener('y', r2); }
function r2() { log.push('r2'); }
f.on('y', r1); f.on('y', r2);
f.emit('y'); f.emit('y');
console.log(log.join(','));
log.length = 0;

// removeAllListeners() with a removeListener watcher: LIFO per type, watcher last.
const g = new EventEmitter();
g.on('removeListener', (type, l) => log.push(`${String(type)}:${l.name}`));
g.on('p', function p1() {}); g.on('p', function p2() {});
const sym = Symbol('s');
g.on(sym, function s1() {});
g.removeAllListeners();
console.log(log.join(','), g.eventNames());
log.length = 0;

// Duplicate listener: removeListener removes the last added copy.
const h = new EventEmitter();
h.on('z', a); h.on('z', b); h.on('z', a);
h.removeListener('z', a);
console.log(h.rawListeners('z').map((fn) => fn.name));

// Errors.
const er = new EventEmitter();
const boom = new Error('boom');
t('error obj', () => er.emit('error', boom) === boom);
try { er.emit('error', boom); } catch (err) { console.log('same object', err === boom); }
for (const v of [undefined, null, 'x', 1, { a: 1 }, [1, 2]]) {
  try { er.emit('error', v); } catch (err) {
    console.log(err.code, err.name, JSON.stringify(err.message), err.context === v, err instanceof Error);
  }
}
try { er.emit('error'); } catch (err) { console.log('no arg:', err.message); }
er.on(EventEmitter.errorMonitor, (err) => console.log('monitor saw', err.message));
try { er.emit('error', boom); } catch (err) { console.log('still thrown', err.message); }
er.on('error', (err) => console.log('handled', err.message));
console.log(er.emit('error', boom));

// Argument checks.
t('on(1)', () => e.on('x', 1));
t('once(null)', () => e.once('x', null));
t('off(str)', () => e.off('x', 'f'));
t('prependListener', () => e.prependListener('x', {}));
t('setMax -1', () => e.setMaxListeners(-1));
t('setMax NaN', () => e.setMaxListeners(NaN));
t('setMax str', () => e.setMaxListeners('3'));
t('setMax ok', () => e.setMaxListeners(3).getMaxListeners());
t('default -1', () => { EventEmitter.defaultMaxListeners = -1; });
t('default str', () => { EventEmitter.defaultMaxListeners = 'a'; });
t('capture opt', () => new EventEmitter({ captureRejections: 'yes' }));
t('capture static', () => { EventEmitter.captureRejections = 1; });

// Methods on objects that never ran the constructor.
const plain = Object.create(EventEmitter.prototype);
console.log(plain.emit('x'), plain.listeners('x'), plain.listenerCount('x'), plain.eventNames());
plain.on('x', () => console.log('plain got it'));
plain.emit('x');

// Subclass.
class Sub extends EventEmitter {}
const s = new Sub();
s.on('q', function () { console.log('sub this ok', this === s); });
s.emit('q');

// Max listeners warning.
process.on('warning', (w) => {
  console.log('warning', w.name, w.message, w.emitter === warnE, String(w.type), w.count, Object.keys(w));
});
const warnE = new EventEmitter();
warnE.setMaxListeners(2);
for (let i = 0; i < 4; i++) warnE.on('leak', () => {});
const symE = Symbol('symleak');
for (let i = 0; i < 3; i++) warnE.on(symE, () => {});
const zero = new EventEmitter();
zero.setMaxListeners(0);
for (let i = 0; i < 20; i++) zero.on('many', () => {});
console.log('zero count', zero.listenerCount('many'));
