// Small and large writes interleaved in one turn arrive whole and in order (the
// handle gathers queued writes into its sends); each write's callback runs, in
// order; a write to a peer that reset fails with an error, never silently.
const net = require('net');
const crypto = require('crypto');

const chunks = [];
for (let i = 0; i < 300; i++) {
  const size = i % 50 === 7 ? 200000 + i : 1 + (i * 37) % 3000;
  chunks.push(Buffer.alloc(size, i & 0xff));
}
const expected = crypto.createHash('sha256').update(Buffer.concat(chunks)).digest('hex');
const total = chunks.reduce((n, c) => n + c.length, 0);

let serverSaw = '';
const server = net.createServer((s) => {
  const hash = crypto.createHash('sha256');
  let got = 0;
  s.on('data', (d) => { hash.update(d); got += d.length; });
  s.on('end', () => {
    serverSaw = `bytes match: ${got === total} hash match: ${hash.digest('hex') === expected}`;
    s.end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    let calls = 0, inOrder = true;
    chunks.forEach((b, i) => c.write(b, () => { if (calls++ !== i) inOrder = false; }));
    c.end(() => console.log('callbacks:', calls, 'in order:', inOrder, 'bytesWritten:', c.bytesWritten === total));
  });
  c.on('close', () => {
    console.log(serverSaw);
    server.close();
    resetPeer();
  });
});

// A peer that resets: writing on keeps failing at some point with an error.
function resetPeer() {
  const srv = net.createServer((s) => s.resetAndDestroy());
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect(srv.address().port, '127.0.0.1');
    c.on('error', (e) => {
      console.log('write error:', ['EPIPE', 'ECONNRESET'].includes(e.code));
      srv.close();
    });
    const big = Buffer.alloc(65536);
    let n = 0;
    (function more() {
      if (n++ > 2000) return console.log('never failed');
      c.write(big, (err) => { if (!err) setImmediate(more); });
    })();
  });
}
