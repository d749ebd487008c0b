// Write callbacks over a socket's write queue: small writes (copied, done at
// once) and large ones (kept until sent, their callback waits) interleaved;
// then, from the last callback of that batch, more of them and end() with
// writes still queued. Every callback runs once, in order; the peer gets every
// byte.
const net = require('net');

const small = Buffer.alloc(100, 'a');
const large = Buffer.alloc(256 * 1024, 'b');
const order = [];
let expected = 0;

const server = net.createServer((conn) => {
  let got = 0;
  conn.on('data', (d) => { got += d.length; });
  conn.on('end', () => {
    console.log('peer got all bytes:', got === expected);
    conn.end();
    server.close();
  });
});

function write(socket, i, cb) {
  const b = i % 4 === 3 ? large : small;
  expected += b.length;
  socket.write(b, () => {
    order.push(i);
    if (cb) cb();
  });
}

server.listen(0, () => {
  const client = net.connect(server.address().port, () => {
    for (let i = 0; i < 19; i++) write(client, i);
    write(client, 19, () => {
      console.log('first batch done:', order.length);
      for (let i = 20; i < 40; i++) write(client, i);
      client.end(() => {
        const inOrder = order.every((v, i) => v === i);
        console.log('callbacks:', order.length, 'in order:', inOrder);
      });
    });
  });
  client.on('close', () => console.log('client closed'));
});
