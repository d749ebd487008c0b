// A second bind of a used port without reuseAddr fails with EADDRINUSE ('error',
// bind, address, port), and the socket can then bind elsewhere; with reuseAddr
// on both sockets both binds succeed.
const dgram = require('dgram');

const first = dgram.createSocket('udp4');
first.bind(0, '127.0.0.1', () => {
  const port = first.address().port;
  const second = dgram.createSocket('udp4');
  second.on('error', (err) => {
    console.log(err.message === `bind EADDRINUSE 127.0.0.1:${port}`, err.code, err.errno,
                err.syscall, err.address, err.port === port);
    second.bind(0, '127.0.0.1', () => {
      console.log('rebound elsewhere', second.address().port !== port);
      second.close();
      first.close();
      reuse();
    });
  });
  second.bind(port, '127.0.0.1');
});

function reuse() {
  const a = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  a.bind(0, '127.0.0.1', () => {
    const port = a.address().port;
    const b = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    b.on('error', (e) => console.log('unexpected', e.code));
    b.bind(port, '127.0.0.1', () => {
      console.log('both bound with reuseAddr', b.address().port === port);
      a.close();
      b.close();
    });
  });
}
