// destroy() ends the connection at once, as close(2) does in node: the peer
// reads the end of a destroyed socket before bytes written after the destroy,
// even on another connection. A socket with bytes still queued sends them first.
const net = require('net');
const log = [];

const server = net.createServer((sock) => {
  sock.name = `s${server.seen++}`;
  sock.on('data', (d) => log.push(`${sock.name} data ${d}`));
  sock.on('end', () => log.push(`${sock.name} end`));
  sock.on('error', (e) => log.push(`${sock.name} error ${e.code}`));
  sock.on('close', () => {
    log.push(`${sock.name} close`);
    if (sock.name === 's2') clients[1].end();
    if (++server.closed === 3) {
      server.close();
      console.log(log.join('\n'));
    }
  });
  if (server.seen === 3) go();
});
server.seen = 0;
server.closed = 0;

const clients = [];
server.listen(0, '127.0.0.1', () => {
  for (let i = 0; i < 3; i++) {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.on('error', () => {});
    clients.push(c);
  }
});

// Wait for both sides of each connection, then: a ends by destroy (its FIN comes
// before b's bytes written just after), c writes and destroys in one go (its bytes
// come first), and b ends normally once c's connection has closed.
function go() {
  const [a, b, c] = clients;
  setTimeout(() => {
    a.destroy();
    b.write('after a');
    c.write('from c');
    c.destroy();
  }, 20);
}
