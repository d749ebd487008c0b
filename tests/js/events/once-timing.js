// events.once() settles on the same microtask tick as Node's (an async function
// returning a promise), whether the event came before the first tick or later;
// coil gets there without looking up the promise's `then`.
const { once, EventEmitter } = require('events');

function chain(log, tag, n) {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log.push(`${tag}${i}`));
}

const early = [];
const ee = new EventEmitter();
once(ee, 'x').then(() => early.push('once'));
chain(early, 'p', 4);
ee.emit('x');
chain(early, 'q', 3);

setTimeout(() => {
  const late = [];
  once(ee, 'y').then(() => late.push('onceY'), () => late.push('rejectedY'));
  once(ee, 'z').then(() => late.push('onceZ'));
  setTimeout(() => {
    ee.emit('z');
    ee.emit('error', new Error('boom'));
    chain(late, 'p', 4);
    setTimeout(() => {
      console.log('event before the first tick:', early.join(' '));
      console.log('event later:', late.join(' '));
    }, 5);
  }, 1);
}, 1);
