// Once a write's callback has run, the writer may reuse its buffer: what was sent
// before must not change, for small (copied) and large (kept) buffers alike, even
// when the reader is slow and the kernel's buffers are full.
const net = require('net');

const sizes = [100, 20000, 300000];
const rounds = 20;

const server = net.createServer((s) => {
  s.pause();
  const got = [];
  s.on('data', (d) => got.push(d));
  setTimeout(() => s.resume(), 50);
  s.on('end', () => {
    const all = Buffer.concat(got);
    let at = 0, ok = true;
    for (const size of sizes) {
      for (let r = 0; r < rounds; r++) {
        const piece = all.subarray(at, at + size);
        if (piece.length !== size || piece.some((b) => b !== r)) ok = false;
        at += size;
      }
    }
    console.log('received', all.length === at ? 'all' : 'wrong length', 'intact:', ok);
    s.end();
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    let i = 0;
    (function next() {
      const size = sizes[Math.floor(i / rounds)];
      if (size === undefined) return c.end();
      const buf = next.buf && next.buf.length === size ? next.buf : Buffer.alloc(size);
      next.buf = buf;
      buf.fill(i % rounds);
      i++;
      c.write(buf, () => { buf.fill(0xee); next(); });
    })();
  });
});
