// A connected socket: connect() binds implicitly, 'connect' fires, sends need no
// address (an address then is ERR_SOCKET_DGRAM_IS_CONNECTED), remoteAddress()
// names the peer; disconnect() ends it (remoteAddress then throws
// ERR_SOCKET_DGRAM_NOT_CONNECTED, as does a second disconnect).
const dgram = require('dgram');

function code(f) {
  try { f(); return 'no error'; } catch (e) { return `${e.code}: ${e.message}`; }
}

const server = dgram.createSocket('udp4');
const got = [];
server.on('message', (msg) => {
  got.push(msg.toString());
  if (got.length === 3) {
    console.log('server got', got.join(','));
    server.close();
  }
});
server.bind(0, '127.0.0.1', () => {
  const port = server.address().port;
  const client = dgram.createSocket('udp4');
  console.log('before connect:', code(() => client.remoteAddress()));
  client.on('connect', () => console.log('connect event'));
  client.connect(port, '127.0.0.1', () => {
    const peer = client.remoteAddress();
    console.log('connected to', peer.address, peer.family, peer.port === port);
    console.log('connect again:', code(() => client.connect(port)));
    console.log('send with port:', code(() => client.send('x', 0, 1, port)));
    client.send('one', (err, n) => console.log('one', err, n));
    client.send(Buffer.from('two'), (err, n) => console.log('two', err, n));
    client.send(Buffer.from('xthreex'), 1, 5, (err, n) => {
      console.log('three', err, n);
      client.disconnect();
      console.log('after disconnect:', code(() => client.remoteAddress()));
      console.log('disconnect again:', code(() => client.disconnect()));
      client.close();
    });
  });
});
