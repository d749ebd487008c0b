// An http server's connection sockets: setEncoding throws (HTTP is bytes);
// close() ends the idle connections but not one with part of a head read; a
// socket timeout reaches the request only while it is still being read (then
// the response and the server's 'timeout').
'use strict';
const http = require('http');
const net = require('net');
const { listen } = require('./fixtures/wire');

async function encodingAndClose() {
  const server = http.createServer((req, res) => res.end('ok'));
  server.on('connection', (socket) => {
    try {
      socket.setEncoding('utf8');
    } catch (e) {
      console.log('setEncoding', e.name, e.code, e.message);
    }
  });
  const port = await listen(server);
  const partial = net.connect(port, '127.0.0.1');
  partial.on('error', () => {});
  await new Promise((r) => partial.on('connect', r));
  partial.write('GET / HTTP/1.1');
  let partialClosed = false;
  partial.on('close', () => { partialClosed = true; });
  const idle = net.connect(port, '127.0.0.1');
  idle.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  await new Promise((r) => idle.once('data', r));
  await new Promise((r) => setTimeout(r, 50));
  const idleClosed = new Promise((r) => idle.on('close', r));
  server.close(() => console.log('server closed'));
  await idleClosed;
  await new Promise((r) => setTimeout(r, 200));
  console.log('idle closed; mid-head closed:', partialClosed);
  server.closeAllConnections();
  await new Promise((r) => partial.on('close', r));
  console.log('mid-head closed by closeAllConnections');
}

async function timeouts() {
  const server = http.createServer((req, res) => {
    req.setTimeout(100, () => console.log('request timeout', req.url));
    res.on('timeout', () => console.log('response timeout', req.url));
    if (req.url === '/read') return; // its body never comes
    req.resume();
  });
  server.on('timeout', (socket) => {
    console.log('server timeout');
    socket.destroy();
  });
  const port = await listen(server);
  for (const head of ['GET /done HTTP/1.1\r\nHost: x\r\n\r\n',
    'POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab']) {
    await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => c.write(head));
      c.on('error', () => {});
      c.on('close', resolve);
    });
  }
  server.close();
}

(async () => {
  await encodingAndClose();
  await timeouts();
})();
