// An array of buffers (Buffers, strings, typed arrays) goes as ONE datagram, in
// order; the callback counts all its bytes. An empty array sends an empty
// datagram. A first send on an unbound socket binds it (any address, port 0).
const dgram = require('dgram');

const server = dgram.createSocket('udp4');
const expected = 2;
let n = 0;
const got = [];
server.on('message', (msg, rinfo) => {
  got.push(`${JSON.stringify(msg.toString())} size ${rinfo.size}`);
  if (++n === expected) server.close();
});
process.on('exit', () => console.log('received:', got.join(', ')));
server.bind(0, '127.0.0.1', () => {
  const port = server.address().port;
  const client = dgram.createSocket('udp4');
  client.on('listening', () => console.log('implicitly bound to', client.address().address));
  const parts = [Buffer.from('ab'), 'cd', new Uint8Array([101, 102]), new Uint16Array([0x6867])];
  client.send(parts, port, '127.0.0.1', (err, bytes) => {
    console.log('array sent', err, bytes);
    client.send([], port, '127.0.0.1', (err, bytes) => {
      console.log('empty sent', err, bytes);
      client.close();
    });
  });
});
