// A request whose method is no known one fails as soon as the byte that rules
// it out arrives (the rest of the head need not come): clientError's code and
// bytesParsed (where in the read it was found) and rawPacket, and the 400 a
// server without a clientError listener answers, even to garbage pipelined
// behind a request still unanswered; the socket is then destroyed with the
// parse error. A request whose Transfer-Encoding does not end in chunked is
// emitted, then fails (its body never ends).
'use strict';
const http = require('http');
const net = require('net');
const { exchange, show, listen } = require('./fixtures/wire');

async function withListener() {
  const server = http.createServer((req, res) => res.end('ok'));
  server.on('clientError', (err, socket) => {
    console.log('clientError', err.code, err.message, err.bytesParsed, JSON.stringify(String(err.rawPacket)));
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  });
  const port = await listen(server);
  for (const text of ['Oopsie-doopsie\r\n', 'FOO /\r\n', 'GE T / HTTP/1.1\r\n', 'get / HTTP/1.1\r\n', 'XYZ',
    'GET / HTTP/1.1\r\nHost: x\r\n\r\n\r\nhello']) {
    show(JSON.stringify(text), await exchange(port, [text, null]));
  }
  server.close();
}

async function without() {
  const server = http.createServer((req, res) => {
    console.log('request', req.url, JSON.stringify(req.headers));
    req.on('end', () => console.log('request end'));
  });
  server.on('connection', (socket) => {
    socket.on('error', (e) => console.log('socket error', e.code, e.bytesParsed));
  });
  const port = await listen(server);
  show('bad transfer-encoding', await exchange(port,
    'POST /te HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunkedchunked\r\n\r\n1\r\nA\r\n0\r\n\r\n'));
  show('garbage behind an unanswered request', await exchange(port,
    'GET /blah HTTP/1.1\r\nHost: example.org\r\nCookie:\r\n\r\n\r\nhello world'));
  server.close();
}

(async () => {
  await withListener();
  await without();
})();
