// Readable's operators: map/filter/flatMap/drop/take/asIndexedPairs return
// streams, forEach/toArray/some/find/every/reduce return promises; argument
// checks, concurrency, abort signals, and source destruction.
const { Readable } = require('stream');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const from = (items) => Readable.from(items);

function check(name, fn) {
  try {
    const r = fn();
    console.log(name, 'returned', r.constructor.name);
  } catch (e) {
    console.log(name, 'throws', e.code, e.message);
  }
}

async function rejects(name, promise) {
  try {
    console.log(name, 'resolved', await promise);
  } catch (e) {
    console.log(name, 'rejects', e.name, e.code, e.message);
  }
}

for (const op of ['map', 'filter', 'forEach', 'toArray', 'some', 'find', 'every', 'flatMap', 'drop', 'take',
  'reduce', 'asIndexedPairs']) {
  const d = Object.getOwnPropertyDescriptor(Readable.prototype, op);
  console.log(op, d.value.name, d.value.length, d.enumerable, d.writable, d.configurable);
}

// Stream-returning operators check their arguments at once.
check('map fn', () => from([1]).map(1));
check('map options', () => from([1]).map((x) => x, 1));
check('map concurrency 0', () => from([1]).map((x) => x, { concurrency: 0 }));
check('map concurrency 1.5', () => from([1]).map((x) => x, { concurrency: 1.5 }));
check('map concurrency Infinity', () => from([1]).map((x) => x, { concurrency: Infinity }));
check('map highWaterMark', () => from([1]).map((x) => x, { highWaterMark: -1 }));
check('map signal', () => from([1]).map((x) => x, { signal: 1 }));
check('filter fn', () => from([1]).filter());
check('flatMap fn', () => from([1]).flatMap());
check('drop string', () => from([1]).drop('a'));
check('drop negative', () => from([1]).drop(-1));
check('take options', () => from([1]).take(1, 5));
console.log(from([1]).map((x) => x).readableObjectMode);

(async () => {
  // Promise-returning ones reject instead.
  await rejects('forEach fn', from([1]).forEach());
  await rejects('some fn', from([1]).some());
  await rejects('find fn', from([1]).find('x'));
  await rejects('every fn', from([1]).every());
  await rejects('reduce fn', from([1]).reduce());
  await rejects('toArray options', from([1]).toArray(5));
  await rejects('toArray signal', from([1]).toArray({ signal: 5 }));

  console.log(await from([1, 2, 3]).map((x) => x * 2).toArray());
  console.log(await from([1, 2, 3]).map(async (x) => x * 2).toArray());
  console.log(await from([1, 2, 3, 4]).filter(async (x) => x % 2 === 0).toArray());
  console.log(await from([1, 2]).flatMap((x) => [x, x]).toArray());
  console.log(await from([1, 2]).flatMap((x) => Readable.from([x * 10, x * 100])).toArray());
  console.log(await from([1, 2]).flatMap(() => 'ab').toArray());
  console.log(await from([1, 2, 3, 4, 5]).drop(2).toArray(), await from([1, 2, 3, 4, 5]).drop(1.5).toArray());
  console.log(await from([1, 2, 3]).drop('x').toArray(), await from([1, 2, 3]).drop(10).toArray());
  console.log(await from([1, 2, 3]).take(2).toArray(), await from([1, 2, 3]).take(1.7).toArray());
  console.log(await from([1, 2, 3]).take(0).toArray(), await from([1, 2, 3]).take(Infinity).toArray());
  console.log(await from([1, 2, 3, 4, 5]).filter((x) => x % 2).map((x) => x * 2).take(2).toArray());
  console.log(await from(['a', 'b']).asIndexedPairs().toArray());

  const seen = [];
  console.log(await from([1, 2]).forEach(async (x) => { await sleep(1); seen.push(x); }), seen);
  console.log(await from([1, 2, 3]).some((x) => x > 1), await from([1, 2, 3]).some((x) => x > 5));
  console.log(await from([1, 2, 3]).every(async (x) => x > 0), await from([1, 2, 3]).every((x) => x > 1));
  console.log(await from([]).every(() => false), await from([]).some(() => true));
  console.log(await from([1, 2, 3]).find((x) => x > 1), await from([1, 2, 3]).find((x) => x > 5));
  console.log(await from([1, 2, 3]).reduce((a, b) => a + b), await from([1, 2, 3]).reduce((a, b) => a + b, 10));
  console.log(await from(['a', 'b']).reduce((a, b) => a + b, undefined));
  console.log(await from([1, 2]).reduce(async (a, b, { signal }) => a + b + (signal instanceof AbortSignal ? 100 : 0)));
  try {
    await from([]).reduce((a, b) => a + b);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }

  // Order is kept with concurrency, and no more than `concurrency` calls run at once.
  let active = 0;
  let most = 0;
  const slow = await from([5, 1, 3, 2, 4]).map(async (x) => {
    active++;
    most = Math.max(most, active);
    await sleep(x * 3);
    active--;
    return x;
  }, { concurrency: 3 }).toArray();
  console.log(slow, most);

  // Nothing is read until the result is consumed.
  const started = [];
  from([1, 2, 3]).map((x) => started.push(x));
  await sleep(5);
  console.log('lazy', started.length);

  // Errors reach the consumer and destroy both streams.
  const src = from([1, 2, 3]);
  const mapped = src.map((x) => {
    if (x === 2) throw new Error('bad chunk');
    return x;
  });
  await rejects('map error', mapped.toArray());
  console.log(src.destroyed, mapped.destroyed);

  // Stopping early destroys the source.
  const s1 = from([1, 2, 3, 4]);
  console.log(await s1.map((x) => x * 2).take(1).toArray());
  await sleep(1);
  console.log('take destroyed source', s1.destroyed);
  const s2 = from([1, 2, 3, 4]);
  console.log(await s2.find((x) => x === 1));
  await sleep(1);
  console.log('find destroyed source', s2.destroyed);

  // take() ends as soon as it has enough, even if the source stalls.
  const stalled = new Readable({ objectMode: true, read() {} });
  stalled.push('only');
  console.log(await stalled.take(1).toArray());

  // Abort signals.
  await rejects('toArray aborted', from([1]).toArray({ signal: AbortSignal.abort() }));
  await rejects('map aborted', from([1]).map((x) => x, { signal: AbortSignal.abort() }).toArray());
  await rejects('drop aborted', from([1]).drop(0, { signal: AbortSignal.abort() }).toArray());
  const r = from([1, 2]);
  await rejects('reduce aborted', r.reduce((a, b) => a + b, 0, { signal: AbortSignal.abort() }));
  console.log(r.destroyed);

  // some/find stop calling the predicate once they know the answer.
  const calls = [];
  const s3 = from([1, 2, 3, 4, 5]);
  console.log('short circuit', await s3.some((x) => { calls.push(x); return x > 2; }), calls);
  await sleep(1);
  console.log(s3.destroyed);
  const calls2 = [];
  console.log(await from([1, 2, 3, 4, 5]).find(async (x) => { calls2.push(x); return x > 1; }), calls2);
})();

