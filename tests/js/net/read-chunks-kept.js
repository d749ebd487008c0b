// Chunks a socket delivers stay intact while the application keeps them, however
// much arrives after them (small chunks share memory with later ones in coil).
const net = require('net');

const rounds = 400;
function piece(i) { return Buffer.alloc(100 + (i % 150), i & 0xff); }

const server = net.createServer((s) => {
  let i = 0;
  (function next() {
    if (i === rounds) return s.end();
    s.write(piece(i++));
    setImmediate(next);
  })();
});
server.listen(0, '127.0.0.1', () => {
  const kept = [];
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('data', (d) => kept.push(d));
  c.on('end', () => {
    const expected = Buffer.concat(Array.from({ length: rounds }, (_, i) => piece(i)));
    const got = Buffer.concat(kept);
    console.log('several chunks:', kept.length > 10);
    console.log('all bytes intact:', got.equals(expected));
    console.log('chunks are Buffers:', kept.every((b) => Buffer.isBuffer(b)));
    server.close();
  });
});
