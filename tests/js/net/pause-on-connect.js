// pauseOnConnect: the server's socket reads nothing, even with a 'data' listener,
// until resume(); bufferSize reports what is queued to be written.
const net = require('net');

let resumed = false;
const server = net.createServer({ pauseOnConnect: true }, (sock) => {
  sock.on('data', (d) => {
    console.log('data after resume:', resumed, d.toString());
    sock.end();
  });
  setTimeout(() => {
    resumed = true;
    sock.resume();
  }, 50);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write(Buffer.alloc(16, 'a'));
    console.log('bufferSize while writing:', c.bufferSize >= 0);
  });
  c.resume();
  c.on('close', () => {
    console.log('bufferSize at close:', c.bufferSize);
    server.close();
  });
});
