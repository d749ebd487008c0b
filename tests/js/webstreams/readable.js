// ReadableStream with a default controller: reads in order, pull only while the
// queue is under the highWaterMark (desiredSize), the strategy's size() weighing
// chunks, close/error reaching pending reads, and reader locking.
'use strict';

async function main() {
  // Backpressure: desiredSize falls as chunks are enqueued and rises as they are read.
  const sizes = [];
  let pulls = 0;
  let ctl;
  const rs = new ReadableStream({
    start(c) { ctl = c; sizes.push(c.desiredSize); },
    pull(c) { pulls++; c.enqueue(`chunk${pulls}`); sizes.push(c.desiredSize); if (pulls === 4) c.close(); },
  }, { highWaterMark: 2 });
  await new Promise((r) => setTimeout(r, 5));
  console.log('pulled before any read:', pulls, sizes);
  const reader = rs.getReader();
  console.log('locked:', rs.locked);
  const got = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    got.push(value);
  }
  console.log(got, 'pulls', pulls, 'desiredSize after close', ctl.desiredSize);
  console.log('read after close:', await reader.read());
  await reader.closed;
  console.log('closed resolved');

  // size(): a CountQueuingStrategy counts, ByteLengthQueuingStrategy weighs bytes, a custom size anything.
  const count = new CountQueuingStrategy({ highWaterMark: 3 });
  const bytes = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
  console.log(count.highWaterMark, count.size('anything'), bytes.highWaterMark, bytes.size(new Uint8Array(5)));
  console.log(count.size === new CountQueuingStrategy({ highWaterMark: 1 }).size);
  let c2;
  new ReadableStream({ start(c) { c2 = c; } }, bytes);
  c2.enqueue(new Uint8Array(10));
  console.log('bytes desiredSize', c2.desiredSize);
  c2.enqueue(new Uint8Array(10));
  console.log('bytes desiredSize', c2.desiredSize);
  let c3;
  new ReadableStream({ start(c) { c3 = c; } }, { highWaterMark: 10, size: (chunk) => chunk.length });
  c3.enqueue('abcd');
  console.log('custom size desiredSize', c3.desiredSize);
  try {
    c3.enqueue({ length: -1 });
  } catch (e) {
    console.log('bad size:', e.name);
  }
  console.log('errored desiredSize', c3.desiredSize);

  // A size() that throws errors the stream.
  let c4;
  const rs4 = new ReadableStream({ start(c) { c4 = c; } }, { size() { throw new Error('size boom'); } });
  try { c4.enqueue(1); } catch (e) { console.log('enqueue threw', e.message); }
  await rs4.getReader().read().catch((e) => console.log('read rejects', e.message));

  // A pending read sees error().
  let c5;
  const r5 = new ReadableStream({ start(c) { c5 = c; } }).getReader();
  const pending = r5.read();
  c5.error(new Error('gone'));
  await pending.catch((e) => console.log('pending read:', e.message));
  await r5.closed.catch((e) => console.log('closed rejects:', e.message));

  // releaseLock: pending reads reject, the stream can be read again.
  const rs6 = new ReadableStream({ start(c) { c.enqueue('x'); } });
  const r6 = rs6.getReader();
  await r6.read();
  const waiting = r6.read();
  r6.releaseLock();
  await waiting.catch((e) => console.log('released read:', e.name, e.code));
  await r6.closed.catch((e) => console.log('released closed:', e.name, e.code));
  console.log('locked after release', rs6.locked);
  const r6b = rs6.getReader();
  console.log('new reader ok', r6b instanceof ReadableStreamDefaultReader);

  // cancel reaches the source with the reason; queued chunks are dropped.
  const rs7 = new ReadableStream({
    start(c) { c.enqueue(1); },
    cancel(reason) { console.log('source cancel:', reason); return 'ignored'; },
  });
  console.log('cancel resolves to', await rs7.cancel('why'));
  console.log('read after cancel', await rs7.getReader().read());

  // start() returning a promise: pull waits for it; start rejecting errors the stream.
  const order = [];
  const rs8 = new ReadableStream({
    start() { return new Promise((r) => setTimeout(() => { order.push('started'); r(); }, 5)); },
    pull(c) { order.push('pull'); c.enqueue(1); c.close(); },
  });
  await rs8.getReader().read();
  console.log(order);
  const rs9 = new ReadableStream({ start() { return Promise.reject(new Error('start failed')); } });
  await rs9.getReader().closed.catch((e) => console.log(e.message));
}
main();
