// tee (both branches see every chunk, the source is cancelled only when both are),
// async iteration (early break cancels the stream, values({ preventCancel }) does not),
// and ReadableStream.from over iterables and async iterables.
'use strict';

async function collect(stream) {
  const out = [];
  for await (const x of stream) out.push(x);
  return out;
}

async function main() {
  const [a, b] = new ReadableStream({
    start(c) { c.enqueue(1); c.enqueue(2); c.close(); },
  }).tee();
  console.log(await collect(a), await collect(b));

  // Cancelling one branch does not cancel the source; cancelling both does, with both reasons.
  const [c1, c2] = new ReadableStream({
    start(c) { c.enqueue('x'); },
    cancel(reason) { console.log('source cancel', reason); },
  }).tee();
  const p1 = c1.cancel('r1');
  await new Promise((r) => setTimeout(r, 2));
  console.log('after first cancel');
  const reader2 = c2.getReader();
  console.log((await reader2.read()).value);
  await reader2.cancel('r2');
  await p1;

  // An erroring source errors both branches.
  const [e1, e2] = new ReadableStream({ start(c) { c.error(new Error('tee boom')); } }).tee();
  await e1.getReader().closed.catch((e) => console.log('branch 1', e.message));
  await e2.getReader().closed.catch((e) => console.log('branch 2', e.message));

  // Byte stream tee: branches are byte streams and do not share memory.
  const [b1, b2] = new ReadableStream({
    type: 'bytes',
    start(c) { c.enqueue(new Uint8Array([5, 6])); c.close(); },
  }).tee();
  const v1 = (await b1.getReader({ mode: 'byob' }).read(new Uint8Array(4))).value;
  const v2 = (await b2.getReader().read()).value;
  v1[0] = 0;
  console.log(v1, v2);

  // Early break cancels the stream.
  let cancelled;
  const rs = new ReadableStream({
    pull(c) { c.enqueue('tick'); },
    cancel(reason) { cancelled = reason; },
  });
  for await (const x of rs) {
    console.log('got', x);
    break;
  }
  console.log('cancelled with', cancelled, 'locked', rs.locked);

  // values({ preventCancel: true }): breaking releases the lock, the stream goes on.
  let i = 0;
  const rs2 = new ReadableStream({ pull(c) { c.enqueue(++i); if (i === 3) c.close(); } });
  for await (const x of rs2.values({ preventCancel: true })) {
    console.log('first', x);
    break;
  }
  console.log('rest', await collect(rs2));

  // return() with a value; next() after it.
  const it = new ReadableStream({ start(c) { c.enqueue(1); } })[Symbol.asyncIterator]();
  console.log(await it.next(), await it.return('bye'), await it.next());
  console.log(Object.prototype.toString.call(it));

  // An error while iterating reaches the loop.
  try {
    for await (const x of new ReadableStream({ start(c) { c.enqueue('ok'); }, pull(c) { c.error(new Error('iter boom')); } })) {
      console.log('iter', x);
    }
  } catch (e) {
    console.log('caught', e.message);
  }

  // ReadableStream.from: arrays, generators, async generators, strings.
  console.log(await collect(ReadableStream.from([1, 2, 3])));
  console.log(await collect(ReadableStream.from((function* () { yield 'a'; yield Promise.resolve('b'); })())));
  console.log(await collect(ReadableStream.from((async function* () { yield 'c'; yield 'd'; })())));
  console.log(await collect(ReadableStream.from('hi')));
  let finallyRan = false;
  const gen = (async function* () { try { yield 1; yield 2; } finally { finallyRan = true; } })();
  for await (const x of ReadableStream.from(gen)) { console.log('from gen', x); break; }
  console.log('generator finally ran', finallyRan);
}
main();
