'use strict';
// The per-chunk paths made leaner for issue 25: a Transform's one callback per
// stream (a second call is still an error, an async call still works, a full
// readable side still holds the write back), a flowing buffer emptied in place,
// state shapes that survive a first stream ending, and emitters' listener tables.
const { Readable, Transform, Writable, PassThrough } = require('stream');
const EventEmitter = require('events');

const log = (...a) => console.log(...a);

// A transform calling back twice: the second call is ERR_MULTIPLE_CALLBACK.
{
  const t = new Transform({ transform(c, e, cb) { cb(null, c); cb(null, c); } });
  t.on('error', (err) => log('twice:', err.code));
  t.on('data', () => {});
  t.write('a');
}

// Asynchronous callbacks, values pushed in order, a null value pushes nothing.
function asyncTransform() {
  return new Promise((resolve) => {
  const t = new Transform({
    transform(c, e, cb) {
      const s = String(c);
      setTimeout(() => cb(null, s === 'skip' ? null : s.toUpperCase()), 1);
    },
  });
  const got = [];
  t.on('data', (d) => got.push(String(d)));
  t.on('end', () => { log('async:', got.join(',')); resolve(); });
  t.write('a'); t.write('skip'); t.write('b'); t.end('c');
  });
}

// An error from the transform reaches 'error' and the write callback.
{
  const t = new Transform({ transform(c, e, cb) { cb(new Error('bad ' + c)); } });
  t.on('error', (err) => log('error event:', err.message));
  t.write('x', (err) => log('write cb:', err && err.message));
}

// Backpressure: with the readable side full, the next write waits for a read.
function backpressure() {
  return new Promise((resolve) => {
  const t = new Transform({ readableHighWaterMark: 2, transform(c, e, cb) { cb(null, c); } });
  let done = 0;
  t.write('aa', () => done++);
  t.write('bb', () => done++);
  setTimeout(() => {
    log('before read: callbacks', done, 'readableLength', t.readableLength);
    log('read:', String(t.read()));
    setTimeout(() => { log('after read: callbacks', done); resolve(); }, 5);
  }, 5);
  });
}

// A flowing pipeline, twice in a row (the second after the first has ended),
// with chunk order and counts checked, and a PassThrough in paused mode.
function pipeline(n) {
  return new Promise((resolve) => {
    let i = 0;
    let seen = 0;
    let ordered = true;
    const src = new Readable({ read() { this.push(i < n ? Buffer.from([i++ & 255]) : null); } });
    const tr = new Transform({ transform(c, e, cb) { cb(null, c); } });
    const dst = new Writable({
      write(c, e, cb) { if (c[0] !== (seen++ & 255)) ordered = false; cb(); },
    });
    src.pipe(tr).pipe(dst).on('finish', () => resolve(`${seen} ${ordered}`));
  });
}
asyncTransform().then(backpressure).then(() => pipeline(3000)).then((a) => pipeline(3000).then((b) => {
  log('pipeline:', a, '|', b);
  const p = new PassThrough();
  p.write('x'); p.write('y');
  log('paused read:', String(p.read()), p.readableLength);
  const s = new Readable({ read() {} });
  s.push('1'); s.push('2'); s.push('3');
  log('readable buffer:', String(s.read(1)), String(s.read()), s.readableLength);
  const o = Readable.from([1, 2, 3]);
  const items = [];
  o.on('data', (x) => items.push(x));
  o.on('end', () => log('from:', items.join(',')));
}));

// Listener tables: null prototype; add, remove, count, emit in order.
{
  const e = new EventEmitter();
  log('table proto:', Object.getPrototypeOf(e._events));
  const f = () => log('f'); const g = () => log('g');
  e.on('x', f); e.on('y', g); e.on('x', g);
  log('counts:', e.listenerCount('x'), e.listenerCount('y'), e.eventNames().join(','));
  e.emit('x');
  e.removeListener('x', f); e.removeListener('y', g);
  log('after remove:', e.listenerCount('x'), e.listenerCount('y'), e.eventNames().join(','));
  e.emit('x');
  e.removeAllListeners();
  log('after removeAll:', e.eventNames().length, Object.getPrototypeOf(e._events));
  e.on('toString', () => log('toString listener'));
  e.emit('toString');
  log('hasOwnProperty event:', e.emit('hasOwnProperty'));
}
