// Run under `ulimit -n 64` by tests/net_limits.rs (and checked against node): 80
// clients of its own server exhaust the fds, so accept fails with EMFILE. The
// server must stay listening without spinning, and accept again once fds free up.
const net = require('net');
const start = process.cpuUsage();
let accepted = 0;
const server = net.createServer((s) => { accepted++; s.on('error', () => {}); });
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const clients = [];
  let emfile = 0;
  for (let i = 0; i < 80; i++) {
    const c = net.connect(port, '127.0.0.1');
    c.on('error', (e) => { if (e.code === 'EMFILE') emfile++; });
    clients.push(c);
  }
  setTimeout(() => {
    const before = accepted;
    console.log('some clients saw EMFILE:', emfile > 0);
    console.log('still listening:', server.listening);
    for (let i = 0; i < clients.length; i++) clients[i].destroy();
    setTimeout(() => {
      const c = net.connect(port, '127.0.0.1', () => {
        setTimeout(() => {
          console.log('accepts again:', accepted > before);
          const cpu = process.cpuUsage(start);
          // Spinning on EMFILE for the ~1 s this runs would burn most of a core.
          console.log('not spinning:', cpu.user + cpu.system < 400000);
          c.destroy();
          server.close(() => console.log('closed'));
        }, 200);
      });
      c.on('error', (e) => console.log('late client error', e.code));
    }, 300);
  }, 500);
});
