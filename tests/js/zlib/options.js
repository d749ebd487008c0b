// info: true, chunkSize, brotli parameters (quality, size hint, mode, window),
// zlib.constants and zlib.codes, crc32, and the classes' shapes.
const zlib = require('zlib');

const text = Buffer.from('Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(500));

// info: the engine comes back with the buffer.
const r = zlib.deflateSync(text, { info: true });
console.log(Object.keys(r), r.engine instanceof zlib.Deflate, r.engine.bytesWritten === text.length,
            r.engine._closed, zlib.inflateSync(r.buffer).equals(text));
zlib.gzip(text, { info: true }, (err, res) => {
  console.log('info callback', err, res.engine.constructor.name, zlib.gunzipSync(res.buffer).equals(text));
});

// chunkSize bounds each 'data' chunk.
const s = zlib.createInflate({ chunkSize: 64 });
const sizes = new Set();
let total = 0;
s.on('data', (c) => { sizes.add(c.length <= 64); total += c.length; });
s.on('end', () => console.log('chunkSize 64:', [...sizes], total === text.length));
s.end(zlib.deflateSync(text));
console.log('sync chunkSize 64:', zlib.inflateSync(zlib.deflateSync(text), { chunkSize: 64 }).equals(text));

// Brotli parameters.
const P = zlib.constants;
const q0 = zlib.brotliCompressSync(text, { params: { [P.BROTLI_PARAM_QUALITY]: 0 } });
const q11 = zlib.brotliCompressSync(text, { params: { [P.BROTLI_PARAM_QUALITY]: P.BROTLI_MAX_QUALITY } });
const hinted = zlib.brotliCompressSync(text, {
  params: { [P.BROTLI_PARAM_SIZE_HINT]: text.length, [P.BROTLI_PARAM_MODE]: P.BROTLI_MODE_TEXT,
            [P.BROTLI_PARAM_LGWIN]: 16 },
});
console.log('brotli quality:', q11.length < q0.length,
            zlib.brotliDecompressSync(q0).equals(text), zlib.brotliDecompressSync(q11).equals(text),
            zlib.brotliDecompressSync(hinted).equals(text));
const large = zlib.brotliCompressSync(text, { params: { [P.BROTLI_PARAM_LARGE_WINDOW]: true, [P.BROTLI_PARAM_LGWIN]: 28 } });
try { zlib.brotliDecompressSync(large); } catch (e) { console.log('large window without the flag:', e.code); }
console.log('large window:', zlib.brotliDecompressSync(large, {
  params: { [P.BROTLI_DECODER_PARAM_LARGE_WINDOW]: true } }).equals(text));

// Constants, codes, the legacy top-level copies.
console.log(P.Z_SYNC_FLUSH, P.Z_FINISH, P.Z_BUF_ERROR, P.GUNZIP, P.BROTLI_ENCODE, P.Z_MAX_CHUNK,
            P.BROTLI_DECODER_ERROR_UNREACHABLE, Object.isFrozen(P), Object.getPrototypeOf(P));
console.log(zlib.codes.Z_DATA_ERROR, zlib.codes[-3], Object.isFrozen(zlib.codes),
            zlib.Z_BEST_COMPRESSION, Object.keys(zlib).includes('Z_FINISH'), zlib.BROTLI_ENCODE);
console.log(typeof P.ZLIB_VERNUM, Object.keys(P).length);

// crc32 (Node 20.15+).
console.log(zlib.crc32('hello'), zlib.crc32(Buffer.from(' world'), zlib.crc32('hello')),
            zlib.crc32('hello world'), zlib.crc32(new Uint8Array(0)), zlib.crc32('é'),
            zlib.crc32(new DataView(new Uint8Array([1, 2, 3]).buffer)));

// Classes work with and without `new`; every stream is a Transform.
const { Transform } = require('stream');
for (const name of ['Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip',
                    'BrotliCompress', 'BrotliDecompress']) {
  const a = zlib[name]();
  const b = new zlib[name]();
  const c = zlib['create' + name]();
  console.log(name, a instanceof zlib[name], b instanceof Transform, c.constructor === zlib[name],
              a.bytesWritten, a._closed);
  for (const x of [a, b, c]) x.close();
}
