// A large write right behind small ones of the same tick goes to the kernel at
// once, with them: write() returns true with nothing left queued, as node's
// does. Many such ticks, with the peer's buffer filling up (then the kernel
// takes only part, and the rest waits), still deliver every byte in order.
const net = require('net');

const sizes = [1000, 3000, 10000, 65536, 500, 20000, 100, 200000, 7];
const rounds = 40;
const expected = [];

const server = net.createServer((s) => {
  const got = [];
  s.on('data', (d) => got.push(d));
  s.on('end', () => {
    const all = Buffer.concat(got);
    let at = 0, ok = true;
    for (const [size, fill] of expected) {
      const piece = all.subarray(at, at + size);
      if (piece.length !== size || piece.some((b) => b !== fill)) ok = false;
      at += size;
    }
    console.log('received', all.length === at ? 'all' : 'wrong length', 'in order:', ok);
    s.end();
    server.close();
  });
});

function write(c, size) {
  const fill = expected.length % 251 + 1;
  expected.push([size, fill]);
  return c.write(Buffer.alloc(size, fill));
}

server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    write(c, 1000);
    write(c, 3000);
    write(c, 10000);
    const r = write(c, 65536);
    console.log('write(65536) behind small ones ->', r, 'writableLength', c.writableLength);
    let n = 0;
    (function round() {
      for (const size of sizes) write(c, size);
      if (++n < rounds) setImmediate(round);
      else c.end();
    })();
  });
  c.resume();
  c.on('close', () => console.log('closed'));
});
