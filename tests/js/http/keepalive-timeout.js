// An idle keep-alive connection is closed after keepAliveTimeout; one that keeps
// sending requests is not; server.close() closes idle connections at once.
const http = require('http');
const net = require('net');
const { listen } = require('./fixtures/wire');

const server = http.createServer((req, res) => res.end('ok'));
server.keepAliveTimeout = 300;
listen(server).then((port) => {
  const start = Date.now();
  const idle = net.connect(port, '127.0.0.1');
  idle.write('GET / HTTP/1.1\r\nHost: h\r\n\r\n');
  idle.resume();
  idle.on('close', () => {
    const ms = Date.now() - start;
    console.log('idle connection closed by the server', ms >= 250 && ms < 3000);
    const other = net.connect(port, '127.0.0.1');
    other.write('GET / HTTP/1.1\r\nHost: h\r\n\r\n');
    other.once('data', () => {
      const t = Date.now();
      server.close(() => console.log('server closed'));
      other.on('close', () => console.log('close() closed the idle connection', Date.now() - t < 250));
    });
  });
});
