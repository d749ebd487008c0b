// A net.Socket's state around its connect: bufferSize counts writes queued while
// connecting, bytesWritten on the prototype itself is undefined, resetAndDestroy()
// of a socket that never connected fails with ERR_SOCKET_CLOSED, a write waiting
// for the connection fails with ERR_SOCKET_CLOSED_BEFORE_CONNECTION when the socket
// is destroyed, and a local port another socket holds is EADDRINUSE (syscall bind).
const net = require('net');
const tls = require('tls');
const tty = require('tty');

console.log(net.Socket.prototype.bytesWritten, tls.TLSSocket.prototype.bytesWritten,
  tty.ReadStream.prototype.bytesWritten, tty.WriteStream.prototype.bytesWritten);

const unconnected = new net.Socket();
unconnected.resetAndDestroy();
unconnected.on('error', (err) => console.log('reset:', err.code, err.message));

const server = net.createServer((c) => {
  c.on('readable', () => c.read());
  c.on('end', () => c.end());
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const client = net.connect(port, '127.0.0.1');
  const sizes = [];
  for (let i = 1; i < 5; i++) {
    client.write('a');
    sizes.push(client.bufferSize);
  }
  console.log('bufferSize while connecting', sizes.join(' '));
  client.on('finish', () => console.log('bufferSize after finish', client.bufferSize));
  client.end();
  client.on('close', () => destroyBeforeConnect(port));
});

function destroyBeforeConnect(port) {
  const s = new net.Socket();
  s.on('connect', () => console.log('connect?'));
  s.connect({ port, host: '127.0.0.1' });
  s.write('foo', (err) => {
    console.log('write cb:', err.code, err.message);
    bindTaken(port);
  });
  s.destroy();
}

// Binding the connect's local end to the listener's own port fails.
function bindTaken(port) {
  const c = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.1', localPort: port },
                        () => console.log('connected?'));
  c.on('error', (err) => {
    console.log('bind:', err.code, err.syscall, err.message === `bind EADDRINUSE 127.0.0.1:${port}`);
    localBound();
  });
}

// A free local port is used as asked.
function localBound() {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const local = probe.address().port;
    probe.close(() => {
      const c = net.connect({ host: '127.0.0.1', port: server.address().port, localPort: local }, () => {
        console.log('local port as asked', c.localPort === local);
        c.end();
        server.close();
      });
    });
  });
}
