// pipeTo and pipeThrough: chunks in order, the destination closed at the end, errors
// carried both ways (abort the destination, cancel the source) unless a prevent*
// option says not to, an AbortSignal stopping the pipe, and locks released after.
'use strict';

function source(chunks, extra = {}) {
  return new ReadableStream({
    start(c) { for (const x of chunks) c.enqueue(x); if (!extra.keepOpen) c.close(); },
    cancel(reason) { console.log('  source cancelled:', reason instanceof Error ? reason.message : reason); },
    ...extra,
  });
}

function sink(log, extra = {}) {
  return new WritableStream({
    write(chunk) { log.push(chunk); },
    close() { console.log('  sink closed'); },
    abort(reason) { console.log('  sink aborted:', reason instanceof Error ? reason.message : reason); },
    ...extra,
  });
}

async function main() {
  console.log('plain pipe');
  let log = [];
  const rs = source([1, 2, 3]);
  const ws = sink(log);
  await rs.pipeTo(ws);
  console.log(' ', log, rs.locked, ws.locked);

  console.log('preventClose');
  log = [];
  const ws2 = sink(log);
  await source(['a']).pipeTo(ws2, { preventClose: true });
  const w2 = ws2.getWriter();
  await w2.write('b');
  console.log(' ', log);

  console.log('source errors -> destination aborted');
  const bad = new ReadableStream({ start(c) { c.enqueue('x'); }, pull(c) { c.error(new Error('src fail')); } });
  await bad.pipeTo(sink([])).catch((e) => console.log('  rejects', e.message));

  console.log('source errors, preventAbort');
  const ws3 = sink([]);
  await new ReadableStream({ start(c) { c.error(new Error('src fail 2')); } })
    .pipeTo(ws3, { preventAbort: true }).catch((e) => console.log('  rejects', e.message));
  console.log('  dest still writable:', !ws3.locked);

  console.log('destination errors -> source cancelled');
  await source([1, 2], { keepOpen: true }).pipeTo(sink([], { write() { throw new Error('dest fail'); } }))
    .catch((e) => console.log('  rejects', e.message));

  console.log('destination errors, preventCancel');
  const rs4 = source([1], { keepOpen: true });
  await rs4.pipeTo(sink([], { write() { throw new Error('dest fail 2'); } }), { preventCancel: true })
    .catch((e) => console.log('  rejects', e.message));
  console.log('  source unlocked:', !rs4.locked);

  console.log('abort signal');
  const ac = new AbortController();
  let ctl;
  log = [];
  const rs5 = new ReadableStream({ start(c) { ctl = c; }, cancel(r) { console.log('  source cancelled:', r.name); } });
  const piping = rs5.pipeTo(new WritableStream({
    write(chunk) { log.push(chunk); },
    abort(r) { console.log('  sink aborted:', r.name); },
  }), { signal: ac.signal });
  ctl.enqueue('before');
  await new Promise((r) => setTimeout(r, 5));
  ac.abort();
  await piping.catch((e) => console.log('  rejects', e.name, e.code));
  console.log(' ', log);

  console.log('already aborted signal, preventAbort and preventCancel');
  const ac2 = new AbortController();
  ac2.abort(new Error('stop'));
  await source([1]).pipeTo(sink([]), { signal: ac2.signal, preventAbort: true, preventCancel: true })
    .catch((e) => console.log('  rejects', e.message));

  console.log('pipeThrough');
  const upper = new TransformStream({ transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); } });
  const out = source(['x', 'y']).pipeThrough(upper);
  const reader = out.getReader();
  const got = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) got.push(r.value);
  console.log(' ', got);

  console.log('backpressure through a pipe');
  let pulled = 0;
  const slow = new ReadableStream({ pull(c) { pulled++; c.enqueue(pulled); if (pulled === 20) c.close(); } }, { highWaterMark: 0 });
  const writes = [];
  await slow.pipeTo(new WritableStream({
    write(chunk) { writes.push(chunk); return new Promise((r) => setTimeout(r, 1)); },
  }, { highWaterMark: 2 }));
  console.log(' ', writes.length, 'chunks, last', writes[writes.length - 1]);

  console.log('locked streams');
  const lockedRs = new ReadableStream();
  lockedRs.getReader();
  await lockedRs.pipeTo(new WritableStream()).catch((e) => console.log('  rejects', e.name, e.code));
}
main();
