// fs.createReadStream's chunks are buffers of their own, as node's: each one its
// own ArrayBuffer of exactly its length at offset 0 (a short last chunk too), and
// what a chunk holds never changes while it is kept, however many chunks are read
// after it and however often the garbage collector runs (coil reads into memory
// it reuses once a chunk dies: src/binding/fs/read_chunk.rs).
const fs = require('fs');
const os = require('os');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-rsc-'));
// 24 MiB that differ at every 4 KiB: a chunk read into reused memory would show.
const size = 24 * 1024 * 1024 + 40000;
const data = Buffer.allocUnsafe(size);
for (let i = 0; i < size; i += 4) data.writeUInt32LE((Math.imul(i, 2654435761) ^ (i >>> 12)) >>> 0, i);
const file = path.join(tmp, 'data.bin');
fs.writeFileSync(file, data);

function read(options, onChunk) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    fs.createReadStream(file, options)
      .on('data', (c) => { chunks.push(c); if (onChunk) onChunk(c); })
      .on('end', () => resolve(chunks)).on('error', reject);
  });
}

function shape(chunks) {
  const own = chunks.every((c) => c.byteOffset === 0 && c.buffer.byteLength === c.length);
  const distinct = new Set(chunks.map((c) => c.buffer)).size === chunks.length;
  const sizes = new Map();
  for (const c of chunks) sizes.set(c.length, (sizes.get(c.length) || 0) + 1);
  return `${chunks.length} chunks, own buffers ${own}, distinct ${distinct}, sizes ${[...sizes].map(([k, v]) => `${k}x${v}`).join(' ')}`;
}

(async () => {
  // Kept whole: every chunk must still hold its bytes at the end.
  const kept = await read({});
  console.log('default:', shape(kept));
  console.log('kept chunks equal the file:', Buffer.concat(kept).equals(data));

  // Dropped as read (their memory may be reused), with a second stream's chunks
  // kept meanwhile, and a chunk kept from the middle.
  let middle = null;
  let n = 0;
  let sum = 0;
  const second = read({ highWaterMark: 256 * 1024 });
  await read({ highWaterMark: 16 * 1024 }, (c) => {
    if (n++ === 1000) middle = Buffer.from(c);
    if (n === 1001) middle.kept = c;
    sum += c.length;
  });
  console.log('dropped:', sum === size, 'middle chunk unchanged', middle.kept.equals(middle),
    middle.equals(data.subarray(1000 * 16384, 1001 * 16384)));
  const big = await second;
  console.log('256 KiB:', shape(big), Buffer.concat(big).equals(data));
  console.log('first stream still intact:', Buffer.concat(kept).equals(data));

  // start/end, a tiny highWaterMark, one past the largest pooled size.
  const part = await read({ start: 5, end: 100004, highWaterMark: 30000 });
  console.log('start/end:', shape(part), Buffer.concat(part).equals(data.subarray(5, 100005)));
  const tiny = await read({ start: 0, end: 99, highWaterMark: 7 });
  console.log('tiny:', shape(tiny), Buffer.concat(tiny).equals(data.subarray(0, 100)));
  const small = await read({ start: 0, end: 199999, highWaterMark: 50 });
  console.log('50 B:', shape(small), Buffer.concat(small).equals(data.subarray(0, 200000)));
  const huge = await read({ highWaterMark: 3 * 1024 * 1024 });
  console.log('3 MiB:', huge.length, Buffer.concat(huge).equals(data));
  fs.rmSync(tmp, { recursive: true });
})();
