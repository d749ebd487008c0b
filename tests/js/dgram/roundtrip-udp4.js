// A datagram from one udp4 socket to another on 127.0.0.1 and back: port 0 picks a
// port (address() tells it), 'message' carries the bytes and rinfo, the echo goes
// to rinfo's address and port, and each send's callback gets the byte count.
const dgram = require('dgram');
const assert = require('assert');

const server = dgram.createSocket('udp4');
server.on('message', (msg, rinfo) => {
  console.log('server got', JSON.stringify(msg.toString()), rinfo.family, rinfo.address,
              rinfo.size, typeof rinfo.port);
  server.send(Buffer.from(msg.toString().toUpperCase()), rinfo.port, rinfo.address, (err, n) => {
    console.log('echo sent', err, n);
  });
});
server.on('listening', () => {
  const a = server.address();
  console.log('listening', a.address, a.family, a.port > 0);
  const client = dgram.createSocket('udp4', (msg, rinfo) => {
    console.log('client got', JSON.stringify(msg.toString()), rinfo.port === a.port);
    assert.strictEqual(client.address().port > 0, true);
    client.close(() => console.log('client closed'));
    server.close(() => console.log('server closed'));
  });
  client.send('hello', a.port, '127.0.0.1', (err, n) => console.log('sent', err, n));
});
server.bind(0, '127.0.0.1');
