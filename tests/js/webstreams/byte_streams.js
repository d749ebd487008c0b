// Byte streams ({ type: 'bytes' }): BYOB reads filled through byobRequest.respond
// and respondWithNewView, a BYOB read served from the queue, typed views of any
// element size, autoAllocateChunkSize for default readers, the transfer that detaches
// the giver's buffer, and close with pending BYOB reads.
'use strict';

async function main() {
  // respond(): the source writes into the reader's buffer.
  let n = 0;
  const rs = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const req = c.byobRequest;
      const view = req.view;
      for (let i = 0; i < 3; i++) view[i] = ++n;
      req.respond(3);
      if (n >= 6) c.close();
    },
  });
  console.log(rs);
  const reader = rs.getReader({ mode: 'byob' });
  const buf = new Uint8Array(8);
  const first = await reader.read(buf);
  console.log(first, 'given buffer detached:', buf.byteLength === 0);
  const second = await reader.read(new Uint8Array(first.value.buffer));
  console.log(second.value, second.done);
  console.log('same memory reused:', second.value.buffer.byteLength);
  const third = await reader.read(new Uint8Array(4));
  console.log(third);

  // enqueue() then BYOB reads take from the queue, across chunk boundaries.
  const rs2 = new ReadableStream({
    type: 'bytes',
    start(c) {
      c.enqueue(new Uint8Array([1, 2, 3]));
      c.enqueue(new Uint8Array([4, 5, 6, 7]));
      c.close();
    },
  });
  const r2 = rs2.getReader({ mode: 'byob' });
  console.log(await r2.read(new Uint8Array(5)));
  console.log(await r2.read(new Uint8Array(5)));
  console.log(await r2.read(new Uint8Array(5)));

  // Element sizes: a Uint16Array read waits for whole elements; DataView works too.
  const rs3 = new ReadableStream({
    type: 'bytes',
    start(c) {
      c.enqueue(new Uint8Array([1, 0, 2]));
      c.enqueue(new Uint8Array([0, 9]));
      c.close();
    },
  });
  const r3 = rs3.getReader({ mode: 'byob' });
  console.log(await r3.read(new Uint16Array(4)));
  const dv = await r3.read(new DataView(new ArrayBuffer(4)));
  console.log(dv.value.constructor.name, dv.value.byteLength, dv.value.getUint8(0));

  // respondWithNewView with a view over the transferred buffer.
  const rs4 = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const v = c.byobRequest.view;
      const mine = new Uint8Array(v.buffer, v.byteOffset, 2);
      mine.set([42, 43]);
      c.byobRequest.respondWithNewView(mine);
    },
  });
  console.log(await rs4.getReader({ mode: 'byob' }).read(new Uint8Array(10)));

  // Default reader on a byte stream, with autoAllocateChunkSize: the source gets a byobRequest.
  const rs5 = new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: 16,
    pull(c) {
      console.log('auto-allocated view', c.byobRequest.view.byteLength);
      c.byobRequest.view[0] = 99;
      c.byobRequest.respond(1);
    },
  });
  console.log(await rs5.getReader().read());

  // enqueue() transfers: the source's buffer is detached afterwards.
  const src = new Uint8Array([1, 2]);
  let c6;
  const rs6 = new ReadableStream({ type: 'bytes', start(c) { c6 = c; } });
  c6.enqueue(src);
  console.log('enqueued buffer detached:', src.byteLength === 0, 'desiredSize', c6.desiredSize);
  console.log(await rs6.getReader().read());

  // Closing with a BYOB read pending: respond(0) settles it done with an empty view.
  let c7;
  const rs7 = new ReadableStream({ type: 'bytes', start(c) { c7 = c; } });
  const r7 = rs7.getReader({ mode: 'byob' });
  const p7 = r7.read(new Uint8Array(4));
  await null;
  c7.close();
  c7.byobRequest.respond(0);
  console.log(await p7);

  // Invalid responds.
  let c8;
  const rs8 = new ReadableStream({ type: 'bytes', start(c) { c8 = c; } });
  const p8 = rs8.getReader({ mode: 'byob' }).read(new Uint8Array(2));
  const req = c8.byobRequest;
  try { req.respond(5); } catch (e) { console.log('respond too much:', e.name); }
  try { req.respond(0); } catch (e) { console.log('respond zero:', e.name); }
  req.respond(2);
  console.log(await p8, 'request now', c8.byobRequest, req.view);

  // An error in a byte stream rejects BYOB reads.
  const rs9 = new ReadableStream({ type: 'bytes', pull(c) { c.error(new Error('byte boom')); } });
  await rs9.getReader({ mode: 'byob' }).read(new Uint8Array(1)).catch((e) => console.log(e.message));
}
main();
