// 600 connections ping-pong 30 rounds each at once, client and server in this
// process: more sockets read in each turn than the read buffers can serve at
// once, and every connection must still finish (none starved by the others).
const net = require('net');

const N = 600, ROUNDS = 30;
const server = net.createServer((s) => s.on('data', (d) => s.write(d)));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  let finished = 0;
  const started = Date.now();
  for (let i = 0; i < N; i++) {
    let rounds = 0;
    const c = net.connect(port, '127.0.0.1', () => c.write('ping'));
    c.on('data', () => {
      if (++rounds < ROUNDS) return c.write('ping');
      c.end();
      if (++finished === N) {
        console.log('all', N, 'connections finished', ROUNDS, 'rounds');
        console.log('in time:', Date.now() - started < 20000);
        server.close();
      }
    });
  }
});
