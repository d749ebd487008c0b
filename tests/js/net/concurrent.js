// 200 clients at once, each sending its own message and reading its echo back.
const net = require('net');

const N = 200;
const server = net.createServer((sock) => sock.pipe(sock));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  let ok = 0, finished = 0, peak = 0;
  server.on('connection', () => {
    server.getConnections((err, n) => { if (n > peak) peak = n; });
  });
  for (let i = 0; i < N; i++) {
    const msg = `client ${i} `.repeat(50);
    const c = net.connect(port, '127.0.0.1', () => c.end(msg));
    let got = '';
    c.setEncoding('utf8');
    c.on('data', (d) => { got += d; });
    c.on('close', () => {
      if (got === msg) ok++;
      if (++finished === N) {
        console.log('echoed correctly:', ok, 'of', N, 'peak > 1:', peak > 1);
        server.close(() => console.log('closed'));
      }
    });
  }
});
