// When close()'s callback runs the port is free: the same port can be bound again
// at once, without reuseAddr.
const dgram = require('dgram');

const first = dgram.createSocket('udp4');
first.bind(0, '127.0.0.1', () => {
  const { port } = first.address();
  first.close(() => {
    const again = dgram.createSocket('udp4');
    again.on('error', (e) => console.log('unexpected', e.code));
    again.bind(port, '127.0.0.1', () => {
      console.log('bound the same port again:', again.address().port === port);
      again.close();
    });
  });
});
