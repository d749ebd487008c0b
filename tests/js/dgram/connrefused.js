// A connected socket whose peer port is closed: the send succeeds, and the ICMP
// port-unreachable that comes back is an 'error' event (recvmsg ECONNREFUSED);
// the socket stays usable.
const dgram = require('dgram');

const dead = dgram.createSocket('udp4');
dead.bind(0, '127.0.0.1', () => {
  const { port } = dead.address();
  dead.close(() => {
    const client = dgram.createSocket('udp4');
    let errors = 0;
    client.on('error', (e) => {
      console.log('error event', e.code, e.syscall, e.errno, e.message);
      if (++errors === 1) client.send('again', (err, n) => console.log('second send', err, n));
      else client.close();
    });
    client.connect(port, '127.0.0.1', () => {
      client.send('x', (err, n) => console.log('first send', err, n));
    });
  });
});
