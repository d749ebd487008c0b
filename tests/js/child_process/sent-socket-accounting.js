// Connections a server sends to children (child.send(m, socket)) still count as
// the server's: getConnections() includes what the children hold, and the
// server's 'close' waits until each child has closed them or disconnected.
const net = require('net');
const cp = require('child_process');

if (process.argv[2] === 'child') {
  const held = [];
  process.on('message', (m, socket) => {
    if (m === 'hold') {
      held.push(socket);
      process.send('holding');
    } else if (m === 'end') {
      for (const s of held) s.end('bye\n');
    }
  });
} else {
  const a = cp.fork(__filename, ['child']);
  const b = cp.fork(__filename, ['child']);
  let closed = false;
  let accepted = 0;
  const server = net.createServer((socket) => {
    (accepted++ === 0 ? a : b).send('hold', socket);
  });
  let holding = 0;
  const onHolding = (m) => {
    if (m === 'holding' && ++holding === 2) setTimeout(bothHold, 50);
  };
  a.on('message', onHolding);
  b.on('message', onHolding);

  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    // One after the other, so child a gets the first.
    net.connect(port, '127.0.0.1').on('connect', function() {
      this.resume();
      this.on('close', () => {
        console.log('client of child a closed');
        setTimeout(onlyBHolds, 50);
      });
      net.connect(port, '127.0.0.1').resume();
    });
  });

  function bothHold() {
    server.getConnections((err, n) => {
      console.log('connections while both children hold one:', err, n);
      a.send('end');
    });
  }

  function onlyBHolds() {
    server.getConnections((err, n) => {
      console.log('connections while child b holds one:', err, n);
      server.close(() => {
        closed = true;
        console.log('server closed');
        // Child b has disconnected but not exited: it cannot answer.
        server.getConnections((err, n) => {
          console.log('connections after close:', err && err.code, n);
          a.kill();
          b.kill();
        });
      });
      setTimeout(() => {
        console.log('closed while child b still holds one:', closed);
        b.disconnect();
      }, 100);
    });
  }
}
