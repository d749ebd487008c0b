// The bridges between node streams and web streams, both ways: Readable.toWeb and
// fromWeb, Writable.toWeb and fromWeb, Duplex.toWeb and fromWeb, with ends, errors
// and cancellation carried across, and stream.finished() on web streams.
'use strict';
const { Readable, Writable, Duplex, finished } = require('stream');

async function main() {
  // Readable -> ReadableStream: Buffers arrive as Uint8Arrays, objects as themselves.
  const web = Readable.toWeb(Readable.from([Buffer.from('ab'), Buffer.from('cd')], { objectMode: false }));
  const chunks = [];
  for await (const c of web) chunks.push(c.constructor.name + ':' + Buffer.from(c).toString());
  console.log(chunks);
  // Each chunk owns its memory (a pooled Buffer's pool is never handed out).
  for await (const c of Readable.toWeb(Readable.from([Buffer.from('ab')], { objectMode: false }))) {
    console.log('own buffer', c.buffer.byteLength === c.byteLength);
  }
  const objs = [];
  for await (const c of Readable.toWeb(Readable.from([{ a: 1 }, { b: 2 }]))) objs.push(c);
  console.log(objs);

  // Cancelling the web side destroys the node stream.
  const src = new Readable({ read() { this.push('x'); } });
  src.on('close', () => console.log('node readable closed, destroyed =', src.destroyed));
  const r = Readable.toWeb(src).getReader();
  await r.read();
  await r.cancel(new Error('stop'));
  await new Promise((res) => setImmediate(res));

  // A node error errors the web stream.
  const failing = new Readable({ read() { this.destroy(new Error('node fail')); } });
  await Readable.toWeb(failing).getReader().read().catch((e) => console.log('web read rejects', e.message));

  // ReadableStream -> Readable.
  const fromWeb = Readable.fromWeb(ReadableStream.from(['x', 'y', 'z']), { encoding: 'utf8' });
  let text = '';
  for await (const c of fromWeb) text += c;
  console.log('fromWeb', text);
  const erroring = Readable.fromWeb(new ReadableStream({ pull(c) { c.error(new Error('web fail')); } }));
  erroring.on('error', (e) => console.log('node readable error', e.message));
  erroring.resume();
  await new Promise((res) => erroring.on('close', res));

  // Writable -> WritableStream.
  const written = [];
  const nodeWritable = new Writable({ write(chunk, enc, cb) { written.push(chunk.toString()); setTimeout(cb, 1); } });
  nodeWritable.on('finish', () => console.log('node writable finished'));
  const ws = Writable.toWeb(nodeWritable);
  const writer = ws.getWriter();
  await writer.write(new Uint8Array([104, 105]));
  await writer.write(Buffer.from('!'));
  await writer.close();
  console.log('written', written);

  // WritableStream -> Writable.
  const sunk = [];
  const nodeSide = Writable.fromWeb(new WritableStream({
    write(chunk) { sunk.push(Buffer.from(chunk).toString()); },
    close() { console.log('web sink closed'); },
  }));
  nodeSide.write('one ');
  nodeSide.end('two', () => console.log('sunk', sunk));
  await new Promise((res) => nodeSide.on('finish', res));
  const erring = Writable.fromWeb(new WritableStream({ write() { throw new Error('sink fail'); } }));
  erring.on('error', (e) => console.log('node writable error', e.message));
  erring.write('x');
  await new Promise((res) => erring.on('close', res));

  // Duplex both ways.
  const duplex = Duplex.fromWeb({
    readable: ReadableStream.from(['from web']),
    writable: new WritableStream({ write(chunk) { console.log('duplex wrote', chunk.toString()); } }),
  }, { encoding: 'utf8' });
  duplex.write('to web');
  for await (const c of duplex) console.log('duplex read', c);
  const pair = Duplex.toWeb(new Duplex({
    read() { this.push('dx'); this.push(null); },
    write(chunk, enc, cb) { console.log('node duplex got', chunk.toString()); cb(); },
  }));
  await pair.writable.getWriter().write(new TextEncoder().encode('hello'));
  const got = await pair.readable.getReader().read();
  console.log('pair read', Buffer.from(got.value).toString());

  // Bad arguments.
  for (const f of [() => Readable.fromWeb({}), () => Readable.toWeb({}), () => Writable.fromWeb(1),
    () => Writable.toWeb(null), () => Duplex.fromWeb({ readable: new ReadableStream() })]) {
    try { f(); } catch (e) { console.log(e.code, e.message); }
  }

  // stream.finished on web streams.
  const done = new ReadableStream({ start(c) { c.enqueue(1); c.close(); } });
  const whenFinished = (stream, options = {}) => new Promise((res) => finished(stream, options, res));
  const doneEnd = whenFinished(done);
  await done.getReader().read();
  console.log('finished readable', await doneEnd);
  const broken = new WritableStream({ write() { throw new Error('ws fail'); } });
  const brokenEnd = whenFinished(broken);
  await broken.getWriter().write(1).catch(() => {});
  console.log('finished writable', (await brokenEnd).message);
  const ac = new AbortController();
  const abortedEnd = whenFinished(new ReadableStream(), { signal: ac.signal });
  ac.abort();
  console.log('finished aborted', (await abortedEnd).name);
}
main();
