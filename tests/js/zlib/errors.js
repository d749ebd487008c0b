// Bad input and bad options give Node's errors: corrupted or truncated streams
// (code, errno, message) in the Sync, callback and stream forms; options out of
// range; output past maxOutputLength.
const zlib = require('zlib');

const show = (e) => console.log(`${e.name} ${e.code} ${e.errno} ${e.message}`);
function sync(f) {
  try { f(); console.log('no error'); } catch (e) { show(e); }
}
const gz = zlib.gzipSync('hello world, hello world');
const br = zlib.brotliCompressSync('hello world, hello world');
const dictionary = Buffer.from('hello world');

console.log('-- corrupted and truncated');
sync(() => zlib.inflateSync(Buffer.from('not a zlib stream')));
sync(() => zlib.gunzipSync(Buffer.from('not a gzip stream')));
sync(() => zlib.inflateRawSync(Buffer.from([0xff, 0xff, 0xff])));
sync(() => zlib.gunzipSync(gz.subarray(0, gz.length - 4)));
sync(() => zlib.inflateSync(Buffer.alloc(0)));
sync(() => zlib.brotliDecompressSync(Buffer.from('not brotli at all')));
sync(() => zlib.brotliDecompressSync(br.subarray(0, 4)));
const badCrc = Buffer.from(gz);
badCrc[badCrc.length - 6] ^= 1;
sync(() => zlib.gunzipSync(badCrc));

console.log('-- dictionaries');
const withDict = zlib.deflateSync('hello world again', { dictionary });
sync(() => zlib.inflateSync(withDict));
sync(() => zlib.inflateSync(withDict, { dictionary: Buffer.from('something else') }));
console.log(zlib.inflateSync(withDict, { dictionary }).toString());
console.log(zlib.inflateRawSync(zlib.deflateRawSync('hello world raw', { dictionary }),
                                { dictionary }).toString());
console.log(zlib.inflateSync(zlib.deflateSync('ab', { dictionary: new Uint8Array([97, 98]).buffer }),
                             { dictionary: new Uint8Array([97, 98]) }).toString());

console.log('-- options');
sync(() => zlib.createDeflate({ level: 10 }));
sync(() => zlib.createDeflate({ level: '1' }));
sync(() => zlib.createDeflate({ level: Infinity }));
sync(() => zlib.createDeflate({ windowBits: 16 }));
sync(() => zlib.createGzip({ windowBits: 8 }));
sync(() => zlib.createInflateRaw({ windowBits: 0 }));
sync(() => zlib.createDeflate({ memLevel: 0 }));
sync(() => zlib.createDeflate({ strategy: -1 }));
sync(() => zlib.createDeflate({ chunkSize: 63 }));
sync(() => zlib.createDeflate({ flush: 6 }));
sync(() => zlib.createDeflate({ finishFlush: -1 }));
sync(() => zlib.createBrotliCompress({ flush: 4 }));
sync(() => zlib.createDeflate({ maxOutputLength: 0 }));
sync(() => zlib.createDeflate({ dictionary: 'text' }));
sync(() => zlib.createBrotliCompress({ params: { 42: 1 } }));
sync(() => zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: '5' } }));
sync(() => zlib.createBrotliDecompress({ params: { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: 1 } }));
sync(() => zlib.deflateSync(42));
sync(() => zlib.deflate('x'));
sync(() => zlib.createDeflate({ level: 1, strategy: 0 }).params(-2, 0));
sync(() => zlib.crc32(42));
sync(() => zlib.crc32('x', -1));
console.log(zlib.inflateSync(zlib.deflateSync('NaN takes the default', { level: NaN })).toString());

console.log('-- maxOutputLength');
const big = Buffer.alloc(100000, 'a');
sync(() => zlib.inflateSync(zlib.deflateSync(big), { maxOutputLength: 1000 }));
sync(() => zlib.brotliDecompressSync(zlib.brotliCompressSync(big), { maxOutputLength: 99999 }));
console.log(zlib.inflateSync(zlib.deflateSync(big), { maxOutputLength: 100000 }).length);

(async () => {
  console.log('-- callbacks and streams');
  const viaCallback = (f, input, opts) => new Promise((resolve) => {
    zlib[f](input, opts || {}, (err, out) => { if (err) show(err); else console.log('ok', out.length); resolve(); });
  });
  await viaCallback('inflate', Buffer.from('garbage'));
  await viaCallback('gunzip', gz.subarray(0, 12));
  await viaCallback('brotliDecompress', Buffer.from('garbage garbage'));
  await viaCallback('inflate', withDict);
  await viaCallback('inflate', zlib.deflateSync(big), { maxOutputLength: 20000 });
  await new Promise((resolve) => {
    const s = zlib.createGunzip();
    s.on('error', (e) => { show(e); console.log('destroyed', s.destroyed, s._closed); resolve(); });
    s.on('data', () => {});
    s.end(Buffer.concat([gz.subarray(0, 20), Buffer.from('corrupted tail bytes')]));
  });
})();
