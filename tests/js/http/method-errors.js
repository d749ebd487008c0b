// A request whose method is no known one fails as soon as the byte that rules
// it out arrives (the rest of the head need not come): clientError's code and
// bytesParsed (where in the read it was found) and rawPacket, and the 400 a
// server without a clientError listener answers, even to garbage pipelined
// behind a request still unanswered.
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
  for (const text of ['Oopsie-doopsie\r\n', 'GE T / HTTP/1.1\r\n', 'get / HTTP/1.1\r\n', 'XYZ',
    'GET / HTTP/1.1\r\nHost: x\r\n\r\n\r\nhello']) {
    show(JSON.stringify(text), await exchange(port, [text, null]));
  }
  server.close();
}

async function without() {
  const server = http.createServer((req, res) => console.log('request', req.url, JSON.stringify(req.headers)));
  const port = await listen(server);
  show('garbage behind an unanswered request', await exchange(port,
    'GET /blah HTTP/1.1\r\nHost: example.org\r\nCookie:\r\n\r\n\r\nhello world'));
  server.close();
}

(async () => {
  await withListener();
  await without();
})();
