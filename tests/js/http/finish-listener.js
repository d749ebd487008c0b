// What a response's 'finish' listener sees, as in node: the server's own work
// on 'finish' is done before it runs (the socket let go, the unread request
// drained, its 'close' queued, the next pipelined response's 'finish' queued),
// so res.socket is null, the request flows, and a tick it queues comes after
// those.
const http = require('http');
const net = require('net');

const log = [];
const server = http.createServer((req, res) => {
  const u = req.url;
  res.on('finish', () => {
    log.push(`finish ${u}: socket=${res.socket} flowing=${req.readableFlowing} destroyed=${res.destroyed}`);
    process.nextTick(() => log.push(`tick queued by finish ${u}`));
  });
  res.on('close', () => log.push(`close ${u}`));
  req.on('end', () => log.push(`req end ${u}`));
  res.end(u);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write(['/a', '/b'].map((u) => `GET ${u} HTTP/1.1\r\nHost: x\r\n\r\n`).join(''));
  });
  let got = '';
  c.on('data', (d) => {
    got += d;
    if ((got.match(/HTTP\/1\.1 200/g) || []).length === 2) c.end();
  });
  c.on('close', () => setTimeout(() => {
    console.log(log.join('\n'));
    server.close();
  }, 20));
});
