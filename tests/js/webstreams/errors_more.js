// More of node's errors for stream/web: released writers, byte stream chunks and
// options, closed destinations, ReadableStream.from's iterator checks, TextDecoderStream
// input, wrong arguments to the reader/writer constructors, locked streams.
'use strict';
const t = async (name, f) => { try { const r = await f(); console.log(name, 'ok', r); } catch (e) { console.log(name, e.name, e.code, e.message); } };
(async () => {
await t('ts enqueue after terminate', () => { let c; new TransformStream({ start(x) { c = x; } }); c.terminate(); c.enqueue(1); });
await t('writer closed after release', async () => { const w = new WritableStream().getWriter(); w.releaseLock(); await w.closed; });
await t('writer ready after release', async () => { const w = new WritableStream().getWriter(); w.releaseLock(); await w.ready; });
await t('reader closed after release', async () => { const r = new ReadableStream().getReader(); r.releaseLock(); await r.closed; });
await t('byob respond invalidated', async () => { let c; const rs = new ReadableStream({ type: 'bytes', start(x) { c = x; } }); const r = rs.getReader({ mode: 'byob' }); r.read(new Uint8Array(2)); await null; const q = c.byobRequest; q.respond(1); q.respond(1); });
await t('byob enqueue zero', () => { new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array(0)); } }); });
await t('byob autoAllocate 0', () => { new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 0 }); });
await t('bytes size', () => { new ReadableStream({ type: 'bytes' }, { size() { return 1; } }); });
await t('write after abort', async () => { const w = new WritableStream().getWriter(); w.abort(new Error('ab')); await w.write(1); });
await t('pipe dest closed', async () => { const ws = new WritableStream(); await ws.close(); await new ReadableStream({ start(c) { c.enqueue(1); } }).pipeTo(ws); });
await t('pipe to locked', async () => { const ws = new WritableStream(); ws.getWriter(); await new ReadableStream().pipeTo(ws); });
await t('pipeThrough locked', async () => { const rs = new ReadableStream(); rs.getReader(); rs.pipeThrough(new TransformStream()); });
await t('from return non-object', async () => { const it = { [Symbol.asyncIterator]() { return { next() { return 1; } }; } }; await ReadableStream.from(it).getReader().read(); });
await t('from iterator non-object', async () => { const it = { [Symbol.asyncIterator]() { return 1; } }; ReadableStream.from(it); });
await t('values bad opts', () => new ReadableStream().values(1));
await t('getReader bad opts', () => new ReadableStream().getReader(1));
await t('decoder bad', () => new TextDecoderStream('nope'));
await t('decoder fatal', async () => { const d = new TextDecoderStream('utf-8', { fatal: true }); const w = d.writable.getWriter(); w.write(new Uint8Array([0xff])).catch(()=>{}); await d.readable.getReader().read(); });
await t('decoder write non-buffer', async () => { const d = new TextDecoderStream(); const w = d.writable.getWriter(); w.write('str').catch(()=>{}); await d.readable.getReader().read(); });
await t('BYOBReader on default', () => new ReadableStreamBYOBReader(new ReadableStream()));
await t('DefaultReader bad', () => new ReadableStreamDefaultReader(1));
await t('Writer bad', () => new WritableStreamDefaultWriter(1));
await t('strategy hwm NaN', () => new ReadableStream({}, { highWaterMark: NaN }));
await t('strategy hwm string', () => new ReadableStream({}, { highWaterMark: '3' }).getReader());
await t('tee locked', () => { const rs = new ReadableStream(); rs.getReader(); rs.tee(); });
await t('values locked', () => { const rs = new ReadableStream(); rs.getReader(); rs.values(); });
await t('controller enqueue errored', () => { let c; new ReadableStream({ start(x) { c = x; } }); c.error(new Error('e')); c.enqueue(1); });
await t('BYOBRequest ctor', () => new ReadableStreamBYOBRequest());
await t('strategy bad this', () => Object.getOwnPropertyDescriptor(CountQueuingStrategy.prototype, 'size').get.call({}));
})();
