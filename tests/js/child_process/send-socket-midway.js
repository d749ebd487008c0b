// A socket passed mid-conversation: the parent accepts a TCP connection, reads
// the client's first line and answers it, then sends the socket to a forked
// child (child.send('socket', sock)); the child carries on the same connection:
// it greets the client, reads the client's next line (sent only once the child
// spoke, so no byte can be left in the parent) and answers it. Nothing the
// client sends after the hand-over may reach the parent, and the parent's
// socket object emits nothing more (node's behaviour: its handle is closed
// quietly once sent); the server still closes. Done twice in a row, the second time with a
// larger message from the client, to check the child reads it whole.
const net = require('net');
const cp = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (m, sock) => {
    if (m.act !== 'socket') return;
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('data', (d) => {
      buf += d;
      if (!buf.endsWith('\n')) return;
      sock.end(`child: got ${buf.length - 1} bytes after "${m.first}", ending with ${buf.slice(-4, -1)}\n`);
    });
    sock.on('close', () => process.send({ closed: m.round }));
    sock.write('child: your turn\n');
  });
} else {
  const child = cp.fork(__filename, ['child']);
  let round = 0;
  const server = net.createServer((sock) => {
    const my = ++round;
    sock.setEncoding('utf8');
    let first = '';
    const onData = (d) => {
      first += d;
      if (!first.endsWith('\n')) return;
      sock.removeListener('data', onData);
      sock.write(`parent: heard "${first.trim()}", passing you on\n`, () => {
        child.send({ act: 'socket', first: first.trim(), round: my }, sock);
        // The socket is the child's now: as in node, the parent's object
        // emits nothing more (anything read here would be lost to the child).
        for (const ev of ['data', 'end', 'close', 'error']) sock.on(ev, () => afterHandOver.push(ev));
      });
    };
    sock.on('data', onData);
  });
  const afterHandOver = [];

  function talk(port, size, done) {
    const client = net.connect(port, '127.0.0.1');
    client.setEncoding('utf8');
    let got = '';
    client.write('hello\n');
    client.on('data', (d) => {
      got += d;
      if (got.endsWith('child: your turn\n') && !client.sentRest) {
        client.sentRest = true;
        client.write(`${'x'.repeat(size - 3)}end\n`);
      }
    });
    client.on('end', () => {
      console.log(`size ${size}:`);
      for (const line of got.trim().split('\n')) console.log(`  ${line}`);
      done();
    });
  }

  const closed = new Set();
  let talked = 0;
  child.on('message', (m) => {
    if (m.closed) closed.add(m.closed);
    maybeFinish();
  });
  function maybeFinish() {
    if (talked === 2 && closed.size === 2) {
      console.log('events on the parent\'s sockets after the hand-over:', afterHandOver.length);
      server.close(() => console.log('server closed'));
      child.disconnect();
    }
  }
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    talk(port, 10, () => {
      talked++;
      talk(port, 200000, () => { talked++; maybeFinish(); });
    });
  });
}
