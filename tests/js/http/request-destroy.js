// req.destroy() on a request that came whole but was not read to its end: as
// in node, it is 'aborted' and takes its connection with it (the socket is
// destroyed at once, the response gets 'close'); the request's own 'close'
// comes two ticks on, and 'error' only for one who listens. A request read to
// its end and then destroyed keeps the connection.
const http = require('http');
const net = require('net');

function run(readFirst, done) {
  const log = [];
  let answered = false;
  const server = http.createServer((req, res) => {
    req.on('aborted', () => log.push('req aborted'));
    req.on('close', () => log.push('req close'));
    res.on('close', () => log.push(`res close, destroyed=${res.destroyed}`));
    const socket = req.socket;
    socket.on('close', () => {
      log.push('socket close');
      setTimeout(finish, 20);
    });
    const destroy = () => {
      log.push(`destroy: complete=${req.complete} readableEnded=${req.readableEnded}`);
      req.destroy();
      log.push(`socket destroyed=${socket.destroyed}`);
      process.nextTick(() => log.push('tick'));
      Promise.resolve().then(() => log.push('microtask'));
      setImmediate(() => log.push('immediate'));
      if (readFirst) setTimeout(() => { res.end('still here'); }, 10);
    };
    if (readFirst) {
      req.resume();
      req.on('end', () => setTimeout(destroy, 10));
    } else {
      setTimeout(destroy, 10);
    }
  });
  function finish() {
    console.log(`${readFirst ? 'read to its end' : 'not read'}:\n${log.join('\n')}\nanswered: ${answered}`);
    server.close(done);
  }
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      c.write('POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc');
    });
    c.on('error', () => {});
    c.on('data', (d) => {
      answered = /still here/.test(d);
      c.end();
    });
  });
}

run(false, () => run(true, () => {}));
