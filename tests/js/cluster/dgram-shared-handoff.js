// Workers sharing a dgram socket take datagrams from it one at a time: a worker
// that closes its socket after its fifth leaves every later datagram to the
// other, so with 3 workers each stopping at 5, 15 datagrams sent are all
// received, 5 by each (none taken and lost by a worker already done).
const cluster = require('cluster');
const dgram = require('dgram');
const WORKERS = 3, EACH = 5;

if (cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < WORKERS; i++) cluster.fork();
  cluster.on('listening', (worker, address) => {
    if (++listening < WORKERS) return;
    const client = dgram.createSocket('udp4');
    let sent = 0;
    const next = () => {
      if (sent++ === WORKERS * EACH) return client.close();
      client.send(`datagram ${sent}`, address.port, address.address, next);
    };
    next();
  });
  const counts = [];
  cluster.on('message', (worker, m) => {
    counts.push(m.received);
    worker.disconnect();
    if (counts.length === WORKERS) console.log('received per worker:', counts.join(' '));
  });
  let exited = 0;
  cluster.on('exit', (worker, code) => {
    if (++exited === WORKERS) console.log('all workers exited');
  });
} else {
  const socket = dgram.createSocket('udp4');
  let received = 0;
  socket.on('message', () => {
    if (++received === EACH) {
      socket.close();
      process.send({ received });
    }
  });
  socket.bind(0, '127.0.0.1');
}
