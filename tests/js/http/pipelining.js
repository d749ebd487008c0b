// Keep-alive and pipelining: requests sent in one write are answered in request
// order even when an earlier handler answers later; a connection serves several
// requests in turn; 'Connection: close' ends it after its response; the
// response events come as in node ('prefinish', 'finish', then 'close').
const http = require('http');
const net = require('net');
const { exchange, mask, show, listen } = require('./fixtures/wire');

const events = [];
const server = http.createServer((req, res) => {
  if (req.url === '/events') {
    for (const e of ['prefinish', 'finish', 'close']) res.on(e, () => events.push(`res ${e}`));
    req.on('end', () => events.push('req end'));
    res.end('e', () => events.push('end callback'));
    events.push(`after end: headersSent=${res.headersSent} writableEnded=${res.writableEnded}`);
    return;
  }
  const delay = Number(new URL(req.url, 'http://x').searchParams.get('delay') || 0);
  setTimeout(() => res.end(`${req.url}\n`), delay);
});

listen(server).then(async (port) => {
  const get = (path, extra = '') => `GET ${path} HTTP/1.1\r\nHost: x\r\n${extra}\r\n`;
  show('pipelined', await exchange(port, get('/1?delay=60') + get('/2') + get('/3?delay=20')));
  show('one by one', await exchange(port, [get('/a'), 100, get('/b'), 100, get('/c')]));
  show('data after close', await exchange(port, get('/x', 'Connection: close\r\n') + get('/never')));

  show('close', await exchange(port, get('/y', 'Connection: close\r\n')));

  // The same socket serves every request (keep-alive reuse).
  await new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let got = '';
    sock.on('data', (d) => {
      got += d;
      const n = (got.match(/HTTP\/1\.1 200/g) || []).length;
      if (n < 3) return sock.write(get(`/again${n}`));
      console.log('reused', JSON.stringify(mask(got)));
      sock.destroy();
      resolve();
    });
    sock.write(get('/again'));
  });

  await exchange(port, get('/events'));
  await new Promise((r) => setTimeout(r, 50));
  console.log(events.join('\n'));
  server.close();
});
