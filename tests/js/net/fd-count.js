// 500 connect/disconnect cycles, one after another: the number of open fds
// (/proc/self/fd) is the same before and after; no handle is leaked either.
const net = require('net');
const fs = require('fs');

const CYCLES = 500;
let serverClosed = 0;
const server = net.createServer((sock) => {
  sock.resume();
  sock.on('end', () => sock.end());
  sock.on('close', () => serverClosed++);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const before = fs.readdirSync('/proc/self/fd').length;
  let n = 0;
  (function next() {
    if (n++ === CYCLES) {
      // Counted once the server's side of every connection has closed too (a
      // fixed 20 ms wait was too short on a loaded machine).
      const wait = setInterval(() => {
        if (serverClosed < CYCLES) return;
        clearInterval(wait);
        const after = fs.readdirSync('/proc/self/fd').length;
        console.log('fds unchanged after', CYCLES, 'cycles:', after === before, after - before);
        server.close(() => console.log('closed'));
      }, 5);
      return;
    }
    const c = net.connect(port, '127.0.0.1', () => c.end('x'));
    c.resume();
    c.on('close', next);
  })();
});
