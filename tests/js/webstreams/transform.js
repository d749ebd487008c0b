// TransformStream: transform/flush, backpressure from the readable side holding writes,
// terminate() and error(), the identity transform, and TextEncoderStream /
// TextDecoderStream (a surrogate pair and a UTF-8 sequence split across chunks).
'use strict';

async function readAll(readable) {
  const out = [];
  const reader = readable.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
  return out;
}

async function main() {
  const ts = new TransformStream({
    start(c) { c.enqueue('header'); },
    transform(chunk, c) { c.enqueue(chunk * 2); c.enqueue(chunk * 3); },
    flush(c) { c.enqueue('footer'); },
  });
  const writer = ts.writable.getWriter();
  writer.write(1);
  writer.write(2);
  writer.close();
  console.log(await readAll(ts.readable));

  // Backpressure: with nobody reading, the readable side's queue fills and writes wait.
  let transformed = 0;
  const slow = new TransformStream({ transform(chunk, c) { transformed++; c.enqueue(chunk); } },
                                   { highWaterMark: 1 }, { highWaterMark: 1 });
  const w = slow.writable.getWriter();
  console.log('writable desiredSize', w.desiredSize);
  for (let i = 0; i < 4; i++) w.write(i);
  await new Promise((r) => setTimeout(r, 5));
  console.log('transformed while unread', transformed, 'writer desiredSize', w.desiredSize);
  const reader = slow.readable.getReader();
  await reader.read();
  await new Promise((r) => setTimeout(r, 5));
  console.log('transformed after one read', transformed);

  // terminate(): the readable closes, the writable errors.
  const term = new TransformStream({ transform(chunk, c) { c.enqueue(chunk); c.terminate(); } });
  const tw = term.writable.getWriter();
  tw.write('last').catch(() => {});
  console.log(await readAll(term.readable));
  await tw.closed.catch((e) => console.log('writable after terminate:', e.name, e.code));

  // A throwing transform errors both sides.
  const bad = new TransformStream({ transform() { throw new Error('transform broke'); } });
  const bw = bad.writable.getWriter();
  await bw.write(1).catch((e) => console.log('write rejects', e.message));
  await bad.readable.getReader().read().catch((e) => console.log('read rejects', e.message));

  // Cancelling the readable side errors the writable side.
  const cancelled = new TransformStream();
  await cancelled.readable.cancel('no more');
  await cancelled.writable.getWriter().closed.catch((e) => console.log('writable closed rejects', e));

  // The identity transform.
  const id = new TransformStream();
  const idw = id.writable.getWriter();
  idw.write({ any: 'thing' });
  idw.close();
  console.log(await readAll(id.readable));

  // TextEncoderStream: a surrogate pair split across chunks is encoded once whole.
  const enc = new TextEncoderStream();
  console.log(enc.encoding);
  const ew = enc.writable.getWriter();
  ew.write('h\uD83D');
  ew.write('\uDE00!');
  ew.write('\uD800');
  ew.close();
  console.log(await readAll(enc.readable));

  // TextDecoderStream: a multi-byte sequence split across chunks.
  const dec = new TextDecoderStream('utf-8', { fatal: false });
  console.log(dec.encoding, dec.fatal, dec.ignoreBOM);
  const dw = dec.writable.getWriter();
  dw.write(new Uint8Array([0xE2, 0x82]));
  dw.write(new Uint8Array([0xAC, 0x41]));
  dw.write(new Uint8Array([0xE2]));
  dw.close();
  console.log(await readAll(dec.readable));

  // Through pipeThrough, as the two are usually used.
  const text = await readAll(ReadableStream.from(['grüße ', 'aus ', 'coil'])
    .pipeThrough(new TextEncoderStream()).pipeThrough(new TextDecoderStream()));
  console.log(text.join(''));
}
main();
