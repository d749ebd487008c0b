// gunzip reads gzip members one after another (trailing zero bytes end the input,
// anything else must be another member); unzip detects zlib or gzip by the header;
// data after a deflate stream's end is ignored.
const zlib = require('zlib');

const show = (e) => console.log(`${e.code} ${e.message}`);
const a = zlib.gzipSync('first member, ');
const b = zlib.gzipSync('second member, ');
const c = zlib.gzipSync('third');
const joined = Buffer.concat([a, b, c]);
console.log(zlib.gunzipSync(joined).toString());
console.log(zlib.unzipSync(joined).toString());
console.log(zlib.gunzipSync(Buffer.concat([a, Buffer.alloc(16)])).toString());
try { zlib.gunzipSync(Buffer.concat([a, Buffer.from([1, 2, 3, 4])])); } catch (e) { show(e); }
try { zlib.gunzipSync(Buffer.concat([a, b.subarray(0, 10)])); } catch (e) { show(e); }
console.log(zlib.unzipSync(zlib.deflateSync('zlib header')).toString(),
            zlib.unzipSync(zlib.gzipSync('gzip header')).toString());
try { zlib.unzipSync(Buffer.from('neither')); } catch (e) { show(e); }
console.log(zlib.inflateSync(Buffer.concat([zlib.deflateSync('ends here'), Buffer.from('junk')])).toString());

// The same through a stream, one byte at a time.
const s = zlib.createGunzip();
const out = [];
s.on('data', (d) => out.push(d));
s.on('end', () => console.log('stream:', Buffer.concat(out).toString(), s.bytesWritten === joined.length));
for (let i = 0; i < joined.length; i++) s.write(joined.subarray(i, i + 1));
s.end();

// unzip as a stream, header split across writes.
const u = zlib.createUnzip();
const uout = [];
u.on('data', (d) => uout.push(d));
u.on('end', () => console.log('unzip stream:', Buffer.concat(uout).toString()));
const packed = zlib.gzipSync('split header');
u.write(packed.subarray(0, 1));
u.write(packed.subarray(1, 3));
u.end(packed.subarray(3));
