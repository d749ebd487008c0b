// One Socket connected three times in a row (connect() again after 'close'):
// each connection has its own byte counts; maxConnections drops the extra client
// with a 'drop' event naming it.
const net = require('net');

const server = net.createServer((sock) => {
  sock.on('data', (d) => sock.end(d));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const c = new net.Socket();
  let round = 0;
  c.on('connect', () => c.end(`round ${round}`));
  c.on('data', (d) => console.log('echo:', d.toString()));
  c.on('close', () => {
    console.log('read', c.bytesRead, 'written', c.bytesWritten);
    if (++round < 3) return c.connect(port, '127.0.0.1');
    server.close(dropTest);
  });
  c.connect(port, '127.0.0.1');
});

function dropTest() {
  let first;
  const limited = net.createServer((sock) => { first = sock; });
  limited.maxConnections = 1;
  limited.on('drop', (data) => {
    console.log('drop:', data.remoteAddress, data.localPort === limited.address().port,
      typeof data.remotePort, data.remoteFamily);
    first.destroy();
    limited.close(() => console.log('closed'));
  });
  limited.listen(0, '127.0.0.1', () => {
    const port = limited.address().port;
    net.connect(port, '127.0.0.1').on('error', () => {}).resume();
    setTimeout(() => net.connect(port, '127.0.0.1').on('error', () => {}).resume(), 20);
  });
}
