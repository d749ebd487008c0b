// A 10 MiB file piped through createGzip into a file, and back through
// createGunzip: the same bytes come out. Also a stream closed while a write is on
// the work pool, and streams running side by side.
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');
const { pipeline } = require('stream/promises');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-zlib-'));
const src = path.join(dir, 'src.txt');
const gz = path.join(dir, 'src.txt.gz');
const back = path.join(dir, 'back.txt');

const lines = [];
for (let i = 0; lines.length < 200000; i++) {
  lines.push(`${i} ${(i * 2654435761 % 4294967296).toString(16)} line of text number ${i % 977}`);
}
let data = Buffer.from(lines.join('\n'));
data = Buffer.concat([data, data]).subarray(0, 10 * 1024 * 1024);
fs.writeFileSync(src, data);
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');

(async () => {
  await pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(gz));
  await pipeline(fs.createReadStream(gz), zlib.createGunzip(), fs.createWriteStream(back));
  const packedSize = fs.statSync(gz).size;
  console.log('10 MiB through gzip:', fs.statSync(back).size, sha(fs.readFileSync(back)) === sha(data),
              packedSize < data.length / 3, zlib.gunzipSync(fs.readFileSync(gz)).equals(data));

  // Closed with a write in flight: no crash, 'close' comes, nothing more is pushed.
  const d = zlib.createDeflate();
  let chunks = 0;
  d.on('data', () => chunks++);
  d.write(data.subarray(0, 4 << 20));
  d.close(() => console.log('closed mid-write', d.destroyed, d._closed));

  // Several streams at once on the pool.
  const inputs = [0, 1, 2, 3, 4, 5].map((i) => data.subarray(i << 20, (i + 1) << 20));
  const outs = await Promise.all(inputs.map((input, i) => new Promise((resolve, reject) => {
    const s = i % 2 ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
      : zlib.createDeflateRaw();
    const parts = [];
    s.on('data', (c) => parts.push(c));
    s.on('end', () => resolve(Buffer.concat(parts)));
    s.on('error', reject);
    s.end(input);
  })));
  console.log('side by side:', outs.map((o, i) => (i % 2 ? zlib.brotliDecompressSync(o) : zlib.inflateRawSync(o))
    .equals(inputs[i])).join(' '));
  fs.rmSync(dir, { recursive: true });
})();
