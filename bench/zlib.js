// zlib throughput: gzip (level 6) of a text file held in memory, and gunzip of the
// result, as a stream fed 64 KiB at a time (writes on the work pool) and as one
// Sync call. Prints `case=NAME ms=N` per case. Run by bench/zlib.py.
const fs = require('fs');
const zlib = require('zlib');

const [which, file] = process.argv.slice(2);
const text = fs.readFileSync(file);

function throughStream(stream, input) {
  return new Promise((resolve, reject) => {
    let total = 0;
    stream.on('data', (c) => { total += c.length; });
    stream.on('end', () => resolve(total));
    stream.on('error', reject);
    let off = 0;
    const step = 64 * 1024;
    const pump = () => {
      while (off < input.length) {
        const ok = stream.write(input.subarray(off, off + step));
        off += step;
        if (!ok) return stream.once('drain', pump);
      }
      stream.end();
    };
    pump();
  });
}

async function time(name, fn) {
  const t = process.hrtime.bigint();
  const n = await fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(`case=${name} ms=${ms.toFixed(1)} bytes=${n}`);
}

(async () => {
  const packed = zlib.gzipSync(text, { level: 6 });
  if (which === 'stream') {
    await time('gzip-stream', () => throughStream(zlib.createGzip({ level: 6 }), text));
    await time('gunzip-stream', () => throughStream(zlib.createGunzip(), packed));
  } else {
    await time('gzip-sync', () => zlib.gzipSync(text, { level: 6 }).length);
    await time('gunzip-sync', () => zlib.gunzipSync(packed).length);
  }
})();
