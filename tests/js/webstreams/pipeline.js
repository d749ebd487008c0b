// Web streams in the node stream helpers: pipeline (callback and promise forms) with
// ReadableStream / TransformStream / WritableStream stages mixed with node streams and
// generators, errors reaching the callback, Duplex.from of web streams and Blobs,
// addAbortSignal erroring a web stream, and stream.isDisturbed/isErrored/isReadable.
'use strict';
const { pipeline, Readable, Writable, Duplex, addAbortSignal, finished, isDisturbed, isErrored, isReadable } = require('stream');
const { pipeline: pipelinePromise } = require('stream/promises');

async function main() {
  const out = [];
  await pipelinePromise(
    ReadableStream.from(['a', 'b']),
    new TransformStream({ transform(c, ctl) { ctl.enqueue(c.toUpperCase()); } }),
    new WritableStream({ write(c) { out.push(c); } }));
  console.log('web only', out);

  const out2 = [];
  await pipelinePromise(
    Readable.from(['x', 'y']),
    new TransformStream({ transform(c, ctl) { ctl.enqueue(`${c}!`); } }),
    new Writable({ objectMode: true, write(c, e, cb) { out2.push(c); cb(); } }));
  console.log('node around web', out2);

  const out3 = [];
  await pipelinePromise(
    ReadableStream.from(['1', '2']),
    async function* double(source) { for await (const c of source) yield c + c; },
    new WritableStream({ write(c) { out3.push(c); } }));
  console.log('generator stage', out3);

  await new Promise((resolve) => {
    pipeline(new ReadableStream({ start(c) { c.error(new Error('source failed')); } }), new WritableStream(), (err) => {
      console.log('callback error:', err.message);
      resolve();
    });
  });
  await pipelinePromise(ReadableStream.from(['z']), new WritableStream({ write() { throw new Error('sink failed'); } }))
    .catch((err) => console.log('promise rejects:', err.message));

  // Duplex.from
  const fromReadable = Duplex.from(ReadableStream.from(['r1', 'r2']));
  const chunks = [];
  for await (const c of fromReadable) chunks.push(String(c));
  console.log('Duplex.from(ReadableStream)', chunks);
  const sunk = [];
  const fromWritable = Duplex.from(new WritableStream({ write(c) { sunk.push(Buffer.from(c).toString()); } }));
  fromWritable.end('w1');
  await new Promise((resolve) => fromWritable.on('finish', resolve));
  console.log('Duplex.from(WritableStream)', sunk);
  let blobText = '';
  for await (const c of Duplex.from(new Blob(['blob ', 'body']))) blobText += Buffer.from(c).toString();
  console.log('Duplex.from(Blob)', blobText);

  // addAbortSignal on a web stream: queued chunks are dropped, reads reject.
  const ac = new AbortController();
  const rs = addAbortSignal(ac.signal, new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); } }));
  const reader = rs.getReader();
  console.log('first read', await reader.read());
  const end = new Promise((resolve) => finished(rs, resolve));
  ac.abort();
  console.log('finished with', (await end).name);
  await reader.read().catch((e) => console.log('next read rejects', e.name));
  const ac2 = new AbortController();
  const ws = addAbortSignal(ac2.signal, new WritableStream());
  ac2.abort();
  await ws.getWriter().closed.catch((e) => console.log('writable closed rejects', e.name));
  const fresh = new ReadableStream({ start(c) { c.enqueue(1); } });
  console.log('fresh', isDisturbed(fresh), isErrored(fresh), isReadable(fresh));
  await fresh.getReader().read();
  console.log('after a read', isDisturbed(fresh));
  const errored = new ReadableStream({ start(c) { c.error(new Error('x')); } });
  console.log('errored', isErrored(errored), isReadable(errored));
  try {
    addAbortSignal(ac.signal, {});
  } catch (e) {
    console.log(e.code);
  }
}
main();
