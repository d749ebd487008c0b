// A send keeps the process alive until its callback, even on an unref'd socket
// (a send is a request of its own, as in libuv); the unref'd socket itself does
// not, so the process exits after the callbacks without a close().
const dgram = require('dgram');

const socket = dgram.createSocket('udp4');
socket.bind(0, '127.0.0.1', () => {
  const { port } = socket.address();
  for (let i = 0; i < 3; i++) {
    socket.send(`datagram ${i}`, port, '127.0.0.1', (err, n) => console.log('sent', i, err, n));
  }
  socket.send('to nobody', port, (err, n) => console.log('default address', err, n));
});
socket.unref();
process.on('exit', () => console.log('exit'));
