// A server that closes each connection it accepted, many times over, with
// overlapping connections: every client gets its own reply and then the end of
// the stream (the server's close reaches the peer: nothing keeps a closed
// connection's socket open), and a connection that reuses a closed one's fd
// number is not mixed up with it. Also the microtask order between two
// sockets' 'data' in one loop turn: a 'data' listener's promise jobs run
// before the next socket's 'data', as after any callback.
const net = require('net');
const assert = require('assert');

const TOTAL = 300;
const AT_ONCE = 20;
let started = 0;
let finished = 0;
const server = net.createServer((sock) => {
  sock.once('data', (d) => {
    // Reply, then close at once from this side.
    sock.end('reply:' + d.toString());
  });
});

function one() {
  const n = started++;
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('end', () => {
    assert.strictEqual(got, 'reply:' + n);
    c.end();
  });
  c.on('close', () => {
    finished++;
    if (started < TOTAL) one();
    else if (finished === TOTAL) microtaskOrder();
  });
  c.write(String(n));
}

server.listen(0, '127.0.0.1', () => {
  for (let i = 0; i < AT_ONCE; i++) one();
});

function microtaskOrder() {
  console.log('connections', finished);
  const order = [];
  const peers = [];
  server.removeAllListeners('connection');
  server.on('connection', (sock) => {
    sock.on('data', (d) => {
      order.push('data ' + d);
      Promise.resolve().then(() => {
        order.push('micro ' + d);
        if (order.length === 6) check();
      });
      process.nextTick(() => order.push('tick ' + d));
    });
  });
  function check() {
    // Whatever the order of the two arrivals, each socket's tick and microtask
    // follow its own 'data' before the other's.
    for (let i = 0; i < 6; i += 3) {
      const name = order[i].slice(5);
      assert.deepStrictEqual(order.slice(i, i + 3), ['data ' + name, 'tick ' + name, 'micro ' + name]);
    }
    console.log('per-data order ok');
    for (const p of peers) p.destroy();
    server.close();
  }
  let ready = 0;
  for (const name of ['a', 'b']) {
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      if (++ready === 2) for (const p of peers) p.write(p.name);
    });
    c.name = name;
    c.on('error', () => {});
    peers.push(c);
  }
}
