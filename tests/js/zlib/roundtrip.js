// Every format round-trips its data in every flavour: Sync, callback, promisified,
// and as streams written in pieces; bytesWritten counts the input consumed.
const zlib = require('zlib');
const { promisify } = require('util');

const text = Buffer.from('The quick brown fox jumps over the lazy dog. '.repeat(2000) +
  Array.from({ length: 3000 }, (_, i) => (i * 7919 % 1000).toString(36)).join(','));
const pairs = [
  ['deflate', 'inflate'], ['gzip', 'gunzip'], ['deflateRaw', 'inflateRaw'],
  ['deflate', 'unzip'], ['gzip', 'unzip'], ['brotliCompress', 'brotliDecompress'],
];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function streamThrough(name, input, opts) {
  return new Promise((resolve, reject) => {
    const s = zlib['create' + cap(name)](opts);
    const out = [];
    s.on('data', (c) => out.push(c));
    s.on('error', reject);
    s.on('end', () => resolve({ buf: Buffer.concat(out), written: s.bytesWritten }));
    for (let i = 0; i < input.length; i += 5000) s.write(input.subarray(i, i + 5000));
    s.end();
  });
}

(async () => {
  for (const [enc, dec] of pairs) {
    const packed = zlib[enc + 'Sync'](text);
    const a = zlib[dec + 'Sync'](packed);
    const b = await new Promise((res, rej) => zlib[dec](packed, (e, r) => (e ? rej(e) : res(r))));
    const c = await promisify(zlib[dec])(await promisify(zlib[enc])(text));
    const packedStream = await streamThrough(enc, text, { chunkSize: 1024 });
    const d = await streamThrough(dec, packedStream.buf, { chunkSize: 256 });
    console.log(enc, dec, packed.length < text.length / 5, a.equals(text), b.equals(text),
                c.equals(text), d.buf.equals(text), packedStream.written === text.length,
                d.written === packedStream.buf.length);
  }
  // Empty input makes a valid empty stream in each format.
  for (const [enc, dec] of pairs) {
    console.log('empty', enc, zlib[dec + 'Sync'](zlib[enc + 'Sync']('')).length);
  }
  // Strings, ArrayBuffers and other typed arrays are input too.
  const u16 = new Uint16Array([0x6968, 0x2121]);
  console.log(zlib.inflateSync(zlib.deflateSync(u16)).toString(),
              zlib.gunzipSync(zlib.gzipSync(u16.buffer)).toString(),
              zlib.inflateRawSync(zlib.deflateRawSync('héllo')).toString());
  // Levels, strategies, memLevel and windowBits change the bytes, not the data.
  for (const opts of [{ level: 0 }, { level: 1 }, { level: 9, memLevel: 9 },
                      { strategy: zlib.constants.Z_HUFFMAN_ONLY }, { strategy: zlib.constants.Z_RLE },
                      { windowBits: 9, memLevel: 1 }, { strategy: zlib.constants.Z_FIXED }]) {
    const packed = zlib.deflateSync(text, opts);
    console.log(JSON.stringify(opts), zlib.inflateSync(packed).equals(text),
                opts.level === 0 ? packed.length > text.length : packed.length < text.length);
  }
  // windowBits 8 raw streams are written as 9 (zlib has no raw 256-byte window).
  console.log(zlib.inflateRawSync(zlib.deflateRawSync(text, { windowBits: 8 })).equals(text));
})();
