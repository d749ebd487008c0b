// captureRejections: rejected promises returned by listeners become 'error'
// events or calls to Symbol.for('nodejs.rejection').
'use strict';
const EventEmitter = require('events');
const { captureRejectionSymbol } = EventEmitter;

const e1 = new EventEmitter({ captureRejections: true });
e1.on('ev', async (x) => { throw new Error('rejected ' + x); });
e1.on('error', (err) => console.log('error event:', err.message));
e1.emit('ev', 1);

class WithHandler extends EventEmitter {
  [captureRejectionSymbol](err, type, ...args) {
    console.log('rejection hook:', err.message, type, args);
  }
}
const e2 = new WithHandler({ captureRejections: true });
e2.on('ev', async () => { throw new Error('hooked'); });
e2.emit('ev', 'a', 'b');

const e3 = new EventEmitter();
e3.on('ev', async () => { throw new Error('not captured'); });
process.on('unhandledRejection', (err) => console.log('unhandledRejection:', err.message));
e3.emit('ev');

console.log('sync part done', EventEmitter.captureRejections);
