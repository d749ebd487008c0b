// CompressionStream and DecompressionStream (globals and stream/web): each format
// round-trips, reads what zlib writes, and rejects a bad format or bad data.
const zlib = require('zlib');
const web = require('stream/web');

async function pipeThrough(input, transform) {
  const out = [];
  const readable = new Blob([input]).stream().pipeThrough(transform);
  for await (const chunk of readable) out.push(chunk);
  return Buffer.concat(out);
}

(async () => {
  const text = Buffer.from('web streams compress too. '.repeat(1000));
  for (const format of ['deflate', 'deflate-raw', 'gzip']) {
    const packed = await pipeThrough(text, new CompressionStream(format));
    const back = await pipeThrough(packed, new DecompressionStream(format));
    const viaZlib = { 'deflate': zlib.inflateSync, 'deflate-raw': zlib.inflateRawSync, 'gzip': zlib.gunzipSync }[format](packed);
    console.log(format, packed.length < text.length / 10, back.equals(text), viaZlib.equals(text));
  }
  console.log(web.CompressionStream === CompressionStream, web.DecompressionStream === DecompressionStream,
              Object.keys(globalThis).includes('CompressionStream'),
              Object.prototype.toString.call(new CompressionStream('gzip')),
              Object.keys(CompressionStream.prototype));
  for (const bad of ['brotli', undefined]) {
    try { new DecompressionStream(bad); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  try {
    await pipeThrough(Buffer.from('not gzip data'), new DecompressionStream('gzip'));
  } catch (e) {
    console.log('bad data:', e.code, e.message);
  }
  console.log(require('util').inspect(new CompressionStream('deflate')));

  // Strings are written as UTF-8; the writable side counts chunks, not bytes.
  const cs = new CompressionStream('gzip');
  const writer = cs.writable.getWriter();
  const size0 = writer.desiredSize;
  writer.write('héllo ');
  writer.write(new Uint8Array([119, 111, 114, 108, 100]));
  console.log('desiredSize', size0 - writer.desiredSize);
  writer.close();
  const parts = [];
  for await (const chunk of cs.readable) parts.push(chunk);
  console.log(zlib.gunzipSync(Buffer.concat(parts)).toString());
})();
