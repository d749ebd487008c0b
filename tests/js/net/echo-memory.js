// Many small messages through echoing sockets leave little memory behind: the
// ArrayBuffers under received chunks die young and are freed as they go. (In coil
// chunks share 256 KiB slabs; one ArrayBuffer per slab lived through several
// scavenges while the slab filled, was promoted, and used-up slabs piled up by
// the tens of MB until a full collection.)
const net = require('net');

const CONNS = 20, TOTAL = 150000;
const msg = Buffer.alloc(64, 'x');
let echoed = 0, maxAb = 0, done = 0;
// Each echo makes some short-lived garbage, as a real handler does: V8 then
// scavenges many times while one slab fills.
let junk;
const server = net.createServer((s) => s.on('data', (d) => {
  for (let k = 0; k < 40; k++) junk = { k, list: [k, d] };
  s.write(d);
}));
server.listen(0, '127.0.0.1', () => {
  for (let i = 0; i < CONNS; i++) {
    const c = net.connect(server.address().port, '127.0.0.1', () => c.write(msg));
    let pending = 0;
    c.on('data', (d) => {
      pending += d.length;
      while (pending >= 64) {
        pending -= 64;
        if (++echoed % 1000 === 0) {
          maxAb = Math.max(maxAb, process.memoryUsage().arrayBuffers);
        }
        if (echoed < TOTAL) c.write(msg);
        else if (pending === 0) c.end();
      }
    });
    c.on('close', () => {
      if (++done < CONNS) return;
      server.close();
      console.log('messages echoed:', echoed >= TOTAL);
      console.log('ArrayBuffers stayed under 12 MB:', maxAb < 12 * 1024 * 1024);
    });
  }
});
