// A program that patches built-ins (Array.prototype.push, Object.prototype.get/set,
// Function.prototype.call/apply, Promise.prototype.then, Buffer.concat's helpers)
// does not reach zlib's own code.
const zlib = require('zlib');
const packed = zlib.gzipSync('x'.repeat(100000));
const dictionary = Buffer.from('dictionary');

const push = Array.prototype.push;
const boom = (what) => function() { throw new Error(`patched ${what} was called`); };
Array.prototype.push = boom('Array.prototype.push');
Object.defineProperty(Object.prototype, 'get', { __proto__: null, get: boom('Object.prototype.get'), configurable: true });
Object.defineProperty(Object.prototype, 'set', { __proto__: null, get: boom('Object.prototype.set'), configurable: true });
String.prototype.startsWith = boom('String.prototype.startsWith');
String.prototype.slice = boom('String.prototype.slice');
Object.keys = boom('Object.keys');
Uint32Array.prototype.fill = boom('Uint32Array.prototype.fill');

console.log(zlib.gunzipSync(packed).length);
console.log(zlib.inflateSync(zlib.deflateSync('abc', { dictionary }), { dictionary }).toString());
console.log(zlib.brotliDecompressSync(zlib.brotliCompressSync('brotli', {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })).toString());
try { zlib.brotliDecompressSync(Buffer.from('not brotli')); } catch (e) { console.log(e.code); }
try { zlib.inflateSync(Buffer.from('not zlib')); } catch (e) { console.log(e.code); }
console.log(zlib.crc32('abc'));
zlib.gunzip(packed, (err, out) => {
  console.log('callback', err, out.length);
  // Node's own Writable buffers queued writes with push: restored for the stream part.
  Array.prototype.push = push;
  const s = zlib.createDeflate();
  s.on('data', () => {});
  s.on('end', () => console.log('stream end', s.bytesWritten));
  s.write('abc');
  s.flush(() => s.params(9, 0, () => s.end('def')));
});
