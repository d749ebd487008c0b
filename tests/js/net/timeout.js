// setTimeout: 'timeout' after idle time (activity restarts the clock), the socket
// stays open until destroyed; setTimeout(0) disarms; bad values throw node's errors.
const net = require('net');

const server = net.createServer((sock) => {
  sock.resume();
  sock.on('end', () => sock.end());
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const start = Date.now();
  let writes = 0;
  c.on('connect', () => {
    const iv = setInterval(() => {
      c.write('x');
      if (++writes === 4) clearInterval(iv);
    }, 20);
  });
  c.setTimeout(60, () => {
    console.log('timeout after the writes stopped:', writes === 4, Date.now() - start >= 60 + 60);
    console.log('still open:', !c.destroyed);
    c.setTimeout(0);
    c.end();
  });
  c.on('close', () => server.close(() => console.log('closed')));
});

for (const bad of ['1', -1]) {
  try {
    new net.Socket().setTimeout(bad);
  } catch (err) {
    console.log(err.code);
  }
}
