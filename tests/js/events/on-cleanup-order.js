// events.on() removes its listeners in the reverse of the order it added them
// (the signal's abort listener first, then close events last-to-first, 'error',
// the event itself), however the iteration ends, and leaves other listeners alone.
const { on, EventEmitter, getEventListeners } = require('events');

(async () => {
  for (const ending of ['return', 'close', 'error', 'abort', 'throw', 'break']) {
    const ee = new EventEmitter();
    ee.on('foo', () => {});
    const ac = new AbortController();
    const log = [];
    const removeListener = ee.removeListener;
    ee.removeListener = function(name, fn) {
      log.push(name);
      return removeListener.call(this, name, fn);
    };
    const removeEventListener = ac.signal.removeEventListener;
    ac.signal.removeEventListener = function(name, fn, opts) {
      log.push(`signal ${name}`);
      return removeEventListener.call(this, name, fn, opts);
    };
    const it = on(ee, 'foo', { close: ['end', 'finish'], signal: ac.signal });
    console.log(ending, 'listening', ee.eventNames().map((n) => `${n}:${ee.listenerCount(n)}`).join(' '),
      'abort listeners', getEventListeners(ac.signal, 'abort').length);
    ee.emit('foo', 1);
    if (ending === 'return') await it.return();
    if (ending === 'close') ee.emit('finish');
    if (ending === 'error') ee.emit('error', new Error('boom'));
    if (ending === 'abort') ac.abort();
    if (ending === 'throw') it.throw(new Error('thrown'));
    if (ending === 'break') {
      for await (const value of it) {
        console.log('  got', value);
        break;
      }
    }
    console.log('  removed', log.join(', '));
    console.log('  left', ee.eventNames().map((n) => `${n}:${ee.listenerCount(n)}`).join(' '),
      'abort listeners', getEventListeners(ac.signal, 'abort').length);
    try {
      console.log('  next', await it.next(), await it.next());
    } catch (err) {
      console.log('  next rejects', err.name, err.message, await it.next());
    }
  }
})();
