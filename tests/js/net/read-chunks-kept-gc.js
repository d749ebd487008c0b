// Chunks a socket delivers stay intact while the application keeps them through
// many garbage collections and MBs of later arrivals, while the chunks dropped
// beside them are freed. (In coil the chunks of one 256 KiB read slab are views
// of several ArrayBuffers, a new one after each collection, and the slab's
// memory is reused once all of them have died: a chunk kept must keep its slab.)
const net = require('net');

const PIECES = 20000;
function piece(i) { return Buffer.alloc(60 + (i % 90), i & 0xff); }
const expected = Buffer.concat(Array.from({ length: PIECES }, (_, i) => piece(i)));

const server = net.createServer((s) => {
  // One piece per turn, so that most arrive as chunks of their own.
  let i = 0;
  (function next() {
    if (i === PIECES) return s.end();
    s.write(piece(i++));
    setImmediate(next);
  })();
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const kept = []; // [offset in the stream, chunk]
  let at = 0, chunks = 0, junk;
  const c = net.connect(port, '127.0.0.1');
  c.on('data', (d) => {
    // Garbage between reads, so that V8 collects many times meanwhile.
    for (let k = 0; k < 200; k++) junk = { k, list: [k, k + 1] };
    if (chunks++ % 2 === 0) kept.push([at, d]);
    at += d.length;
  });
  // A second connection's reads land in the same slabs meanwhile.
  const other = net.connect(port, '127.0.0.1');
  other.resume();
  let ends = 0;
  const end = () => {
    if (++ends < 2) return;
    const intact = kept.every(([off, d]) => d.equals(expected.subarray(off, off + d.length)));
    console.log('all bytes arrived:', at === expected.length);
    console.log('several chunks:', kept.length > 10, junk.k === 199);
    console.log('kept chunks intact:', intact);
    server.close();
  };
  c.on('end', end);
  other.on('end', end);
});
