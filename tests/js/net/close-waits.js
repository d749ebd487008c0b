// server.close() stops accepting at once but emits 'close' (and runs its callback)
// only after the connected client has gone; a new connect fails meanwhile.
const net = require('net');

const events = [];
let port;
const server = net.createServer((sock) => {
  server.close(() => {
    events.push('server close callback');
    console.log('server closed after the client ended:',
      events.indexOf('client end') >= 0 && events.indexOf('client end') < events.indexOf('server close'));
    console.log(events.filter((e) => e.startsWith('server')).join(', '));
  });
  console.log('listening after close():', server.listening);
  const again = net.connect(port, '127.0.0.1');
  again.on('error', (err) => {
    console.log('new connect fails:', err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET');
    setTimeout(() => {
      events.push('server still serving');
      sock.end('bye');
    }, 30);
  });
  sock.resume();
});
server.on('close', () => events.push('server close'));
server.listen(0, '127.0.0.1', () => {
  port = server.address().port;
  const c = net.connect(port, '127.0.0.1');
  c.resume();
  c.on('end', () => events.push('client end'));
});
