// After server.close(), a keep-alive connection left open by its client still
// ends once idle for keepAliveTimeout (node's socket timeouts outlive the
// listening), so the server's 'close' comes and the process exits; and a 204 or
// 304 that says Transfer-Encoding: chunked closes its connection.
'use strict';
const http = require('http');
const net = require('net');
const { exchange, show, listen } = require('./fixtures/wire');

async function closedWithIdleClient() {
  const server = http.createServer({ keepAliveTimeout: 300 }, (req, res) => {
    res.end('ok');
    server.close(() => console.log('server close event'));
  });
  const port = await listen(server);
  const started = Date.now();
  await new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    c.on('data', () => {});
    c.on('end', () => {
      const waited = Date.now() - started;
      console.log('server ended the idle connection', waited >= 250 && waited < 3000);
      c.end();
    });
    c.on('close', resolve);
  });
}

async function bodilessChunked() {
  const server = http.createServer((req, res) => {
    res.writeHead(Number(req.url.slice(1)), { 'Transfer-Encoding': 'chunked' });
    res.end();
  });
  const port = await listen(server);
  for (const code of [204, 304]) {
    show(String(code), await exchange(port, `GET /${code} HTTP/1.1\r\nHost: x\r\n\r\n`));
  }
  server.close();
}

(async () => {
  await closedWithIdleClient();
  await bodilessChunked();
})();
