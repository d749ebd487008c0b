// The udp6 round trip on ::1, with the (msg, offset, length, port, address, cb)
// form and bind({ port, address }): only the slice named is sent.
const dgram = require('dgram');

const server = dgram.createSocket('udp6');
server.bind({ port: 0, address: '::1' }, () => {
  const { address, family, port } = server.address();
  console.log('listening', address, family, port > 0);
  const client = dgram.createSocket({ type: 'udp6' });
  client.on('message', (msg, rinfo) => {
    console.log('client got', msg.toString(), rinfo.family, rinfo.address, rinfo.size);
    client.close();
    server.close();
  });
  const buf = Buffer.from('xxpingxx');
  client.send(buf, 2, 4, port, '::1', (err, n) => console.log('sent', err, n));
});
server.on('message', (msg, rinfo) => {
  console.log('server got', msg.toString(), rinfo.family, rinfo.address, rinfo.size);
  server.send('pong', rinfo.port, rinfo.address);
});
server.on('close', () => console.log('server close event'));
