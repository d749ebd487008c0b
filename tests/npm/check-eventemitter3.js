'use strict';
// eventemitter3 (a standalone emitter) alongside core events, plus inherits wiring.
const EE3 = require('eventemitter3');
const inherits = require('inherits');
const { EventEmitter } = require('events');

const ee = new EE3();
const log = (...a) => console.log(...a);
function onFoo(a, b) { log('foo', a, b, this === ctx); }
const ctx = { name: 'ctx' };
ee.on('foo', onFoo, ctx);
ee.once('foo', (...args) => log('foo once', args.length, args.join(',')));
ee.on(Symbol.for('sym'), () => log('symbol event'));
log('emit', ee.emit('foo', 1, 2), ee.emit('foo', 3, 4, 5, 6, 7, 8), ee.emit('nothing'));
ee.emit(Symbol.for('sym'));
log('eventNames', ee.eventNames().map(String).join(','), 'count', ee.listenerCount('foo'), ee.listeners('foo').length);
ee.off('foo', onFoo, { other: true });
log('after off wrong ctx', ee.listenerCount('foo'));
ee.removeListener('foo', onFoo, ctx);
log('after off', ee.listenerCount('foo'), ee.emit('foo'));
ee.on('x', () => log('x1')).on('x', () => log('x2')).prependListener ? log('has prepend') : log('no prepend');
ee.emit('x');
ee.removeAllListeners();
log('cleared', ee.eventNames().length, typeof EE3.prefixed, EE3.EventEmitter === EE3);

function Animal(name) { EE3.call(this); this.name = name; }
inherits(Animal, EE3);
Animal.prototype.speak = function () { this.emit('speak', this.name + ' speaks'); };
const dog = new Animal('rex');
dog.on('speak', log);
dog.speak();
log('inherits', dog instanceof EE3, Animal.super_ === EE3, Object.getPrototypeOf(Animal.prototype) === EE3.prototype);

function Core() { EventEmitter.call(this); }
inherits(Core, EventEmitter);
const c = new Core();
c.once('ready', (v) => log('core ready', v));
c.emit('ready', 42);
log('core', c.emit('ready', 43), c instanceof EventEmitter, require('inherits/inherits_browser') === inherits);
