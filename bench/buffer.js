// Buffer encoding/decoding and EventEmitter throughput, runnable under coil and
// node. argv[2] picks the case; prints "case=<name> ms=<elapsed>".
const { Buffer } = require('buffer');
const EventEmitter = require('events');
const now = () => Number(process.hrtime.bigint()) / 1e6;
const [, , which] = process.argv;

function codec(size, enc) {
  const src = Buffer.alloc(size);
  for (let i = 0; i < size; i++) src[i] = 97 + (i % 26);
  const text = src.toString(enc);
  const reps = Math.max(1, Math.floor((64 << 20) / size));
  let t0 = now();
  for (let i = 0; i < reps; i++) Buffer.from(text, enc);
  const from = now() - t0;
  t0 = now();
  for (let i = 0; i < reps; i++) src.toString(enc);
  const to = now() - t0;
  const label = size >= 1 << 20 ? `${size >> 20}MiB` : `${size >> 10}KiB`;
  process.stdout.write(`case=from_${enc}_${label} ms=${from.toFixed(1)}\ncase=toString_${enc}_${label} ms=${to.toFixed(1)}\n`);
}

if (which === 'emit') {
  const e = new EventEmitter();
  let n = 0;
  e.on('x', (a, b) => { n += a + b; });
  e.on('x', () => { n++; });
  const t0 = now();
  for (let i = 0; i < 5e6; i++) e.emit('x', 1, 2);
  process.stdout.write(`case=emit_5M ms=${(now() - t0).toFixed(1)}\n`);
} else {
  const [enc, size] = which.split(':');
  codec(Number(size), enc);
}
