// flush() makes what was written so far come out decodable before the stream
// ends; params() changes level and strategy mid-stream; reset() starts over.
const zlib = require('zlib');

function collect(stream) {
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  return () => Buffer.concat(chunks.splice(0));
}

// A partial stream decoded with Z_SYNC_FLUSH (no end of stream yet).
const partial = (buf) => zlib.inflateSync(buf, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
const partialBr = (buf) => zlib.brotliDecompressSync(buf, {
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }).toString();

(async () => {
  const d = zlib.createDeflate();
  const take = collect(d);
  d.write('part one, ');
  await new Promise((r) => d.flush(zlib.constants.Z_SYNC_FLUSH, r));
  const first = take();
  console.log('sync flush:', JSON.stringify(partial(first)), first.subarray(-4).toString('hex'));
  d.write('part two');
  await new Promise((r) => d.flush(r)); // Z_FULL_FLUSH by default
  const second = take();
  console.log('full flush:', JSON.stringify(partial(Buffer.concat([first, second]))));
  // params(): flushed first, then new settings for what follows.
  await new Promise((r) => d.params(0, zlib.constants.Z_DEFAULT_STRATEGY, r));
  console.log('params:', d._level, d._strategy);
  d.write(Buffer.alloc(3000, 'z'));
  d.end();
  await new Promise((r) => d.on('end', r));
  const rest = take();
  const all = Buffer.concat([first, second, rest]);
  // Level 0 stores the 3000 bytes as they are.
  console.log('after params:', rest.length > 3000, zlib.inflateSync(all).toString().length);
  await new Promise((r) => d.flush(() => { console.log('flush after end calls back'); r(); }));

  // flush: Z_SYNC_FLUSH as the default flush for every write.
  const g = zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH });
  const takeG = collect(g);
  await new Promise((r) => g.write('each write comes out', r));
  await new Promise((r) => setImmediate(r));
  const soFar = takeG();
  console.log('per-write flush:', zlib.gunzipSync(soFar, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString());
  g.end();

  // Brotli: BROTLI_OPERATION_FLUSH.
  const bc = zlib.createBrotliCompress();
  const takeB = collect(bc);
  bc.write('brotli part');
  await new Promise((r) => bc.flush(r));
  console.log('brotli flush:', JSON.stringify(partialBr(takeB())));
  bc.end();

  // reset(): the engine starts a new stream.
  const r = zlib.createDeflate();
  console.log('reset returns', r.reset());
  r.close();

  // close(callback) runs once the stream is closed.
  const c = zlib.createInflate();
  c.close(() => console.log('closed', c._closed, c.destroyed));
})();
