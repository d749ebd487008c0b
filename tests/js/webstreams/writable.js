// WritableStream: one write in flight at a time, the writer's desiredSize and ready
// promise following the queue (backpressure), close after queued writes, abort (the
// sink's signal, pending writes rejected), and a failing sink erroring the stream.
'use strict';

const tick = (ms = 2) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const events = [];
  let release;
  const ws = new WritableStream({
    start() { events.push('start'); },
    write(chunk) {
      events.push(`write ${chunk}`);
      return new Promise((r) => { release = r; });
    },
    close() { events.push('close'); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const writer = ws.getWriter();
  console.log('desiredSize', writer.desiredSize);
  const writes = [writer.write('a'), writer.write('b'), writer.write('c')];
  console.log('desiredSize after 3 writes', writer.desiredSize);
  let ready = false;
  writer.ready.then(() => { ready = true; });
  await tick();
  console.log(events, 'ready', ready);
  release();
  await writes[0];
  await tick();
  console.log('after one write', writer.desiredSize, 'ready', ready);
  release();
  await tick();
  release();
  await Promise.all(writes);
  console.log('all written, desiredSize', writer.desiredSize);
  const closing = writer.close();
  console.log('desiredSize while closing', writer.desiredSize);
  await closing;
  await writer.closed;
  console.log(events, ws);

  // abort: the sink's signal fires, queued writes reject with the reason.
  let signal;
  const ws2 = new WritableStream({
    start(c) { signal = c.signal; },
    write() { return tick(5); },
    abort(reason) { console.log('sink abort', reason); },
  });
  const w2 = ws2.getWriter();
  await w2.ready;
  const first = w2.write(1);
  const second = w2.write(2).catch((e) => console.log('queued write rejects', e));
  const aborted = w2.abort('enough');
  const closed2 = w2.closed.catch((e) => console.log('closed rejects', e));
  console.log('signal aborted', signal.aborted, signal.reason);
  console.log('in-flight write resolves', await first);
  await second;
  await aborted;
  await closed2;
  console.log('desiredSize', w2.desiredSize, ws2);

  // A throwing write() errors the stream.
  const ws3 = new WritableStream({ write() { throw new Error('sink broke'); } });
  const w3 = ws3.getWriter();
  await w3.write('x').catch((e) => console.log('write rejects', e.message));
  await w3.ready.catch((e) => console.log('ready rejects', e.message));
  await w3.write('y').catch((e) => console.log('next write rejects', e.message));

  // controller.error() from outside.
  let ctl;
  const ws4 = new WritableStream({ start(c) { ctl = c; } });
  ctl.error(new Error('external'));
  await ws4.getWriter().closed.catch((e) => console.log('closed rejects', e.message));

  // A size() that throws errors the stream and the write rejects.
  const ws5 = new WritableStream({}, { size() { throw new Error('bad size'); } });
  await ws5.getWriter().write(1).catch((e) => console.log('write rejects', e.message));

  // close() on the stream itself.
  const ws6 = new WritableStream({ close() { console.log('sink close'); } });
  await ws6.close();
  console.log(ws6);
  await ws6.getWriter().closed.then(() => console.log('a new writer sees it closed'));

  // releaseLock: ready and closed reject, a new writer can be taken.
  const ws7 = new WritableStream();
  const w7 = ws7.getWriter();
  w7.releaseLock();
  await w7.closed.catch((e) => console.log('released closed', e.name, e.code));
  console.log('new writer', ws7.getWriter() instanceof WritableStreamDefaultWriter);
}
main();
