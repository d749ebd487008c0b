'use strict';
// Readable.from over a synchronous iterator: values in order, thenables among
// them awaited (resolved and rejected), null an error, and the order of events
// against other microtasks and ticks as node has it.
const { Readable } = require('stream');
const log = [];

async function collect(name, iterable) {
  const got = [];
  try {
    for await (const x of Readable.from(iterable)) got.push(x);
    log.push(`${name}: ${JSON.stringify(got)}`);
  } catch (err) {
    log.push(`${name}: ${JSON.stringify(got)} ${err.code || err.message}`);
  }
}

function* gen() {
  yield 1;
  yield Promise.resolve(2);
  yield 3;
  yield { then(resolve) { log.push('then called'); resolve(4); } };
  yield 5;
}
function* withNull() { yield 'a'; yield null; yield 'b'; }
function* rejecting() { yield 'x'; yield Promise.reject(new Error('boom')); yield 'y'; }
function* throwing() { yield 1; throw new Error('thrown'); }

const readOrder = Readable.from([1, 2, 3]);
readOrder.on('data', (x) => log.push(`data ${x}`));
readOrder.on('end', () => log.push('end'));
Promise.resolve().then(() => log.push('microtask'));
process.nextTick(() => log.push('tick'));

Promise.all([
  collect('gen', gen()),
  collect('array', [1, 2, 3]),
  collect('set', new Set(['p', 'q'])),
  collect('null', withNull()),
  collect('rejecting', rejecting()),
  collect('throwing', throwing()),
]).then(() => {
  setTimeout(() => console.log(log.join('\n')), 10);
});
