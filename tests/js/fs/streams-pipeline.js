// A file piped through a Transform into a file with stream.pipeline and small
// highWaterMarks: backpressure must hold the reader back, and the copy must be
// exact. Also the promise pipeline with an async generator, pipe(), and a
// pipeline whose source does not exist.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline, Transform } = require('stream');
const streamPromises = require('stream/promises');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-pipe-'));
const src = path.join(tmp, 'src.bin');
const size = 3 * 1024 * 1024 + 123;
const data = Buffer.alloc(size);
for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >> 8)) & 0xff;
fs.writeFileSync(src, data);
const flip = (buf) => {
  const out = Buffer.allocUnsafe(buf.length);
  for (let i = 0; i < buf.length; i++) out[i] = buf[i] ^ 0x5a;
  return out;
};
const expected = flip(data);

async function callbackPipeline() {
  const dst = path.join(tmp, 'dst1.bin');
  const rs = fs.createReadStream(src, { highWaterMark: 4096 });
  const ws = fs.createWriteStream(dst, { highWaterMark: 1024 });
  let writeFalse = 0;
  let maxPaused = 0;
  const write = ws.write;
  ws.write = function(...args) {
    const ok = write.apply(this, args);
    if (!ok) writeFalse++;
    return ok;
  };
  let chunks = 0;
  const t = new Transform({
    highWaterMark: 2048,
    transform(chunk, enc, cb) {
      chunks++;
      // Bytes read ahead of what reached the file: bounded by the high-water marks.
      maxPaused = Math.max(maxPaused, rs.bytesRead - ws.bytesWritten);
      cb(null, flip(chunk));
    },
  });
  await new Promise((resolve) => pipeline(rs, t, ws, (err) => {
    console.log('pipeline done:', err);
    resolve();
  }));
  const out = fs.readFileSync(dst);
  console.log('copy exact:', out.equals(expected), 'chunks', chunks, 'bytes', rs.bytesRead, ws.bytesWritten);
  console.log('write() returned false:', writeFalse > 0, 'read-ahead bounded:', maxPaused < 64 * 1024);
  console.log('streams closed:', rs.destroyed, ws.destroyed, rs.closed, ws.closed);
}

async function promisePipeline() {
  const dst = path.join(tmp, 'dst2.bin');
  let n = 0;
  await streamPromises.pipeline(
    fs.createReadStream(src, { start: 10, end: 10 + 99999 }),
    async function* (source) {
      for await (const chunk of source) {
        n += chunk.length;
        yield flip(chunk);
      }
    },
    fs.createWriteStream(dst),
  );
  const out = fs.readFileSync(dst);
  console.log('promise pipeline:', n, out.equals(expected.subarray(10, 10 + 100000)));
}

async function pipeMethod() {
  const dst = path.join(tmp, 'dst3.bin');
  const rs = fs.createReadStream(src, { highWaterMark: 1000 });
  const ws = fs.createWriteStream(dst, { highWaterMark: 100 });
  const order = [];
  rs.on('end', () => order.push('rs end'));
  ws.on('finish', () => order.push('ws finish'));
  rs.pipe(ws);
  await new Promise((resolve) => ws.on('close', resolve));
  order.push('ws close');
  console.log(order.join(', '), fs.readFileSync(dst).equals(data));
}

async function missingSource() {
  const dst = path.join(tmp, 'dst4.bin');
  const ws = fs.createWriteStream(dst);
  await new Promise((resolve) => pipeline(fs.createReadStream(path.join(tmp, 'nope')), ws, (err) => {
    console.log('pipeline error:', err.code, err.syscall, 'destination destroyed:', ws.destroyed);
    resolve();
  }));
  await streamPromises.pipeline(fs.createReadStream(path.join(tmp, 'nope')), fs.createWriteStream(dst))
    .catch((err) => console.log('promise pipeline rejects:', err.code));
}

(async () => {
  await callbackPipeline();
  await promisePipeline();
  await pipeMethod();
  await missingSource();
  fs.rmSync(tmp, { recursive: true });
  console.log('done');
})();
